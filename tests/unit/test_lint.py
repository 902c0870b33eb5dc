from __future__ import annotations

from pathlib import Path

import pytest

from glosador.lint import is_known_language, lint_paths

BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "glossaries" / "broken"

VALID = """\
concepts:
  - id: ve-cne
    terms:
      es: [{term: Consejo Nacional Electoral, context: Venezuela}, {term: CNE, type: acronym, context: Venezuela}]
      en: [National Electoral Council, {term: CNE, type: acronym, context: Venezuela}]
  - id: ec-cne
    terms:
      es: [{term: Consejo Nacional Electoral, context: Ecuador}, {term: CNE, type: acronym, context: Ecuador}]
      en: [National Electoral Council of Ecuador, {term: CNE, type: acronym, context: Ecuador}]
  - id: foro-penal
    translate: false
    terms: {es: [Foro Penal], en: [Foro Penal, {term: Penal Forum, status: deprecated}]}
"""


def codes(folder: Path) -> list[tuple[str, int, int]]:
    return [(p.code, p.line, p.column) for p in lint_paths([str(folder)])]


def test_broken_fixture_reports_every_problem_with_its_place() -> None:
    assert codes(BROKEN) == [
        ("GL001", 11, 11),
        ("GL001", 12, 5),
        ("GL005", 22, 20),
        ("GL006", 24, 11),
        ("GL002", 27, 5),
        ("GL003", 30, 11),
        ("GL004", 30, 11),
    ]


def test_valid_glossary_with_declared_contexts_is_clean(write_glossary) -> None:  # type: ignore[no-untyped-def]
    assert codes(write_glossary(VALID)) == []


def test_gl002_duplicate_id(write_glossary) -> None:  # type: ignore[no-untyped-def]
    folder = write_glossary("concepts:\n  - id: a\n    terms: {es: [x], en: [y]}\n")
    (folder / "h.yaml").write_text("concepts:\n  - id: a\n    terms: {es: [z], en: [w]}\n")
    assert codes(folder) == [("GL002", 2, 5)]


@pytest.mark.parametrize(
    ("ctx_a", "ctx_b", "expected"),
    [
        ("", "", ["GL003"]),  # no contexts
        ("Venezuela", "", ["GL003"]),  # only one declared
        ("Venezuela", "Venezuela", ["GL003"]),  # same context: still ambiguous
        ("Venezuela", "Ecuador", []),  # declared and distinct
    ],
)
def test_gl003_shared_form_needs_distinct_contexts(
    write_glossary,  # type: ignore[no-untyped-def]
    ctx_a: str,
    ctx_b: str,
    expected: list[str],
) -> None:
    def term(ctx: str) -> str:
        return f"{{term: CNE, type: acronym{', context: ' + ctx if ctx else ''}}}"

    folder = write_glossary(
        f"concepts:\n  - id: a\n    terms: {{es: [Uno, {term(ctx_a)}], en: [One]}}\n"
        f"  - id: b\n    terms: {{es: [Dos, {term(ctx_b)}], en: [Two]}}\n"
    )
    assert [c for c, _, _ in codes(folder)] == expected


def test_gl003_folds_case_and_accents_but_not_across_languages(write_glossary) -> None:  # type: ignore[no-untyped-def]
    folder = write_glossary(
        "concepts:\n  - id: a\n    terms: {es: [Comisión], en: [Commission]}\n"
        "  - id: b\n    terms: {es: [comision], en: [Board]}\n"
        "  - id: c\n    terms: {es: [Junta], en: [comisión]}\n"
    )
    assert [c for c, _, _ in codes(folder)] == ["GL003"]


def test_gl004_no_preferred_and_missing_language(write_glossary) -> None:  # type: ignore[no-untyped-def]
    folder = write_glossary(
        "concepts:\n"
        "  - id: a\n    terms: {es: [x], en: [{term: y, status: admitted}]}\n"
        "  - id: b\n    terms: {es: [z]}\n"
        "  - id: c\n    translate: false\n    terms: {es: [Foro Penal]}\n"
        "  - id: d\n    terms: {es: [u], en: [v]}\n"
        "  - id: e\n    terms: {es: [q], en: [r]}\n"
    )
    # en is in most concepts, so it is required (but not of translate: false ones)
    assert codes(folder) == [("GL004", 3, 27), ("GL004", 4, 5)]


def test_gl005_language_codes_checked_with_babel() -> None:
    for good in ("es", "en", "es-VE", "pt-BR", "pt_BR", "es-419"):
        assert is_known_language(good), good
    for bad in ("sp", "english", "es-XX", "", "e", "1234"):
        assert not is_known_language(bad), bad


@pytest.mark.parametrize(
    "term",
    ['" Foro Penal"', '"Foro  Penal"', '"Foro\\tPenal"', '"\\"Foro Penal\\""', '"Comite\\u0301"'],
)
def test_gl006_unnormalized_terms(write_glossary, term: str) -> None:  # type: ignore[no-untyped-def]
    folder = write_glossary(f"concepts:\n  - id: a\n    terms: {{es: [{term}], en: [x]}}\n")
    assert [c for c, _, _ in codes(folder)] == ["GL006"]


@pytest.mark.parametrize(
    "term", ["Women's Rights", "O’Higgins", "Educación-Acción", "#QueSeanTodos"]
)
def test_gl006_allows_apostrophes_and_hyphens_inside(write_glossary, term: str) -> None:  # type: ignore[no-untyped-def]
    folder = write_glossary(f'concepts:\n  - id: a\n    terms: {{es: ["{term}"], en: [x]}}\n')
    assert codes(folder) == []
