"""HTML segments: what is prose, and where every character came from."""

from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glosador.extract import LineIndex, Segment
from glosador.html import html_segments


def segments(text: str) -> list[Segment]:
    return html_segments(text)[0]


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
    if source in ("\r\n", "\r"):
        return char == "\n"
    if source.startswith("&"):
        return char in html.unescape(source) or char in html.unescape(source + ";")
    return source == "\x00" and char == "\ufffd"


def assert_offsets(text: str) -> list[Segment]:
    found, comments = html_segments(text)
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


ARTICLE = """<!DOCTYPE html>
<html lang="en">
<head><title>Comisi&oacute;n de la Verdad</title>
<style>p { content: "Memoria"; }</style>
<script>var s = "<p>Memoria</p>";</script>
</head>
<body>
<h1>The <em>Comisión</em> report</h1>
<p><em>Memoria</em>, Justice and Democracy said&nbsp;so.</p>
<ul><li>First <ul><li>nested</li></ul> tail</li></ul>
<table><tr><th>Sp</th><td>Memoria&#x20;y <b>Justicia</b></td></tr></table>
<blockquote>quoted</blockquote>
<figure><img src="a.png" alt="Comisi&oacute;n &amp; Verdad" title='Logo'>
<figcaption>Caption</figcaption></figure>
<pre>Memoria pre</pre><p>code <code>Memoria()</code> done</p>
<!-- glosador: ignore[GL101] -->
<div>direct <span>text</span></div>
</body></html>
"""


class TestBlocks:
    def test_empty(self) -> None:
        assert html_segments("") == ([], [])
        assert html_segments("  \n") == ([], [])
        assert html_segments("<p></p><br>") == ([], [])

    def test_article(self) -> None:
        assert kinds(ARTICLE) == [
            ("heading", "Comisión de la Verdad"),
            ("heading", "The Comisión report"),
            ("paragraph", "Memoria, Justice and Democracy said\xa0so."),
            ("list-item", "First "),
            ("list-item", "nested"),
            ("list-item", " tail"),
            ("table-cell", "Sp"),
            ("table-cell", "Memoria y Justicia"),
            ("blockquote", "quoted"),
            ("alt", "Comisión & Verdad"),
            ("title", "Logo"),
            ("caption", "Caption"),
            ("paragraph", "code  done"),
            ("paragraph", "direct text"),
        ]
        assert_offsets(ARTICLE)

    def test_inline_elements_join_their_block(self) -> None:
        text = "<p><em>Memoria</em>, Justice and Democracy</p>"
        assert texts(text) == ["Memoria, Justice and Democracy"]
        start, end = source_of(text, "Memoria, Justice and Democracy")
        assert text[start:end] == "Memoria</em>, Justice and Democracy"
        assert LineIndex(text).position(start) == (1, 8)

    def test_a_line_break_splits_the_block(self) -> None:
        assert texts("<p>Memoria<br>Justicia</p>") == ["Memoria", "Justicia"]

    def test_the_lines_of_a_broken_block_are_marked(self) -> None:
        segments, _ = html_segments("<p>Intro</p><p>Oficina<br>CIDH<br/>Prensa</p><p>End</p>")
        assert [(s.text, s.line) for s in segments] == [
            ("Intro", False),
            ("Oficina", True),
            ("CIDH", True),
            ("Prensa", True),
            ("End", False),
        ]

    def test_paragraph_in_a_list_item(self) -> None:
        assert kinds("<ul><li><p>one</p><p>two</p></li></ul>") == [
            ("list-item", "one"),
            ("list-item", "two"),
        ]

    def test_implied_tags(self) -> None:
        text = "<p>one<p>two<li>three"
        assert texts(text) == ["one", "two", "three"]
        assert source_of(text, "three") == (text.index("three"), len(text))


_NOT_PROSE = ("script", "style", "code", "pre", "template", "noscript", "textarea")


class TestNotChecked:
    @pytest.mark.parametrize("element", [*_NOT_PROSE, "del", "s", "strike"])
    def test_skipped_elements(self, element: str) -> None:
        text = (
            f"<div>before <{element}>Memoria &amp; <b>x</b></{element}> after</div><p>Memoria</p>"
        )
        found = segments(text)
        assert [s.text for s in found] == ["before  after", "Memoria"]
        start, end = found[1].source_span(0, 7)
        assert (start, end) == (text.rindex("Memoria"), text.rindex("Memoria") + 7)

    def test_text_equal_to_skipped_text_is_placed_after_it(self) -> None:
        text = "<pre>Memoria</pre>Memoria<script>Memoria</script><p>Memoria</p>"
        found = segments(text)
        assert [s.text for s in found] == ["Memoria", "Memoria"]
        assert found[0].source_span(0, 7) == (18, 25)
        assert found[1].source_span(0, 7) == (text.rindex("Memoria"), text.rindex("Memoria") + 7)

    def test_deleted_text_of_a_correction(self) -> None:
        text = "<p>They said <del>election fraud</del> <ins>electoral fraud</ins>.</p>"
        (found,) = segments(text)
        assert found.text == "They said  electoral fraud."
        start = found.text.index("electoral")
        at = text.index("electoral")
        assert found.source_span(start, start + 9) == (at, at + 9)

    def test_attributes_other_than_alt_and_title(self) -> None:
        text = '<a href="/Memoria" data-x="Memoria" class=Memoria>link</a>'
        assert kinds(text) == [("paragraph", "link")]

    def test_attributes_inside_skipped_elements(self) -> None:
        assert texts('<code title="Memoria">x</code><p title="Verdad">y</p>') == ["Verdad", "y"]

    def test_comments(self) -> None:
        text = (
            "<p>a<!-- glosador: off -->b</p><script>/* <!-- not one --> */</script>"
            "<!---->\n<!-- multi\nline --><!-- unclosed"
        )
        found, comments = html_segments(text)
        assert [c.text for c in comments] == [
            "<!-- glosador: off -->",
            "<!---->",
            "<!-- multi\nline -->",
            "<!-- unclosed",
        ]
        for comment in comments:
            assert text[comment.start : comment.end] == comment.text
        assert [s.text for s in found] == ["ab"]


class TestDecoding:
    def test_entities(self) -> None:
        text = "<p>Comisi&oacute;n &#233; &#xE9; &amp; &nbsp; &notit; &amp &nope; &#x80;</p>"
        assert texts(text) == ["Comisión é é & \xa0 ¬it; & &nope; €"]
        segment = segments(text)[0]
        assert text[slice(*segment.source_span(0, 8))] == "Comisi&oacute;n"
        assert text[slice(*segment.source_span(6, 7))] == "&oacute;"
        assert_offsets(text)

    def test_attribute_entities(self) -> None:
        text = "<img alt='Comisi&oacute;n &amp; &notit &amp=x'>"
        assert kinds(text) == [("alt", "Comisión & &notit &amp=x")]
        start, end = source_of(text, "Comisión")
        assert text[start:end] == "Comisi&oacute;n"

    def test_attribute_forms(self) -> None:
        text = '<img ALT=Memoria TITLE = "Justicia y Verdad" alt="duplicate"><abbr title=\'a"b\'>x</abbr>'
        assert kinds(text) == [
            ("alt", "Memoria"),
            ("title", "Justicia y Verdad"),
            ("expansion", 'a"b'),  # an abbreviation's title expands it
            ("paragraph", "x"),
        ]
        assert text[slice(*source_of(text, "Verdad"))] == "Verdad"
        assert_offsets(text)

    @pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
    def test_line_endings(self, newline: str) -> None:
        text = f"<html>{newline}<body>{newline}<p>Memoria,{newline}Justice</p>{newline}</body>"
        assert texts(text) == ["Memoria,\nJustice"]
        start, end = source_of(text, "Justice")
        assert text[start:end] == "Justice"
        assert LineIndex(text).position(start) == (4, 1)
        start, end = source_of(text, "\n")
        assert text[start:end] == newline

    def test_emoji_and_combining_characters(self) -> None:
        text = "<p>😀👍🏽 Comisio\u0301n <b>😀</b> de la Verdad</p>"
        start, end = source_of(text, "Verdad")
        assert (start, end) == (text.index("Verdad"), text.index("Verdad") + 6)
        assert LineIndex(text).position(start) == (1, text.index("Verdad") + 1)


class TestBadInput:
    @pytest.mark.parametrize(
        "text",
        [
            "<p>unclosed <em>tags <b>everywhere",
            "a < b and c > d, x<y",
            "</span>stray</div> end tags</p>",
            "<p title='unterminated>Memoria",
            "<img alt=",
            "<!-- unclosed comment",
            "<table>fostered<tr><td>A</td>text</tr></table>",
            "<svg><title>Logo</title><text>Memoria</text></svg><p>after</p>",
            "<svg><![CDATA[Memoria]]></svg><p>x</p>",
            "<p>nul\x00byte</p>",
            "&",
            "<",
            "</",
            "<!",
            "<?php echo 1; ?>Memoria",
            "<div>" * 5000 + "deep" + "</div>" * 5000,
            "<plaintext><p>Memoria",
            "<title>unclosed &amp; title",
        ],
    )
    def test_best_effort(self, text: str) -> None:
        assert_offsets(text)

    def test_stray_end_tag_inside_text(self) -> None:
        text = "<p>Memoria</span>, Justicia</p>"
        assert texts(text) == ["Memoria, Justicia"]
        assert text[slice(*source_of(text, "Memoria, Justicia"))] == "Memoria</span>, Justicia"

    def test_svg_text(self) -> None:
        text = "<p>a</p><svg><title>Logo</title></svg><p>Memoria</p>"
        assert texts(text) == ["a", "Logo", "Memoria"]
        assert_offsets(text)

    def test_large_document(self) -> None:
        block = (
            "<h2>Comisi&oacute;n de la Verdad</h2>\n<p>The <em>Memoria</em>, Justice and "
            "Democracy party met the <a href='https://ex.org/c' title='Comisión'>Comisión</a> "
            "&amp; <code>code</code> today, émoji 😀.</p>\n<ul><li>item Memoria</li></ul>\n"
        )
        count = 5_000_000 // len(block)
        text = "<html><body>" + block * count + "</body></html>"
        found = segments(text)
        assert len(found) == 4 * count
        last = found[-3]
        assert last.kind == "paragraph"
        index = last.text.index("Justice")
        start, end = last.source_span(index, index + 7)
        assert text[start:end] == "Justice"
        assert start > len(text) - len(block)


_PIECES = [
    "Memoria", "é", "😀", "e\u0301", " ", "\n", "\r\n", "\r", "<p>", "</p>", "<em>", "</em>",
    "<div>", "</div>", "<br>", "<li>", "<ul>", "<table>", "<tr>", "<td>", "<!--", "-->",
    "&amp;", "&eacute;", "&#233;", "&#x80;", "&not", "&nbsp;", "<", ">", "</", "<script>",
    "</script>", "<code>", "</code>", "<pre>", "<title>", "<img alt='", "' title=\"", '">',
    "=", '"', "'", "<![CDATA[", "]]>", "<?", "<!x", "&", ";", "<textarea>", "<template>",
    "</template>", "<svg>", "</svg>",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_every_character_maps_to_its_source(text: str) -> None:
    assert_offsets(text)


def test_q_elements_are_recorded_as_quotations() -> None:
    (segment,) = segments("<p>Dijo <q>hola <em>mundo</em></q> ayer y <q></q>.</p>")
    assert segment.quotes == ((5, 15),)
    assert segment.italics == ((10, 15),)
    assert segment.text[5:15] == "hola mundo"


def test_lang_attributes_are_recorded_as_passages() -> None:
    (segment,) = segments(
        '<p>They chanted <span lang="es-VE">¡Libertad!</span> and <b lang="fr"></b>left.</p>'
    )
    assert segment.languages == ((13, 23, "es"),)
    assert segment.text[13:23] == "¡Libertad!"


def test_a_block_lang_attribute_makes_its_segments_passages() -> None:
    found = segments(
        '<html lang="en"><body><p>English.</p><div lang="es-VE"><p>Uno <span lang="en">'
        'two</span>.</p><ul><li>Dos</li></ul></div><p lang="">Three</p></body></html>'
    )
    assert [(s.text, s.languages) for s in found] == [
        ("English.", ()),  # <html lang> and <body lang> are a template's: not a passage
        ("Uno two.", ((0, 8, "es"), (4, 7, "en"))),
        ("Dos", ((0, 3, "es"),)),  # inherited from the <div>
        ("Three", ()),
    ]


def test_an_abbreviation_title_is_an_expansion() -> None:
    found = segments(
        '<p>The <abbr title="Consejo Nacional Electoral">CNE</abbr> and '
        '<a href="/x" title="Consejo Nacional Electoral">it</a>.</p>'
    )
    assert [(s.text, s.kind) for s in found] == [
        ("The CNE and it.", "paragraph"),  # in the order of their first characters
        ("Consejo Nacional Electoral", "expansion"),
        ("Consejo Nacional Electoral", "title"),
    ]


def test_table_cells_know_their_column_header() -> None:
    found = segments(
        "<table><tr><th>Body</th><th><b>Spanish</b> name</th></tr>"
        "<tr><th>CNE</th><td><em>Consejo</em> Nacional Electoral</td></tr>"
        "<tr><td>TSJ</td></tr></table><table><tr><td>AN</td></tr></table><p>After.</p>"
    )
    assert [(s.text, s.column) for s in found] == [
        ("Body", ""),
        ("Spanish name", ""),
        ("CNE", "Body"),  # a row's header cell after the header row is a data cell
        ("Consejo Nacional Electoral", "Spanish name"),
        ("TSJ", "Body"),
        ("AN", ""),  # another table: no headers
        ("After.", ""),
    ]
