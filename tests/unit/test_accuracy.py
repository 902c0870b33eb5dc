"""End-to-end accuracy on articles of our own, with the bundled glossary.

Each article plants errors among correct text that tempts a checker into false
positives (see ``tests/fixtures/articles/accuracy/README.md``); the findings must be
exactly the expected ones, with the expected first suggestion.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import glosador
from glosador.check import check_paths

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "accuracy"
EXPECTED: dict[str, list[list[str]]] = json.loads(
    (ARTICLES / "expected.json").read_text(encoding="utf-8")
)
NAMES = sorted(p.name for p in ARTICLES.iterdir() if p.name not in ("README.md", "expected.json"))


@pytest.fixture(scope="module")
def bundled() -> glosador.Glossary:
    return glosador.load_glossary(None)


def test_every_article_has_its_expectations() -> None:
    assert len(NAMES) == 349 and set(EXPECTED) <= set(NAMES)
    assert sum(len(found) for found in EXPECTED.values()) == 613


@pytest.mark.parametrize("name", NAMES)
def test_article_findings_are_exactly_the_planted_errors(
    name: str, bundled: glosador.Glossary
) -> None:
    report = check_paths([ARTICLES / name], bundled)
    found = [[f.rule, f.text, f.suggestions[0] if f.suggestions else ""] for f in report.findings]
    assert found == EXPECTED.get(name, [])
