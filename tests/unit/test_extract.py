from __future__ import annotations

import codecs

import pytest

from glosador.errors import DocumentError
from glosador.extract import LineIndex, OffsetBuilder, decode, document_from_text, text_segments


def test_plain_paragraphs_between_blank_lines_and_unwrapped_lines() -> None:
    wrapped = "a short\nwrapped paragraph\n\nsecond one\r\n\r\nthird"
    assert [s.text for s in text_segments(wrapped)] == [
        "a short\nwrapped paragraph",
        "second one",
        "third",
    ]
    long_lines = ("x" * 120 + "\n") * 3
    assert len(text_segments(long_lines)) == 3


def test_offsets_map_back_to_the_file() -> None:
    text = "intro\n\nFirst paragraph here."
    (_first, second) = text_segments(text)
    assert text[slice(*second.offsets.span(0, 5))] == "First"


def test_offset_builder_maps_an_entity_as_a_whole() -> None:
    builder = OffsetBuilder()
    builder.add("Comit", 10)
    builder.add("é", 15, 8)  # &eacute;
    builder.add(" de", 23)
    offsets = builder.build()
    assert builder.text() == "Comité de"
    assert offsets.span(0, 6) == (10, 23)
    assert offsets.span(5, 6) == (15, 23)
    assert offsets.span(7, 9) == (24, 26)


def test_line_index_counts_code_points_and_all_line_breaks() -> None:
    text = "uno\r\ndós\rtres\ncuatro 👩 cinco"
    index = LineIndex(text)
    assert index.position(text.index("tres")) == (3, 1)
    assert index.position(text.index("cinco")) == (4, 10)


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        ("Comité".encode(), "utf-8", False),
        (codecs.BOM_UTF8 + "Comité".encode(), "utf-8", True),
        (codecs.BOM_UTF16_LE + "Comité".encode("utf-16-le"), "utf-16-le", True),
    ],
)
def test_decode(data: bytes, encoding: str, bom: bool) -> None:
    assert decode(data, "f") == ("Comité", encoding, bom)


@pytest.mark.parametrize(
    ("data", "words"),
    [("Comité\nPen\u00e1l".encode("latin-1"), "line 1"), (b"ab\n\x00cd", "NUL byte on line 2")],
)
def test_undecodable_files_are_reported(data: bytes, words: str) -> None:
    with pytest.raises(DocumentError, match=words):
        decode(data, "f.txt")


def test_document_strips_a_bom_and_picks_the_format_from_the_name() -> None:
    doc = document_from_text("\ufeff# Title\n\nText", "a.md")
    assert doc.format == "markdown" and doc.text.startswith("# Title")
    assert [s.text for s in doc.segments] == ["Title", "Text"]
    with pytest.raises(DocumentError, match="unknown format"):
        document_from_text("x", "a.txt", "docx")


@pytest.mark.parametrize(
    "text", ["", "a", "a\n", "\n\n", "x\ny\n\nz", "é\nñ\n", "a\r\nb\rc\n", "\r"]
)
def test_line_starts_are_the_same_with_and_without_carriage_returns(text: str) -> None:
    index = LineIndex(text)
    breaks = [i + 1 for i, c in enumerate(text) if c == "\n" and text[i - 1 : i] != "\r"]
    breaks += [i + 1 for i, c in enumerate(text) if c == "\r" and text[i + 1 : i + 2] != "\n"]
    breaks += [i + 2 for i, c in enumerate(text) if text[i : i + 2] == "\r\n"]
    starts = [0, *sorted(breaks)]
    assert [index.line_span(line)[0] for line in range(1, len(starts) + 1)] == starts
    assert index.position(len(text)) == (len(starts), len(text) - starts[-1] + 1)


@pytest.mark.parametrize(
    "text", ["", "\n\n", "a\n \n\t\n\nb", "\n \n", "a\nb\n\n\n c\n\t \nd", " \n\n"]
)
def test_blank_lines_without_carriage_returns_are_found_as_by_the_general_pattern(
    text: str,
) -> None:
    from glosador.extract import _BLANK_LF_LINES, _BLANK_LINES

    spans = [m.span() for m in _BLANK_LINES.finditer(text)]
    assert [m.span() for m in _BLANK_LF_LINES.finditer(text)] == spans
