from __future__ import annotations

import gettext
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po as babel_read_po

import glosador.catalog as catalog_module
from glosador.catalog import (
    build_catalogs,
    check_catalogs,
    compile_catalogs,
    expected_plural_forms,
    glossary_catalog,
    plan_catalogs,
)
from glosador.errors import CatalogError
from glosador.glossary import load_glossary
from glosador.pofile import plural_forms_agree, read_po

ROOT = Path(__file__).resolve().parents[2]

GLOSSARY = """\
# A small glossary for catalog tests.
source_language: es
concepts:
  - id: clippve
    subject: organization
    definition: Venezuelan committee of relatives of political prisoners.
    note: Founded 2024.
    terms:
      es:
        - Comité por la Liberación de los Presos Políticos
        - term: CLIPPVE
          type: acronym
      en:
        - Committee for the Freedom of Political Prisoners in Venezuela
        - term: Committee for the Release of Political Prisoners
          status: admitted
        - term: Political Prisoners Committee
          status: deprecated
      es-VE:
        - Comité por la Liberación de los Presos Políticos de Venezuela

  - id: asamblea-ve
    terms:
      es:
        - term: Asamblea Nacional
          context: Venezuela
      en:
        - National Assembly

  - id: asamblea-ec
    definition: Ecuador's legislature.
    terms:
      es:
        - term: Asamblea Nacional
          context: Ecuador
      en:
        - National Assembly of Ecuador

  - id: vente
    translate: false
    terms:
      es:
        - Vente Venezuela

  - id: descuento
    terms:
      es:
        - 50% de descuento
      en:
        - 50% discount
"""

needs_gettext = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext missing")


@pytest.fixture
def glossary_dir(write_glossary):  # type: ignore[no-untyped-def]
    return write_glossary(GLOSSARY)


@pytest.fixture
def built(tmp_path: Path, glossary_dir: Path) -> Path:
    out = tmp_path / "locales"
    build_catalogs(load_glossary(glossary_dir), out)
    return out


def messages(handle: io.BufferedReader) -> dict[object, object]:
    """A .mo file's messages, without the header (each tool writes its own)."""
    table = dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]
    table.pop("", None)
    return table


def po_of(out: Path, lang: str, suffix: str = ".po") -> Path:
    return out / lang / "LC_MESSAGES" / f"glossary{suffix}"


class TestBuild:
    def test_layout(self, built: Path) -> None:
        assert (built / "glossary.pot").is_file()
        for lang in ("en", "es_VE"):
            assert po_of(built, lang).is_file()
            assert po_of(built, lang, ".mo").is_file()
        assert not (built / "es").exists()

    def test_msgctxt_keeps_concepts_with_the_same_source_term(self, built: Path) -> None:
        po = read_po(po_of(built, "en"))
        found = {e.msgctxt: e.msgstr for e in po if e.msgid == "Asamblea Nacional"}
        assert found == {
            "asamblea-ve": "National Assembly",
            "asamblea-ec": "National Assembly of Ecuador",
        }

    def test_entries_and_comments(self, built: Path, glossary_dir: Path) -> None:
        po = read_po(po_of(built, "en"))
        entry = next(e for e in po if e.msgctxt == "clippve")
        assert entry.msgid == "Comité por la Liberación de los Presos Políticos"
        assert entry.msgstr == "Committee for the Freedom of Political Prisoners in Venezuela"
        comment = entry.comment.split("\n")
        assert "Definition: Venezuelan committee of relatives of political prisoners." in comment
        assert "Note: Founded 2024." in comment
        assert "Subject: organization" in comment
        assert "Type: full-form" in comment
        assert "es admitted acronym: CLIPPVE" in comment
        assert "en admitted full-form: Committee for the Release of Political Prisoners" in comment
        assert "en deprecated full-form: Political Prisoners Committee" in comment
        assert entry.occurrences == ((str(glossary_dir / "g.yaml"), "4"),)

    def test_template(self, built: Path) -> None:
        pot = read_po(built / "glossary.pot")
        assert all(e.msgstr == "" for e in pot)
        assert len(pot) == 5
        assert "Language" not in pot.header

    def test_translate_false_keeps_the_name(self, built: Path) -> None:
        for lang in ("en", "es_VE"):
            entry = next(e for e in read_po(po_of(built, lang)) if e.msgctxt == "vente")
            assert entry.msgstr == "Vente Venezuela"

    def test_untranslated_when_the_language_lacks_the_concept(self, built: Path) -> None:
        entry = next(e for e in read_po(po_of(built, "es_VE")) if e.msgctxt == "asamblea-ve")
        assert entry.msgstr == ""

    def test_headers(self, built: Path) -> None:
        po = read_po(po_of(built, "es_VE"))
        assert po.language == "es_VE"
        assert po.plural_forms == expected_plural_forms("es_VE")  # Babel's CLDR data
        assert plural_forms_agree(po.plural_forms, "nplurals=2; plural=(n != 1);")
        assert po.header["Content-Type"] == "text/plain; charset=UTF-8"
        assert po.header["POT-Creation-Date"] == "1970-01-01 00:00+0000"
        assert "Babel" not in po_of(built, "en").read_text(encoding="utf-8")

    def test_no_format_flags_on_terms(self, built: Path) -> None:
        entry = next(e for e in read_po(po_of(built, "en")) if e.msgctxt == "descuento")
        assert entry.flags == ()

    def test_reproducible_and_untouched(self, built: Path, glossary_dir: Path) -> None:
        before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in built.rglob("*.*")}
        result = build_catalogs(load_glossary(glossary_dir), built)
        assert result.written == ()
        assert len(result.unchanged) == 5
        after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in built.rglob("*.*")}
        assert before == after

    def test_source_date_epoch(
        self, tmp_path: Path, glossary_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        build_catalogs(load_glossary(glossary_dir), tmp_path / "out")
        po = read_po(po_of(tmp_path / "out", "en"))
        assert po.header["POT-Creation-Date"] == "2023-11-14 22:13+0000"
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
        with pytest.raises(CatalogError, match="SOURCE_DATE_EPOCH"):
            build_catalogs(load_glossary(glossary_dir), tmp_path / "out")

    def test_source_lang_en(self, tmp_path: Path, glossary_dir: Path) -> None:
        out = tmp_path / "en-source"
        result = build_catalogs(load_glossary(glossary_dir), out, source_lang="en")
        po = read_po(po_of(out, "es"))
        entry = next(e for e in po if e.msgctxt == "asamblea-ec")
        assert (entry.msgid, entry.msgstr) == ("National Assembly of Ecuador", "Asamblea Nacional")
        assert po.language == "es"
        # vente has no English term: left out, with a warning naming the concept
        assert "vente" not in {e.msgctxt for e in po}
        assert any("'vente'" in w.message for w in result.warnings)

    def test_domain(self, tmp_path: Path, glossary_dir: Path) -> None:
        build_catalogs(load_glossary(glossary_dir), tmp_path, domain="terms")
        assert (tmp_path / "terms.pot").is_file()
        assert (tmp_path / "en" / "LC_MESSAGES" / "terms.mo").is_file()

    def test_babel_catalog(self, glossary_dir: Path) -> None:
        catalog = glossary_catalog(load_glossary(glossary_dir), "en")
        assert catalog.get("Asamblea Nacional", context="asamblea-ec").string == (
            "National Assembly of Ecuador"
        )
        assert str(catalog.locale) == "en"


class TestPeers:
    def test_python_gettext_pgettext(self, built: Path, glossary_dir: Path) -> None:
        glossary = load_glossary(glossary_dir)
        with po_of(built, "en", ".mo").open("rb") as handle:
            translations = gettext.GNUTranslations(handle)
        for concept in glossary:
            source = concept.preferred("es")
            assert source is not None
            target = concept.preferred("en") or (None if concept.translate else source)
            assert target is not None
            assert translations.pgettext(concept.id, source.term) == target.term

    def test_babel_reads_what_we_write(self, built: Path) -> None:
        for path in [built / "glossary.pot", po_of(built, "en"), po_of(built, "es_VE")]:
            with path.open("rb") as handle:
                catalog = babel_read_po(handle)
            ours = read_po(path)
            theirs = {(m.context, m.id): m.string for m in catalog if m.id}
            assert theirs == {(e.msgctxt, e.msgid): e.msgstr for e in ours}
            assert catalog.fuzzy == (path.suffix == ".pot")

    @needs_gettext
    def test_msgfmt_check_and_compile(self, built: Path, tmp_path: Path) -> None:
        for lang in ("en", "es_VE"):
            mo = tmp_path / f"{lang}.mo"
            run = subprocess.run(
                ["msgfmt", "--check", "-o", str(mo), str(po_of(built, lang))],
                capture_output=True,
                text=True,
            )
            assert run.returncode == 0, run.stderr
            assert run.stderr == ""
            with mo.open("rb") as gnu, po_of(built, lang, ".mo").open("rb") as ours:
                assert messages(gnu) == messages(ours)

    @needs_gettext
    def test_gnu_reads_our_mo(self, built: Path) -> None:
        run = subprocess.run(
            ["msgunfmt", str(po_of(built, "en", ".mo"))], capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
        assert 'msgstr "National Assembly of Ecuador"' in run.stdout

    def test_pybabel_compile(self, built: Path, tmp_path: Path) -> None:
        out = tmp_path / "pybabel.mo"
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "babel.messages.frontend",
                "compile",
                "-i",
                str(po_of(built, "en")),
                "-o",
                str(out),
            ],
            capture_output=True,
            text=True,
        )
        if run.returncode != 0 and "No module named" in run.stderr:
            pybabel = shutil.which("pybabel") or str(Path(sys.executable).parent / "pybabel")
            run = subprocess.run(
                [pybabel, "compile", "-i", str(po_of(built, "en")), "-o", str(out)],
                capture_output=True,
                text=True,
            )
        assert run.returncode == 0, run.stderr
        with out.open("rb") as theirs, po_of(built, "en", ".mo").open("rb") as ours:
            assert messages(theirs) == messages(ours)


OLD_PT = """\
# Portuguese translation, by hand.
msgid ""
msgstr ""
"Language: pt\\n"
"Last-Translator: Ana <ana@example.org>\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

# Ana: official name, checked 2025
msgctxt "clippve"
msgid "Comité por la Liberación de los Presos Políticos"
msgstr "Comitê pela Libertação dos Presos Políticos"

msgctxt "asamblea-ve"
msgid "Asamblea Nacional de Venezuela"
msgstr "Assembleia Nacional da Venezuela"

msgctxt "gone"
msgid "Tribunal Supremo de Elecciones"
msgstr "Tribunal Superior Eleitoral"

msgctxt "never"
msgid "Nunca traducido"
msgstr ""
"""


class TestMerge:
    @pytest.fixture
    def merged(self, tmp_path: Path, glossary_dir: Path) -> tuple[Path, object]:
        out = tmp_path / "locales"
        po_of(out, "pt").parent.mkdir(parents=True)
        po_of(out, "pt").write_text(OLD_PT, encoding="utf-8")
        result = build_catalogs(load_glossary(glossary_dir), out)
        return out, result

    def test_statuses(self, merged: tuple[Path, object]) -> None:
        out, _result = merged
        po = read_po(po_of(out, "pt"))
        by_ctx = {e.msgctxt: e for e in po}
        kept = by_ctx["clippve"]
        assert kept.msgstr == "Comitê pela Libertação dos Presos Políticos" and not kept.fuzzy
        assert kept.tcomment == "Ana: official name, checked 2025"
        assert (
            "Definition: Venezuelan committee of relatives of political prisoners." in kept.comment
        )
        changed = by_ctx["asamblea-ve"]
        assert changed.fuzzy and changed.msgid == "Asamblea Nacional"
        assert changed.previous_msgid == "Asamblea Nacional de Venezuela"
        assert changed.msgstr == "Assembleia Nacional da Venezuela"
        # like msgmerge: a new concept with a close translated msgid gets a fuzzy suggestion
        suggested = by_ctx["asamblea-ec"]
        assert suggested.fuzzy and suggested.msgstr == "Assembleia Nacional da Venezuela"
        assert by_ctx["descuento"].msgstr == "" and not by_ctx["descuento"].fuzzy
        assert by_ctx["gone"].obsolete and by_ctx["gone"].msgstr == "Tribunal Superior Eleitoral"
        assert "never" not in by_ctx  # untranslated and gone: dropped, as msgmerge does
        assert po.header["Last-Translator"] == "Ana <ana@example.org>"
        assert po.header["POT-Creation-Date"] == "1970-01-01 00:00+0000"
        assert po.header_comment == "Portuguese translation, by hand."

    def test_mo_and_idempotent(self, merged: tuple[Path, object], glossary_dir: Path) -> None:
        out, _result = merged
        with po_of(out, "pt", ".mo").open("rb") as handle:
            translations = gettext.GNUTranslations(handle)
        assert translations.pgettext(
            "clippve", "Comité por la Liberación de los Presos Políticos"
        ) == ("Comitê pela Libertação dos Presos Políticos")
        # fuzzy entries stay out of the .mo
        assert translations.pgettext("asamblea-ve", "Asamblea Nacional") == "Asamblea Nacional"
        again = build_catalogs(load_glossary(glossary_dir), out)
        assert again.written == ()
        assert check_catalogs(load_glossary(glossary_dir), out).in_sync

    @needs_gettext
    def test_msgfmt_check(self, merged: tuple[Path, object]) -> None:
        out, _result = merged
        run = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(po_of(out, "pt"))],
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stderr

    @needs_gettext
    def test_agrees_with_msgmerge(self, tmp_path: Path, merged: tuple[Path, object]) -> None:
        out, _result = merged
        old = tmp_path / "old.po"
        old.write_text(OLD_PT, encoding="utf-8")
        gnu = tmp_path / "gnu.po"
        run = subprocess.run(
            ["msgmerge", "--quiet", "-o", str(gnu), str(old), str(out / "glossary.pot")],
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stderr

        def statuses(path: Path) -> dict[tuple[str | None, str], str]:
            result = {}
            for e in read_po(path):
                status = (
                    "obsolete"
                    if e.obsolete
                    else "fuzzy"
                    if e.fuzzy
                    else ("translated" if e.msgstr else "new")
                )
                result[(e.msgctxt, e.msgid)] = status
            return result

        assert statuses(gnu) == statuses(po_of(out, "pt"))

    def test_plural_forms_warning(self, tmp_path: Path, glossary_dir: Path) -> None:
        out = tmp_path / "locales"
        # European Portuguese has one singular (n != 1 refines CLDR's three forms);
        # Brazilian Portuguese takes 0 as singular too, so (n != 1) is wrong there.
        po_of(out, "pt_PT").parent.mkdir(parents=True)
        po_of(out, "pt_BR").parent.mkdir(parents=True)
        po_of(out, "pt_PT").write_text(
            OLD_PT.replace("Language: pt", "Language: pt_PT"), encoding="utf-8"
        )
        po_of(out, "pt_BR").write_text(
            OLD_PT.replace("Language: pt", "Language: pt_BR"), encoding="utf-8"
        )
        result = build_catalogs(load_glossary(glossary_dir), out)
        messages = [str(w) for w in result.warnings]
        assert len(messages) == 1
        assert "pt_BR" in messages[0] and ":7: warning: Plural-Forms" in messages[0]
        assert "'nplurals=2; plural=(n != 1);'" in messages[0]
        assert repr(expected_plural_forms("pt_BR")) in messages[0]


class TestCheck:
    def test_in_sync(self, built: Path, glossary_dir: Path) -> None:
        result = check_catalogs(load_glossary(glossary_dir), built)
        assert result.in_sync and result.differences == ()

    def test_changed_and_missing(self, built: Path, glossary_dir: Path) -> None:
        po = po_of(built, "en")
        po.write_text(
            po.read_text(encoding="utf-8").replace("National Assembly of Ecuador", "X"),
            encoding="utf-8",
        )
        po_of(built, "en", ".mo").unlink()
        result = check_catalogs(load_glossary(glossary_dir), built)
        assert not result.in_sync
        by_kind = {d.kind: d for d in result.differences}
        assert by_kind["missing"].path == po_of(built, "en", ".mo")
        changed = by_kind["changed"]
        assert changed.path == po and changed.actual == 'msgstr "X"'
        assert changed.expected == 'msgstr "National Assembly of Ecuador"'
        assert str(changed).startswith(f"{po}:{changed.line}: differs")

    def test_bundled_locales_are_in_sync(self) -> None:
        """locales/ is committed: regenerate it with `python -m glosador catalog build`."""
        result = check_catalogs(load_glossary(), ROOT / "locales")
        assert [str(d) for d in result.differences] == []


class TestCompile:
    def test_compile_equals_build(self, built: Path) -> None:
        mo = po_of(built, "en", ".mo")
        expected = mo.read_bytes()
        mo.unlink()
        result = compile_catalogs([built])
        assert result.written == (mo,)
        assert result.unchanged == (po_of(built, "es_VE", ".mo"),)
        assert mo.read_bytes() == expected

    def test_fuzzy_only_with_use_fuzzy(self, tmp_path: Path) -> None:
        po = tmp_path / "x.po"
        po.write_text(
            'msgid ""\nmsgstr "Language: es\\n"\n\n#, fuzzy\nmsgid "a"\nmsgstr "b"\n',
            encoding="utf-8",
        )
        compile_catalogs([po])
        with po.with_suffix(".mo").open("rb") as handle:
            assert gettext.GNUTranslations(handle).gettext("a") == "a"
        compile_catalogs([po], use_fuzzy=True)
        with po.with_suffix(".mo").open("rb") as handle:
            assert gettext.GNUTranslations(handle).gettext("a") == "b"

    def test_syntax_error(self, tmp_path: Path) -> None:
        po = tmp_path / "bad.po"
        po.write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
        with pytest.raises(CatalogError, match=r"bad.po:2: syntax error"):
            compile_catalogs([po])


class TestUnwritable:
    def test_output_under_a_file(self, tmp_path: Path, glossary_dir: Path) -> None:
        blocker = tmp_path / "file"
        blocker.write_text("not a folder")
        with pytest.raises(CatalogError, match="cannot write"):
            build_catalogs(load_glossary(glossary_dir), blocker / "locales")
        assert blocker.read_text() == "not a folder"

    def test_failure_midway_restores_what_was_written(
        self, built: Path, glossary_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        before = {p: p.read_bytes() for p in built.rglob("*") if p.is_file()}
        real = catalog_module.write_atomic
        calls = []

        def flaky(path: Path, data: bytes) -> bool:
            calls.append(path)
            if len(calls) == 3:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, data)

        monkeypatch.setattr(catalog_module, "write_atomic", flaky)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # every file changes
        with pytest.raises(CatalogError, match="Permission denied"):
            build_catalogs(load_glossary(glossary_dir), built)
        after = {p: p.read_bytes() for p in built.rglob("*") if p.is_file()}
        assert after == before

    def test_new_files_removed_on_failure(
        self, tmp_path: Path, glossary_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        real = catalog_module.write_atomic
        calls = []

        def flaky(path: Path, data: bytes) -> bool:
            calls.append(path)
            if len(calls) == 2:
                raise OSError(28, "No space left on device", str(path))
            return real(path, data)

        monkeypatch.setattr(catalog_module, "write_atomic", flaky)
        out = tmp_path / "fresh"
        with pytest.raises(CatalogError):
            build_catalogs(load_glossary(glossary_dir), out)
        assert [p for p in out.rglob("*") if p.is_file()] == []


def test_plan_writes_nothing(tmp_path: Path, glossary_dir: Path) -> None:
    plan = plan_catalogs(load_glossary(glossary_dir), tmp_path / "nowhere")
    assert len(plan.files) == 5
    assert not (tmp_path / "nowhere").exists()
    assert io.BytesIO(plan.files[tmp_path / "nowhere" / "glossary.pot"]).read(2) == b"# "
