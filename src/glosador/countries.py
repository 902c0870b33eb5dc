"""Words that name a country without its name: demonyms and capital cities.

A term's ``context`` (SPEC section 2) names the country whose body a shared name is
("Asamblea Nacional", ``context: Venezuela``). News names the country in other ways
too: "the Colombian Constitutional Court", "la fiscalía ecuatoriana", a dateline
"QUITO —". ``cues(context)`` gives, for a context naming a country listed here, the
folded tokens of each such word (a run of several words, "San Salvador", counts
when all its words are there). A capital that is also a common word or another
place ("La Paz", "Sucre", "Santiago"), or that names a body of its own ("Lima",
of the Lima Group), is left out. A few other countries that news of the region
names beside it (Spain, the United States, Ukraine...) are listed by their English
and Spanish names only. A context not listed here is matched by its own words only.
"""

from __future__ import annotations

from functools import cache

from glosador.normalize import norm_key, norm_tokens

__all__ = ["COUNTRIES", "cues", "is_country", "named_in"]

#: country (as a ``context`` names it, English or Spanish) -> demonyms (English, then
#: Spanish in both genders and numbers) and capital
_CUES: dict[str, tuple[str, ...]] = {
    "Argentina": ("Argentine", "Argentinian", "argentino", "Buenos Aires"),
    "Bolivia": ("Bolivian", "boliviano"),
    "Brazil": ("Brazilian", "brasileño", "Brasília"),
    "Chile": ("Chilean", "chileno"),
    "Colombia": ("Colombian", "colombiano", "Bogotá"),
    "Costa Rica": ("Costa Rican", "costarricense"),
    "Cuba": ("Cuban", "cubano", "Havana", "La Habana"),
    "Ecuador": ("Ecuadorian", "Ecuadorean", "ecuatoriano", "Quito"),
    "El Salvador": ("Salvadoran", "Salvadorean", "salvadoreño", "San Salvador"),
    "Guatemala": ("Guatemalan", "guatemalteco"),
    "Honduras": ("Honduran", "hondureño", "Tegucigalpa"),
    "Mexico": ("Mexican", "mexicano"),
    "Nicaragua": ("Nicaraguan", "nicaragüense", "Managua"),
    "Panama": ("Panamanian", "panameño"),
    "Paraguay": ("Paraguayan", "paraguayo", "Asunción"),
    "Peru": ("Peruvian", "peruano"),  # not Lima: the Lima Group is Venezuela's story
    "Uruguay": ("Uruguayan", "uruguayo", "Montevideo"),
    "Venezuela": ("Venezuelan", "venezolano", "Caracas"),
}
#: other countries news of the region often names beside it, by their names only
#: (English, Spanish)
_NAMES_ONLY: dict[str, tuple[str, ...]] = {
    "Canada": ("Canadá",),
    "China": (),
    "Dominican Republic": ("República Dominicana",),
    "France": ("Francia",),
    "Germany": ("Alemania",),
    "Haiti": ("Haití",),
    "Italy": ("Italia",),
    "Portugal": (),
    "Russia": ("Rusia",),
    "Spain": ("España",),
    "Ukraine": ("Ucrania",),
    "United Kingdom": ("Reino Unido",),
    "United States": ("Estados Unidos", "EE. UU.", "EEUU"),
}
for _name, _spanish in _NAMES_ONLY.items():
    _CUES[_name] = _spanish
_SPANISH = {
    "Brasil": "Brazil",
    "Haití": "Haiti",
    "México": "Mexico",
    "Panamá": "Panama",
    "Perú": "Peru",
}


def _forms(word: str) -> list[str]:
    """A demonym's forms: English plural; Spanish -o/-a/-os/-as, -e/-es, -ño/-ña..."""
    if " " in word:
        return [word]
    if word[:1].isupper():  # English (or a capital)
        return [word, word + "s"] if word.endswith("n") else [word]
    if word.endswith("o"):
        stem = word[:-1]
        return [stem + ending for ending in ("o", "a", "os", "as")]
    if word.endswith("e"):
        return [word, word + "s"]
    return [word]


@cache
def cues(context: str) -> tuple[tuple[str, ...], ...]:
    """The folded token runs that name ``context``'s country (its own words first)."""
    key = norm_key(context)
    own = tuple(norm_tokens(context))
    for name, words in _CUES.items():
        if norm_key(name) == key or any(
            norm_key(es) == key and en == name for es, en in _SPANISH.items()
        ):
            runs = [tuple(norm_tokens(form)) for word in words for form in _forms(word)]
            return (own, *(run for run in runs if run and run != own))
    return (own,)


def named_in(context: str, tokens: set[str] | frozenset[str]) -> bool:
    """Whether ``tokens`` (a clause's, a heading's, a document's) name ``context``."""
    return any(all(t in tokens for t in run) for run in cues(context))


#: the countries listed, by their English names
COUNTRIES: tuple[str, ...] = tuple(_CUES)


def is_country(context: str) -> bool:
    """Whether ``context`` names a country listed here (English or Spanish name)."""
    return norm_key(context) in _KNOWN


_KNOWN = frozenset(
    norm_key(name)
    for name in (*_CUES, *_SPANISH, *(es for names in _NAMES_ONLY.values() for es in names))
)
