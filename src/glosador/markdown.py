"""Markdown prose with exact source offsets, parsed with pulldown-cmark (CommonMark).

Checked: paragraphs, headings (ATX and setext), list items, block quotes, table
cells, link text, image alt text and emphasis. Not checked: code blocks, inline
code, link destinations and titles, autolinks and bare URLs, raw HTML (the text
between inline tags is still prose), deleted text (``~~struck~~``, ``<del>``,
``<s>``: a correction's old wording), front matter. HTML comments are returned as
``Comment``s, since inline suppressions live in them.

The parser (pulldown-cmark, through pyromark) reports every event with the byte
range of the source it came from, so each piece of text is placed directly: a
literal piece maps character by character, an entity (``&eacute;``) or an escape
(``\\*``) maps as a whole to its source, and a line break read as a space maps to
the line break. The byte ranges are turned into code-point offsets through one
table of the file's characters per byte, so the whole mapping is linear.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from typing import Any, cast

import numpy as np
import pyromark

from glosador.extract import Comment, OffsetBuilder, Segment

__all__ = ["markdown_segments"]

_OPTIONS = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH
_FRONT_OPEN = re.compile(r"(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)")
_FRONT_CLOSE = {
    "---": re.compile(r"(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?=\r|\n|\Z)"),
    "+++": re.compile(r"(?:\r\n|\r|\n)\+\+\+[ \t]*(?=\r|\n|\Z)"),
}
_HTML_COMMENT = re.compile(r"<!--(?:-?>|.*?-->|.*\Z)", re.DOTALL)
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>]*[^\s<>.,;:!?'\")\]}*_]", re.IGNORECASE)
_NOT_BREAK = re.compile(r"[^\r\n]")
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
#: blocks whose text is one segment, by the kind they give it
_BLOCKS = {"Paragraph": None, "Heading": "heading", "TableCell": "table-cell", "Item": "list-item"}
_CONTAINERS = {"BlockQuote": "blockquote", "Item": "list-item"}
_LINK_SKIPPED = frozenset({"Autolink", "Email"})
#: an inline HTML tag of deleted text (group 1: "/" when it closes it)
_DELETED_TAG = re.compile(r"<(/?)(?:del|s|strike)(?:\s[^>]*)?>", re.IGNORECASE)
_SKIPPED_BLOCKS = frozenset({"CodeBlock", "HtmlBlock", "MetadataBlock"})
#: blocks that end the segment before them
_BOUNDARIES = frozenset({"List", "Table", "TableHead", "TableRow", "FootnoteDefinition"})


def _char_offsets(text: str) -> Callable[[int], int]:
    """Byte offsets of the UTF-8 source as code-point offsets: a table of how many
    characters start before each byte (the parser's offsets fall between characters).

    Speed: called for every event, so it is a C callable: the table's ``__getitem__``,
    or ``int`` (an int's identity) for ASCII text, where bytes are characters.
    """
    if text.isascii():
        return int
    data = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    starts = np.empty(len(data) + 1, dtype=np.int32)
    starts[0] = 0
    np.cumsum((data & 0xC0) != 0x80, out=starts[1:])
    return array("i", starts.tobytes()).__getitem__


class _Builder:
    """Collects the segments of the document in order, alt texts after their block."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.segments: list[Segment] = []
        self.comments: list[Comment] = []
        self.current: OffsetBuilder | None = None
        self.kind = "paragraph"
        self.alts: list[Segment] = []
        self.cursor = 0  #: where the last placed piece of the current block ended
        #: italics of the current block, where foreign words and titles are set
        self.italics: list[tuple[int, int]] = []
        self.emphasis: list[int] = []  #: where the open italics started (-1: elsewhere)
        self.column = ""  #: the header of the table column the current block is in

    def open(self, kind: str, start: int) -> None:
        self.flush()
        self.current = OffsetBuilder()
        self.kind = kind
        self.cursor = start

    def flush(self) -> None:
        if self.current is not None:
            _emit(self.segments, self.current, self.kind, tuple(self.italics), self.column)
            self.current = None
        self.italics = []
        self.emphasis = []
        if self.alts:
            self.segments.extend(self.alts)
            self.alts = []

    def add_text(self, builder: OffsetBuilder, content: str, start: int, end: int) -> None:
        """Place a piece of text from ``text[start:end]``."""
        text = self.text
        if (
            start > self.cursor
            and text[start - 1] == "\\"
            and content[:1] == text[start : start + 1]
            and content[:1] in _ESCAPABLE
        ):
            builder.add(content[0], start - 1, 2)  # "\*": the escape is part of the char
            content, start = content[1:], start + 1
        if len(content) == end - start:
            _add_literal(builder, content, start)
        elif content:
            builder.add(content, start, end - start)  # an entity: the whole of it
        self.cursor = end

    def add_break(self, builder: OffsetBuilder, start: int, end: int) -> None:
        """A soft or hard line break, read as a space placed on the line break."""
        line_break = _NOT_BREAK.sub("", self.text[start:end])  # not the "  " or "\\" before
        if line_break:
            builder.add(" ", end - len(line_break), len(line_break))
        else:
            builder.add(" ", start, max(end - start, 1))
        self.cursor = end

    def comment(self, start: int, end: int) -> None:
        self.comments.append(Comment(self.text[start:end], start, end))


def _add_literal(builder: OffsetBuilder, content: str, start: int) -> None:
    """Literal text, less the bare URLs in it (they are not prose)."""
    if "://" not in content and "www." not in content.lower():
        builder.add(content, start)
        return
    at = 0
    for match in _URL.finditer(content):
        builder.add(content[at : match.start()], start + at)
        at = match.end()
    builder.add(content[at:], start + at)


def _emit(
    segments: list[Segment],
    builder: OffsetBuilder,
    kind: str,
    italics: tuple[tuple[int, int], ...] = (),
    column: str = "",
) -> None:
    text = builder.text()
    if text and not text.isspace():
        segments.append(Segment(text, builder.build(), kind, italics=italics, column=column))


def _front_matter_end(text: str) -> int:
    """Where YAML (``---``) or TOML (``+++``) front matter at the start ends (0: none)."""
    opening = _FRONT_OPEN.match(text)
    if opening is None:
        return 0
    closing = _FRONT_CLOSE[opening.group(1)].search(text, opening.end() - 1)
    return closing.end() if closing is not None else 0


def _parseable(text: str) -> str:
    """``text`` as the parser reads it, with every character in its place: front
    matter blanked out (its line breaks kept), NUL and lone surrogates replaced."""
    front = _front_matter_end(text)
    if front:
        text = _NOT_BREAK.sub(" ", text[:front]) + text[front:]
    if "\0" in text:
        text = text.replace("\0", "\ufffd")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    return text


def _name(tag: Any) -> str:
    """The tag name of a ``Start``/``End`` event: ``"Paragraph"`` or ``{"Heading": ...}``."""
    return tag if isinstance(tag, str) else next(iter(tag))


def markdown_segments(text: str) -> tuple[list[Segment], list[Comment]]:
    """Prose segments and HTML comments of a Markdown document.

    Offsets index ``text`` as given (code points); nothing here raises on odd input.
    """
    if not text or text.isspace():
        return [], []
    source = _parseable(text)
    to_char = _char_offsets(source)
    out = _Builder(text)
    containers: list[str] = []
    links: list[bool] = []  #: open links: whether each is an autolink (not prose)
    skip = 0  #: depth inside code blocks, HTML blocks and autolinks
    alt: OffsetBuilder | None = None  #: the alt text being built, inside an image
    images = 0
    headers: list[str] = []  #: the header cells of the table being read
    in_head, cell = False, 0  #: in its header row; the column of the cell being read
    struck = 0  #: inline ``<del>``, ``<s>``, ``<strike>`` elements open
    for event, span in pyromark.events_with_range(source, options=_OPTIONS):
        if isinstance(event, str):  # SoftBreak, HardBreak, Rule
            builder = alt if alt is not None else out.current
            if builder is not None and not skip and event != "Rule":
                out.add_break(builder, to_char(span["start"]), to_char(span["end"]))
            continue
        ((kind, value),) = cast("dict[str, Any]", event).items()
        if kind == "Text":
            if skip:
                continue
            start = to_char(span["start"])
            if alt is None and out.current is None:
                out.open(containers[-1] if containers else "paragraph", start)
            builder = alt if alt is not None else out.current
            assert builder is not None
            out.add_text(builder, value, start, to_char(span["end"]))
        elif kind == "Start":
            name = _name(value)
            if name == "Image":
                images += 1
                if images == 1:
                    alt = OffsetBuilder()
            elif name == "Emphasis":
                current = out.current
                out.emphasis.append(current.length if current is not None and alt is None else -1)
            elif name == "Link":
                autolink = value["Link"]["link_type"] in _LINK_SKIPPED
                links.append(autolink)
                skip += autolink
            elif name == "Strikethrough":
                skip += 1  # "~~old name~~ new name": a correction, the old text deleted
            elif name in _SKIPPED_BLOCKS:
                out.flush()
                skip += 1
                if name == "HtmlBlock":
                    start, end = to_char(span["start"]), to_char(span["end"])
                    for match in _HTML_COMMENT.finditer(text, start, end):
                        out.comment(match.start(), match.end())
            elif name in _BLOCKS:
                if name in _CONTAINERS:
                    containers.append(_CONTAINERS[name])
                block_kind = _BLOCKS[name] or (containers[-1] if containers else "paragraph")
                out.open(block_kind, to_char(span["start"]))
                if name == "TableCell" and not in_head:
                    out.column = headers[cell] if cell < len(headers) else ""
            elif name in ("TableHead", "TableRow"):
                out.flush()
                in_head, cell = name == "TableHead", 0
                if in_head:
                    headers = []
            elif name in _CONTAINERS:
                out.flush()
                containers.append(_CONTAINERS[name])
            elif name in _BOUNDARIES:
                out.flush()
        elif kind == "End":
            name = _name(value)
            if name == "Image":
                images -= 1
                if images == 0 and alt is not None:
                    _emit(out.alts, alt, "alt")
                    alt = None
                    out.cursor = to_char(span["end"])
            elif name == "Emphasis":
                begun = out.emphasis.pop() if out.emphasis else -1
                current = out.current
                if begun >= 0 and current is not None and alt is None and current.length > begun:
                    out.italics.append((begun, current.length))
            elif name == "Link":
                skip -= links.pop() if links else 0
            elif name in _SKIPPED_BLOCKS or name == "Strikethrough":
                skip -= 1
            elif name in _BLOCKS or name in _CONTAINERS:
                if name == "TableCell":
                    if in_head:
                        headers.append(out.current.text().strip() if out.current else "")
                    cell += 1
                out.flush()
                out.column = ""
                if name in _CONTAINERS and containers:
                    containers.pop()
            elif name == "TableHead":
                in_head = False
        elif kind in ("InlineHtml", "Code"):
            if kind == "InlineHtml":
                if value.startswith("<!--"):
                    out.comment(to_char(span["start"]), to_char(span["end"]))
                deleted = _DELETED_TAG.match(value)
                if deleted is not None and not deleted.group(1):
                    struck += 1  # "<del>old</del> <ins>new</ins>": deleted text
                    skip += 1
                elif deleted is not None and struck:
                    struck -= 1
                    skip -= 1
            out.cursor = to_char(span["end"])
    out.flush()
    return out.segments, out.comments
