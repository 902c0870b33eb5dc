"""Markdown segments: what is prose, and where every character came from."""

from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glosador.extract import LineIndex, Segment
from glosador.markdown import markdown_segments


def segments(text: str) -> list[Segment]:
    return markdown_segments(text)[0]


def texts(text: str) -> list[str]:
    return [s.text for s in segments(text)]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in segments(text)]


def source_of(text: str, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    """File span of the ``occurrence``-th ``phrase`` found in the segments' text."""
    seen = 0
    for segment in segments(text):
        start = segment.text.find(phrase)
        while start >= 0:
            if seen == occurrence:
                return segment.source_span(start, start + len(phrase))
            seen += 1
            start = segment.text.find(phrase, start + 1)
    raise AssertionError(f"{phrase!r} not in {texts(text)!r}")


def decodes(source: str, char: str) -> bool:
    """``source`` (the file's characters for one segment character) reads as ``char``."""
    if source == char:
        return True
    if source in ("\n", "\r\n", "\r"):
        return char == " "
    if source.startswith("\\"):
        return source[1:] == char or source.lstrip("\\") == char
    if source.startswith("&"):
        return html.unescape(source) == char
    return source == "\x00" and char == "\ufffd"


def assert_offsets(text: str) -> list[Segment]:
    found, comments = markdown_segments(text)
    for segment in found:
        assert segment.text.strip()
        for i, char in enumerate(segment.text):
            start, end = segment.offsets.start(i), segment.offsets.end(i)
            assert 0 <= start < end <= len(text)
            assert decodes(text[start:end], char), (text, segment, i)
    for comment in comments:
        assert text[comment.start : comment.end] == comment.text
        assert comment.text.startswith("<!--")
    return found


class TestBlocks:
    def test_empty_and_blank(self) -> None:
        assert markdown_segments("") == ([], [])
        assert markdown_segments(" \n\r\n\t") == ([], [])

    def test_kinds(self) -> None:
        text = (
            "# Title\n\nA paragraph.\n\nSetext\n======\n\n- one\n- two\n\n"
            "> quoted\n\n| a | b |\n|---|---|\n| c | d |\n\n![the alt](x.png)\n"
        )
        assert kinds(text) == [
            ("heading", "Title"),
            ("paragraph", "A paragraph."),
            ("heading", "Setext"),
            ("list-item", "one"),
            ("list-item", "two"),
            ("blockquote", "quoted"),
            ("table-cell", "a"),
            ("table-cell", "b"),
            ("table-cell", "c"),
            ("table-cell", "d"),
            ("alt", "the alt"),
        ]

    def test_one_segment_per_paragraph_with_soft_breaks(self) -> None:
        text = "Memoria,\nJustice and\nDemocracy\n\nNext"
        assert texts(text) == ["Memoria, Justice and Democracy", "Next"]
        start, end = source_of(text, "Memoria, Justice and Democracy")
        assert text[start:end] == "Memoria,\nJustice and\nDemocracy"

    @pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
    def test_line_endings(self, newline: str) -> None:
        text = newline.join(["# Head", "", "first line", "Memoria, Justice", "", "> a", "> b"])
        assert texts(text) == ["Head", "first line Memoria, Justice", "a b"]
        start, end = source_of(text, "Justice")
        assert text[start:end] == "Justice"
        assert LineIndex(text).position(start) == (4, 10)
        segment = segments(text)[1]
        space = segment.text.index(" Memoria")
        assert text[segment.offsets.start(space) : segment.offsets.end(space)] == newline

    def test_atx_heading_closing_sequence(self) -> None:
        text = "## Memoria &amp; *Justicia* ##\n"
        assert texts(text) == ["Memoria & Justicia"]
        assert text[slice(*source_of(text, "Justicia"))] == "Justicia"

    def test_setext_heading_on_two_lines(self) -> None:
        text = "Comisión de la\nVerdad\n---\n"
        assert kinds(text) == [("heading", "Comisión de la Verdad")]

    def test_container_prefixes(self) -> None:
        text = "> quote line\n> with Memoria\n>> nested Justicia\n\n- item\n\n  second para\n    - deep Verdad\n"
        assert kinds(text) == [
            ("blockquote", "quote line with Memoria"),
            ("blockquote", "nested Justicia"),
            ("list-item", "item"),
            ("list-item", "second para"),
            ("list-item", "deep Verdad"),
        ]
        for word in ("Memoria", "Justicia", "Verdad", "second"):
            assert text[slice(*source_of(text, word))] == word

    def test_lazy_continuation(self) -> None:
        text = "> first\nlazy Memoria\n"
        assert texts(text) == ["first lazy Memoria"]
        assert text[slice(*source_of(text, "lazy Memoria"))] == "lazy Memoria"

    def test_tab_indented_list_continuation(self) -> None:
        text = "1. one\n\ttwo Memoria\n"
        assert texts(text) == ["one two Memoria"]
        assert text[slice(*source_of(text, "Memoria"))] == "Memoria"

    def test_table_cells(self) -> None:
        text = "| Sp | En \\| alt |\n|---|---|\n| Memoria | Memory |\n| Memoria | *Memory* |\n"
        assert texts(text) == ["Sp", "En | alt", "Memoria", "Memory", "Memoria", "Memory"]
        start, end = source_of(text, "Memory", 1)
        assert text[start:end] == "Memory"
        assert LineIndex(text).position(start) == (4, 14)
        start, end = source_of(text, "|")
        assert text[start:end] == "\\|"


class TestNotChecked:
    def test_code(self) -> None:
        text = (
            "Before `Memoria inline` after.\n\n```\nMemoria fenced\n```\n\n"
            "~~~python\nMemoria tilde\n~~~\n\n    Memoria indented\n\nEnd ``a ` b`` tail\n"
        )
        assert texts(text) == ["Before  after.", "End  tail"]

    def test_text_after_a_code_span_is_placed_after_it(self) -> None:
        text = "`a Memoria b` Memoria"
        assert texts(text) == [" Memoria"]
        assert source_of(text, "Memoria") == (14, 21)

    def test_link_destination_and_title(self) -> None:
        text = '[Memoria](https://ex.org/Memoria "Memoria title") and Memoria\n'
        assert texts(text) == ["Memoria and Memoria"]
        assert source_of(text, "Memoria") == (1, 8)
        assert source_of(text, "Memoria", 1) == (54, 61)

    def test_reference_links(self) -> None:
        text = "[Memoria][ref] [Justicia][] [Verdad] Verdad\n\n[ref]: /u\n[Justicia]: /j\n[Verdad]: /v\n"
        assert texts(text) == ["Memoria Justicia Verdad Verdad"]
        assert source_of(text, "Verdad", 1) == (37, 43)

    def test_autolinks_and_bare_urls(self) -> None:
        text = "See <https://ex.org/Memoria> and https://ex.org/Justicia, or www.ex.org.\n"
        assert texts(text) == ["See  and , or ."]

    def test_image_alt_is_its_own_segment(self) -> None:
        text = 'Logo ![Comisi&oacute;n *de la* Verdad](logo.png "Verdad") end\n'
        assert kinds(text) == [("paragraph", "Logo  end"), ("alt", "Comisión de la Verdad")]
        start, end = source_of(text, "Comisión")
        assert text[start:end] == "Comisi&oacute;n"

    def test_deleted_text(self) -> None:
        text = "They said ~~election fraud~~ <del>vote *rigging*</del> <s>x</s> electoral fraud.\n"
        (found,) = segments(text)
        assert " ".join(found.text.split()) == "They said electoral fraud."
        start = found.text.index("electoral")
        assert found.source_span(start, start + 9) == (
            text.index("electoral"),
            text.index("electoral") + 9,
        )

    def test_a_lone_closing_deletion_tag_skips_nothing(self) -> None:
        assert " ".join(texts("one </del> two\n")[0].split()) == "one two"

    def test_raw_html(self) -> None:
        text = "<div>\nMemoria in a block\n</div>\n\nText <em>Memoria</em> <span class='x'>Justicia</span>\n"
        assert texts(text) == ["Text Memoria Justicia"]
        assert text[slice(*source_of(text, "Memoria"))] == "Memoria"
        assert text[slice(*source_of(text, "Justicia"))] == "Justicia"

    @pytest.mark.parametrize("fence", ["---", "+++"])
    def test_front_matter(self, fence: str) -> None:
        close = "..." if fence == "---" else fence
        text = f"{fence}\ntitle: Memoria\ntags: [a]\n{close}\n# Memoria\r\n\r\nBody Memoria\n"
        assert texts(text) == ["Memoria", "Body Memoria"]
        start, _ = source_of(text, "Memoria")
        assert LineIndex(text).position(start) == (5, 3)

    def test_front_matter_only(self) -> None:
        assert markdown_segments("---\na: b\n---") == ([], [])

    def test_thematic_break_is_not_front_matter(self) -> None:
        assert texts("Text\n\n---\n\nMore\n") == ["Text", "More"]
        assert texts("---\nnot closed Memoria\n") == ["not closed Memoria"]


class TestDecoding:
    def test_entities_and_escapes(self) -> None:
        text = "Comisi&oacute;n &#233; &#x00E9; &amp; \\*Memoria\\* &nope; \\a"
        assert texts(text) == ["Comisión é é & *Memoria* &nope; \\a"]
        segment = segments(text)[0]
        start, end = segment.source_span(0, 8)
        assert text[start:end] == "Comisi&oacute;n"
        start, end = segment.source_span(segment.text.index("*"), segment.text.index("*") + 9)
        assert text[start:end] == "\\*Memoria\\*"

    def test_emphasis_inside_a_phrase(self) -> None:
        text = "The *Memoria*, Justice and **Democracy**."
        assert texts(text) == ["The Memoria, Justice and Democracy."]
        assert text[slice(*source_of(text, "Memoria, Justice"))] == "Memoria*, Justice"
        assert text[slice(*source_of(text, "Democracy"))] == "Democracy"

    def test_emoji_and_combining_characters(self) -> None:
        text = "😀👍🏽 Comisio\u0301n **😀** de la Verdad\n"
        start, end = source_of(text, "Verdad")
        assert (start, end) == (text.index("Verdad"), text.index("Verdad") + 6)
        assert LineIndex(text).position(start) == (1, text.index("Verdad") + 1)
        start, end = source_of(text, "Comisio\u0301n")
        assert text[start:end] == "Comisio\u0301n"

    def test_hard_breaks(self) -> None:
        text = "Memoria  \nJusticia\\\nVerdad"
        assert texts(text) == ["Memoria Justicia Verdad"]
        assert_offsets(text)


class TestComments:
    def test_block_and_inline_comments(self) -> None:
        text = (
            "<!-- glosador: off -->\n\nText <!-- glosador: ignore[GL101] --> Memoria\n\n"
            "> <!-- in a\n> quote -->\n\n```\n<!-- not a comment -->\n```\n"
        )
        found, comments = markdown_segments(text)
        assert [c.text for c in comments] == [
            "<!-- glosador: off -->",
            "<!-- glosador: ignore[GL101] -->",
            "<!-- in a\n> quote -->",
        ]
        for comment in comments:
            assert text[comment.start : comment.end] == comment.text
        assert [s.text for s in found] == ["Text  Memoria"]

    def test_multiline_inline_comment(self) -> None:
        text = "A <!-- glosador:\nignore[GL101] --> Memoria\n"
        found, comments = markdown_segments(text)
        assert comments[0].text == "<!-- glosador:\nignore[GL101] -->"
        assert (comments[0].start, comments[0].end) == (2, 34)
        assert [s.text for s in found] == ["A  Memoria"]


class TestBadInput:
    @pytest.mark.parametrize(
        "text",
        [
            "**Memoria [Justice](",
            "[unclosed *emphasis _and `code",
            "```\nnever closed",
            "<!-- never closed",
            "| a |\n|---|\n| b | c | d |\n",
            "> > > > > > deep\n" * 3,
            "\x00Memoria\x00",
            "- \t\t\tx\n\t\t\t- y\n",
            "\\",
            "&",
            "![",
            "<",
        ],
    )
    def test_best_effort(self, text: str) -> None:
        assert_offsets(text)

    def test_nul_is_mapped(self) -> None:
        text = "a\x00Memoria"
        assert texts(text) == ["a\ufffdMemoria"]
        assert text[slice(*source_of(text, "Memoria"))] == "Memoria"

    def test_large_document(self) -> None:
        block = (
            "## Comisión de la Verdad\n\nThe *Memoria*, Justice and Democracy party "
            "met the [Comisión](https://ex.org/c) &amp; `code` today.\n"
            "A second line with émoji 😀 and more words.\n\n- item Memoria\n- item two\n\n"
        )
        text = block * (5_000_000 // len(block))
        found = segments(text)
        assert len(found) == 4 * (5_000_000 // len(block))
        last = found[-3]
        assert last.kind == "paragraph"
        start, end = last.source_span(last.text.index("Justice"), last.text.index("Justice") + 7)
        assert text[start:end] == "Justice"
        assert start > len(text) - len(block)


_PIECES = [
    "Memoria", "é", "😀", "e\u0301", " ", "  ", "\n", "\r\n", "\r", "\t", "*", "_", "**",
    "`", "``", "[", "]", "(", ")", "![", "](", "<", ">", "<em>", "</em>", "<!--", "-->",
    "&amp;", "&eacute;", "&#233;", "&nope;", "\\", "\\*", "\\|", "#", "# ", "> ", "- ",
    "1. ", "|", "---", "===", "    ", "```", "~~~", "http://ex.org", "www.ex.org", '"',
    "<http://a>", "[x]: /u\n", "[x]", "| a | b |\n|---|---|\n", "+++", ":",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_every_character_maps_to_its_source(text: str) -> None:
    assert_offsets(text)


def test_italics_are_recorded() -> None:
    (segment,) = segments("They call them *presos políticos*, and **bold** is not.")
    assert segment.italics == ((15, 31),)
    assert segment.text[15:31] == "presos políticos"


def test_table_cells_know_their_column_header() -> None:
    found = segments(
        "| Body | **Spanish** name |\n|---|---|\n| CNE | Consejo Nacional Electoral |\n"
        "| TSJ |\n\nAfter the table.\n"
    )
    assert [(s.text, s.kind, s.column) for s in found] == [
        ("Body", "table-cell", ""),
        ("Spanish name", "table-cell", ""),
        ("CNE", "table-cell", "Body"),
        ("Consejo Nacional Electoral", "table-cell", "Spanish name"),
        ("TSJ", "table-cell", "Body"),
        ("After the table.", "paragraph", ""),
    ]
