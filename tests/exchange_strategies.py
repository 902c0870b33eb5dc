"""Hypothesis strategies for glossaries: Unicode, accents, punctuation, XML-special characters.

Shared by the dump, TBX and CSV round-trip tests. Texts have no leading or
trailing white space and are never empty (no format keeps those apart from
"absent"); terms have single spaces only (termbases collapse white space in terms).
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from glosador.model import Concept, Status, Term, TermType

LANGUAGES = ["es", "en", "es-VE", "pt-BR", "es-419", "fr", "zh-Hant", "de", "id"]
_SPECIAL = [
    *"&<>\"'áéíóúñÑüÜ¿¡—–…«»“”’()[]{}:;,.#@!?%*|/\\=+-_~`^$€ßçœ",
    "&amp;",
    "<![CDATA[",
    "]]>",
    "&#13;",
    "glosador:",
    "- ",
    ": ",
    " #",
    "\u00a0",
    "\u2028",
]
_CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Cn"))
_WORD = st.one_of(
    st.text(_CHARS, min_size=1, max_size=8),
    st.sampled_from(_SPECIAL),
    st.sampled_from(["yes", "no", "null", "true", "~", "1918", "0x1F", "3.14", "Foro Penal"]),
)
_XML_SPACE = " \t\n\r"


def _clean_term(words: list[str]) -> str:
    text = "".join(c for c in " ".join(words) if c not in "\t\n\r")
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(_XML_SPACE)


def _clean_text(words: list[str]) -> str:
    return "".join(words).strip(_XML_SPACE)


#: a glossary term must hold more than white space (the loader checks with ``str.strip``)
terms_text = st.lists(_WORD, min_size=1, max_size=4).map(_clean_term).filter(str.strip)
texts = (
    st.lists(st.one_of(_WORD, st.sampled_from([" ", "\n", "\t", "  "])), min_size=1, max_size=6)
    .map(_clean_text)
    .filter(bool)
)
optional_text = st.none() | texts
extra_keys = (
    st.sampled_from(
        [
            "customerSubset",
            "geographicalUsage",
            "grammaticalGender",
            "crossReference",
            "reliabilityCode",
            "id",
            "note",
            "source",
            "administrativeStatus",
            "termType",
            "Usage note",
        ]
    )
    | texts
)
extra_values: st.SearchStrategy[Any] = st.one_of(
    texts,
    st.sampled_from(
        [
            "neuter",
            "feminine",
            "preferredTerm-admn-sts",
            "supersededTerm-admn-sts",
            "acronym",
            "phrase",
        ]
    ),
    st.lists(texts, min_size=0, max_size=3),
    st.dictionaries(texts, texts, max_size=2),
    st.fixed_dictionaries({"target": st.sampled_from(["https://example.org/x", "rel"])}),
)
extras = st.dictionaries(extra_keys, extra_values, max_size=3)


@st.composite
def term_lists(draw: st.DrawFn, language: str) -> tuple[Term, ...]:
    count = draw(st.integers(1, 3))
    terms = []
    for _ in range(count):
        term_type = draw(st.sampled_from(list(TermType)))
        terms.append(
            Term(
                draw(terms_text),
                language,
                draw(st.sampled_from(list(Status))),
                term_type,
                draw(st.booleans()),
                note=draw(optional_text),
                context=draw(optional_text),
                part_of_speech=draw(
                    st.none() | st.sampled_from(["noun", "proper noun", "verb"]) | texts
                ),
                source=draw(optional_text),
                extra=draw(extras),
            )
        )
    return tuple(terms)


@st.composite
def concepts(draw: st.DrawFn, concept_id: str, source_language: str = "es") -> Concept:
    languages = draw(st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=3, unique=True))
    terms = {language: draw(term_lists(language)) for language in languages}
    extra = dict(draw(extras))
    if draw(st.booleans()):
        extra["langSec"] = {
            language: {"definition": draw(texts), "note": draw(texts)}
            for language in draw(st.lists(st.sampled_from(languages), max_size=2, unique=True))
        }
    return Concept(
        id=concept_id,
        terms=terms,
        subject=draw(optional_text),
        definition=draw(optional_text),
        note=draw(optional_text),
        source=draw(optional_text),
        translate=draw(st.booleans()),
        extra=extra,
        source_language=source_language,
    )


@st.composite
def glossaries(draw: st.DrawFn, max_size: int = 4) -> list[Concept]:
    ids = draw(
        st.lists(
            st.from_regex(r"[a-z0-9][a-z0-9-]{0,15}", fullmatch=True),
            min_size=1,
            max_size=max_size,
            unique=True,
        )
    )
    return [draw(concepts(concept_id)) for concept_id in ids]
