"""Inline suppressions (SPEC section 4): ``glosador: ignore[...]`` and ``glosador: off``/``on``.

- ``glosador: ignore[GL101]`` (codes, code prefixes or names, comma separated;
  bare ``glosador: ignore`` means every rule) suppresses findings that start on the
  line of the comment or on the line after it.
- ``glosador: off`` ... ``glosador: on`` suppresses every finding in between (to the
  end of the file without an ``on``).

In Markdown and HTML the directives are read from comments (``<!-- ... -->``); in
plain text (and ``.po`` files) from any line, so ``# glosador: ignore[GL101]`` and
``// glosador: off`` both work. A directive, or a code in one, that suppresses
nothing is reported as GL109 ``unused-suppression`` (only for rules that were run).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from glosador.errors import ConfigError
from glosador.extract import Document, LineIndex
from glosador.model import Finding, Severity

__all__ = ["Directive", "apply_suppressions", "find_directives"]

UNUSED = "GL109"
_DIRECTIVE = re.compile(
    r"glosador:[ \t]*(?:(?P<ignore>ignore)(?:\[(?P<codes>[^\]\r\n]*)\])?|(?P<region>off|on)\b)",
    re.IGNORECASE,
)


@dataclass(eq=False)
class Directive:
    """One ``glosador:`` directive: where it is, what it names, and what it suppressed."""

    kind: str  #: "ignore", "off" or "on"
    start: int  #: file offsets of the directive text
    end: int
    lines: tuple[int, int]  #: first and last line of the comment holding it (1-based)
    codes: frozenset[str] | None = None  #: None: every rule
    #: code (or name) as written -> the codes it stands for; unknown ones map to ()
    written: dict[str, frozenset[str]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    region_end: int | None = None  #: for "off": where the region ends (exclusive)

    def covers_line(self, line: int) -> bool:
        return self.lines[0] <= line <= self.lines[1] + 1


def _places(document: Document) -> Iterable[tuple[str, int, int]]:
    """``(text, file_start, file_end)`` of every place directives may be written."""
    if document.format in ("markdown", "html"):
        for comment in document.comments:
            yield comment.text, comment.start, comment.end
    elif "glosador:" in document.text.lower():
        yield document.text, 0, len(document.text)


def find_directives(document: Document, index: LineIndex | None = None) -> list[Directive]:
    """Every directive of a document, in file order (``off`` regions closed)."""
    from glosador.rules import resolve_codes

    index = index or LineIndex(document.text)
    directives: list[Directive] = []
    whole_text = document.format not in ("markdown", "html")
    for text, base, end in _places(document):
        for match in _DIRECTIVE.finditer(text):
            start = base + match.start()
            stop = base + match.end()
            first = index.position(start)[0]
            last = first if whole_text else index.position(max(end - 1, start))[0]
            if match.group("region"):
                kind = match.group("region").lower()
                directives.append(Directive(kind, start, stop, (first, last)))
                continue
            written: dict[str, frozenset[str]] = {}
            raw = match.group("codes")
            if raw is not None:
                for item in (part.strip() for part in raw.split(",")):
                    if not item:
                        continue
                    try:
                        written[item] = frozenset(resolve_codes(item))
                    except ConfigError:
                        written[item] = frozenset()
            codes = None if raw is None else frozenset(c for cs in written.values() for c in cs)
            directives.append(Directive("ignore", start, stop, (first, last), codes, written))
    directives.sort(key=lambda d: d.start)
    _close_regions(directives, len(document.text))
    return directives


def _close_regions(directives: Sequence[Directive], length: int) -> None:
    open_region: Directive | None = None
    for directive in directives:
        if directive.kind == "off" and open_region is None:
            open_region = directive
        elif directive.kind == "on" and open_region is not None:
            open_region.region_end = directive.end
            directive.used.add("*")  # an "on" that closes a region does its job
            open_region = None
    if open_region is not None:
        open_region.region_end = length


def apply_suppressions(
    document: Document,
    findings: Sequence[Finding],
    *,
    enabled: frozenset[str],
    report_unused: bool = True,
    severity: Severity = Severity.INFO,
    index: LineIndex | None = None,
) -> list[Finding]:
    """The findings no directive suppresses, plus GL109 for unused directives.

    ``enabled`` are the rule codes that ran: a suppression of a rule that did not
    run cannot be judged, so it is not reported.
    """
    index = index or LineIndex(document.text)
    directives = find_directives(document, index)
    if not directives:
        return list(findings)
    kept: list[Finding] = []
    for finding in findings:
        if not _suppressed(finding, directives):
            kept.append(finding)
    if report_unused:
        kept.extend(_unused(document, directives, enabled, severity, index))
    return kept


def _suppressed(finding: Finding, directives: Sequence[Directive]) -> bool:
    hit = False
    for directive in directives:
        if directive.kind == "off" and directive.region_end is not None:
            if directive.start <= finding.start_offset < directive.region_end:
                directive.used.add(finding.rule)
                hit = True
        elif (
            directive.kind == "ignore"
            and directive.covers_line(finding.line)
            and (directive.codes is None or finding.rule in directive.codes)
        ):
            directive.used.add(finding.rule)
            hit = True
    return hit


def _unused(
    document: Document,
    directives: Sequence[Directive],
    enabled: frozenset[str],
    severity: Severity,
    index: LineIndex,
) -> Iterable[Finding]:
    from glosador.rules import get_rule

    rule = get_rule(UNUSED)
    for directive in directives:
        message = None
        if directive.kind == "on" and not directive.used:
            message = '"glosador: on" without a "glosador: off" before it'
        elif directive.kind == "off" and not directive.used:
            message = '"glosador: off" region suppresses nothing'
        elif directive.kind == "ignore":
            if directive.codes is None:
                if not directive.used:
                    message = '"glosador: ignore" suppresses nothing'
            else:
                unknown = [w for w, codes in directive.written.items() if not codes]
                stale = [
                    w
                    for w, codes in directive.written.items()
                    if codes and codes <= enabled and not codes & directive.used
                ]
                parts = []
                if unknown:
                    parts.append("unknown rule " + ", ".join(repr(u) for u in unknown))
                if stale:
                    parts.append("unused suppression of " + ", ".join(stale))
                if not directive.written:
                    parts.append("empty suppression")
                if parts:
                    message = "; ".join(parts)
        if message is None:
            continue
        line, column = index.position(directive.start)
        end_line, end_column = index.position(directive.end)
        yield Finding(
            path=document.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            rule=rule.code,
            name=rule.name,
            severity=severity,
            message=message,
            text=document.text[directive.start : directive.end],
            start_offset=directive.start,
            end_offset=directive.end,
        )
