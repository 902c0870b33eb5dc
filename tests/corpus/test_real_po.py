"""The real .po files of the shared corpus (third-party data, read in place, never copied)."""

from __future__ import annotations

import gettext
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import corpus_dir
from glosador.catalog import compile_catalogs, expected_plural_forms
from glosador.errors import CatalogError
from glosador.pofile import plural_forms_warning, read_po


def _po_dir() -> Path:
    corpus = corpus_dir()
    folder = corpus / "real" / "po" if corpus is not None else None
    if folder is None or not folder.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("the shared corpus is missing (set GLOSADOR_CORPUS)")
        pytest.skip("the shared corpus is not here (set GLOSADOR_CORPUS)")
    return folder


def _files() -> list[str]:
    corpus = corpus_dir()
    if corpus is None or not (corpus / "real" / "po").is_dir():
        return ["<missing>"]
    return sorted(p.name for p in (corpus / "real" / "po").glob("*.po"))


@pytest.fixture
def po_dir() -> Path:
    return _po_dir()


@pytest.mark.parametrize("name", _files())
def test_every_po_reads(po_dir: Path, name: str) -> None:
    path = po_dir / name
    po = read_po(path)
    assert len(po) > 100
    lines = path.read_bytes().decode(po.charset).split("\n")
    for entry in po:
        assert len(entry.msgstr_lines) == max(1, len(entry.msgstr_plural))
        for line in entry.msgstr_lines:
            assert "msgstr" in lines[line - 1]


@pytest.mark.parametrize("name", _files())
def test_compiles_like_msgfmt(po_dir: Path, name: str, tmp_path: Path) -> None:
    if shutil.which("msgfmt") is None:
        pytest.skip("GNU gettext missing")
    source = po_dir / name
    copy = tmp_path / name
    copy.write_bytes(source.read_bytes())  # compiled in a temporary folder only
    compile_catalogs([copy])
    gnu = tmp_path / "gnu.mo"
    subprocess.run(["msgfmt", "-o", str(gnu), str(source)], check=True, capture_output=True)

    def table(path: Path) -> dict[object, object]:
        with path.open("rb") as handle:
            result = dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]
        result.pop("", None)
        return result

    ours, theirs = table(copy.with_suffix(".mo")), table(gnu)
    # msgfmt moves <inttypes.h> formats (%<PRIu32>) to a section Python's gettext skips
    system_dependent = {
        e.msgid for e in read_po(source) if "%<PRI" in e.msgid + (e.msgid_plural or "")
    }
    extra = set(ours) - set(theirs)
    assert all((key[0] if isinstance(key, tuple) else key) in system_dependent for key in extra)
    assert {key: ours[key] for key in theirs} == theirs


def test_git_es_counts(po_dir: Path) -> None:
    po = read_po(po_dir / "git-es.po")
    assert len(po) == 5484
    assert sum(1 for e in po if e.msgid_plural is not None) == 67
    assert po.language == "es"


def test_latin1(po_dir: Path) -> None:
    po = read_po(po_dir / "amule-es-2005-iso-8859-1.po")
    assert po.charset.lower() == "iso-8859-1"
    assert sum(1 for e in po if e.obsolete) == 333
    assert any("ó" in e.msgstr for e in po)


def test_previous_msgids_and_contexts(po_dir: Path) -> None:
    po = read_po(po_dir / "gnome-calculator-es-1dd6138-previous-msgid.po")
    active_fuzzy = [e for e in po.active() if e.fuzzy]
    assert active_fuzzy and all(e.previous_msgid is not None for e in active_fuzzy)
    assert sum(1 for e in po if e.msgctxt is not None and not e.obsolete) > 100


def test_django_plural_forms_defect_is_a_warning(po_dir: Path) -> None:
    po = read_po(po_dir / "django-allauth-es-django.po")
    expected = expected_plural_forms("es")
    assert expected is not None
    warning = plural_forms_warning(po, expected, "es")
    assert warning is not None and warning.line == 18
    assert "(n > 1)" in warning.message and repr(expected) in warning.message
    for name in ("git-es.po", "gnome-calculator-es.po", "amule-es-weblate.po"):
        assert plural_forms_warning(read_po(po_dir / name), expected, "es") is None


def test_malformed_pot_reads_like_gettext(po_dir: Path) -> None:
    path = po_dir / "edge-cases" / "git-gui-glossary.pot"
    try:
        po = read_po(path)
    except CatalogError as exc:  # the other accepted outcome: rejected, naming the line
        assert exc.line == 225
        return
    assert len(po) == 96
    assert all(e.msgstr == "" for e in po)
    assert "patch" in {e.msgid for e in po}
    if shutil.which("msgcat"):
        gnu = subprocess.run(
            ["msgcat", "--no-wrap", str(path)], check=True, capture_output=True, text=True
        ).stdout
        from glosador.pofile import parse_po

        assert [e.msgid for e in parse_po(gnu)] == [e.msgid for e in po]


def test_unknown_charset_in_a_real_file(po_dir: Path, tmp_path: Path) -> None:
    data = (po_dir / "git-es.po").read_bytes().replace(b"charset=UTF-8", b"charset=NOPE", 1)
    path = tmp_path / "copy.po"
    path.write_bytes(data)
    with pytest.raises(CatalogError, match=r"copy.po:16: unknown charset 'NOPE'"):
        read_po(path)
    assert io.BytesIO(data).read(1)
