"""Report formatters: ``format_x(report, *, color, sources) -> str``, chosen from ``FORMATTERS``.

- ``text``: ``path:line:col: GL101 [mixed-rendering] message`` per finding; with
  ``color`` (a terminal, no ``NO_COLOR``) also the source line with the span
  underlined and ``help: use "..."``; then a summary line.
- ``json``: exactly SPEC section 5, keys in a stable order.
- ``sarif``: SARIF 2.1.0 with the rules' metadata generated from their docs.
- ``github``: GitHub Actions workflow commands.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from glosador import __version__
from glosador.extract import LineIndex
from glosador.model import Finding, Report, Severity

__all__ = [
    "FORMATTERS",
    "format_github",
    "format_json",
    "format_sarif",
    "format_text",
    "summary_line",
]

_COLORS = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[1;33m",
    Severity.INFO: "\x1b[1;36m",
}
_RESET, _BOLD, _DIM, _GREEN = "\x1b[0m", "\x1b[1m", "\x1b[2m", "\x1b[32m"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
HELP_URI = "https://pypi.org/project/glosador/#rules"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(report: Report) -> str:
    s = report.summary
    parts = [_plural(s["errors"], "error"), _plural(s["warnings"], "warning")]
    if s["infos"]:
        parts.append(_plural(s["infos"], "info"))
    return f"{', '.join(parts)} in {_plural(s['files'], 'file')}"


#: a source line longer than this is shown as a window around the span
SNIPPET_WIDTH = 100
_ELLIPSIS = "…"


def _window(line: str, start: int, end: int, width: int = SNIPPET_WIDTH) -> tuple[str, int]:
    """The part of ``line`` to show around ``[start, end)`` (0-based) and its offset.

    A line that fits is shown whole; a longer one is cut to about ``width``
    characters around the span, with ``…`` where text was left out.
    """
    if len(line) <= width:
        return line, 0
    span = max(1, end - start)
    context = max(10, (width - span) // 2)
    left = max(0, start - context)
    right = min(len(line), max(end, start + 1) + context)
    if span > width:  # a very long span: show its beginning
        right = min(len(line), start + width)
    shown = line[left:right]
    offset = left
    if left > 0:
        shown = _ELLIPSIS + shown
        offset -= 1
    if right < len(line):
        shown += _ELLIPSIS
    return shown, offset


def _snippet(finding: Finding, source: str, index: LineIndex, color: bool) -> list[str]:
    try:
        line_start, line_end = index.line_span(finding.line)
    except IndexError:
        return []
    line = source[line_start:] if line_end < 0 else source[line_start:line_end]
    line = line.rstrip("\r\n").replace("\t", " ")
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    shown, offset = _window(line, start, end)
    width = max(1, min(end, offset + len(shown)) - start)
    gutter = f"{finding.line} | "
    marker = " " * (len(gutter) + start - offset) + "^" * width
    if color:
        marker = _COLORS[finding.severity] + marker + _RESET
    out = [gutter + shown, marker]
    if finding.suggestions:
        help_text = f'help: use "{finding.suggestions[0]}"'
        out.append(" " * len(gutter) + (_GREEN + help_text + _RESET if color else help_text))
    return out


def format_text(
    report: Report, *, color: bool = False, sources: Mapping[str, str] | None = None
) -> str:
    out: list[str] = []
    indexes: dict[str, LineIndex] = {}  # one per file, built for its first snippet
    for finding in report.findings:
        head = f"{finding.path}:{finding.line}:{finding.column}: {finding.rule} [{finding.name}] "
        if color:
            head = (
                f"{_BOLD}{finding.path}:{finding.line}:{finding.column}:{_RESET} "
                f"{_COLORS[finding.severity]}{finding.rule}{_RESET} [{finding.name}] "
            )
        out.append(head + finding.message)
        if color and sources and finding.path in sources:
            source = sources[finding.path]
            index = indexes.get(finding.path)
            if index is None:
                index = indexes[finding.path] = LineIndex(source)
            out.extend(_snippet(finding, source, index, color))
            out.append("")
    line = summary_line(report)
    out.append(_BOLD + line + _RESET if color else line)
    return "\n".join(out) + "\n"


def format_json(
    report: Report, *, color: bool = False, sources: Mapping[str, str] | None = None
) -> str:
    indexes: dict[str, LineIndex] = {}  # one per file, built when a fix needs it
    data = {
        "version": 1,
        "findings": [_json_finding(f, sources, indexes) for f in report.findings],
        "summary": report.summary,
    }
    return dumps_indented(data) + "\n"


_encode_string: Callable[[str], str] = json.encoder.encode_basestring


def dumps_indented(value: Any, indent: str = "  ", level: str = "") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, character for character, for
    dicts with string keys, lists, tuples, strings, ints, floats, booleans and ``None``.

    ``json.dumps`` leaves its C encoder for a Python one when asked to indent; this
    writer of the few types a report holds is several times faster on a large report.
    """
    if isinstance(value, str):
        return _encode_string(value)
    if type(value) is int:
        return int.__repr__(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = level + indent
        items = [
            f"{inner}{_encode_string(_key(key))}: {dumps_indented(item, indent, inner)}"
            for key, item in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + level + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        inner = level + indent
        items = [inner + dumps_indented(item, indent, inner) for item in value]
        return "[\n" + ",\n".join(items) + "\n" + level + "]"
    return json.dumps(value)


def _key(key: Any) -> str:
    """A dict key as ``json`` writes it: strings as they are, others as JSON scalars."""
    return key if isinstance(key, str) else json.dumps(key)


def _json_finding(
    finding: Finding, sources: Mapping[str, str] | None, indexes: dict[str, LineIndex]
) -> dict[str, Any]:
    data = finding.to_dict()
    if finding.fix is not None and sources and finding.path in sources:
        index = indexes.get(finding.path)
        if index is None:
            index = indexes[finding.path] = LineIndex(sources[finding.path])
        start_line, start_col = index.position(finding.fix[0])
        end_line, end_col = index.position(finding.fix[1])
        data["fix"] = {
            "line": start_line,
            "column": start_col,
            "end_line": end_line,
            "end_column": end_col,
            "replacement": finding.fix[2],
        }
    return data


def _sarif_level(severity: Severity) -> str:
    return {"error": "error", "warning": "warning", "info": "note"}[severity.value]


def format_sarif(
    report: Report, *, color: bool = False, sources: Mapping[str, str] | None = None
) -> str:
    from glosador.rules import all_rules

    rules = all_rules()
    index = {rule.code: i for i, rule in enumerate(rules)}
    driver = {
        "name": "glosador",
        "version": __version__,
        "informationUri": "https://pypi.org/project/glosador/",
        "rules": [
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {
                    "text": rule.doc()
                    .split("## Why is this bad?")[0]
                    .replace("## What it does", "")
                    .strip()
                },
                "help": {"text": rule.doc(), "markdown": rule.doc()},
                "helpUri": f"{HELP_URI}",
                "defaultConfiguration": {"level": _sarif_level(rule.default_severity)},
            }
            for rule in rules
        ],
    }
    results = []
    for finding in report.findings:
        region = {
            "startLine": finding.line,
            "startColumn": finding.column,
            "endLine": finding.end_line,
            "endColumn": finding.end_column,
            "snippet": {"text": finding.text},
        }
        location = {
            "physicalLocation": {"artifactLocation": {"uri": _uri(finding.path)}, "region": region}
        }
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": index.get(finding.rule, 0),
            "level": _sarif_level(finding.severity),
            "message": {"text": finding.message},
            "locations": [location],
        }
        if finding.suggestions:
            result["fixes"] = [
                {
                    "description": {"text": f'use "{finding.suggestions[0]}"'},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": _uri(finding.path)},
                            "replacements": [
                                {
                                    "deletedRegion": {
                                        "startLine": finding.line,
                                        "startColumn": finding.column,
                                        "endLine": finding.end_line,
                                        "endColumn": finding.end_column,
                                    },
                                    "insertedContent": {"text": _whole_replacement(finding)},
                                }
                            ],
                        }
                    ],
                }
            ]
        if finding.concept:
            result["properties"] = {"concept": finding.concept, "language": finding.language}
        results.append(result)
    sarif = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return dumps_indented(sarif) + "\n"


def _whole_replacement(finding: Finding) -> str:
    """A replacement for the whole span (GL107's first suggestion is only the element)."""
    if finding.fix is not None and len(finding.suggestions) > 1:
        return finding.suggestions[1]
    return finding.suggestions[0]


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(path.replace("\\", "/"))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(
    report: Report, *, color: bool = False, sources: Mapping[str, str] | None = None
) -> str:
    kinds = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    out = []
    for f in report.findings:
        props = (
            f"file={_escape_property(f.path)},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},title={f.rule} [{f.name}]"
        )
        message = f.message + (f' (use "{f.suggestions[0]}")' if f.suggestions else "")
        out.append(f"::{kinds[f.severity]} {props}::{_escape_data(message)}")
    return "\n".join(out) + ("\n" if out else "")


FORMATTERS: dict[str, Callable[..., str]] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
}
