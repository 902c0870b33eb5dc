from __future__ import annotations

import io
from pathlib import Path

import pytest

from glosador.cli import main
from glosador.exchange.fields import without_place
from glosador.exchange.tbx import read_tbx
from glosador.glossary import load_glossary

NS = "urn:iso:std:iso:30042:ed-2"
TBX = f"""<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="es" xmlns="{NS}"><text><body>
  <conceptEntry id="foro-penal">
    <descrip type="definition">ONG venezolana.</descrip>
    <langSec xml:lang="es"><termSec><term>Foro Penal</term></termSec></langSec>
    <langSec xml:lang="en"><termSec><term>Foro Penal</term></termSec>
      <termSec><term>Penal Forum</term>
        <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
      <termSec><term/></termSec></langSec>
  </conceptEntry>
  <conceptEntry>
    <langSec xml:lang="es"><termSec><term>Asamblea Nacional</term></termSec></langSec>
    <langSec xml:lang="en"><termSec><term>National Assembly</term></termSec></langSec>
  </conceptEntry>
</body></text></tbx>
"""

EXISTING = """\
# Curated by the newsroom: keep this comment.
source_language: es
concepts:
  - id: foro-penal   # the NGO
    definition: Venezuelan human-rights NGO.
    terms:
      es:
        - Foro Penal
      en:
        - Foro Penal

  - id: onu
    terms:
      es:
        - Naciones Unidas
      en:
        - United Nations
"""


@pytest.fixture
def tbx(tmp_path: Path) -> Path:
    path = tmp_path / "in.tbx"
    path.write_text(TBX, encoding="utf-8")
    return path


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    folder = tmp_path / "glossary"
    folder.mkdir()
    path = folder / "newsroom.yaml"
    path.write_text(EXISTING, encoding="utf-8")
    return path


class TestImport:
    def test_prints_yaml(self, tbx: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["glossary", "import", str(tbx)]) == 0
        out, err = capsys.readouterr()
        assert out.startswith("source_language: es\nconcepts:\n  - id: foro-penal\n")
        assert "        - term: Penal Forum\n          status: deprecated\n" in out
        assert "  - id: asamblea-nacional\n" in out
        assert err.splitlines() == [
            f"{tbx}:9: empty term in 'en' skipped",
            f"imported 2 concepts, 5 terms, languages: en, es from {tbx} (1 notices)",
        ]

    def test_into_new_file(
        self, tbx: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        into = tmp_path / "new.yaml"
        assert main(["glossary", "import", "-q", str(tbx), "--into", str(into)]) == 0
        glossary = load_glossary(into, strict=False)
        assert [c.id for c in glossary] == ["foro-penal", "asamblea-nacional"]
        assert f"into {into}" in capsys.readouterr().err

    def test_merge_keeps_curated_and_comments(
        self, tbx: Path, existing: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main(["glossary", "import", str(tbx), "--into", str(existing)]) == 0
        err = capsys.readouterr().err
        assert "concept 'foro-penal' differs (definition; 'en' terms: 'Foro Penal' -> " in err
        assert "kept the glossary's version" in err
        assert "1 added, 0 extended, 0 replaced, 0 unchanged, 1 conflicts" in err
        text = existing.read_text(encoding="utf-8")
        assert text.startswith(EXISTING.rstrip("\n"))  # curated text and comments untouched
        glossary = load_glossary(existing)
        assert [c.id for c in glossary] == ["foro-penal", "onu", "asamblea-nacional"]
        assert glossary["foro-penal"].definition == "Venezuelan human-rights NGO."

    def test_merge_replace(
        self, tbx: Path, existing: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert (
            main(
                [
                    "glossary",
                    "import",
                    str(tbx),
                    "--into",
                    str(existing),
                    "--on-conflict",
                    "replace",
                ]
            )
            == 0
        )
        glossary = load_glossary(existing, strict=False)
        assert glossary["foro-penal"].definition == "ONG venezolana."
        assert [t.term for t in glossary["foro-penal"].terms["en"]] == ["Foro Penal", "Penal Forum"]
        assert "onu" in glossary
        assert "1 added, 0 extended, 1 replaced" in capsys.readouterr().err

    def test_merge_fail_writes_nothing(
        self, tbx: Path, existing: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code = main(
            ["glossary", "import", str(tbx), "--into", str(existing), "--on-conflict", "fail"]
        )
        assert code == 2
        assert existing.read_text(encoding="utf-8") == EXISTING
        err = capsys.readouterr().err
        assert "glosador: " in err and "'foro-penal' exists with other content" in err

    def test_reimport_is_idempotent(
        self, tbx: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        into = tmp_path / "g.yaml"
        assert main(["glossary", "import", "-q", str(tbx), "--into", str(into)]) == 0
        before = into.read_bytes()
        assert main(["glossary", "import", "-q", str(tbx), "--into", str(into)]) == 0
        assert into.read_bytes() == before
        assert (
            "0 added, 0 extended, 0 replaced, 2 unchanged, 0 conflicts (file unchanged)"
            in capsys.readouterr().err
        )

    def test_warns_about_ids_in_other_files(
        self, tbx: Path, existing: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        other = existing.parent / "other.yaml"
        assert main(["glossary", "import", "-q", str(tbx), "--into", str(other)]) == 0
        assert main(["glossary", "import", "-q", str(tbx), "--into", str(other)]) == 0
        (existing.parent / "third.yaml").write_text("source_language: es\nconcepts: []\n", "utf-8")
        assert (
            main(
                [
                    "glossary",
                    "import",
                    "-q",
                    str(tbx),
                    "--into",
                    str(existing.parent / "third.yaml"),
                ]
            )
            == 0
        )
        assert "concept id 'foro-penal' is also in" in capsys.readouterr().err

    def test_failed_import_leaves_no_file(self, tmp_path: Path) -> None:
        path = tmp_path / "bad.tbx"
        path.write_text(TBX.replace("</body>", ""), encoding="utf-8")
        into = tmp_path / "out"
        into.mkdir()
        assert main(["glossary", "import", "-q", str(path), "--into", str(into / "g.yaml")]) == 2
        assert list(into.iterdir()) == []

    def test_csv_with_map(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "g.txt"
        path.write_bytes("English;Spanish\nPenal Forum;Foro Penal\n".encode("utf-16"))
        args = ["glossary", "import", str(path), "--map", "English=en", "--map", "Spanish=es"]
        assert main(args) == 0
        out, err = capsys.readouterr()
        assert "  - id: penal-forum\n" in out
        assert "decoded as utf-16" in err

    def test_tsv_and_languages(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "weblate.tsv"
        path.write_text("source\ttarget\nHello\tHola\n", encoding="utf-8")
        assert main(["glossary", "import", str(path)]) == 2
        assert "--source-language" in capsys.readouterr().err
        args = [
            "glossary",
            "import",
            str(path),
            "--source-language",
            "en",
            "--target-language",
            "es_XX",
        ]
        assert main(args) == 0
        assert "      es:\n        - Hola\n" in capsys.readouterr().out

    def test_bad_input_is_one_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "bad.tbx"
        path.write_text(f'<tbx xmlns="{NS}">\n<text>\n</tbx>', encoding="utf-8")
        assert main(["glossary", "import", str(path)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"glosador: {path}:3:") and "malformed XML" in err
        assert len(err.splitlines()) == 1
        assert main(["glossary", "import", str(tmp_path / "missing.tbx")]) == 2
        assert "cannot read" in capsys.readouterr().err
        assert main(["glossary", "import", str(path), "--map", "nope"]) == 2


class TestExport:
    def test_tbx(self, existing: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        out = tmp_path / "out.tbx"
        assert main(["glossary", "export", "--glossary", str(existing), str(out)]) == 0
        assert "exported 2 concepts as TBX v3 (basic, dca)" in capsys.readouterr().err
        text = out.read_text(encoding="utf-8")
        assert 'type="TBX-Basic" style="dca"' in text
        with out.open("rb") as handle:
            back = read_tbx(handle, "out.tbx")
        assert [without_place(c) for c in back.concepts] == [
            without_place(c) for c in load_glossary(existing)
        ]
        assert main(["glossary", "export", "--glossary", str(existing), str(out)]) == 0
        assert "(unchanged)" in capsys.readouterr().err

    def test_dialects_and_stdout(self, existing: Path, capsys: pytest.CaptureFixture[str]) -> None:
        args = [
            "glossary",
            "export",
            "--glossary",
            str(existing),
            "--dialect",
            "min",
            "--style",
            "dct",
            "-",
        ]
        assert main(args) == 0
        out = capsys.readouterr().out
        assert 'type="TBX-Min" style="dct"' in out and "<min:administrativeStatus>" in out

    def test_csv_round_trip(
        self, existing: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / "out.csv"
        assert main(["glossary", "export", "--glossary", str(existing), str(out)]) == 0
        assert out.read_bytes().startswith(b"id,definition,es,en\r\n")
        into = tmp_path / "back.yaml"
        assert main(["glossary", "import", "-q", str(out), "--into", str(into)]) == 0
        assert [without_place(c) for c in load_glossary(into)] == [
            without_place(c) for c in load_glossary(existing)
        ]

    def test_tsv_format_option(self, existing: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert (
            main(["glossary", "export", "--glossary", str(existing), "--format", "tsv", "-"]) == 0
        )
        assert capsys.readouterr().out.startswith("id\tdefinition\tes\ten\r\n")

    def test_unwritable(
        self, existing: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        target = tmp_path / "no" / "such" / "dir.tbx"
        assert main(["glossary", "export", "--glossary", str(existing), str(target)]) == 2
        assert "cannot write" in capsys.readouterr().err

    def test_bundled_default(self, tmp_path: Path) -> None:
        out = tmp_path / "bundled.csv"
        assert main(["glossary", "export", str(out)]) == 0
        assert len(io.StringIO(out.read_text(encoding="utf-8")).readline()) > 10


def test_import_of_a_new_language_extends_curated_concepts(
    existing: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A termbase that only adds Portuguese (and repeats the Spanish) is no conflict."""
    csv_file = tmp_path / "pt.csv"
    csv_file.write_text(
        "id,es,pt\nforo-penal,Foro Penal,Foro Penal\nonu,Naciones Unidas,Nações Unidas\n",
        encoding="utf-8",
    )
    assert main(["glossary", "import", str(csv_file), "--into", str(existing)]) == 0
    err = capsys.readouterr().err
    assert "0 added, 2 extended, 0 replaced, 0 unchanged, 0 conflicts" in err, err
    text = existing.read_text(encoding="utf-8")
    assert text.startswith("# Curated by the newsroom: keep this comment.")
    assert "  - id: foro-penal   # the NGO\n" in text
    glossary = load_glossary(existing)
    assert [t.term for t in glossary["onu"].terms["pt"]] == ["Nações Unidas"]
    assert [t.term for t in glossary["onu"].terms["en"]] == ["United Nations"]
    assert glossary["foro-penal"].definition == "Venezuelan human-rights NGO."
    # importing it again changes nothing
    assert main(["glossary", "import", str(csv_file), "--into", str(existing)]) == 0
    assert "0 added, 0 extended, 0 replaced, 2 unchanged" in capsys.readouterr().err


def test_problems_of_the_imported_glossary_are_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_file = tmp_path / "two.csv"
    csv_file.write_text("es,en\nCelda,Cell\nCélula,Cell\n", encoding="utf-8")
    into = tmp_path / "out" / "terms.yaml"
    into.parent.mkdir()
    assert main(["glossary", "import", str(csv_file), "--into", str(into)]) == 0
    err = capsys.readouterr().err
    assert "GL003 'Cell' (en) is also a form of" in err
    assert "1 glossary problems after the import" in err
