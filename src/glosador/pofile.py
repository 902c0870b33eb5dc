"""Reading gettext catalogs that others wrote (``.po`` and ``.pot``), with polib.

``read_po(path)`` returns a ``PoFile``: glosador's own immutable model of the
file, keeping everything in it: ``msgctxt``, plurals, flags, translator and
extracted comments, references, obsolete (``#~``) entries and previous msgids
(``#|``), the header fields, and the line of every ``msgstr`` (findings point
there). This is the only module that imports polib.

Charsets are handled here, not by polib: the header's ``charset`` is looked up
with ``codecs`` (Latin-1 and the rest work; the ``.pot`` placeholder ``CHARSET``
reads as UTF-8, like GNU gettext); an unknown charset, bytes that are not valid
in the declared one, and syntax errors raise ``CatalogError`` naming
``file:line``. Two string literals on one line (``msgid "a" "b"``), which GNU
gettext accepts and polib refuses, are read like gettext reads them.

>>> text = 'msgid ""\\nmsgstr "Language: en\\\\n"\\n\\nmsgctxt "x"\\nmsgid "a"\\nmsgstr "b"\\n'
>>> po = parse_po(text)
>>> po.language, po.entries[0].msgctxt, po.entries[0].msgstr, po.entries[0].msgstr_line
('en', 'x', 'b', 6)
"""

from __future__ import annotations

import bisect
import codecs
import gettext
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polib

from glosador.errors import CatalogError

__all__ = [
    "CatalogWarning",
    "PoEntry",
    "PoFile",
    "normalize_plural_forms",
    "parse_po",
    "plural_forms_agree",
    "plural_forms_warning",
    "read_po",
]


@dataclass(frozen=True, slots=True)
class CatalogWarning:
    """Something odd about a catalog that does not stop glosador (printed by the CLI)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: warning: {self.message}"


@dataclass(frozen=True, slots=True)
class PoEntry:
    """One message of a catalog, as written (strings unescaped)."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    #: msgstr[0], msgstr[1], ... of a plural entry (empty for a singular one)
    msgstr_plural: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    obsolete: bool = False
    #: extracted comments (``#.``), one string, lines joined by newlines
    comment: str = ""
    #: translator comments (``# ``)
    tcomment: str = ""
    occurrences: tuple[tuple[str, str], ...] = ()
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    #: 1-based line where the entry starts (its first comment, or msgctxt/msgid)
    line: int = 0
    #: line of the msgid keyword
    msgid_line: int = 0
    #: line of ``msgstr`` (singular) or of each ``msgstr[n]`` (plural)
    msgstr_lines: tuple[int, ...] = ()

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def msgstr_line(self) -> int:
        """The line of the (first) msgstr."""
        return self.msgstr_lines[0] if self.msgstr_lines else self.msgid_line

    @property
    def translations(self) -> tuple[str, ...]:
        """msgstr, or msgstr[0..n] of a plural entry."""
        return self.msgstr_plural if self.msgid_plural is not None else (self.msgstr,)

    @property
    def translated(self) -> bool:
        """Every msgstr is non-empty, and the entry is neither fuzzy nor obsolete."""
        return not self.fuzzy and not self.obsolete and all(self.translations)


@dataclass(frozen=True, slots=True)
class PoFile:
    """A catalog as read: header, header comment, and every entry in file order."""

    path: str
    entries: tuple[PoEntry, ...]
    #: header fields (``msgstr`` of ``msgid ""``), in file order
    header: Mapping[str, str] = field(default_factory=dict)
    #: the comment lines before the header entry, without ``# ``
    header_comment: str = ""
    header_flags: tuple[str, ...] = ()
    #: the charset the file was decoded with (Python codec name as declared)
    charset: str = "utf-8"
    #: 1-based line of the header's ``Plural-Forms`` field (0 when absent)
    plural_forms_line: int = 0

    def __iter__(self) -> Iterator[PoEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def language(self) -> str | None:
        value = self.header.get("Language", "").strip()
        return value or None

    @property
    def plural_forms(self) -> str | None:
        value = self.header.get("Plural-Forms", "").strip()
        return value or None

    def active(self) -> Iterator[PoEntry]:
        """The entries that are not obsolete."""
        return (entry for entry in self.entries if not entry.obsolete)

    def obsolete(self) -> Iterator[PoEntry]:
        return (entry for entry in self.entries if entry.obsolete)


# -- decoding -------------------------------------------------------------------

_HEADER_RE = re.compile(rb'^[ \t]*msgid[ \t]+""[ \t]*\r?\n[ \t]*msgstr[ \t]', re.M)
_FIRST_MSGID_RE = re.compile(rb"^[ \t]*(?:msgctxt|msgid)[ \t]", re.M)
_CHARSET_RE = re.compile(rb"charset=([^\s;\"\\]+)", re.I)
_PLACEHOLDER_CHARSETS = {"charset"}


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _header_block(data: bytes) -> tuple[int, int] | None:
    """Byte range of the header entry (``msgid ""`` up to the next blank line)."""
    first = _FIRST_MSGID_RE.search(data)
    header = _HEADER_RE.search(data)
    if header is None or first is None or first.start() != header.start():
        return None
    end = data.find(b"\n\n", header.start())
    end2 = data.find(b"\n\r\n", header.start())
    ends = [e for e in (end, end2) if e >= 0]
    return header.start(), (min(ends) if ends else len(data))


def _decode(data: bytes, path: str) -> tuple[str, str]:
    """The file's text and charset; ``CatalogError`` for unknown charsets and bad bytes."""
    charset, line = "utf-8", 1
    block = _header_block(data)
    if block is not None:
        match = _CHARSET_RE.search(data, block[0], block[1])
        if match is not None:
            charset = match.group(1).decode("ascii", "replace")
            line = _line_of(data, match.start())
    if charset.lower() in _PLACEHOLDER_CHARSETS:
        charset = "utf-8"  # a template's placeholder: gettext reads it as ASCII/UTF-8
    try:
        codec = codecs.lookup(charset)
    except LookupError:
        raise CatalogError(f"unknown charset {charset!r}", path, line) from None
    if codec.name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode(codec.name), charset
    except UnicodeDecodeError as exc:
        bad = _line_of(data, exc.start)
        raise CatalogError(f"bytes not valid in charset {charset!r}", path, bad) from None


# -- syntax ----------------------------------------------------------------------

_POLIB_ERROR_RE = re.compile(r"\(line (\d+)\)(?::\s*(.*))?")
_STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"')
_KEYWORD_RE = re.compile(
    r"^(\s*(?:#~\s*)?(?:#\|\s*)?(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)?\s*)(\".*)$"
)


def _join_adjacent_strings(text: str) -> str:
    """``msgid "a" "b"`` -> ``msgid "ab"`` on the same line (GNU gettext concatenates)."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.count('"') < 4:
            continue
        match = _KEYWORD_RE.match(line.rstrip("\r"))
        if match is None:
            continue
        rest = match.group(2).rstrip()
        literals = _STRING_RE.findall(rest)
        if len(literals) > 1 and _STRING_RE.sub("", rest).strip() == "":
            lines[index] = match.group(1) + '"' + "".join(lit[1:-1] for lit in literals) + '"'
    return "\n".join(lines)


_CANDIDATE_RE = re.compile(r'\s*(?:#~\s*)?(?:#\|\s*)?(?:msg|")')
_LINE_OK_RE = re.compile(
    r"\s*(?:#~\s*)?(?:#\|\s*)?(?:(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]*)?"
    r'(?:"(?:[^"\\]|\\.)*"[ \t]*)+\r?'
)


def _check_strings(text: str, path: str) -> None:
    """Keyword and string lines must hold complete string literals (polib is lax here)."""
    for number, line in enumerate(text.split("\n"), start=1):
        if _CANDIDATE_RE.match(line) and not _LINE_OK_RE.fullmatch(line):
            stripped = line.strip()
            keyword = stripped.split(None, 1)[0] if stripped else ""
            if keyword.startswith('"') or '"' in stripped:
                reason = "malformed or unterminated string"
            else:
                reason = f"{keyword!r} without a string"
            raise CatalogError(f"syntax error: {reason}", path, number)


def _parse_polib(text: str, path: str) -> Any:
    try:
        return polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as exc:
        match = _POLIB_ERROR_RE.search(str(exc))
        line = int(match.group(1)) if match else None
        reason = (match.group(2) if match else None) or "syntax error"
        raise CatalogError(f"syntax error: {reason}", path, line) from None


# -- line numbers ----------------------------------------------------------------

_MSGSTR_RE = re.compile(r"^[ \t]*(?:#~[ \t]*)?msgstr(?:\[\d+\])?[ \t\"]", re.M)
_MSGID_RE = re.compile(r"^[ \t]*(?:#~[ \t]*)?msgid[ \t\"]", re.M)


def _line_starts(text: str, pattern: re.Pattern[str]) -> list[int]:
    lines: list[int] = []
    position, line = 0, 1
    for match in pattern.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        lines.append(line)
    return lines


def _following(lines: list[int], start: int, count: int) -> tuple[int, ...]:
    index = bisect.bisect_left(lines, start)
    return tuple(lines[index : index + count])


# -- reading ---------------------------------------------------------------------


def _entry(raw: Any, msgid_lines: list[int], msgstr_lines: list[int]) -> PoEntry:
    start = int(raw.linenum or 0)
    plural = raw.msgid_plural or None
    forms: tuple[str, ...] = ()
    if plural is not None:
        by_index = {int(k): v for k, v in raw.msgstr_plural.items()}
        forms = tuple(by_index.get(i, "") for i in range(max(by_index, default=-1) + 1))
    msgid_at = _following(msgid_lines, start, 1)
    msgid_line = msgid_at[0] if msgid_at else start
    return PoEntry(
        msgid=raw.msgid,
        msgstr=raw.msgstr or "",
        msgctxt=raw.msgctxt,
        msgid_plural=plural,
        msgstr_plural=forms,
        flags=tuple(raw.flags),
        obsolete=bool(raw.obsolete),
        comment=raw.comment or "",
        tcomment=raw.tcomment or "",
        occurrences=tuple((str(f), str(n)) for f, n in raw.occurrences),
        previous_msgctxt=raw.previous_msgctxt,
        previous_msgid=raw.previous_msgid,
        previous_msgid_plural=raw.previous_msgid_plural,
        line=start,
        msgid_line=msgid_line,
        msgstr_lines=_following(msgstr_lines, msgid_line, max(1, len(forms))),
    )


def parse_po(text: str, path: str = "<string>", *, charset: str = "utf-8") -> PoFile:
    """Read a catalog's text (already decoded); ``CatalogError`` on syntax errors."""
    if text.startswith("\ufeff"):
        text = text[1:]
    _check_strings(text, path)
    try:
        raw = _parse_polib(text, path)
    except CatalogError:
        joined = _join_adjacent_strings(text)
        if joined == text:
            raise
        text = joined
        raw = _parse_polib(text, path)
    msgid_lines = _line_starts(text, _MSGID_RE)
    msgstr_lines = _line_starts(text, _MSGSTR_RE)
    entries = tuple(_entry(e, msgid_lines, msgstr_lines) for e in raw)
    header = {str(k): str(v) for k, v in raw.metadata.items()}
    plural_line = 0
    if "Plural-Forms" in header:
        found = re.search(r'^\s*"Plural-Forms:', text, re.M)
        plural_line = text.count("\n", 0, found.start()) + 1 if found else 0
    return PoFile(
        path=path,
        entries=entries,
        header=header,
        header_comment=raw.header or "",
        header_flags=tuple(raw.metadata_is_fuzzy or ()),
        charset=charset,
        plural_forms_line=plural_line,
    )


def read_po(path: str | os.PathLike[str], display: str | None = None) -> PoFile:
    """Read a ``.po`` or ``.pot`` file; ``CatalogError`` (with file:line) when it cannot be."""
    shown = display if display is not None else str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CatalogError(f"cannot read: {exc.strerror or exc}", shown) from None
    text, charset = _decode(data, shown)
    return parse_po(text, shown, charset=charset)


# -- plural forms ----------------------------------------------------------------


def normalize_plural_forms(value: str) -> tuple[int | None, str]:
    """``nplurals`` and the plural expression without spaces or outer parentheses."""
    nplurals: int | None = None
    expression = ""
    for part in value.split(";"):
        name, _, rest = part.partition("=")
        name = name.strip().lower()
        if name == "nplurals":
            try:
                nplurals = int(rest.strip())
            except ValueError:
                nplurals = None
        elif name == "plural":
            expression = rest
    expression = re.sub(r"\s+", "", expression)
    while expression.startswith("(") and expression.endswith(")") and _balanced(expression[1:-1]):
        expression = expression[1:-1]
    return nplurals, expression


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


# Counts on which two plural rules are compared: every small number, and the
# millions that CLDR's "many" category of the Romance languages singles out.
_PLURAL_PROBES = (*range(1001), 10_000, 100_000, 1_000_000, 1_000_001, 2_000_000, 10**9)


def _plural_rule(value: str) -> tuple[int, Callable[[int], int]] | None:
    """``nplurals`` and the compiled expression of a Plural-Forms value, or None."""
    nplurals, expression = normalize_plural_forms(value)
    if nplurals is None or nplurals < 1 or not expression:
        return None
    try:
        return nplurals, gettext.c2py(expression)  # a safe C-expression compiler
    except (ValueError, SyntaxError, RecursionError):
        return None


def plural_forms_agree(actual: str, expected: str) -> bool:
    """Whether two Plural-Forms values sort counts alike.

    They agree when one rule's forms refine the other's: every form of the finer
    rule falls in a single form of the coarser one. So the classic Spanish
    ``nplurals=2; plural=(n != 1)`` agrees with CLDR's three forms (which set the
    millions apart), while ``plural=(n > 1)`` (French's rule) does not. Which
    CLDR release Babel ships then does not decide whether a header is wrong.
    """
    if normalize_plural_forms(actual) == normalize_plural_forms(expected):
        return True
    first, second = _plural_rule(actual), _plural_rule(expected)
    if first is None or second is None:
        return False
    (count_a, rule_a), (count_b, rule_b) = first, second
    a_of_b: dict[int, int] = {}
    b_of_a: dict[int, int] = {}
    a_coarser = b_coarser = True
    for n in _PLURAL_PROBES:
        a, b = rule_a(n), rule_b(n)
        if not (0 <= a < count_a and 0 <= b < count_b):
            return False
        a_coarser = a_coarser and a_of_b.setdefault(b, a) == a
        b_coarser = b_coarser and b_of_a.setdefault(a, b) == b
        if not (a_coarser or b_coarser):
            return False
    return True


def plural_forms_warning(po: PoFile, expected: str, language: str) -> CatalogWarning | None:
    """A warning when the file's Plural-Forms disagrees with ``expected`` (Babel's, CLDR)."""
    actual = po.plural_forms
    if actual is None or plural_forms_agree(actual, expected):
        return None
    return CatalogWarning(
        po.path,
        po.plural_forms_line,
        f"Plural-Forms {actual.strip()!r} disagrees with Babel's data for {language!r}: "
        f"{expected!r}",
    )
