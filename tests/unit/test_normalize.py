from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from glosador.normalize import (
    fold,
    has_accents,
    lower_tokens,
    norm_key,
    norm_tokens,
    split_folded,
    split_folded_arrays,
    strip_accents,
    tokenize,
)


def test_fold_lowercases_strips_accents_and_blanks_punctuation() -> None:
    assert fold("Comité, CLIPPVE!") == "comite  clippve "


def test_fold_keeps_length_for_awkward_characters() -> None:
    for text in ["İstanbul", "Straße", "ﬁn", "e\u0301", "👩‍⚖️ Foro", "ǅ"]:
        assert len(fold(text)) == len(text)


def test_norm_tokens_are_blind_to_punctuation_but_not_words() -> None:
    assert norm_tokens("Memory, Truth, and Justice") == norm_tokens("Memory, Truth and Justice")
    assert norm_tokens("Memory, Truth and Justice") != norm_tokens("Memory, Truth & Justice")


def test_norm_tokens_handle_decomposed_accents() -> None:
    assert norm_tokens("Comite\u0301") == ("comite",)
    assert norm_key("Educación-Acción") == "educacion accion"


def test_lower_tokens_keep_accents() -> None:
    assert lower_tokens("Comité POR la") == ("comité", "por", "la")


def test_strip_and_has_accents() -> None:
    assert strip_accents("Liberación") == "Liberacion"
    assert has_accents("política") and not has_accents("politica")


def test_split_folded_offsets_point_into_the_text() -> None:
    text = "  ¡Hola, señor  Pérez!"
    tokens, starts, ends = split_folded(fold(text))
    assert tokens == ["hola", "senor", "perez"]
    assert [text[s:e] for s, e in zip(starts, ends)] == ["Hola", "señor", "Pérez"]
    assert [text[s : s + len(t)] for t, s in zip(tokens, starts)] == ["Hola", "señor", "Pérez"]


def test_tokenize_gives_offsets_across_combining_marks() -> None:
    text = "cafe\u0301 y te"
    assert [(t.norm, text[t.start : t.end]) for t in tokenize(text)] == [
        ("cafe", "cafe\u0301"),
        ("y", "y"),
        ("te", "te"),
    ]


@given(st.text())
def test_fold_is_length_preserving(text: str) -> None:
    assert len(fold(text)) == len(text)


@given(st.text())
def test_tokenize_agrees_with_split_folded(text: str) -> None:
    tokens, starts, ends = split_folded(fold(text))
    spans = [(t.norm, t.start, t.end) for t in tokenize(text)]
    assert [(t, s, e) for t, s, e in zip(tokens, starts, ends) if t] == spans


def test_fold_as_bytes_agrees_with_folding_each_character() -> None:
    # every character Latin-1 or Windows-1252 writes takes the byte path; the table
    # must give what folding the character on its own gives
    from glosador.normalize import _BYTE_TABLES, _fold_char

    assert [codec for codec, _ in _BYTE_TABLES] == ["latin-1", "cp1252"]
    for codec, _ in _BYTE_TABLES:
        chars = [bytes([b]).decode(codec, errors="ignore") for b in range(256)]
        text = "".join(chars)
        assert fold(text) == "".join(map(_fold_char, text))


@given(st.text(alphabet="aÁé’“—€ŒœŠÿ\u0301\u2603 \n.,", max_size=60))
def test_fold_is_the_same_whichever_path_a_text_takes(text: str) -> None:
    from glosador.normalize import _fold_char

    assert fold(text) == "".join(map(_fold_char, text))


@given(st.text())
def test_split_folded_arrays_is_split_folded(text: str) -> None:
    folded = fold(text)
    tokens, starts, ends = split_folded_arrays(folded)
    assert (tokens, starts.tolist(), ends.tolist()) == split_folded(folded)


def test_folding_leaves_no_whitespace_but_the_space() -> None:
    # tokens are split on whitespace runs (str.split()), which is right only if a
    # folded text has no other whitespace: no line break, no-break space, NEL, ...
    from glosador.normalize import _fold_char

    every = (chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    left = {c for c in every if any(ch.isspace() and ch != " " for ch in _fold_char(c))}
    assert left == set()
    awkward = "a\nb\u00a0c\u0085d\u2028e\u3000f\tg\x1fh\x0bi"
    assert fold(awkward).split() == list("abcdefghi")
