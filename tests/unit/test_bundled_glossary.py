"""The bundled glossary keeps its promises (issue: the curated term store)."""

from __future__ import annotations

import glosador
from glosador.check import check_text
from glosador.lint import lint_paths
from glosador.model import Status, TermType
from glosador.normalize import norm_key

GLOSSARY = glosador.load_glossary()

FRAMES = {
    "en": (
        "The reporters said on Monday that {} had answered their questions about the case, "
        "and the families were waiting for more news."
    ),
    "es": (
        "Los periodistas dijeron el lunes que {} había respondido a sus preguntas sobre el caso, "
        "y las familias esperaban más noticias."
    ),
}


def test_validates_clean_and_large_enough() -> None:
    assert lint_paths(None) == []
    assert len(GLOSSARY) >= 300


def test_every_concept_has_spanish_and_english() -> None:
    for concept in GLOSSARY:
        assert "es" in concept.terms, concept.id
        assert "en" in concept.terms or not concept.translate, concept.id


def test_no_admitted_or_deprecated_form_is_another_concepts_preferred_form() -> None:
    preferred: dict[tuple[str, str], str] = {}
    for concept in GLOSSARY:
        for term in concept.all_terms():
            if term.status is Status.PREFERRED:
                preferred[(term.language, norm_key(term.term))] = concept.id
    for concept in GLOSSARY:
        for term in concept.all_terms():
            if term.status is Status.PREFERRED:
                continue
            owner = preferred.get((term.language, norm_key(term.term)))
            assert owner in (None, concept.id), (concept.id, term.term, owner)


def test_sentences_with_every_preferred_form_produce_no_finding() -> None:
    sentences = []
    for concept in GLOSSARY:
        for language, frame in FRAMES.items():
            term = concept.preferred(language)
            if term is None or term.type is TermType.ACRONYM:
                continue
            sentences.append(frame.format(term.term))
    assert len(sentences) >= 300
    found = [
        (f.rule, f.text) for sentence in sentences for f in check_text(sentence, GLOSSARY).findings
    ]
    assert found == []
