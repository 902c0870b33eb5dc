"""The vectorised first test of fuzzy placements drops only placements that lead nowhere.

``glosador.candidates.promising`` is a necessary condition of what ``_fuzzy`` checks
word by word: whatever it keeps, ``_fuzzy`` on the kept placements must find exactly
what it finds on all of them.
"""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glosador import check_text, load_glossary
from glosador.analysis import (
    _function_word_scores,
    _fuzzy,
    _occurrences,
    _placed,
    _token_ids,
)
from glosador.candidates import token_ids
from glosador.language import segment_scores
from glosador.matcher import (
    ANCHOR_BIAS,
    ANCHOR_SHIFT,
    FORM_MASK,
    FORM_SHIFT,
    CompiledGlossary,
    compile_glossary,
    scan_all,
)

BUNDLED = load_glossary(None)
COMPILED = compile_glossary(BUNDLED)


def _forms_by_concept(compiled: CompiledGlossary) -> list[tuple[list[str], list[str]]]:
    """Each concept's Spanish and English full-form words as written (of those with both)."""
    pairs = []
    for concept in BUNDLED:
        spanish = [t.term.split() for t in concept.all_terms() if t.language == "es" and t.is_full]
        english = [t.term.split() for t in concept.all_terms() if t.language == "en" and t.is_full]
        if spanish and english:
            pairs.append((spanish[0], english[0]))
    return pairs


PAIRS = _forms_by_concept(COMPILED)
FILLER = [
    "según",
    "dijo",
    "the",
    "report",
    "said",
    "que",
    "el",
    "de",
    "la",
    "of",
    "and",
    "y",
    "en",
    "para",
    "for",
]


def _garble(rng: random.Random, words: list[str], other: list[str]) -> list[str]:
    """A name as editors break it: a word from the other language, one dropped, added,
    doubled, two written as one, accents or case lost."""
    words = list(words)
    kind = rng.randrange(7)
    if kind == 0 and other:
        words[rng.randrange(len(words))] = rng.choice(other)
    elif kind == 1 and len(words) > 2:
        del words[rng.randrange(1, len(words) - 1)]
    elif kind == 2 and len(words) > 1:
        words.insert(rng.randrange(1, len(words)), rng.choice(FILLER + other))
    elif kind == 3 and len(words) > 1:
        at = rng.randrange(len(words) - 1)
        words[at : at + 2] = [words[at] + words[at + 1].lower()]
    elif kind == 4:
        words = [w.lower() for w in words]
    elif kind == 5 and other:
        half = len(words) // 2
        words = words[:half] + other[len(other) // 2 :]
    return words


def _article(seed: int, names: int) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    for _ in range(names):
        spanish, english = rng.choice(PAIRS)
        own, other = (spanish, english) if rng.random() < 0.5 else (english, spanish)
        parts.extend(rng.choice(FILLER) for _ in range(rng.randrange(3)))
        parts.extend(_garble(rng, own, other))
        if rng.random() < 0.3:
            parts.append("(" + " ".join(_garble(rng, other, own)) + ")")
        if rng.random() < 0.2:
            parts.append(".\n\n")
    return " ".join(parts)


def _both_ways(text: str) -> tuple[list[object], list[object], int, int]:
    """Fuzzy findings on every placement and on those the first test keeps, and how
    many placements there are and how many it keeps."""
    segments = [s for s in text.split("\n\n") if s.strip()] or [text]
    scans = scan_all(COMPILED, segments)
    found = [_occurrences(COMPILED, s, i) for i, s in enumerate(scans)]
    every_placed = _placed(COMPILED, scans, found, screen=False)
    kept_placed = _placed(COMPILED, scans, found)
    every: list[object] = []
    filtered: list[object] = []
    for index, placed in sorted(every_placed.items()):
        every.extend(_fuzzy(COMPILED, scans[index], index, found[index], placed))
        assert placed.keys == sorted(placed.keys)
        kept = kept_placed.get(index)
        if kept is not None:
            assert set(kept.keys) <= set(placed.keys) and kept.keys == sorted(kept.keys)
            assert (kept.strong_twos, kept.mixed_only) == (placed.strong_twos, placed.mixed_only)
            filtered.extend(_fuzzy(COMPILED, scans[index], index, found[index], kept))
    assert kept_placed.keys() <= every_placed.keys()
    total = sum(len(p.keys) for p in every_placed.values())
    passed = sum(len(p.keys) for p in kept_placed.values())
    return every, filtered, total, passed


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=12))
def test_the_first_test_never_drops_a_placement_that_finds_something(seed: int, names: int) -> None:
    every, filtered, _, _ = _both_ways(_article(seed, names))
    assert filtered == every


def test_most_placements_are_dropped_and_findings_are_kept() -> None:
    text = " ".join(_article(seed, 10) for seed in range(40))
    every, filtered, total, passed = _both_ways(text)
    assert filtered == every
    assert every  # the garbled names give mixed and near findings
    assert passed < total / 2


def test_a_mixed_rendering_and_a_near_miss_pass_and_prose_does_not() -> None:
    cases = {
        "especially on Memory, Justice and Democracy (Memoria, Justice and Democracy)": True,
        "the Inter-American Commission of Human Rights said": True,  # one word changed
        "the Interamerican Commission on Human Rights said": True,  # two words as one
        "the Commission said that human rights in the Americas were at risk": False,
    }
    for text, expected in cases.items():
        every, filtered, _, passed = _both_ways(text)
        assert filtered == every
        assert bool(every) is expected, text
        assert bool(passed) or not expected, text


def test_token_ids_number_every_known_word_and_zero_the_others() -> None:
    words = ["comision", "interamericana", "zzzunknown", "derechos"]
    codes = "".join(COMPILED.vocab.get(w, COMPILED.oov) for w in words)
    ids = token_ids(codes, COMPILED.code_width).tolist()
    assert ids[2] == 0
    assert all(n > 0 for i, n in enumerate(ids) if i != 2)
    assert len(set(ids)) == 4
    # the numbers are the codes' digits read in base 64
    code = COMPILED.vocab["comision"][1:]
    value = 0
    for digit in code:
        value = value * 64 + ord(digit) - 0x30
    assert ids[0] == value


def test_placement_keys_decode_as_the_matcher_packs_them() -> None:
    key = ((5 + ANCHOR_BIAS) << ANCHOR_SHIFT) | (123 << FORM_SHIFT) | 4
    assert (key >> FORM_SHIFT) & FORM_MASK == 123
    assert (key >> ANCHOR_SHIFT) - ANCHOR_BIAS == 5


_SOME_WORDS = ["de", "la", "the", "of", "que", "said", "comision", "zzz", "nao", "and", "y"]


@given(st.lists(st.lists(st.sampled_from(_SOME_WORDS), max_size=20), max_size=6))
def test_function_words_counted_from_codes_as_from_tokens(paragraphs: list[list[str]]) -> None:
    scans = scan_all(COMPILED, [" ".join(words) for words in paragraphs])
    from_codes = _function_word_scores(COMPILED, scans, _token_ids(COMPILED, scans))
    assert from_codes == segment_scores([s.tokens for s in scans])


def test_a_glossary_word_that_is_the_barrier_scans_each_segment_alone(tmp_path: Path) -> None:
    # "þþþ" joins a document's segments for one pass; a glossary using it as a word
    # makes each segment its own pass, with its own codes, and the same findings
    (tmp_path / "thorn.yaml").write_text(
        "concepts:\n"
        "  - id: thorn\n"
        "    terms:\n"
        "      es: [Instituto Þþþ de Estudios Políticos]\n"
        "      en: [Þþþ Institute of Political Studies]\n"
        "  - id: cne\n"
        "    terms:\n"
        "      es: [Consejo Nacional Electoral]\n"
        "      en: [National Electoral Council]\n",
        encoding="utf-8",
    )
    glossary = load_glossary(tmp_path)
    compiled = compile_glossary(glossary)
    text = (
        "El Instituto Þþþ de Political Studies publicó un informe.\n\n"
        "El Consejo Nacional Electoral no publicó las actas que pidió el Consejo de "
        "National Electoral.\n\nThe Þþþ Institute of Political Studies said so."
    )
    scans = scan_all(compiled, text.split("\n\n"))
    assert len({id(s.codes) for s in scans}) == 3  # one pass per segment
    ids = _token_ids(compiled, scans)
    assert _function_word_scores(compiled, scans, ids) == segment_scores([s.tokens for s in scans])
    found = [_occurrences(compiled, s, i) for i, s in enumerate(scans)]
    every = _placed(compiled, scans, found, screen=False)
    kept = _placed(compiled, scans, found, ids=ids)
    assert kept.keys() <= every.keys()
    mixed = [
        f.kind
        for index, placed in sorted(kept.items())
        for f in _fuzzy(compiled, scans[index], index, found[index], placed)
    ]
    assert mixed == [
        f.kind
        for index, placed in sorted(every.items())
        for f in _fuzzy(compiled, scans[index], index, found[index], placed)
    ]
    assert "mixed" in mixed
    report = check_text(text, glossary=glossary)
    assert [f.rule for f in report.findings][:1] == ["GL101"]
