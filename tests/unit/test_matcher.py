from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import glosador
from glosador import matcher
from glosador.matcher import (
    ANCHOR_SHIFT,
    _disjoint,
    compile_glossary,
    placement,
    scan,
    scan_all,
    select_longest,
)

NEWSROOM = Path(__file__).resolve().parents[1] / "fixtures" / "glossaries" / "newsroom"


def hits(text: str) -> list[tuple[str, list[str]]]:
    glossary = glosador.load_glossary(NEWSROOM)
    compiled = compile_glossary(glossary)
    found = scan(compiled, text)
    return [
        (
            text[found.starts[h.start] : found.ends[h.end - 1]],
            sorted({compiled.concept_of_form(f) for f in h.forms}),
        )
        for h in found.hits
    ]


def test_forms_are_found_on_token_boundaries_blind_to_punctuation_and_case() -> None:
    found = hits("In the NATIONAL ASSEMBLY, (the Asamblea-Nacional) and the nationalassembly.")
    assert [text for text, _ in found] == ["NATIONAL ASSEMBLY", "Asamblea-Nacional"]


def test_scan_all_is_scan_of_each_text() -> None:
    compiled = compile_glossary(glosador.load_glossary(NEWSROOM))
    texts = [
        "the National Assembly met",
        "",
        "  \u0301 ",
        "Comité por la Liberación de los Presos Políticos (Clippve) dijo",
        "😀 e\u0301 Asamblea Nacional",
    ]
    assert scan_all(compiled, texts) == [scan(compiled, text) for text in texts]
    assert scan_all(compiled, []) == []


def test_no_match_runs_from_one_text_into_the_next() -> None:
    compiled = compile_glossary(glosador.load_glossary(NEWSROOM))
    first, second = scan_all(compiled, ["said the National", "Assembly voted"])
    assert first.hits == [] and second.hits == []
    assert first.tokens == ["said", "the", "national"] and second.starts == [0, 9]


def test_shared_forms_report_every_concept() -> None:
    assert hits("the National Assembly") == [
        ("National Assembly", ["ec-asamblea-nacional", "ve-asamblea-nacional"])
    ]


def test_overlapping_forms_are_all_reported() -> None:
    found = [t for t, _ in hits("the Inter-American Commission on Human Rights")]
    assert found == ["Inter-American Commission", "Inter-American Commission on Human Rights"]


def test_inflected_forms_match_without_a_list() -> None:
    assert [c for _, c in hits("two political prisoners and one political prisoner")] == [
        ["presos-politicos"],
        ["presos-politicos"],
    ]
    assert hits("presas políticas")[0][1] == ["presos-politicos"]


def test_accents_are_folded_for_matching() -> None:
    assert hits("Comite por la Liberacion de los Presos Politicos")[0][1] == ["clippve"]


def test_anchor_hits_lead_to_fuzzy_candidates() -> None:
    compiled = compile_glossary(glosador.load_glossary(NEWSROOM))
    found = scan(compiled, "the Committee of Mothers in Defense of the Truth")
    anchors = found.anchors
    tokens = [t for t, n in zip(anchors.tokens, anchors.counts, strict=True) for _ in range(n)]
    assert len(tokens) == len(anchors.keys)
    forms = {
        compiled.forms[placement(key + (token << ANCHOR_SHIFT))[0]].tokens
        for token, key in zip(tokens, anchors.keys, strict=True)
    }
    assert ("committee", "of", "mothers", "for", "the", "defense", "of", "the", "truth") in forms


def test_compiled_glossary_round_trips_through_the_cache(tmp_path: Path) -> None:
    glossary = glosador.load_glossary(NEWSROOM)
    compiled = compile_glossary(glossary)
    again = pickle.loads(pickle.dumps(compiled))
    assert again.terms == []  # the glossary's own terms are put back by compile_glossary
    assert again.forms == compiled.forms and again.vocab == compiled.vocab
    assert list(again.automaton.iter(compiled.vocab["asamblea"] + compiled.vocab["nacional"]))


def test_compile_is_cached_in_memory_and_on_disk(tmp_path: Path) -> None:
    glossary = glosador.load_glossary(NEWSROOM)
    assert compile_glossary(glossary) is compile_glossary(glossary)
    fresh = glosador.load_glossary(NEWSROOM)  # a new object: read from the disk cache
    assert compile_glossary(fresh).terms == compile_glossary(glossary).terms


def test_a_new_function_word_list_is_not_read_from_an_old_cache(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # function words have codes in the automaton's vocabulary (they count a
    # paragraph's language): a cached automaton from another list would miscount
    compile_glossary(glosador.load_glossary(NEWSROOM))  # fills the disk cache
    monkeypatch.setattr(matcher, "WORD_ROW", {**matcher.WORD_ROW, "zzyzx": 0})
    fresh = compile_glossary(glosador.load_glossary(NEWSROOM))
    assert "zzyzx" in fresh.vocab


def test_select_longest() -> None:
    assert select_longest([(0, 2), (1, 5), (5, 6), (4, 6)]) == [1, 2]


def test_anchors_are_disjoint_rarest_first() -> None:
    ranked = [
        (1, 1, 3, ("rodo",)),
        (1, 2, 3, ("of", "rodo")),  # shares "rodo": it would count one word twice
        (2, 1, 0, ("office",)),
        (3, 2, 1, ("office", "of")),
    ]
    assert _disjoint(ranked) == [(3, ("rodo",)), (0, ("office",))]


def test_a_name_with_two_anchors_is_searched_from_either(tmp_path: Path) -> None:
    # "autonoma" names 60 bodies, so only "federacion" and "mari" anchor the name: the
    # head noun in English must not hide it (one anchor found is enough)
    concepts = [
        "  - id: fam\n    terms:\n      es: [Federación Autónoma de Mari]\n"
        "      en: [Autonomous Federation of Mari]\n"
    ]
    concepts += [
        f"  - id: a{i}\n    terms:\n      es: [Agencia Autónoma de Lugar{i}]\n"
        f"      en: [Autonomous Agency of Lugar{i}]\n"
        for i in range(60)
    ]
    (tmp_path / "g.yaml").write_text("concepts:\n" + "".join(concepts), encoding="utf-8")
    glossary = glosador.load_glossary(tmp_path)
    report = glosador.check_text(
        "Un portavoz de Federation Autónoma de Mari dijo que no habrá acuerdo.",
        glossary=glossary,
    )
    assert [(f.rule, f.text) for f in report.findings] == [("GL101", "Federation Autónoma de Mari")]


def test_a_name_of_common_words_is_anchored_on_a_rare_run_of_three(tmp_path: Path) -> None:
    # every word and pair of the name is in sixty other names: three words in a row
    # ("reconciliación de Rodo") still find the half-translated rendering
    def concept(cid: str, es: str, en: str) -> str:
        return f"  - id: {cid}\n    terms:\n      es: [{es}]\n      en: [{en}]\n"

    concepts = [
        concept(
            "rodo",
            "Tribunal de Paz y Reconciliación de Rodo",
            "Court for Peace and Reconciliation of Rodo",
        )
    ]
    for i in range(60):
        concepts.append(
            concept(
                f"t{i}",
                f"Tribunal de Paz y Reconciliación de Lugar{i}",
                f"Court for Peace and Reconciliation of Lugar{i}",
            )
        )
        concepts.append(concept(f"o{i}", f"Oficina Número{i} de Rodo", f"Office Number{i} of Rodo"))
    (tmp_path / "g.yaml").write_text("concepts:\n" + "".join(concepts), encoding="utf-8")
    report = glosador.check_text(
        "A spokesperson for Court de Paz y Reconciliación de Rodo said the process had no "
        "guarantees, and the families asked for an answer.",
        glossary=glosador.load_glossary(tmp_path),
    )
    assert [(f.rule, f.text) for f in report.findings] == [
        ("GL101", "Court de Paz y Reconciliación de Rodo")
    ]
