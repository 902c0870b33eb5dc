"""From a file to the prose glosador checks: ``Document`` -> ``Segment``s with offset maps.

A segment is one block of prose (a paragraph, heading, list item, table cell, an
``alt`` attribute ...) with markup removed and entities decoded. Its ``offsets``
map every character of the segment back to the file as written, so findings are
placed exactly, without re-searching (SPEC section 5).

Plain text is handled here; Markdown (``glosador.markdown``) and HTML
(``glosador.html``) build their segments with real parsers and the same model.
"""

from __future__ import annotations

import bisect
import codecs
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from operator import add
from pathlib import Path

from glosador.errors import DocumentError

__all__ = [
    "FORMATS",
    "Comment",
    "Document",
    "LineIndex",
    "OffsetMap",
    "Segment",
    "decode",
    "format_for",
    "read_document",
    "segments_of",
    "text_segments",
]

FORMATS = ("text", "markdown", "html", "po")
_EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".po": "po",
    ".pot": "po",
    ".txt": "text",
    ".text": "text",
}


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps segment offsets to file offsets.

    ``runs`` are ``(segment_start, source_start, segment_length, source_length)``
    sorted by segment start. A run whose lengths are equal maps character by
    character; one whose lengths differ (an entity such as ``&eacute;`` decoded to
    one character) maps as a whole: any character in it covers the whole source run.
    """

    runs: tuple[tuple[int, int, int, int], ...]
    _starts: tuple[int, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(r[0] for r in self.runs))

    @classmethod
    def identity(cls, source_start: int, length: int) -> OffsetMap:
        return cls(((0, source_start, length, length),))

    def _run(self, index: int) -> tuple[int, int, int, int]:
        i = bisect.bisect_right(self._starts, index) - 1
        return self.runs[max(i, 0)]

    def start(self, index: int) -> int:
        """File offset where segment character ``index`` starts."""
        seg, src, seg_len, src_len = self._run(index)
        if seg_len == src_len:
            return src + min(index - seg, src_len)
        return src

    def end(self, index: int) -> int:
        """File offset just after segment character ``index``."""
        seg, src, seg_len, src_len = self._run(index)
        if seg_len == src_len:
            return src + min(index - seg + 1, src_len)
        return src + src_len

    def span(self, start: int, end: int) -> tuple[int, int]:
        """File ``[start, end)`` of segment ``[start, end)`` (``end > start``)."""
        return self.start(start), self.end(end - 1)


class OffsetBuilder:
    """Builds a segment's text and its ``OffsetMap`` piece by piece."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._runs: list[tuple[int, int, int, int]] = []
        self._length = 0

    @property
    def length(self) -> int:
        return self._length

    def add(self, text: str, source_start: int, source_length: int | None = None) -> None:
        """Append ``text`` that comes from ``source_start`` (same length unless given)."""
        if not text:
            return
        src_len = len(text) if source_length is None else source_length
        self._parts.append(text)
        self._runs.append((self._length, source_start, len(text), src_len))
        self._length += len(text)

    def text(self) -> str:
        return "".join(self._parts)

    def build(self) -> OffsetMap:
        return OffsetMap(tuple(self._runs))


@dataclass(frozen=True, slots=True)
class Segment:
    """One block of prose: its text, where it came from, and what kind of block it is."""

    text: str
    offsets: OffsetMap
    kind: str = "paragraph"
    #: ``[start, end)`` of quotations marked up rather than written with quote marks
    #: (HTML ``<q>``)
    quotes: tuple[tuple[int, int], ...] = ()
    #: ``[start, end)`` and language of passages marked up as in a language (HTML
    #: ``<span lang="es">``)
    languages: tuple[tuple[int, int, str], ...] = ()
    #: ``[start, end)`` of text in italics (Markdown ``*...*``, HTML ``<em>``, ``<i>``,
    #: ``<cite>``), where foreign words and titles are set
    italics: tuple[tuple[int, int], ...] = ()
    #: a table cell's column header as written ("Spanish name"); empty elsewhere
    column: str = ""
    #: one line of a block broken into lines (HTML ``<br>``): an address, a contact
    #: block, a list of signatories
    line: bool = False

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span(start, end)


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment in the file (HTML/Markdown ``<!-- -->``), for inline suppressions."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded file: its text as written (without BOM), format and prose segments."""

    path: str
    text: str
    format: str
    segments: tuple[Segment, ...]
    comments: tuple[Comment, ...] = ()
    encoding: str = "utf-8"
    bom: bool = False


class LineIndex:
    """Turns file offsets into 1-based (line, column); columns count code points.

    ``\\n``, ``\\r\\n`` and a lone ``\\r`` all end a line.
    """

    _BREAK = re.compile(r"\r\n|\r|\n")

    def __init__(self, text: str) -> None:
        if "\r" in text:
            self._starts = [0] + [m.end() for m in self._BREAK.finditer(text)]
        else:
            # only "\n" ends lines: each starts one past the lengths before it, which
            # ``str.split`` and ``accumulate`` give three times faster than the regex
            lengths = map(len, text.split("\n"))
            self._starts = list(accumulate(map(add, lengths, repeat(1)), initial=0))[:-1]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """File offsets of the start of ``line`` (1-based) and of the next line."""
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else -1
        return start, end


def format_for(path: str, default: str = "text") -> str:
    """The document format implied by a file name's extension."""
    return _EXTENSIONS.get(Path(path).suffix.lower(), default)


def decode(data: bytes, path: str) -> tuple[str, str, bool]:
    """Decode a file: UTF-8 (with or without BOM), or UTF-16/32 with a BOM.

    Returns ``(text, encoding, had_bom)``. Raises ``DocumentError`` for anything
    else (Latin-1 files are reported, never guessed) and for NUL bytes in UTF-8 text.
    """
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding, True
            except UnicodeDecodeError as exc:
                raise DocumentError(path, f"cannot decode as {encoding}: {exc.reason}") from exc
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise DocumentError(path, f"binary file (NUL byte on line {line})")
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise DocumentError(
            path, f"not valid UTF-8 at line {line}, column {column} (convert the file to UTF-8)"
        ) from exc


_NL = r"(?:\r\n|\r(?!\n)|\n)"
_BLANK_LINES = re.compile(_NL + r"[ \t]*" + _NL + r"(?:[ \t]*" + _NL + r")*")
#: ``_BLANK_LINES`` for a text without "\r", where it matches the same: starting with
#: a literal character, it is searched for fifteen times faster
_BLANK_LF_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
_LINE = re.compile(r"[^\r\n]+")


def text_segments(text: str, base: int = 0) -> list[Segment]:
    """Paragraphs of plain text: blocks between blank lines.

    A block whose lines are long (unwrapped prose, one paragraph per line) is split
    into one paragraph per line; a hard-wrapped block is one paragraph, its line
    breaks read as spaces.
    """
    segments: list[Segment] = []
    pos = 0
    blank_lines = _BLANK_LINES if "\r" in text else _BLANK_LF_LINES
    for match in [*blank_lines.finditer(text), None]:
        end = match.start() if match else len(text)
        block = text[pos:end]
        if "\n" not in block and "\r" not in block:  # one line: one paragraph
            if not block.isspace() and block:
                segments.append(Segment(block, OffsetMap.identity(base + pos, len(block))))
        elif block.strip():
            lines = list(_LINE.finditer(block))
            long_lines = sum(len(m.group()) > 100 for m in lines)
            if len(lines) > 1 and long_lines * 2 > len(lines):
                for line in lines:
                    if line.group().strip():
                        segments.append(
                            Segment(
                                line.group(),
                                OffsetMap.identity(base + pos + line.start(), len(line.group())),
                            )
                        )
            else:
                segments.append(Segment(block, OffsetMap.identity(base + pos, len(block))))
        pos = match.end() if match else len(text)
    return segments


def segments_of(text: str, fmt: str) -> tuple[list[Segment], list[Comment]]:
    """Segments (and comments) of ``text`` in format ``fmt``."""
    if fmt == "markdown":
        from glosador.markdown import markdown_segments

        return markdown_segments(text)
    if fmt == "html":
        from glosador.html import html_segments

        return html_segments(text)
    if fmt in ("text", "po"):
        return text_segments(text), []
    raise DocumentError(
        "<format>", f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})"
    )


def read_document(
    path: str | Path, fmt: str | None = None, *, display: str | None = None
) -> Document:
    """Read, decode and segment a file; ``fmt`` defaults to the extension's format."""
    shown = display if display is not None else str(path)
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError as exc:
        raise DocumentError(shown, "is a directory") from exc
    except OSError as exc:
        raise DocumentError(shown, f"cannot read: {exc.strerror or exc}") from exc
    return parse_document(data, shown, fmt)


def parse_document(data: bytes, path: str, fmt: str | None = None) -> Document:
    text, encoding, bom = decode(data, path)
    return document_from_text(text, path, fmt, encoding=encoding, bom=bom)


def document_from_text(
    text: str,
    path: str = "<string>",
    fmt: str | None = None,
    *,
    encoding: str = "utf-8",
    bom: bool = False,
) -> Document:
    if text.startswith("\ufeff"):
        text = text[1:]
    chosen = fmt or format_for(path)
    segments, comments = segments_of(text, chosen)
    return Document(path, text, chosen, tuple(segments), tuple(comments), encoding, bom)


def join_segments(segments: Sequence[Segment]) -> str:
    return "\n\n".join(s.text for s in segments)
