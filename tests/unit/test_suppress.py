from __future__ import annotations

from pathlib import Path

import pytest

from glosador.check import check_text
from glosador.extract import document_from_text
from glosador.glossary import load_glossary
from glosador.model import Glossary
from glosador.suppress import find_directives

GLOSSARY = Path(__file__).resolve().parents[1] / "fixtures" / "hook" / "glossary"
MIXED = "The National Council of Rivers (Consejo Nacional de Rivers) met."
DEPRECATED = "The Readers League met."


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(GLOSSARY)


def rules(text: str, glossary: Glossary, fmt: str = "text", **kw: object) -> list[tuple[str, int]]:
    report = check_text(text, glossary, lang="en", format=fmt, **kw)  # type: ignore[arg-type]
    return [(f.rule, f.line) for f in report.findings]


def test_unsuppressed(glossary: Glossary) -> None:
    assert rules(f"{MIXED}\n\n{DEPRECATED}\n", glossary) == [("GL101", 1), ("GL103", 3)]


def test_comment_on_the_line_before(glossary: Glossary) -> None:
    text = f"# glosador: ignore[GL101]\n{MIXED}\n"
    assert rules(text, glossary) == []


def test_comment_on_the_same_line(glossary: Glossary) -> None:
    text = f"{DEPRECATED}  // glosador: ignore[deprecated-term]\n"
    assert rules(text, glossary) == []


def test_only_the_next_line(glossary: Glossary) -> None:
    text = f"# glosador: ignore[GL101]\n\n{MIXED}\n"
    assert rules(text, glossary) == [("GL109", 1), ("GL101", 3)]


def test_other_codes_are_not_suppressed(glossary: Glossary) -> None:
    text = f"# glosador: ignore[GL103]\n{MIXED}\n"
    assert rules(text, glossary) == [("GL109", 1), ("GL101", 2)]


def test_several_codes_and_names_comma_separated(glossary: Glossary) -> None:
    text = f"# glosador: ignore[GL101, deprecated-term]\n{MIXED} {DEPRECATED}\n"
    assert rules(text, glossary) == []


def test_two_suppressions_on_one_line(glossary: Glossary) -> None:
    text = f"{MIXED} {DEPRECATED} # glosador: ignore[GL101] glosador: ignore[GL103]\n"
    assert rules(text, glossary) == []
    directives = find_directives(document_from_text(text, "x.txt", "text"))
    assert [d.codes for d in directives] == [{"GL101"}, {"GL103"}]


def test_two_markdown_comments_on_one_line_one_unused(glossary: Glossary) -> None:
    text = f"{DEPRECATED} <!-- glosador: ignore[GL103] --> <!-- glosador: ignore[GL105] -->\n"
    report = check_text(text, glossary, lang="en", format="markdown")
    assert [(f.rule, f.message) for f in report.findings] == [
        ("GL109", "unused suppression of GL105")
    ]
    finding = report.findings[0]
    assert finding.text == "glosador: ignore[GL105]"
    assert text[finding.column - 1 : finding.end_column - 1] == finding.text


def test_bare_ignore_suppresses_every_rule(glossary: Glossary) -> None:
    assert rules(f"{MIXED} {DEPRECATED} # glosador: ignore\n", glossary) == []


def test_off_on_region(glossary: Glossary) -> None:
    text = f"{DEPRECATED}\n\n# glosador: off\n{MIXED}\n\n{DEPRECATED}\n# glosador: on\n\n{DEPRECATED}\n"
    assert rules(text, glossary) == [("GL103", 1), ("GL103", 9)]


def test_off_without_on_runs_to_the_end(glossary: Glossary) -> None:
    assert rules(f"<!-- glosador: off -->\n\n{MIXED}\n", glossary, "markdown") == []


def test_markdown_comment(glossary: Glossary) -> None:
    text = f"<!-- glosador: ignore[GL101] -->\n{MIXED}\n"
    assert rules(text, glossary, "markdown") == []


def test_markdown_text_outside_comments_is_not_a_directive(glossary: Glossary) -> None:
    text = f"{MIXED} glosador: ignore[GL101]\n"
    assert rules(text, glossary, "markdown") == [("GL101", 1)]


def test_html_comment(glossary: Glossary) -> None:
    text = f"<p><!-- glosador: ignore[GL103] -->{DEPRECATED}</p>\n\n<p>{DEPRECATED}</p>\n"
    assert rules(text, glossary, "html") == [("GL103", 3)]


class TestUnused:
    def test_unused_suppression_is_gl109_info(self, glossary: Glossary) -> None:
        report = check_text("# glosador: ignore[GL101]\nNothing to see.\n", glossary, lang="en")
        (finding,) = report.findings
        assert (finding.rule, finding.name, finding.severity.value) == (
            "GL109",
            "unused-suppression",
            "info",
        )
        assert (finding.line, finding.column) == (1, 3)
        assert finding.message == "unused suppression of GL101"

    def test_unknown_code(self, glossary: Glossary) -> None:
        report = check_text(f"{MIXED} # glosador: ignore[GL101,GL999]\n", glossary, lang="en")
        assert [f.message for f in report.findings] == ["unknown rule 'GL999'"]

    def test_unused_region_and_stray_on(self, glossary: Glossary) -> None:
        text = "# glosador: off\nquiet\n# glosador: on\n# glosador: on\n"
        messages = [f.message for f in check_text(text, glossary, lang="en").findings]
        assert messages == [
            '"glosador: off" region suppresses nothing',
            '"glosador: on" without a "glosador: off" before it',
        ]

    def test_not_judged_for_rules_that_did_not_run(self, glossary: Glossary) -> None:
        text = "# glosador: ignore[GL101]\nNothing to see.\n"
        assert rules(text, glossary, select=["GL103", "GL109"]) == []

    def test_gl109_can_be_ignored(self, glossary: Glossary) -> None:
        text = "# glosador: ignore[GL101]\nNothing to see.\n"
        assert rules(text, glossary, ignore="GL109") == []
