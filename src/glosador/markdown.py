"""Markdown prose with exact source offsets, parsed with markdown-it-py (CommonMark).

Checked: paragraphs, headings (ATX and setext), list items, block quotes, table
cells, link text, image alt text and emphasis. Not checked: code blocks, inline
code, link destinations and titles, autolinks and bare URLs, raw HTML (the text
between inline tags is still prose), front matter. HTML comments are returned as
``Comment``s, since inline suppressions live in them.

markdown-it gives each block its line range but no character offsets, so the
mapping is rebuilt in two steps, both linear:

1. the block's inline source (``token.content``: its lines with container
   prefixes and indentation removed) is aligned line by line with the file;
2. the inline tokens (text, escapes, entities, breaks, markup) are found in that
   inline source in order, from a cursor that also skips code spans, link
   destinations and HTML tags, so literal text inside them is never mistaken for
   the prose after them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token

from glosador.extract import Comment, OffsetBuilder, Segment

__all__ = ["markdown_segments"]

_BREAK = re.compile(r"\r\n|\r|\n")
_FRONT_OPEN = re.compile(r"(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)")
_FRONT_CLOSE = {
    "---": re.compile(r"(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?=\r|\n|\Z)"),
    "+++": re.compile(r"(?:\r\n|\r|\n)\+\+\+[ \t]*(?=\r|\n|\Z)"),
}
_HTML_COMMENT = re.compile(r"<!--(?:-?>|.*?-->|.*\Z)", re.DOTALL)
_BACKTICKS = re.compile(r"`+")
_SPACE = re.compile(r"[ \t\n]*")
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>]*[^\s<>.,;:!?'\")\]}*_]", re.IGNORECASE)
_CONTAINERS = {"blockquote_open": "blockquote", "list_item_open": "list-item"}
_EMPHASIS = frozenset({"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"})


class _Parser(MarkdownIt):
    """CommonMark parser that leaves link destinations alone: they are never
    rendered here, and normalising them (punycode, percent-encoding) costs
    a fifth of the parse."""

    def normalizeLink(self, url: str) -> str:
        return url

    def normalizeLinkText(self, link: str) -> str:
        return link

    def validateLink(self, url: str) -> bool:
        return True


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = _Parser("commonmark").enable("table")
    # keep escapes and entities as separate ``text_special`` tokens: their
    # ``markup`` is the source text, which is what we need to place them
    md.disable("text_join")
    return md


@lru_cache(maxsize=8)
def _closing_ticks(length: int) -> re.Pattern[str]:
    return re.compile(r"(?<!`)" + "`" * length + r"(?!`)")


class _Lines:
    """Start and end (before the line break) of every line of the file."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in _BREAK.finditer(text))]

    def __len__(self) -> int:
        return len(self.starts)

    def start(self, line: int) -> int:
        return self.starts[min(line, len(self.starts) - 1)]

    def end(self, line: int) -> int:
        """Offset of the line break ending ``line`` (or the end of the file)."""
        if line + 1 >= len(self.starts):
            return len(self.text)
        end = self.starts[line + 1] - 1
        if self.text[end] == "\n" and end > self.starts[line] and self.text[end - 1] == "\r":
            end -= 1
        return end

    def break_span(self, line: int) -> tuple[int, int]:
        """Source offset and length of the line break after ``line``."""
        end = self.end(line)
        nxt = self.starts[line + 1] if line + 1 < len(self.starts) else end
        return end, nxt - end


class _ContentMap:
    """Maps an inline token's ``content`` (its block's inline source) to the file.

    ``runs`` are ``(content_start, source_start, content_length, source_length)``;
    ``lines`` holds, for every line of the content, where it starts in the content
    and which line of the file it came from (for soft breaks).
    """

    __slots__ = ("_line_starts", "_lines", "_run_starts", "_runs", "end")

    def __init__(
        self, content: str, lines: _Lines, first_line: int, low: int | None = None
    ) -> None:
        self._runs: list[tuple[int, int, int, int]] = []
        self._line_starts: list[int] = []
        self._lines: list[int] = []
        self.end = low if low is not None else lines.start(first_line)
        text = lines.text
        cstart = 0
        for index, piece in enumerate(content.split("\n")):
            line = min(first_line + index, len(lines) - 1)
            self._line_starts.append(cstart)
            self._lines.append(line)
            lo = lines.start(line)
            hi = lines.end(line)
            if low is not None and index == 0:
                lo = max(lo, low)
            self._align(piece, cstart, text, lo, hi, table=low is not None)
            cstart += len(piece) + 1
        self._run_starts = [r[0] for r in self._runs]

    def _align(self, piece: str, cstart: int, text: str, lo: int, hi: int, *, table: bool) -> None:
        if not piece:
            return
        size = len(piece)
        if not table:
            # common case: the piece is what is left of the line after its prefix
            if text.endswith(piece, lo, hi):
                self._add(cstart, hi - size, size)
                return
            line_end = lo + len(text[lo:hi].rstrip())
            if text.endswith(piece, lo, line_end):
                self._add(cstart, line_end - size, size)
                return
        found = text.find(piece, lo, hi)
        if found >= 0:
            self._add(cstart, found, size)
            return
        unindented = piece.lstrip(" ")
        if unindented != piece and not table:
            # a tab partly used as indentation comes back as spaces
            self._align(unindented, cstart + size - len(unindented), text, lo, hi, table=False)
            return
        # the parser removed the backslash of an escaped table pipe: align piece by piece
        cursor = lo
        offset = 0
        for part in re.split(r"(\||\s+)", piece):
            if not part:
                continue
            if part.isspace():
                if text.startswith(part, cursor):
                    self._add(cstart + offset, cursor, len(part))
                    cursor += len(part)
                offset += len(part)
                continue
            found = text.find(part, cursor, hi)
            if found < 0:
                return
            if part == "|" and found > cursor and text[found - 1] == "\\":
                self._runs.append((cstart + offset, found - 1, 1, 2))
            else:
                self._add(cstart + offset, found, len(part))
            offset += len(part)
            cursor = found + len(part)

    def _add(self, cstart: int, sstart: int, size: int) -> None:
        self._runs.append((cstart, sstart, size, size))
        self.end = sstart + size

    def _run_index(self, index: int) -> int:
        return bisect.bisect_right(self._run_starts, index) - 1

    def add_text(self, builder: OffsetBuilder, content: str, start: int, end: int) -> None:
        """Append ``content[start:end]`` (literal source text) to ``builder``."""
        runs = self._runs
        i = max(self._run_index(start), 0)
        while i < len(runs) and start < end:
            cst, sst, clen, slen = runs[i]
            if cst + clen <= start:
                i += 1
                continue
            if cst >= end:
                break
            lo = max(start, cst)
            hi = min(end, cst + clen)
            if clen == slen:
                builder.add(content[lo:hi], sst + lo - cst)
            else:
                builder.add(content[lo:hi], sst, slen)
            start = hi
            i += 1

    def source_span(self, start: int, end: int) -> tuple[int, int] | None:
        """File offsets covering content ``[start, end)``, or None if not all mapped."""
        first = self._run_index(start)
        last = self._run_index(end - 1)
        if first < 0 or last < 0:
            return None
        cst, sst, clen, slen = self._runs[first]
        if start >= cst + clen:
            return None
        src_start = sst + (start - cst if clen == slen else 0)
        cst, sst, clen, slen = self._runs[last]
        if end - 1 >= cst + clen:
            return None
        src_end = sst + (end - cst if clen == slen else slen)
        return src_start, src_end

    def line_of(self, index: int) -> int:
        """File line of content offset ``index``."""
        return self._lines[max(bisect.bisect_right(self._line_starts, index) - 1, 0)]


class _InlineWalker:
    """Walks the inline tokens of one block and builds its segments."""

    def __init__(
        self,
        content: str,
        cmap: _ContentMap,
        lines: _Lines,
        kind: str,
        segments: list[Segment],
        comments: list[Comment],
    ) -> None:
        self.content = content
        self.cmap = cmap
        self.lines = lines
        self.kind = kind
        self.segments = segments
        self.comments = comments

    def run(self, children: Sequence[Token]) -> None:
        builder = OffsetBuilder()
        start = len(self.segments)
        self._walk(children, 0, builder)
        _emit(self.segments, builder, self.kind, at=start)

    def _walk(self, children: Sequence[Token], cursor: int, builder: OffsetBuilder) -> int:
        content = self.content
        size = len(children)
        i = 0
        while i < size:
            token = children[i]
            kind = token.type
            if kind == "text":
                piece = token.content
                found = cursor if content.startswith(piece, cursor) else content.find(piece, cursor)
                if found >= 0:
                    cursor = found + len(piece)
                    self._text(builder, found, cursor)
            elif kind == "text_special":
                markup = token.markup or token.content
                found = content.find(markup, cursor)
                if found >= 0:
                    cursor = found + len(markup)
                    span = self.cmap.source_span(found, cursor)
                    if span is not None:
                        builder.add(token.content, span[0], span[1] - span[0])
            elif kind in ("softbreak", "hardbreak"):
                found = content.find("\n", cursor)
                if found >= 0:
                    cursor = found + 1
                    where, length = self.lines.break_span(self.cmap.line_of(found))
                    builder.add(" ", where, length)
            elif kind in _EMPHASIS:
                found = content.find(token.markup, cursor) if token.markup else -1
                if found >= 0:
                    cursor = found + len(token.markup)
            elif kind == "code_inline":
                cursor = self._skip_code(token.markup, cursor)
            elif kind == "html_inline":
                found = content.find(token.content, cursor)
                if found >= 0:
                    cursor = found + len(token.content)
                    if token.content.startswith("<!--"):
                        self._comment(found, cursor)
            elif kind == "link_open":
                if token.markup == "autolink":
                    found = content.find("<", cursor)
                    close = content.find(">", found + 1) if found >= 0 else -1
                    if close >= 0:
                        cursor = close + 1
                    while i + 1 < size and children[i + 1].type != "link_close":
                        i += 1
                    i += 1  # the link_close
                else:
                    found = content.find("[", cursor)
                    if found >= 0:
                        cursor = found + 1
            elif kind == "link_close":
                cursor = self._skip_link_tail(cursor)
            elif kind == "image":
                found = content.find("![", cursor)
                if found >= 0:
                    cursor = self._image(token, found + 2)
            i += 1
        return cursor

    def _text(self, builder: OffsetBuilder, start: int, end: int) -> None:
        content = self.content
        if content.find("://", start, end) < 0 and content.find("www.", start, end) < 0:
            self.cmap.add_text(builder, content, start, end)
            return
        # bare URLs are not prose
        for match in _URL.finditer(content, start, end):
            self.cmap.add_text(builder, content, start, match.start())
            start = match.end()
        self.cmap.add_text(builder, content, start, end)

    def _comment(self, start: int, end: int) -> None:
        span = self.cmap.source_span(start, end)
        if span is not None:
            self.comments.append(Comment(self.lines.text[span[0] : span[1]], span[0], span[1]))

    def _image(self, token: Token, label_start: int) -> int:
        builder = OffsetBuilder()
        at = len(self.segments)
        cursor = self._walk(token.children or [], label_start, builder)
        _emit(self.segments, builder, "alt", at=at)
        return self._skip_link_tail(cursor)

    def _skip_code(self, markup: str, cursor: int) -> int:
        content = self.content
        opening = _BACKTICKS.search(content, cursor)
        if opening is None:
            return cursor
        ticks = len(markup) or len(opening.group())
        closing = _closing_ticks(ticks).search(content, opening.end())
        return closing.end() if closing is not None else opening.end()

    def _skip_link_tail(self, cursor: int) -> int:
        """Skip ``]`` and what follows it: ``(destination "title")`` or ``[label]``."""
        content = self.content
        size = len(content)
        bracket = content.find("]", cursor)
        if bracket < 0:
            return cursor
        pos = bracket + 1
        if pos < size and content[pos] == "(":
            pos = _skip_space(content, pos + 1)
            dest = parseLinkDestination(content, pos, size)
            if dest.ok:
                pos = _skip_space(content, dest.pos)
                title = parseLinkTitle(content, pos, size)
                if title.ok:
                    pos = _skip_space(content, title.pos)
            if pos < size and content[pos] == ")":
                return pos + 1
            close = content.find(")", pos)
            return close + 1 if close >= 0 else bracket + 1
        if pos < size and content[pos] == "[":
            close = content.find("]", pos + 1)
            return close + 1 if close >= 0 else bracket + 1
        return pos


def _skip_space(text: str, pos: int) -> int:
    match = _SPACE.match(text, pos)
    return match.end() if match else pos


def _emit(segments: list[Segment], builder: OffsetBuilder, kind: str, *, at: int) -> None:
    """Insert the built segment at index ``at`` (before any alt text found inside it)."""
    text = builder.text()
    if text and not text.isspace():
        segments.insert(at, Segment(text, builder.build(), kind))


def _front_matter_lines(text: str, lines: _Lines) -> int:
    """Number of lines taken by YAML (``---``) or TOML (``+++``) front matter."""
    opening = _FRONT_OPEN.match(text)
    if opening is None:
        return 0
    closing = _FRONT_CLOSE[opening.group(1)].search(text, opening.end() - 1)
    if closing is None:
        return 0
    last = bisect.bisect_right(lines.starts, closing.end() - 1) - 1
    return last + 1


def _html_block_comments(token: Token, lines: _Lines, comments: list[Comment]) -> None:
    if token.map is None or "<!--" not in token.content:
        return
    start = lines.start(token.map[0])
    end = lines.end(max(token.map[1] - 1, token.map[0]))
    for match in _HTML_COMMENT.finditer(lines.text, start, end):
        comments.append(Comment(match.group(), match.start(), match.end()))


def markdown_segments(text: str) -> tuple[list[Segment], list[Comment]]:
    """Prose segments and HTML comments of a Markdown document.

    Offsets index ``text`` as given (code points); nothing here raises on odd input.
    """
    segments: list[Segment] = []
    comments: list[Comment] = []
    if not text or text.isspace():
        return segments, comments
    lines = _Lines(text.replace("\0", "\ufffd") if "\0" in text else text)
    skipped = _front_matter_lines(text, lines)
    source = text
    if skipped:
        rest = text[lines.starts[skipped] :] if skipped < len(lines) else ""
        source = "\n" * skipped + rest
    tokens = _parser().parse(source)

    containers: list[str] = []
    kind = "paragraph"
    row_cursor: int | None = None
    for token in tokens:
        ttype = token.type
        if ttype == "inline":
            if token.map is None:
                continue
            in_cell = kind == "table-cell"
            cmap = _ContentMap(token.content, lines, token.map[0], row_cursor if in_cell else None)
            if in_cell:
                row_cursor = cmap.end
            walker = _InlineWalker(token.content, cmap, lines, kind, segments, comments)
            walker.run(token.children or [])
        elif ttype == "paragraph_open":
            kind = containers[-1] if containers else "paragraph"
        elif ttype == "heading_open":
            kind = "heading"
        elif ttype in ("th_open", "td_open"):
            kind = "table-cell"
        elif ttype == "tr_open":
            row_cursor = lines.start(token.map[0]) if token.map else None
        elif ttype in _CONTAINERS:
            containers.append(_CONTAINERS[ttype])
        elif ttype in ("blockquote_close", "list_item_close"):
            if containers:
                containers.pop()
        elif ttype == "html_block":
            _html_block_comments(token, lines, comments)
    return segments, comments
