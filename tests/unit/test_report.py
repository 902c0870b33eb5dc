from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from glosador.model import Finding, Report, Severity
from glosador.report import (
    FORMATTERS,
    dumps_indented,
    format_github,
    format_json,
    format_sarif,
    format_text,
    summary_line,
)
from glosador.report import _window as window

SOURCE = "Título\nThe Consejo Nacional de Rivers met, 100% sure: yes, really.\n"


def make(**kw: object) -> Finding:
    values: dict[str, object] = dict(
        path="docs/a.md",
        line=2,
        column=5,
        end_line=2,
        end_column=31,
        rule="GL101",
        name="mixed-rendering",
        severity=Severity.ERROR,
        message="'Consejo Nacional de Rivers' mixes forms",
        text="Consejo Nacional de Rivers",
        concept="consejo-rios",
        language="es",
        suggestions=("Consejo Nacional de Ríos", "National Council of Rivers"),
        start_offset=11,
        end_offset=37,
    )
    values.update(kw)
    return Finding(**values)  # type: ignore[arg-type]


REPORT = Report((make(),), 2, {"docs/a.md": "en"})


def test_formatters_are_registered() -> None:
    assert set(FORMATTERS) == {"text", "json", "sarif", "github"}


class TestText:
    def test_plain(self) -> None:
        assert format_text(REPORT) == (
            "docs/a.md:2:5: GL101 [mixed-rendering] 'Consejo Nacional de Rivers' mixes forms\n"
            "1 error, 0 warnings in 2 files\n"
        )

    def test_summary_counts_infos(self) -> None:
        report = Report((make(severity=Severity.INFO), make(severity=Severity.WARNING)), 1)
        assert summary_line(report) == "0 errors, 1 warning, 1 info in 1 file"

    def test_snippet_underlines_the_span(self) -> None:
        out = format_text(REPORT, color=True, sources={"docs/a.md": SOURCE})
        plain = out.replace("\x1b[0m", "").replace("\x1b[1m", "").replace("\x1b[1;31m", "")
        plain = plain.replace("\x1b[32m", "")
        lines = plain.splitlines()
        assert lines[1] == "2 | The Consejo Nacional de Rivers met, 100% sure: yes, really."
        assert lines[2] == "        " + "^" * 26
        assert lines[3] == '    help: use "Consejo Nacional de Ríos"'
        assert "\x1b[1;31mGL101\x1b[0m" in out

    def test_long_lines_are_windowed(self) -> None:
        line = "x" * 1000 + " Consejo Nacional de Rivers " + "y" * 1000
        start = 1001
        shown, offset = window(line, start, start + 26)
        assert len(shown) <= 102 and shown.startswith("…") and shown.endswith("…")
        assert shown[start - offset : start - offset + 26] == "Consejo Nacional de Rivers"
        finding = make(line=1, column=start + 1, end_column=start + 27)
        out = format_text(Report((finding,), 1), color=True, sources={"docs/a.md": line})
        snippet, marker = re.sub(r"\x1b\[[0-9;]*m", "", out).splitlines()[1:3]
        assert len(snippet) < 120
        caret = marker.index("^")
        assert snippet[caret : caret + 26] == "Consejo Nacional de Rivers"

    def test_short_lines_are_whole(self) -> None:
        assert window("short line", 0, 5) == ("short line", 0)


class TestJson:
    def test_spec_shape(self) -> None:
        data = json.loads(format_json(REPORT))
        assert list(data) == ["version", "findings", "summary"]
        assert data["version"] == 1
        assert data["summary"] == {
            "files": 2,
            "findings": 1,
            "errors": 1,
            "warnings": 0,
            "infos": 0,
        }
        finding = data["findings"][0]
        assert list(finding) == [
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "rule",
            "name",
            "severity",
            "message",
            "text",
            "concept",
            "language",
            "suggestions",
        ]

    def test_exact_edit_of_gl107(self) -> None:
        finding = make(rule="GL107", name="gloss-mismatch", fix=(20, 37, "Ríos"))
        data = json.loads(format_json(Report((finding,), 1), sources={"docs/a.md": SOURCE}))
        assert data["findings"][0]["fix"] == {
            "line": 2,
            "column": 14,
            "end_line": 2,
            "end_column": 31,
            "replacement": "Ríos",
        }


class TestSarif:
    def test_structure(self) -> None:
        data = json.loads(format_sarif(REPORT))
        assert data["version"] == "2.1.0" and data["$schema"].endswith("sarif-2.1.0.json")
        (run,) = data["runs"]
        assert run["columnKind"] == "unicodeCodePoints"
        rules = run["tool"]["driver"]["rules"]
        assert {"GL101", "GL109"} <= {r["id"] for r in rules}
        (result,) = run["results"]
        assert rules[result["ruleIndex"]]["id"] == "GL101"
        assert result["level"] == "error"
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 5, 31)
        replacement = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
        assert replacement["insertedContent"]["text"] == "Consejo Nacional de Ríos"

    def test_info_is_note(self) -> None:
        data = json.loads(format_sarif(Report((make(severity=Severity.INFO),), 1)))
        assert data["runs"][0]["results"][0]["level"] == "note"


class TestGithub:
    def test_workflow_command(self) -> None:
        assert format_github(REPORT) == (
            "::error file=docs/a.md,line=2,col=5,endLine=2,endColumn=31,"
            "title=GL101 [mixed-rendering]::'Consejo Nacional de Rivers' mixes forms "
            '(use "Consejo Nacional de Ríos")\n'
        )

    def test_escaping_and_levels(self) -> None:
        findings = (
            make(
                path="a,b:c.md", message="50% off\nnow", suggestions=(), severity=Severity.WARNING
            ),
            make(severity=Severity.INFO, suggestions=()),
        )
        lines = format_github(Report(findings, 1)).splitlines()
        assert lines[0].startswith("::warning file=a%2Cb%3Ac.md,")
        assert lines[0].endswith("::50%25 off%0Anow")
        assert lines[1].startswith("::notice ")

    def test_nothing_found_prints_nothing(self) -> None:
        assert format_github(Report((), 3)) == ""


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=5) | st.integers(), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(_JSON)
def test_dumps_indented_writes_what_json_dumps_writes(value: object) -> None:
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
