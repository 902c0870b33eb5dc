from __future__ import annotations

from pathlib import Path

import pytest

from glosador.errors import GlossaryError
from glosador.glossary import bundled_glossary_path, load_glossary
from glosador.yamledit import Change, GlossaryDocument

TEXT = """\
# Curators' header comment.
source_language: es
concepts:
  # ---- first section
  - id: one
    definition: >-
      A folded definition that
      spans two lines.
    terms:
      es:
        - Uno   # inline comment
        - term: UNO
          type: acronym
      en:
        - One

  # ---- second section
  - id: two
    terms:
      es:
        - Dos
      en:
        - "Two"
        - term: Deuce
          status: admitted
"""


@pytest.mark.parametrize(
    "path", sorted(bundled_glossary_path().glob("*.yaml")), ids=lambda p: p.name
)
def test_bundled_files_round_trip_unchanged(path: Path) -> None:
    assert GlossaryDocument.open(path).dumps() == path.read_text(encoding="utf-8")


def test_add_language_keeps_comments_and_blank_lines() -> None:
    doc = GlossaryDocument.from_text(TEXT)
    assert doc.set_preferred("one", "pt", "Um").change is Change.ADDED
    assert doc.set_preferred("one", "pt", "Um").change is Change.UNCHANGED
    out = doc.dumps()
    assert "      pt:\n        - Um\n\n  # ---- second section\n  - id: two" in out
    assert "- Uno   # inline comment" in out
    assert "A folded definition that\n      spans two lines." in out


def test_set_preferred_added_changed_unchanged() -> None:
    doc = GlossaryDocument.from_text(TEXT)
    assert doc.set_preferred("two", "fr", "Deux").change is Change.ADDED
    result = doc.set_preferred("two", "en", "Deuce")
    assert result.change is Change.CHANGED and result.old == "Two"
    assert doc.terms("two", "en") == ["Deuce"]  # the admitted duplicate is folded in
    assert doc.set_preferred("two", "en", "Deuce").change is Change.UNCHANGED
    result = doc.set_preferred("one", "es", "Uno bis")
    assert result.old == "Uno"
    assert doc.terms("one", "es") == ["Uno bis", {"term": "UNO", "type": "acronym"}]


def test_add_terms_and_set_terms() -> None:
    doc = GlossaryDocument.from_text(TEXT)
    assert doc.add_terms("one", "en", ["One", {"term": "ONE", "type": "acronym"}])
    assert not doc.add_terms("one", "en", ["One"])
    assert doc.terms("one", "en") == ["One", {"term": "ONE", "type": "acronym"}]
    assert doc.set_terms("two", "de", ["Zwei"])
    assert not doc.set_terms("two", "de", ["Zwei"])


def test_add_concept_and_reload(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(TEXT, encoding="utf-8")
    doc = GlossaryDocument.open(path)
    doc.add_concept({"id": "three", "terms": {"es": ["Tres"], "en": ["Three"]}})
    with pytest.raises(ValueError):
        doc.add_concept({"id": "one", "terms": {}})
    assert doc.save() is True
    assert doc.save() is False
    text = path.read_text(encoding="utf-8")
    assert text.startswith(TEXT.rstrip("\n"))
    assert "\n\n  - id: three\n" in text
    glossary = load_glossary(path)
    assert glossary["three"].preferred("en").term == "Three"  # type: ignore[union-attr]
    assert GlossaryDocument.open(path).concept_ids() == ["one", "two", "three"]


def test_unchanged_document_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(TEXT, encoding="utf-8")
    mtime = path.stat().st_mtime_ns
    assert GlossaryDocument.open(path).save() is False
    assert path.stat().st_mtime_ns == mtime


def test_errors(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match=r"bad.yaml:3:1: GL001 YAML"):
        GlossaryDocument.from_text("concepts:\n  - id: [\n", "bad.yaml")
    with pytest.raises(KeyError):
        GlossaryDocument.from_text(TEXT).terms("nope", "es")
    with pytest.raises(GlossaryError, match="cannot read"):
        GlossaryDocument.open(tmp_path / "missing.yaml")
