from __future__ import annotations

import pytest

from glosador.inflect import is_plural, name_singular, other_number, variants


@pytest.mark.parametrize(
    ("term", "language", "other"),
    [
        ("preso político", "es", "presos políticos"),
        ("presos políticos", "es", "preso político"),
        ("detención arbitraria", "es", "detenciones arbitrarias"),
        ("desapariciones forzadas", "es", "desaparición forzada"),
        ("crimen de lesa humanidad", "es", "crímenes de lesa humanidad"),
        ("juez", "es", "jueces"),
        ("país", "es", "países"),
        ("political prisoner", "en", "political prisoners"),
        ("crimes against humanity", "en", "crime against humanity"),
        ("policy", "en", "policies"),
        ("prisoner of conscience", "en", "prisoners of conscience"),
    ],
)
def test_other_number(term: str, language: str, other: str) -> None:
    assert other_number(tuple(term.split()), language) == tuple(other.split())


@pytest.mark.parametrize(
    ("term", "language"),
    [("crisis", "es"), ("habeas corpus", "la"), ("status", "fr"), ("", "es")],
)
def test_no_inflection_where_it_would_guess(term: str, language: str) -> None:
    tokens = tuple(term.split())
    assert other_number(tokens, language) is None
    assert variants(tokens, language) == []


def test_is_plural() -> None:
    assert is_plural(("presos", "políticos"), "es")
    assert not is_plural(("preso", "político"), "es")
    assert not is_plural(("país",), "es")
    assert is_plural(("political", "prisoners"), "en")
    assert not is_plural(("due", "process"), "en")


@pytest.mark.parametrize(
    ("word", "language", "singular"),
    [
        ("forces", "en", "force"),
        ("rights", "en-GB", "right"),
        ("witnesses", "en", "witness"),
        ("prisoners", "en", "prisoner"),
        ("process", "en", None),  # not a plural
        ("court", "en", None),
        ("políticos", "es", None),  # Spanish: a name's number is every word's
    ],
)
def test_name_singular(word: str, language: str, singular: str | None) -> None:
    assert name_singular(word, language) == singular
