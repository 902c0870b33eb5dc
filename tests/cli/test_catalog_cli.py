from __future__ import annotations

from pathlib import Path

import pytest

from glosador.catalog import expected_plural_forms
from glosador.cli import main

GLOSSARY = """\
# Curated by hand.
concepts:
  - id: foro-penal
    terms:
      es:
        - Foro Penal
      en:
        - Penal Forum

  - id: clippve
    definition: Committee of relatives of political prisoners.
    terms:
      es:
        - Comité por la Liberación de los Presos Políticos
      en:
        - Committee for the Freedom of Political Prisoners in Venezuela
"""

PT = """\
msgid ""
msgstr ""
"Language: pt_BR\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgctxt "foro-penal"
msgid "Foro Penal"
msgstr "Fórum Penal"

#, fuzzy
msgctxt "clippve"
msgid "Comité por la Liberación de los Presos Políticos"
msgstr "Comitê pela Libertação"

msgctxt "unknown-id"
msgid "Algo"
msgstr "Algo"
"""


@pytest.fixture
def glossary(write_glossary):  # type: ignore[no-untyped-def]
    return write_glossary(GLOSSARY)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_build_then_check(
    tmp_path: Path, glossary: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "locales"
    code, stdout, stderr = run(
        capsys, "catalog", "build", "--glossary", str(glossary), "--out", str(out)
    )
    assert code == 0
    assert f"wrote {out / 'glossary.pot'}" in stdout
    assert "3 file(s) written, 0 unchanged" in stderr
    code, stdout, _ = run(
        capsys, "catalog", "check", "--glossary", str(glossary), "--out", str(out)
    )
    assert (code, stdout) == (0, "")
    po = out / "en" / "LC_MESSAGES" / "glossary.po"
    po.write_text(po.read_text(encoding="utf-8").replace("Penal Forum", "Forum"), encoding="utf-8")
    code, stdout, stderr = run(
        capsys, "catalog", "check", "--glossary", str(glossary), "--out", str(out)
    )
    assert code == 1
    assert f"{po}:" in stdout and "differs" in stdout
    assert "out of date" in stderr
    code, _, _ = run(
        capsys, "catalog", "build", "--glossary", str(glossary), "--out", str(out), "-q"
    )
    assert code == 0


def test_build_unwritable(
    tmp_path: Path, glossary: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, stderr = run(
        capsys, "catalog", "build", "--glossary", str(glossary), "--out", str(blocker / "out")
    )
    assert code == 2
    assert stderr.startswith("glosador: ") and "cannot write" in stderr
    assert stderr.count("\n") == 1


def test_build_es_ve_and_source_en(
    tmp_path: Path,
    write_glossary,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    folder = write_glossary(
        GLOSSARY.replace(
            "      en:\n        - Penal Forum",
            "      es-VE:\n        - Foro Penal\n      en:\n        - Penal Forum",
        )
    )
    out = tmp_path / "locales"
    assert run(capsys, "catalog", "build", "--glossary", str(folder), "--out", str(out))[0] == 0
    assert (out / "es_VE" / "LC_MESSAGES" / "glossary.mo").is_file()
    code, _, _ = run(
        capsys,
        "catalog",
        "build",
        "--glossary",
        str(folder),
        "--out",
        str(tmp_path / "en"),
        "--source-lang",
        "en",
    )
    assert code == 0
    assert 'msgid "Penal Forum"\nmsgstr "Foro Penal"' in (
        tmp_path / "en" / "es" / "LC_MESSAGES" / "glossary.po"
    ).read_text(encoding="utf-8")


def test_compile_syntax_error_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.po"
    bad.write_text('msgid "a"\nmsgstr "b"\n\nmsgid "unterminated\nmsgstr ""\n', encoding="utf-8")
    code, _, stderr = run(capsys, "catalog", "compile", str(bad))
    assert code == 2
    assert stderr == f"glosador: {bad}:4: syntax error: malformed or unterminated string\n"


def test_compile_warns_about_plural_forms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    po = tmp_path / "es.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        'msgid "a"\nmsgstr "b"\n',
        encoding="utf-8",
    )
    code, stdout, stderr = run(capsys, "catalog", "compile", str(po))
    assert code == 0
    assert f"wrote {tmp_path / 'es.mo'}" in stdout
    assert f"{po}:4: warning: Plural-Forms 'nplurals=2; plural=(n > 1);'" in stderr
    assert f"Babel's data for 'es': {expected_plural_forms('es')!r}" in stderr


def test_compile_unknown_charset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=NOPE-1\\n"\n', encoding="utf-8"
    )
    code, _, stderr = run(capsys, "catalog", "compile", str(po))
    assert (code, stderr) == (2, f"glosador: {po}:3: unknown charset 'NOPE-1'\n")


def test_import(tmp_path: Path, glossary: Path, capsys: pytest.CaptureFixture[str]) -> None:
    po = tmp_path / "pt.po"
    po.write_text(PT, encoding="utf-8")
    code, stdout, stderr = run(
        capsys, "catalog", "import", str(po), "--glossary", str(glossary), "--dry-run"
    )
    assert code == 0
    assert "added    foro-penal [pt-BR]: Fórum Penal" in stdout
    assert f"skipped  {po}:14: clippve: fuzzy" in stdout
    assert f"skipped  {po}:18: unknown-id: no concept with this id" in stdout
    assert "(dry run)" in stderr
    assert "pt-BR" not in (glossary / "g.yaml").read_text(encoding="utf-8")

    code, stdout, stderr = run(
        capsys, "catalog", "import", str(po), "--glossary", str(glossary), "--include-fuzzy"
    )
    assert code == 0
    assert "2 added, 0 changed" in stderr
    text = (glossary / "g.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Curated by hand.\n")
    assert "      pt-BR:\n        - Fórum Penal\n\n  - id: clippve" in text
    assert text.endswith("      pt-BR:\n        - Comitê pela Libertação\n")

    code, stdout, stderr = run(
        capsys, "catalog", "import", str(po), "--glossary", str(glossary), "--include-fuzzy"
    )
    assert "0 added, 0 changed, 2 unchanged" in stderr
    assert "wrote" not in stdout


def test_import_errors(tmp_path: Path, glossary: Path, capsys: pytest.CaptureFixture[str]) -> None:
    po = tmp_path / "x.po"
    po.write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    code, _, stderr = run(capsys, "catalog", "import", str(po), "--glossary", str(glossary))
    assert code == 2 and "no Language header" in stderr
    code, _, stderr = run(
        capsys, "catalog", "import", str(po), "--glossary", str(glossary), "--lang", "xx-nope"
    )
    assert code == 2 and "unknown language code" in stderr
    code, _, stderr = run(
        capsys, "catalog", "import", str(po), "--glossary", str(glossary), "--lang", "es"
    )
    assert code == 2 and "source language" in stderr
