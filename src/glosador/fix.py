"""Fixes: the first suggestion of every fixable finding, applied to the file's text.

A finding is fixable when its rule's ``fix_safe`` is true (GL101-GL105, GL107),
or with ``unsafe=True`` for any rule with a suggestion (GL106, GL108). GL107's
``Finding.fix`` is an exact edit inside the span; other findings replace their
whole span with the first suggestion. Edits never overlap (the first one in
file order wins; the rest wait for the next pass) and are applied from the end
of the text backwards, so offsets stay valid. Line breaks inside a replaced
span are kept, and so are the file's encoding and BOM (``encode``).
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from glosador.model import Finding

__all__ = ["Edit", "apply_edits", "encode", "fixable", "plan_edits", "unified_diff"]

_MARKUP = re.compile(r"[*_`<>\[\]\\&|#]")
_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


@dataclass(frozen=True, slots=True, order=True)
class Edit:
    """Replace file characters ``[start, end)`` with ``text``."""

    start: int
    end: int
    text: str
    rule: str = ""


def fixable(finding: Finding, *, unsafe: bool = False) -> bool:
    """Whether ``--fix`` (or ``--fix --unsafe-fixes``) applies this finding's first suggestion."""
    from glosador.errors import ConfigError
    from glosador.rules import get_rule

    if not finding.suggestions or finding.start_offset < 0:
        return False
    try:
        rule = get_rule(finding.rule)
    except ConfigError:
        return False
    return rule.fix_safe or (unsafe and rule.scope == "document")


def _edit_of(finding: Finding, text: str, fmt: str) -> Edit | None:
    if finding.fix is not None:
        start, end, replacement = finding.fix
    else:
        start, end, replacement = finding.start_offset, finding.end_offset, finding.suggestions[0]
    if not 0 <= start <= end <= len(text):
        return None
    original = text[start:end]
    if fmt in ("markdown", "html") and _MARKUP.search(original):
        return None  # markup or an entity inside the span: a plain replacement would break it
    replacement = _keep_breaks(original, replacement)
    if fmt == "html":
        replacement = html.escape(replacement, quote=False)
    if replacement == original:
        return None
    return Edit(start, end, replacement, finding.rule)


def _keep_breaks(original: str, replacement: str) -> str:
    """Put the line breaks of a hard-wrapped span back at the nearest spaces of the new text."""
    breaks = list(_BREAK.finditer(original))
    if not breaks or not original:
        return replacement
    chars = list(replacement)
    spaces = [i for i, c in enumerate(chars) if c == " "]
    for found in reversed(breaks):
        if not spaces:
            break
        target = found.start() * len(replacement) / len(original)
        best = min(spaces, key=lambda i: abs(i - target))
        spaces.remove(best)
        chars[best] = found.group()
    return "".join(chars)


def plan_edits(
    findings: Iterable[Finding], text: str, fmt: str = "text", *, unsafe: bool = False
) -> list[Edit]:
    """The non-overlapping edits for the fixable findings, in file order."""
    edits = sorted(
        edit
        for finding in findings
        if fixable(finding, unsafe=unsafe) and (edit := _edit_of(finding, text, fmt)) is not None
    )
    chosen: list[Edit] = []
    for edit in edits:
        if chosen and edit.start < chosen[-1].end:
            continue
        if chosen and edit.start == edit.end == chosen[-1].end:
            continue
        chosen.append(edit)
    return chosen


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` applied (from the end backwards)."""
    for edit in sorted(edits, reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


def encode(text: str, encoding: str = "utf-8", bom: bool = False) -> bytes:
    """The bytes of a document's text in its own encoding, with its BOM if it had one."""
    data = text.encode(encoding)
    if bom:
        data = "\ufeff".encode(encoding) + data
    return data


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file's text (``a/path`` -> ``b/path``)."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    out = []
    for line in lines:
        ends = line.endswith(("\n", "\r"))
        out.append(line if ends else line + "\n\\ No newline at end of file\n")
    return "".join(out)
