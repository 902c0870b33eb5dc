from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest

from glosador.check import CheckOptions, check_document, check_text
from glosador.extract import document_from_text
from glosador.fix import Edit, apply_edits, encode, fixable, plan_edits, unified_diff
from glosador.glossary import load_glossary
from glosador.model import Finding, Glossary, Severity
from glosador.runner import FixMode, Task, check_file, fix_document

GLOSSARY = Path(__file__).resolve().parents[1] / "fixtures" / "hook" / "glossary"
GLOSS = "The National Council of Rivers (Liga de Lectores Independientes) met."
MIXED = "The National Council of Rivers (Consejo Nacional de Rivers) met."
FOREIGN = "The board met in the morning. The Consejo Nacional de Ríos voted on the new budget."


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(GLOSSARY)


def finding(rule: str, start: int, end: int, *suggestions: str, fix=None) -> Finding:  # type: ignore[no-untyped-def]
    return Finding(
        "x",
        1,
        start + 1,
        1,
        end + 1,
        rule,
        "n",
        Severity.ERROR,
        "m",
        "",
        None,
        None,
        suggestions,
        start,
        end,
        fix,
    )


class TestPlan:
    def test_safe_and_unsafe_rules(self) -> None:
        assert fixable(finding("GL101", 0, 3, "abc"))
        assert not fixable(finding("GL106", 0, 3, "abc"))
        assert fixable(finding("GL106", 0, 3, "abc"), unsafe=True)
        assert not fixable(finding("GL101", 0, 3))  # no suggestion
        assert not fixable(finding("GL109", 0, 3, "x"), unsafe=False)

    def test_overlapping_edits_first_wins(self) -> None:
        text = "aaaa bbbb cccc"
        edits = plan_edits(
            [
                finding("GL101", 5, 9, "B"),
                finding("GL103", 0, 7, "A"),
                finding("GL104", 10, 14, "C"),
            ],
            text,
        )
        assert [(e.start, e.end, e.text) for e in edits] == [(0, 7, "A"), (10, 14, "C")]
        assert apply_edits(text, edits) == "Abb C"

    def test_applied_from_the_end(self) -> None:
        edits = [Edit(0, 1, "xyz"), Edit(2, 3, "")]
        assert apply_edits("a-b-c", edits) == "xyz--c"

    def test_exact_fix_of_gl107(self) -> None:
        f = finding("GL107", 0, 10, "Y", "whole", fix=(6, 7, "Y"))
        assert plan_edits([f], "name (X) after") == [Edit(6, 7, "Y", "GL107")]

    def test_line_breaks_inside_the_span_are_kept(self) -> None:
        text = "Consejo Nacional\r\nde Rivers"
        (edit,) = plan_edits([finding("GL101", 0, len(text), "Consejo Nacional de Ríos")], text)
        assert edit.text == "Consejo Nacional\r\nde Ríos"

    def test_markup_inside_the_span_is_left_alone(self) -> None:
        text = "*Consejo* Nacional de Rivers"
        assert (
            plan_edits(
                [finding("GL101", 0, len(text), "Consejo Nacional de Ríos")], text, "markdown"
            )
            == []
        )
        assert plan_edits([finding("GL101", 0, len(text), "X")], text, "text") != []

    def test_html_replacement_is_escaped(self) -> None:
        (edit,) = plan_edits([finding("GL101", 0, 3, "A & B")], "abc", "html")
        assert edit.text == "A &amp; B"


def test_encode_keeps_bom_and_encoding() -> None:
    assert encode("ñ", "utf-8", True) == codecs.BOM_UTF8 + "ñ".encode()
    assert encode("ñ", "utf-16-le", True) == codecs.BOM_UTF16_LE + "ñ".encode("utf-16-le")
    assert encode("ñ") == "ñ".encode()


def test_unified_diff() -> None:
    diff = unified_diff("a.md", "one\ntwo\n", "one\n2\n")
    assert diff.startswith("--- a/a.md\n+++ b/a.md\n") and "-two\n+2\n" in diff
    assert unified_diff("a.md", "x", "y").endswith("+y\n\\ No newline at end of file\n")


def test_fix_document_gl101_and_gl107(glossary: Glossary) -> None:
    document = document_from_text(f"{MIXED}\n\n{GLOSS}\n", "x.txt", "text")
    options = CheckOptions(lang="en")
    findings, _ = check_document(document, glossary, options)
    assert {f.rule for f in findings} == {"GL101", "GL107"}
    fixed, remaining, _, applied = fix_document(document, findings, glossary, options)
    assert applied == 2 and remaining == []
    assert fixed.text == (
        "The National Council of Rivers (Consejo Nacional de Ríos) met.\n\n"
        "The National Council of Rivers (Consejo Nacional de Ríos) met.\n"
    )


def test_unsafe_fixes_only_when_asked(glossary: Glossary) -> None:
    document = document_from_text(f"{FOREIGN}\n", "x.txt", "text")
    options = CheckOptions(lang="en")
    findings, _ = check_document(document, glossary, options)
    assert [f.rule for f in findings] == ["GL106"]
    assert fix_document(document, findings, glossary, options)[3] == 0
    fixed, remaining, _, applied = fix_document(document, findings, glossary, options, unsafe=True)
    assert applied == 1 and remaining == []
    assert (
        fixed.text
        == FOREIGN.replace("Consejo Nacional de Ríos", "National Council of Rivers") + "\n"
    )


class TestFiles:
    def task(self, path: Path) -> Task:
        return Task(str(path), path.name, CheckOptions(lang="en"), (str(GLOSSARY),))

    def test_encoding_bom_and_line_endings_are_kept(self, tmp_path: Path) -> None:
        path = tmp_path / "a.txt"
        body = f"Título\r\n\r\n{MIXED}\r\n"
        path.write_bytes(codecs.BOM_UTF16_LE + body.encode("utf-16-le"))
        result = check_file(self.task(path), FixMode(apply=True))
        assert result.error is None and result.fixed == 1 and result.findings == ()
        data = path.read_bytes()
        assert data.startswith(codecs.BOM_UTF16_LE)
        text = data[2:].decode("utf-16-le")
        assert text == body.replace("Consejo Nacional de Rivers", "Consejo Nacional de Ríos")

    def test_untouched_file_keeps_its_mtime(self, tmp_path: Path) -> None:
        path = tmp_path / "clean.txt"
        path.write_text("Nothing to fix.\n", encoding="utf-8")
        os.utime(path, (1_000_000, 1_000_000))
        result = check_file(self.task(path), FixMode(apply=True))
        assert result.fixed == 0 and path.stat().st_mtime == 1_000_000

    def test_idempotent(self, tmp_path: Path) -> None:
        path = tmp_path / "a.md"
        path.write_text(f"# Title\n\n{MIXED}\n\n{GLOSS}\n", encoding="utf-8")
        first = check_file(self.task(path), FixMode(apply=True))
        assert first.fixed == 2
        after = path.read_bytes()
        os.utime(path, (1_000_000, 1_000_000))
        second = check_file(self.task(path), FixMode(apply=True))
        assert second.fixed == 0 and path.read_bytes() == after
        assert path.stat().st_mtime == 1_000_000

    def test_diff_changes_nothing(self, tmp_path: Path) -> None:
        path = tmp_path / "a.txt"
        path.write_text(f"{MIXED}\n", encoding="utf-8")
        result = check_file(self.task(path), FixMode(diff=True))
        assert (
            result.fixed == 1
            and "+The National Council of Rivers (Consejo Nacional de Ríos)" in result.diff
        )
        assert [f.rule for f in result.findings] == ["GL101"]
        assert path.read_text(encoding="utf-8") == f"{MIXED}\n"

    def test_read_only_file_is_an_error_and_unchanged(self, tmp_path: Path) -> None:
        path = tmp_path / "a.txt"
        path.write_text(f"{MIXED}\n", encoding="utf-8")
        path.chmod(stat.S_IRUSR | stat.S_IRGRP)
        try:
            result = check_file(self.task(path), FixMode(apply=True))
        finally:
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)
        assert result.error is not None and "cannot write the fixes" in result.error
        assert [f.rule for f in result.findings] == ["GL101"]
        assert path.read_text(encoding="utf-8") == f"{MIXED}\n"


def test_check_text_reports_the_fixable_finding(glossary: Glossary) -> None:
    assert [f.rule for f in check_text(MIXED, glossary, lang="en").findings] == ["GL101"]
