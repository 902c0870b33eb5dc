"""The real TBX and CSV termbases of the shared corpus (third-party data, read in place).

The expected counts were checked by hand against the files (and their README),
independently of glosador: entries (``termEntry``/``conceptEntry``), ``<term>``
elements that are not empty, and ``xml:lang`` values; for CSV, data rows and
cells. Empty terms are reported as notices and never imported.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from conftest import corpus_dir
from glosador.cli import main
from glosador.dump import dump_glossary
from glosador.exchange.csvfile import read_csv, write_csv
from glosador.exchange.fields import without_place
from glosador.exchange.result import ImportResult
from glosador.exchange.tbx import read_tbx, write_tbx
from glosador.glossary import load_glossary
from glosador.model import Status, TermType

#: file -> (concepts, terms, languages, empty terms skipped)
TBX = {
    # 148 entries, 296 <term>, 138 of them empty (137 <term/>): 158 terms, es only in 10
    "slicer-weblate-glossary-es.tbx": (148, 158, ("en", "es"), 138),
    "iate-exemplum-tbx3.tbx": (2, 12, ("da", "de", "el", "en", "es", "fr", "it", "pt"), 0),
    "hxltm-exemplum-linguam-tbxbasic-v2.tbx": (
        8,
        50,
        ("ar", "en", "es", "hi", "la", "pt", "sl"),
        0,
    ),
    "omegat-sampleTBXfile-bom.tbx": (1, 2, ("en", "hu"), 0),
    "weblate-fr-extended-metadata.tbx": (2, 4, ("en", "fr"), 0),
    "terminology-all-categories-dca-tbx3.tbx": (1, 1, ("en",), 0),
    "terminology-rich-dct-tbx3.tbx": (2, 7, ("en", "es", "he"), 0),
}
#: file -> (concepts, terms, languages, rows skipped because every term is empty)
CSV = {
    # 612 rows: 306 terms pairs, then 306 rows ",,es_XX,," with empty terms
    "tico19-facebook-en-es.csv": (306, 612, ("en", "es"), 306),
    "tico19-google-en-es-419.csv": (337, 674, ("en", "es-419"), 0),
}


def _real() -> Path:
    corpus = corpus_dir()
    folder = corpus / "real" if corpus is not None else None
    if folder is None or not (folder / "tbx").is_dir() or not (folder / "glossary-csv").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("the shared corpus is missing (set GLOSADOR_CORPUS)")
        pytest.skip("the shared corpus is not here (set GLOSADOR_CORPUS)")
    return folder


def _import(path: Path) -> ImportResult:
    if path.suffix == ".tbx":
        with path.open("rb") as handle:
            return read_tbx(handle, path.name)
    return read_csv(path.read_bytes(), path.name)


def _check_counts(result: ImportResult, expected: tuple[int, int, tuple[str, ...], int]) -> None:
    concepts, terms, languages, skipped = expected
    assert len(result.concepts) == concepts
    assert result.term_count == terms
    assert tuple(sorted(result.languages)) == languages
    assert all(t.term.strip() for c in result.concepts for t in c.all_terms())
    empties = [n for n in result.notices if "empty term" in n.message or "only empty" in n.message]
    assert len(empties) == skipped


@pytest.mark.parametrize("name", sorted(TBX))
def test_tbx_imports_with_counts(name: str) -> None:
    _check_counts(_import(_real() / "tbx" / name), TBX[name])


@pytest.mark.parametrize("name", sorted(CSV))
def test_csv_imports_with_counts(name: str) -> None:
    _check_counts(_import(_real() / "glossary-csv" / name), CSV[name])


def test_slicer_details() -> None:
    result = _import(_real() / "tbx" / "slicer-weblate-glossary-es.tbx")
    assert result.source_language == "en"
    assert sum("es" in c.terms for c in result.concepts) == 10
    ids = [c.id for c in result.concepts]
    assert len(set(ids)) == 148
    assert ids[:3] == ["glyph", "volume", "toggle-visibility"]
    assert "cell" in ids and "cell-2" not in ids and "1" in ids  # 'Cell' twice: one has id="1"
    assert str(result.notices[0]) == "slicer-weblate-glossary-es.tbx:15: empty term in 'es' skipped"


def test_iate_and_dct_details() -> None:
    iate = _import(_real() / "tbx" / "iate-exemplum-tbx3.tbx")
    assoc = iate.concepts[1]
    assert assoc.id == "113131" and assoc.subject == "Latin America;FINANCE"
    assert [(t.term, t.type) for t in assoc.terms["es"]][1] == ("Asoexpo", TermType.ABBREVIATION)
    assert assoc.terms["es"][0].extra == {"reliabilityCode": "1"}
    dct = _import(_real() / "tbx" / "terminology-rich-dct-tbx3.tbx")
    statuses = [t.status for t in dct.concepts[0].terms["en"]]
    assert statuses == [Status.PREFERRED, Status.ADMITTED, Status.DEPRECATED]


def test_hxltm_terms_are_trimmed() -> None:
    hxltm = _import(_real() / "tbx" / "hxltm-exemplum-linguam-tbxbasic-v2.tbx")
    assert hxltm.concepts[0].id == "l10n-ego-codicem"
    assert hxltm.concepts[0].terms["es"][0].term == "spa-Latn"
    assert hxltm.source_language == "la"


def test_weblate_and_omegat_details() -> None:
    weblate = _import(_real() / "tbx" / "weblate-fr-extended-metadata.tbx")
    assert [c.translate for c in weblate.concepts] == [True, False]
    assert weblate.concepts[0].terms["fr"][0].status is Status.DEPRECATED
    assert weblate.concepts[0].extra == {
        "Usage note": "Avoid using this term in any documentation."
    }
    omegat = _import(_real() / "tbx" / "omegat-sampleTBXfile-bom.tbx")
    (concept,) = omegat.concepts
    assert (
        concept.id == "eid-oracle-67"
        and concept.definition == "A value between 0 and 1 used in ..."
    )
    assert concept.terms["en"][0].part_of_speech == "noun"


def test_google_csv_details() -> None:
    google = _import(_real() / "glossary-csv" / "tico19-google-en-es-419.csv")
    first = google.concepts[0]
    assert first.definition is not None and first.definition.startswith("In the context of")
    assert first.terms["en"][0].term == "contagious"
    assert first.terms["es-419"][0].term == "contagioso"
    assert first.terms["es-419"][0].part_of_speech == "adjective"


ALL = [("tbx", n) for n in sorted(TBX)] + [("glossary-csv", n) for n in sorted(CSV)]


@pytest.mark.parametrize(("folder", "name"), ALL)
def test_round_trips(folder: str, name: str, tmp_path: Path) -> None:
    result = _import(_real() / folder / name)
    concepts = [without_place(c) for c in result.concepts]
    for dialect in ("basic", "min", "core"):
        out = io.StringIO()
        write_tbx(concepts, out, source_language=result.source_language, dialect=dialect)
        back = read_tbx(io.BytesIO(out.getvalue().encode("utf-8")), "x.tbx")
        assert [without_place(c) for c in back.concepts] == concepts
    out = io.StringIO()
    write_csv(concepts, out, source_language=result.source_language)
    back = read_csv(out.getvalue().encode("utf-8"), "x.csv")
    assert [without_place(c) for c in back.concepts] == concepts
    yaml_file = tmp_path / "g.yaml"
    yaml_file.write_text(dump_glossary(concepts, source_language=result.source_language), "utf-8")
    assert [without_place(c) for c in load_glossary(yaml_file, strict=False)] == concepts


def test_cli_imports_every_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    real = _real()
    for folder, name in ALL:
        into = tmp_path / f"{name}.yaml"
        assert (
            main(["glossary", "import", "-q", str(real / folder / name), "--into", str(into)]) == 0
        )
        assert len(load_glossary(into, strict=False)) == (TBX | CSV)[name][0]
    err = capsys.readouterr().err
    assert "imported 148 concepts, 158 terms, languages: en, es" in err
