from __future__ import annotations

from pathlib import Path

import pytest

import glosador
from glosador.bilingual import check_catalog, check_pair
from glosador.cli import main

GLOSSARY = glosador.load_glossary(
    Path(__file__).resolve().parents[1] / "fixtures" / "glossaries" / "newsroom"
)

SOURCE = """# Presos

Foro Penal contabiliza más de 800 presos políticos.

El Tribunal Supremo de Justicia no respondió.
"""


def rules(report: glosador.Report) -> list[tuple[str, int, str | None]]:
    return [(f.rule, f.line, f.concept) for f in report.findings]


def test_aligned_paragraphs_report_missing_and_extra_concepts() -> None:
    target = (
        "# Prisoners\n\nForo Penal counts more than 800 detainees.\n\n"
        "The National Electoral Council did not answer.\n"
    )
    report = check_pair(
        SOURCE, target, GLOSSARY, source_lang="es", target_lang="en", format="markdown"
    )
    assert rules(report) == [
        ("GL201", 3, "presos-politicos"),
        ("GL201", 5, "ve-tsj"),
        ("GL202", 5, "ve-cne"),
    ]
    extra = next(f for f in report.findings if f.rule == "GL202")
    assert extra.text == "National Electoral Council"


@pytest.mark.parametrize(
    "target",
    [
        # singular and an article still count; the untranslated Foro Penal is right
        "# Prisoners\n\nForo Penal counts more than one political prisoner.\n\n"
        "The Supreme Court of Justice did not answer.\n",
        # the acronym is a form of the concept too
        "# Prisoners\n\nForo Penal counts 800 political prisoners.\n\nThe TSJ did not answer.\n",
    ],
)
def test_correct_translations_are_clean(target: str) -> None:
    report = check_pair(
        SOURCE, target, GLOSSARY, source_lang="es", target_lang="en", format="markdown"
    )
    assert report.findings == ()


def test_unaligned_documents_are_compared_whole() -> None:
    target = (
        "Foro Penal counts 800 political prisoners. The Supreme Court of Justice did not answer."
    )
    assert check_pair(SOURCE, target, GLOSSARY, source_lang="es", target_lang="en").findings == ()
    report = check_pair(
        SOURCE, "Foro Penal counts 800 detainees.", GLOSSARY, source_lang="es", target_lang="en"
    )
    assert [f.rule for f in report.findings] == ["GL201", "GL201"]


PO = """\
msgid ""
msgstr ""
"Language: es\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgctxt "menu"
msgid "%(count)s political prisoner held by the National Assembly"
msgid_plural "%(count)s political prisoners held by the National Assembly"
msgstr[0] "%(count)s preso político retenido por la Asamblea Nacional"
msgstr[1] "%(count)s detenidos retenidos por la Asamblea Nacional"

#, fuzzy
msgid "Penal Forum"
msgstr "Consejo Nacional Electoral"

msgid "{0} voted in the Supreme Court of Justice"
msgstr "{0} votó en el Consejo Nacional Electoral"

#~ msgid "National Electoral Council"
#~ msgstr "Tribunal Supremo de Justicia"
"""


def test_po_entries_are_checked_at_the_msgstr_line(tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    path.write_text(PO, encoding="utf-8")
    report = check_catalog(path, GLOSSARY, source_lang="en")
    assert [(f.rule, f.line) for f in report.findings] == [
        ("GL201", 11),  # msgstr[1]: "political prisoners" not rendered
        ("GL201", 18),
        ("GL202", 18),
    ]
    assert report.findings[0].text == PO.splitlines()[10]
    fuzzy = check_catalog(path, GLOSSARY, source_lang="en", include_fuzzy=True)
    assert ("GL202", 15) in [(f.rule, f.line) for f in fuzzy.findings]


def test_po_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "es.po"
    path.write_text(PO, encoding="utf-8")
    glossary = str(Path(__file__).resolve().parents[1] / "fixtures" / "glossaries" / "newsroom")
    code = main(["check", "--glossary", glossary, "--source-lang", "en", "--strict", str(path)])
    out = capsys.readouterr().out
    assert code == 1 and f"{path}:11:1: GL201 [missing-translation]" in out


def test_document_pair_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "source.md"
    target = tmp_path / "target.md"
    source.write_text(SOURCE, encoding="utf-8")
    target.write_text(
        "# Prisoners\n\nForo Penal counts 800 detainees.\n\nThe TSJ did not answer.\n"
    )
    glossary = str(Path(__file__).resolve().parents[1] / "fixtures" / "glossaries" / "newsroom")
    assert main(["check", "--glossary", glossary, "--source", str(source), str(target)]) == 0
    assert f"{target}:3:1: GL201 [missing-translation]" in capsys.readouterr().out


def test_a_sentence_moved_to_the_next_paragraph_is_no_finding() -> None:
    source = (
        "Foro Penal contabiliza más de 800 presos políticos. El Tribunal Supremo de "
        "Justicia no respondió.\n\nLas familias esperan una respuesta.\n"
    )
    target = (
        "Foro Penal counts more than 800 political prisoners.\n\nThe Supreme Court of "
        "Justice did not answer. The families are waiting for an answer.\n"
    )
    assert check_pair(source, target, GLOSSARY, source_lang="es", target_lang="en").findings == ()
    dropped = "Foro Penal counts more than 800 political prisoners.\n\nThe families wait.\n"
    report = check_pair(source, dropped, GLOSSARY, source_lang="es", target_lang="en")
    assert rules(report) == [("GL201", 1, "ve-tsj")]


def test_short_catalog_msgids_default_to_the_glossary_source_language(tmp_path: Path) -> None:
    path = tmp_path / "menu.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'
        'msgid "Inicio"\nmsgstr "Home"\n\nmsgid "Presos políticos"\nmsgstr "Detainees"\n',
        encoding="utf-8",
    )
    assert [(f.rule, f.concept) for f in check_catalog(path, GLOSSARY).findings] == [
        ("GL201", "presos-politicos")
    ]


CATALOG = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'
    'msgid "Trabajamos con Foro Penal."\nmsgstr "We work with Penal Forum."\n\n'
    'msgid "Hay presos politicos en el país."\nmsgstr "There are political prisoners."\n\n'
    'msgid "Foro Penal publica cifras."\nmsgstr ""\n"Penal Forum publishes "\n"figures."\n'
)


def test_catalog_strings_get_the_article_rules_at_their_place(tmp_path: Path) -> None:
    from glosador.check import CheckOptions, check_paths

    path = tmp_path / "en.po"
    path.write_text(CATALOG, encoding="utf-8")
    report = check_paths([path], GLOSSARY)
    found = [(f.rule, f.line, f.column, f.text) for f in report.findings]
    assert ("GL103", 7, 22, "Penal Forum") in found  # exactly placed in the msgstr
    assert ("GL104", 9, 12, "presos politicos") in found  # in the msgid
    assert ("GL103", 13, 1, 'msgstr ""') in found  # a continued msgstr: its keyword line
    ignored = check_paths([path], GLOSSARY, options=CheckOptions(ignore=frozenset({"GL103"})))
    assert "GL103" not in {f.rule for f in ignored.findings}
