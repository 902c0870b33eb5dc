from __future__ import annotations

import pytest

from glosador.countries import cues, named_in
from glosador.normalize import norm_tokens


def tokens(text: str) -> set[str]:
    return set(norm_tokens(text))


@pytest.mark.parametrize(
    ("context", "text"),
    [
        ("Colombia", "the Colombian Constitutional Court"),
        ("Colombia", "BOGOTÁ — The court ruled"),
        ("Ecuador", "la fiscalía ecuatoriana"),
        ("Ecuador", "los jueces ecuatorianos"),
        ("El Salvador", "San Salvador, 3 de mayo"),
        ("El Salvador", "el tribunal salvadoreño"),
        ("Perú", "Peruvian prosecutors"),
        ("Peru", "las autoridades peruanas"),
        ("Nicaragua", "la policía nicaragüense"),
        ("Mexico", "Mexican lawmakers"),
        ("Venezuela", "Venezuela's court"),
    ],
)
def test_a_demonym_or_a_capital_names_the_country(context: str, text: str) -> None:
    assert named_in(context, tokens(text))


@pytest.mark.parametrize(
    ("context", "text"),
    [
        ("Colombia", "the Constitutional Court ruled"),
        ("El Salvador", "Salvador Allende"),  # one word of the country's two
        ("Bolivia", "La Paz"),  # left out: also the word for peace
        ("Peru", "Spanish courts"),
        ("Convention", "the committee met"),
        ("Chile", "chili peppers"),
        ("Peru", "the Lima Group"),  # a body of its own, in Venezuela's story
    ],
)
def test_other_words_do_not(context: str, text: str) -> None:
    assert not named_in(context, tokens(text))


def test_a_context_not_listed_is_matched_by_its_own_words() -> None:
    assert cues("Convention") == (("convention",),)
    assert named_in("Committee", tokens("The Committee met"))


def test_the_spanish_name_of_a_listed_country_has_its_cues() -> None:
    assert cues("México") == cues("Mexico")
    assert ("peruano",) in cues("Perú")
