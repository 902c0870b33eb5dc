"""Paragraph languages as the analysis reads them (``glosador.analysis``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import glosador
from glosador import analysis
from glosador.extract import document_from_text
from glosador.matcher import compile_glossary

GLOSSARY = glosador.load_glossary(Path(__file__).resolve().parents[2] / "glossary")
EN = "The relatives met on Monday and said that they would return to the square next week."
ES = "Los familiares se reunieron el lunes y dijeron que volverían a la plaza la semana próxima."


def languages(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str | None], int]:
    """The segment languages of ``text`` and how many times langdetect was asked."""
    calls: list[str] = []
    detect = analysis.detect

    def counted(passage: str) -> str | None:
        calls.append(passage)
        return detect(passage)

    monkeypatch.setattr(analysis, "detect", counted)
    document = document_from_text(text, "piece.txt", "text")
    found = analysis.analyse(document, compile_glossary(GLOSSARY), GLOSSARY)
    return found.segment_languages, len(calls)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # an English gloss's "on", "for the": the gloss's, not the paragraph's
        (
            "Un portavoz de la Comisión Interamericana de Derechos Humanos (Inter-American "
            "Commission on Human Rights) dijo que el proceso no tiene garantías.",
            "es",
        ),
        (
            "Un vocero del Comité por la Liberación de los Presos Políticos (Committee for "
            "the Release of Political Prisoners) dijo que el proceso no tiene garantías.",
            "es",
        ),
        ("La denuncia fue presentada por la familia ante la Fiscalía tras la audiencia.", "es"),
    ],
)
def test_the_words_around_names_settle_a_paragraph_without_langdetect(
    paragraph: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    found, calls = languages(f"{EN}\n\n{paragraph}\n\n{EN}", monkeypatch)
    assert found == ["en", expected, "en"]
    assert calls == 0


@pytest.mark.parametrize(
    "paragraph",
    [
        # the Spanish name's "por la", "de los" do not make an English paragraph Spanish
        "A spokesman for the Comité por la Liberación de los Presos Políticos said it "
        "would appeal to los jueces.",
        "A spokesman for the Committee for the Release of Political Prisoners (Comité por "
        "la Liberación de los Presos Políticos) said it would appeal.",
        # an English paragraph of names, in a Spanish article, stays English
        "The Inter-American Commission on Human Rights of the Organization of American "
        "States said it would appeal.",
    ],
)
def test_names_of_the_other_language_do_not_turn_a_paragraph(
    paragraph: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    found, _ = languages(f"{ES}\n\n{paragraph}\n\n{ES}", monkeypatch)
    assert found == ["es", "en", "es"]


def test_a_name_alone_takes_the_document_language(monkeypatch: pytest.MonkeyPatch) -> None:
    # no words around it: the name's own words are all there is, and they are too few
    found, calls = languages(
        f"{EN}\n\nComité por la Liberación de los Presos Políticos\n\n{EN}", monkeypatch
    )
    assert found == ["en", "en", "en"]
    assert calls == 0


_NAMING = [
    *("so-called ", "Called ", "CALLED ", "known ", "as ", "como ", "the ", "la ", "it "),
    *("conocida ", "stands for ", "Call it ", "\u017ftands for ", "\u0130t ", "calls \u0131t "),
    *("referred to ", "llamado ", "x", " ", "\n", "é", "Dubbed ", "is ", "also ", "simply "),
]


@given(st.lists(st.sampled_from(_NAMING), max_size=12), st.integers(0, 200), st.integers(0, 60))
@settings(max_examples=500)
def test_the_naming_phrase_prefilter_agrees_with_the_regex(
    parts: list[str], end: int, reach: int
) -> None:
    """``_called_before`` skips the regex only where it cannot match."""
    text = "".join(parts)
    end = min(end, len(text))
    start = max(0, end - reach)
    expected = analysis._CALLED_BEFORE.search(text, start, end) is not None
    assert analysis._called_before(text, start, end) == expected
