"""HTML prose with exact source offsets, parsed with selectolax (lexbor, HTML5).

Checked: text nodes, one segment per block element (``p``, ``h1``-``h6``, ``li``,
``td``, ``blockquote``, ``figcaption``, a ``div`` with direct text ...) with its
inline elements (``em``, ``a``, ``span`` ...) joined in, and the ``alt`` and
``title`` attributes, each its own segment. Not checked: ``script``, ``style``,
``code``, ``pre``, ``template``, ``noscript``, ``kbd``, ``samp``, ``textarea``, and
deleted text (``del``, ``s``, ``strike``: a correction's old wording).
Comments are returned as ``Comment``s (inline suppressions live in them).

The parser decides the structure but gives no character offsets. A small scanner
of the source (tags, comments, raw text, character references and line endings,
after the HTML5 tokenizer) decodes all the text in document order, remembering
where each character came from; the parser's text nodes are then found in that
decoded stream from a cursor, in document order, so entities and inline markup
map back to the exact source. Broken HTML is best effort: a node that cannot be
placed is left out, nothing raises.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from html.entities import html5

from selectolax.lexbor import LexborHTMLParser, LexborNode

from glosador.extract import Comment, OffsetBuilder, Segment

__all__ = ["html_segments"]

Run = tuple[int, int, int, int]  # decoded start, source start, decoded length, source length


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


_RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes"})
_RCDATA = frozenset({"title", "textarea"})
_FOREIGN = frozenset({"svg", "math"})
#: start tags that end SVG and MathML content (HTML5 tree construction, foreign content)
_BREAKOUT = _names(
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i "
    "img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt "
    "u ul var"
)
#: not prose; ``del``, ``s`` and ``strike`` hold deleted text, a correction's old wording
_SKIPPED = _names("script style code pre template noscript kbd samp textarea del s strike")
_NOT_WALKED = _RAW_TEXT | {"template", "plaintext"}
_KINDS = {
    "p": "paragraph",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "title": "heading",
    "li": "list-item",
    "dd": "list-item",
    "dt": "list-item",
    "td": "table-cell",
    "th": "table-cell",
    "blockquote": "blockquote",
    "figcaption": "caption",
    "caption": "caption",
    "legend": "caption",
    "summary": "caption",
}
#: elements that end the text before them and start a new segment
_BLOCKS = frozenset(_KINDS) | _names(
    "html head body div section article main header footer nav aside address ul ol dl menu "
    "table thead tbody tfoot tr colgroup figure hgroup details dialog form fieldset search "
    "center option optgroup select button br hr img input video audio object embed canvas "
    "svg math iframe area "
)
_CONTAINER_KINDS = frozenset({"list-item", "blockquote", "table-cell"})
_TABLE_TAGS = frozenset({"table", "tr", "th", "td"})
_ATTRIBUTES = ("alt", "title")
_ABBREVIATIONS = frozenset({"abbr", "acronym"})  #: their ``title`` expands their text

_TAG_NAME = re.compile(r"[A-Za-z][^\t\n\f\r />]*")
_ATTR = re.compile(
    r"[\t\n\f\r /]*(?:([^\t\n\f\r />][^\t\n\f\r /=>]*)"
    r"(?:[\t\n\f\r ]*=[\t\n\f\r ]*(\"[^\"]*\"?|'[^']*'?|[^\t\n\f\r >]*))?)?"
)
_COMMENT_END = re.compile(r"--!?>")
_REF = re.compile(r"&(?:#[xX]([0-9A-Fa-f]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]*;?))|\r\n?|\x00")
_TEXT_SPECIAL = re.compile(r"[&\r\x00]")
_WINDOW = 1 << 16


def _c1(num: int) -> str:
    try:
        return bytes([num]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(num)


_C1 = {num: _c1(num) for num in range(0x80, 0xA0)}


@lru_cache(maxsize=16)
def _raw_end(name: str) -> re.Pattern[str]:
    return re.compile(r"</" + re.escape(name) + r"(?=[\t\n\f\r />])", re.IGNORECASE)


def _numeric(digits: str, base: int) -> str:
    num = int(digits, base) if len(digits) <= 8 else 0x110000
    if num == 0 or num > 0x10FFFF or 0xD800 <= num <= 0xDFFF:
        return "\ufffd"
    return _C1.get(num) or chr(num)


def _reference(
    match: re.Match[str], text: str, *, attribute: bool, nul: str
) -> tuple[str, int] | None:
    """Decoded text and source length of a character reference, or None if literal."""
    whole = match.group()
    first = whole[0]
    if first == "\r":
        return "\n", len(whole)
    if first == "\x00":
        return nul, 1
    hexa, decimal, name = match.groups()
    if hexa is not None:
        return _numeric(hexa, 16), len(whole)
    if decimal is not None:
        return _numeric(decimal, 10), len(whole)
    decoded = html5.get(name)
    if decoded is not None and (name[-1] == ";" or not attribute or _plain_after(text, match)):
        return decoded, len(whole)
    # the longest legacy name (no semicolon) at the start: "&notit;" is "¬it;"
    for size in range(min(len(name) - 1, 6), 1, -1):
        decoded = html5.get(name[:size])
        if decoded is not None:
            # in an attribute, "&not" followed by a letter stays as written
            return None if attribute else (decoded, size + 1)
    return None


def _name_end(text: str, pos: int) -> int:
    match = _TAG_NAME.match(text, pos)
    return match.end() if match else pos


def _plain_after(text: str, match: re.Match[str]) -> bool:
    end = match.end()
    return end >= len(text) or text[end] != "="


def _language_of(node: LexborNode) -> str | None:
    """The primary language subtag an element's ``lang`` (or ``xml:lang``) declares."""
    language = node.attributes.get("lang") or node.attributes.get("xml:lang")
    return language.split("-")[0].lower() or None if language else None


class _Source:
    """The source scanned as the HTML5 tokenizer reads it.

    ``decoded`` is all its text (outside tags, comments and raw text) with
    references decoded and line endings normalised; ``runs`` map it back.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._parts: list[str] = []
        self.runs: list[Run] = []
        self._length = 0
        self.comments: list[Comment] = []
        #: (tag, attribute, decoded value, runs of the value) in source order
        self.attributes: list[tuple[str, str, str, list[Run]]] = []
        self._foreign = 0  # open <svg> and <math> elements
        self._scan()
        self.decoded = "".join(self._parts)
        self.run_starts = [run[0] for run in self.runs]
        del self._parts

    def _scan(self) -> None:
        text = self.text
        size = len(text)
        start = pos = 0
        while pos < size:
            lt = text.find("<", pos)
            if lt < 0 or lt + 1 >= size:
                break
            nxt = text[lt + 1]
            if nxt.isascii() and nxt.isalpha():
                self._text(start, lt)
                start = pos = self._start_tag(lt)
            elif nxt == "/":
                after = text[lt + 2 : lt + 3]
                if not after:
                    break
                self._text(start, lt)
                if after.isascii() and after.isalpha():
                    start = pos = self._end_tag(lt + 2)
                elif after == ">":
                    start = pos = lt + 3
                else:
                    start = pos = self._bogus(lt + 2)
            elif nxt == "!":
                self._text(start, lt)
                if text.startswith("<!--", lt):
                    start = pos = self._comment(lt)
                elif self._foreign and text.startswith("<![CDATA[", lt):
                    close = text.find("]]>", lt + 9)
                    close = size if close < 0 else close
                    self._add(text[lt + 9 : close], lt + 9)
                    start = pos = min(close + 3, size)
                else:
                    start = pos = self._bogus(lt + 2)
            elif nxt == "?":
                self._text(start, lt)
                start = pos = self._bogus(lt + 1)
            else:
                pos = lt + 1
        self._text(start, size)

    def _start_tag(self, lt: int) -> int:
        text = self.text
        name_end = _name_end(text, lt + 1)
        name = text[lt + 1 : name_end].lower()
        end = self._tag_end(name_end, name)
        if end < 0:
            return len(text)  # EOF in a tag: the tag is dropped
        if name in _FOREIGN:
            if text[end - 2] != "/":
                self._foreign += 1
            return end
        if self._foreign:
            if name not in _BREAKOUT:
                return end  # no raw text in SVG and MathML
            self._foreign = 0
        if name in _RAW_TEXT or name in _RCDATA:
            close = _raw_end(name).search(text, end)
            close_at = close.start() if close else len(text)
            if name in _RCDATA:
                self._text(end, close_at, nul="\ufffd")
            return close_at
        if name == "plaintext":
            self._text(end, len(text))
            return len(text)
        return end

    def _end_tag(self, pos: int) -> int:
        name_end = _name_end(self.text, pos)
        if self._foreign and self.text[pos:name_end].lower() in _FOREIGN:
            self._foreign -= 1
        end = self._tag_end(name_end, "")
        return len(self.text) if end < 0 else end

    def _tag_end(self, pos: int, name: str) -> int:
        """Offset after the tag whose attributes start at ``pos`` (-1 at the end of
        the file, inside the tag); records ``alt`` and ``title`` values."""
        text = self.text
        seen: set[str] = set()
        while True:
            match = _ATTR.match(text, pos)
            if match is None:  # cannot happen: the pattern matches the empty string
                break
            pos = match.end()
            attr = match.group(1)
            if attr is None:
                break
            if not name:
                continue
            lowered = attr.lower()
            if lowered in seen:
                continue
            seen.add(lowered)
            value = match.group(2)
            if lowered in _ATTRIBUTES and value:
                vstart = match.start(2)
                vend = match.end(2)
                if value[0] in "\"'":
                    vstart += 1
                    if vend - vstart >= 1 and text[vend - 1] == value[0]:
                        vend -= 1
                self._attribute(name, lowered, vstart, vend)
        return pos + 1 if pos < len(text) else -1

    def _attribute(self, tag: str, name: str, start: int, end: int) -> None:
        parts: list[str] = []
        runs: list[Run] = []
        length = _decode(self.text, start, end, parts, runs, 0, attribute=True, nul="\ufffd")
        if length:
            self.attributes.append((tag, name, "".join(parts), runs))

    def _comment(self, lt: int) -> int:
        text = self.text
        if text.startswith("<!-->", lt):
            end = lt + 5
        elif text.startswith("<!--->", lt):
            end = lt + 6
        else:
            match = _COMMENT_END.search(text, lt + 4)
            end = match.end() if match else len(text)
        self.comments.append(Comment(text[lt:end], lt, end))
        return end

    def _bogus(self, pos: int) -> int:
        close = self.text.find(">", pos)
        return len(self.text) if close < 0 else close + 1

    def _add(self, piece: str, source: int) -> None:
        if piece:
            self._parts.append(piece)
            self.runs.append((self._length, source, len(piece), len(piece)))
            self._length += len(piece)

    def _text(self, start: int, end: int, nul: str = "") -> None:
        if start >= end:
            return
        text = self.text
        if _TEXT_SPECIAL.search(text, start, end) is None:
            self._add(text[start:end], start)
            return
        if self._foreign:
            nul = "\ufffd"
        self._length = _decode(
            text, start, end, self._parts, self.runs, self._length, attribute=False, nul=nul
        )


def _decode(
    text: str,
    start: int,
    end: int,
    parts: list[str],
    runs: list[Run],
    length: int,
    *,
    attribute: bool,
    nul: str,
) -> int:
    """Decode ``text[start:end]`` into ``parts``/``runs``; returns the new length."""
    pos = start
    for match in _REF.finditer(text, start, end):
        ref = _reference(match, text, attribute=attribute, nul=nul)
        if ref is None:
            continue
        if match.start() > pos:
            piece = text[pos : match.start()]
            parts.append(piece)
            runs.append((length, pos, len(piece), len(piece)))
            length += len(piece)
        decoded, consumed = ref
        if decoded:
            parts.append(decoded)
            runs.append((length, match.start(), len(decoded), consumed))
            length += len(decoded)
        pos = match.start() + consumed
    if pos < end:
        piece = text[pos:end]
        parts.append(piece)
        runs.append((length, pos, len(piece), len(piece)))
        length += len(piece)
    return length


def _add_runs(
    builder: OffsetBuilder, decoded: str, runs: list[Run], starts: list[int], lo: int, hi: int
) -> None:
    """Append ``decoded[lo:hi]`` to ``builder`` with the source offsets of ``runs``."""
    i = max(bisect.bisect_right(starts, lo) - 1, 0)
    count = len(runs)
    while i < count and lo < hi:
        dstart, sstart, dlen, slen = runs[i]
        if dstart + dlen <= lo:
            i += 1
            continue
        if dstart >= hi:
            break
        piece_end = min(hi, dstart + dlen)
        if dlen == slen:
            builder.add(decoded[lo:piece_end], sstart + lo - dstart)
        else:
            builder.add(decoded[lo:piece_end], sstart, slen)
        lo = piece_end
        i += 1


#: elements in italics, where foreign words and titles are set
_ITALIC = frozenset({"em", "i", "cite"})


class _Extractor:
    """Walks the parsed tree in document order, placing its text with ``_Source``."""

    def __init__(self, source: _Source) -> None:
        self.source = source
        self.segments: list[Segment] = []
        self.cursor = 0
        self.attr_cursor = 0
        self.attr_tags = {entry[0] for entry in source.attributes}
        self.builder = OffsetBuilder()
        self.kinds: list[str] = ["paragraph"]
        #: the language each open block declares (``lang``) or inherits from the blocks
        #: around it; ``<html>`` and ``<body>`` declare none (a page template's
        #: ``lang="en"`` often wraps an article in another language)
        self.block_languages: list[str | None] = [None]
        self.skipping = 0
        self.quotes: list[tuple[int, int]] = []  #: ``<q>`` elements of the open segment
        self.languages: list[tuple[int, int, str]] = []  #: elements with a ``lang``
        self.italics: list[tuple[int, int]] = []
        #: the inline elements still open: the number of segments flushed when each
        #: opened (a region lies within one segment), where it starts, its language
        self.inline: list[tuple[int, int, str | None]] = []
        self.flushes = 0
        #: the table being read: its header cells, whether a data cell was seen, the
        #: column of the cell being read and that column's header
        self.headers: list[str] = []
        self.data_seen = False
        self.cell = 0
        self.column = ""
        #: whether the open segment follows a ``<br>`` of its block
        self.after_break = False

    def flush(self, by_break: bool = False) -> None:
        """End the open segment; ``by_break`` when a ``<br>`` ends it."""
        builder = self.builder
        line = by_break or self.after_break
        self.after_break = by_break
        if builder.length:
            text = builder.text()
            if not text.isspace():
                declared = self.block_languages[-1]
                if declared:  # <p lang="es">: the whole segment is in that language
                    self.languages.insert(0, (0, len(text), declared))
                self.segments.append(
                    Segment(
                        text,
                        builder.build(),
                        self.kinds[-1],
                        tuple(self.quotes),
                        tuple(self.languages),
                        tuple(self.italics),
                        self.column,
                        line,
                    )
                )
            self.builder = OffsetBuilder()
            self.flushes += 1
        self.quotes = []
        self.languages = []
        self.italics = []

    def walk(self, root: LexborNode) -> None:
        node: LexborNode | None = root
        depth = 0
        while node is not None:
            descend = self.enter(node)
            child = node.child if descend else None
            if child is not None:
                node = child
                depth += 1
                continue
            while node is not None:
                if descend:
                    self.leave(node)
                descend = True
                if depth == 0:
                    return
                sibling = node.next
                if sibling is not None:
                    node = sibling
                    break
                node = node.parent
                depth -= 1

    def enter(self, node: LexborNode) -> bool:
        """Handle ``node``; True to walk its children (and ``leave`` it after)."""
        tag_id = node.tag_id
        if tag_id == 2:  # text
            self.text(node.text_content or "")
            return False
        tag = node.tag
        if tag is None or tag_id == 4 or tag.startswith(("-", "#", "_")):
            return False  # comment (taken from the source), document type
        if tag in _NOT_WALKED:
            return False
        if tag in self.attr_tags:
            self.attributes(tag, node, emit=not self.skipping and tag not in _SKIPPED)
        if tag in _SKIPPED:
            self.skipping += 1
        if tag not in _BLOCKS:
            self.inline.append((self.flushes, self.builder.length, _language_of(node)))
        if tag == "br":
            self.flush(by_break=True)
            return False
        if tag in _BLOCKS:
            self.flush()
            declared = None if tag in ("html", "body") else _language_of(node)
            self.block_languages.append(declared or self.block_languages[-1])
            kind = _KINDS.get(tag, "paragraph")
            if tag in ("p", "div") and self.kinds[-1] in _CONTAINER_KINDS:
                kind = self.kinds[-1]
            self.kinds.append(kind)
        if tag in _TABLE_TAGS:
            self._table_cell(tag, node)
        return True

    def _table_cell(self, tag: str, node: LexborNode) -> None:
        """Follow a table's columns: the header cells of its first row head them."""
        if tag == "table":
            self.headers, self.data_seen = [], False
        elif tag == "tr":
            self.cell = 0
            self.data_seen = self.data_seen or bool(self.headers)  # one header row
        else:
            if tag == "th" and not self.data_seen:
                self.headers.append((node.text(deep=True) or "").strip())
            else:
                self.data_seen = True
                self.column = self.headers[self.cell] if self.cell < len(self.headers) else ""
            self.cell += 1

    def leave(self, node: LexborNode) -> None:
        tag = node.tag
        if tag in _SKIPPED:
            self.skipping -= 1
        if tag not in _BLOCKS and self.inline:
            flushes, start, language = self.inline.pop()
            end = self.builder.length
            if flushes == self.flushes and end > start:
                if tag == "q":
                    self.quotes.append((start, end))
                if tag in _ITALIC:
                    self.italics.append((start, end))
                if language:
                    self.languages.append((start, end, language))
        if tag in _BLOCKS:
            self.flush()
            self.column = ""
            if len(self.kinds) > 1:
                self.kinds.pop()
            if len(self.block_languages) > 1:
                self.block_languages.pop()

    def text(self, value: str) -> None:
        if not value:
            return
        decoded = self.source.decoded
        cursor = self.cursor
        if decoded.startswith(value, cursor):
            found = cursor
        else:
            found = decoded.find(value, cursor, cursor + len(value) + _WINDOW)
            if found < 0:
                found = decoded.rfind(value, max(cursor - _WINDOW, 0), cursor + len(value))
            if found < 0:
                return
        self.cursor = found + len(value)
        if not self.skipping:
            source = self.source
            _add_runs(
                self.builder, decoded, source.runs, source.run_starts, found, found + len(value)
            )

    def attributes(self, tag: str, node: LexborNode, *, emit: bool) -> None:
        values = node.attributes
        entries = self.source.attributes
        for name in _ATTRIBUTES:
            value = values.get(name)
            if not value or value.isspace():
                continue
            limit = min(self.attr_cursor + 64, len(entries))
            for index in range(self.attr_cursor, limit):
                etag, ename, evalue, runs = entries[index]
                if etag == tag and ename == name and evalue == value:
                    self.attr_cursor = index + 1
                    if emit:
                        builder = OffsetBuilder()
                        _add_runs(builder, evalue, runs, [r[0] for r in runs], 0, len(evalue))
                        # <abbr title="Consejo Nacional Electoral">: what the letters stand for
                        kind = "expansion" if tag in _ABBREVIATIONS and name == "title" else name
                        self.segments.append(Segment(builder.text(), builder.build(), kind))
                    break


def html_segments(text: str) -> tuple[list[Segment], list[Comment]]:
    """Prose segments and comments of an HTML document.

    Offsets index ``text`` as given (code points); nothing here raises on odd input.
    """
    if not text or text.isspace():
        return [], []
    source = _Source(text)
    if not source.decoded.strip() and not source.attributes:
        return [], source.comments
    tree = LexborHTMLParser(text)
    extractor = _Extractor(source)
    root = tree.root
    if root is not None:
        extractor.walk(root)
        extractor.flush()
    segments = extractor.segments
    segments.sort(key=lambda segment: segment.offsets.runs[0][1])
    return segments, source.comments
