from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glosador.language import (
    FUNCTION_WORDS,
    as_scores,
    detect,
    document_language,
    function_word_language,
    function_word_scores,
    row_language,
    row_score,
    scores_language,
    segment_scores,
    word_row,
)
from glosador.normalize import norm_tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The court said that it was not going to review the case of the prisoners.", "en"),
        ("El tribunal dijo que no iba a revisar el caso de los presos y sus familias.", "es"),
        ("Le tribunal a dit qu'il ne va pas revoir le cas des prisonniers et leur famille.", "fr"),
        ("O tribunal disse que não vai rever o caso dos presos e das suas famílias.", "pt"),
    ],
)
def test_function_words_settle_clear_paragraphs(text: str, expected: str) -> None:
    assert function_word_language(norm_tokens(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ante", "tras", "aunque", "mientras": Spanish only among the profiles
        ("La denuncia fue presentada ante la fiscalía.", "es"),
        ("Tras la audiencia, mientras esperaban, aunque tarde.", "es"),
        # "la", "de", "por": shared with other Romance languages, so not enough
        ("La denuncia de la familia por la fiscalía.", None),
    ],
)
def test_spanish_prepositions_and_conjunctions(text: str, expected: str | None) -> None:
    assert function_word_language(norm_tokens(text), minimum=2, share=1.0) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Foro Penal, Provea, CLIPPVE.",  # names only
        "The court and el tribunal y the judges los jueces.",  # evenly mixed
        "",
    ],
)
def test_function_words_stay_undecided_without_clear_evidence(text: str) -> None:
    assert function_word_language(norm_tokens(text)) is None


def test_detect_is_deterministic_and_handles_no_letters() -> None:
    text = "Los familiares esperan noticias frente a la sede del servicio de inteligencia."
    assert {detect(text) for _ in range(5)} == {"es"}
    assert detect("1234 !!! ---") is None


def test_document_language_uses_function_words_and_langdetect() -> None:
    english = ["The families waited outside the prison for news of their relatives."] * 5
    tokens = [t for p in english for t in norm_tokens(p)]
    assert document_language(english, tokens) == "en"
    french = ["Les familles attendaient des nouvelles devant la prison depuis des mois."] * 5
    tokens = [t for p in french for t in norm_tokens(p)]
    assert document_language(french, tokens) == "fr"
    assert document_language([], []) is None


_WORDS = [*sorted({w for words in FUNCTION_WORDS.values() for w in words}), "comision", "xyz"]


@given(
    st.lists(st.lists(st.sampled_from(_WORDS), max_size=30), max_size=8),
)
def test_segment_scores_count_as_function_word_scores_does(segments: list[list[str]]) -> None:
    rows, total = segment_scores(segments)
    assert [as_scores(row) for row in rows] == [function_word_scores(s) for s in segments]
    assert total == function_word_scores([t for s in segments for t in s])


def test_segment_scores_of_no_segment_is_empty() -> None:
    assert segment_scores([]) == ([], Counter())
    assert segment_scores([[], ["the", "de"]])[0][0] == [0] * len(segment_scores([[]])[0][0])


_FUNCTION_WORD_LIST = sorted({w for words in FUNCTION_WORDS.values() for w in words})


@given(st.lists(st.sampled_from([*_FUNCTION_WORD_LIST, "presos", "court", "x"]), max_size=40))
def test_rows_agree_with_scores(tokens: list[str]) -> None:
    # the row helpers give what the Counter ones give, without making Counters
    row = word_row(tokens)
    assert row == segment_scores([tokens])[0][0]
    scores = function_word_scores(tokens)
    assert as_scores(row) == scores
    for minimum, share in ((3, 0.7), (2, 1.0), (8, 0.6)):
        assert row_language(row, minimum=minimum, share=share) == scores_language(
            scores, minimum=minimum, share=share
        )
    for language in ("en", "es", "fr", "pt", "de", None):
        assert row_score(row, language) == (scores[language] if language else 0)


def test_english_function_words_include_auxiliaries_and_prepositions() -> None:
    # "Venezuela's Defensoría del Pueblo did not answer our questions about deaths"
    words = ("did", "not", "answer", "our", "questions", "about", "deaths")
    assert function_word_scores(words) == {"en": 4}
    # none of them is a Spanish word
    assert function_word_scores(("no", "respondió", "a", "nuestras", "preguntas"))["en"] == 0
