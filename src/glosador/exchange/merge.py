"""Merging imported concepts into an existing glossary, by concept id.

A concept whose id is new is added; one equal to the existing concept (file
positions and source language aside) is unchanged; any other is a conflict,
resolved by ``on_conflict``: ``keep`` the curated concept (the default),
``replace`` it with the imported one, or ``fail`` (``ExchangeError``, nothing
written). Conflicts are always reported, never resolved silently.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from glosador.errors import ExchangeError
from glosador.model import Concept

__all__ = ["ON_CONFLICT", "Conflict", "MergePlan", "differences", "plan_merge"]

ON_CONFLICT = ("keep", "replace", "fail")
_CONCEPT_FIELDS = ("subject", "definition", "note", "source", "translate", "extra")
_TERM_FIELDS = (
    "term",
    "status",
    "type",
    "case_sensitive",
    "note",
    "context",
    "part_of_speech",
    "source",
    "extra",
)


@dataclass(frozen=True, slots=True)
class Conflict:
    """An imported concept whose id exists with other content."""

    concept_id: str
    differences: tuple[str, ...]
    resolution: str

    def __str__(self) -> str:
        what = "; ".join(self.differences)
        verb = {"keep": "kept the glossary's", "replace": "replaced by the imported"}.get(
            self.resolution, "conflict"
        )
        return f"concept {self.concept_id!r} differs ({what}): {verb} version"


@dataclass(frozen=True, slots=True)
class MergePlan:
    """What merging does: concepts added, replaced, unchanged, and the conflicts."""

    concepts: tuple[Concept, ...]
    added: tuple[Concept, ...]
    replaced: tuple[Concept, ...]
    unchanged: tuple[str, ...]
    conflicts: tuple[Conflict, ...]

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced)


def _term_key(concept: Concept) -> dict[str, list[tuple[object, ...]]]:
    return {
        language: [tuple(getattr(t, f) for f in _TERM_FIELDS) for t in terms]
        for language, terms in concept.terms.items()
    }


def differences(old: Concept, new: Concept) -> tuple[str, ...]:
    """What differs between two concepts with one id, in words (empty when equal)."""
    found = [f for f in _CONCEPT_FIELDS if getattr(old, f) != getattr(new, f)]
    old_terms, new_terms = _term_key(old), _term_key(new)
    for language in dict.fromkeys([*old_terms, *new_terms]):
        if language not in new_terms:
            found.append(f"no {language!r} terms imported")
        elif language not in old_terms:
            found.append(f"{language!r} terms added")
        elif old_terms[language] != new_terms[language]:
            before = ", ".join(t.term for t in old.terms[language])
            after = ", ".join(t.term for t in new.terms[language])
            detail = f"{before!r} -> {after!r}" if before != after else "term fields"
            found.append(f"{language!r} terms: {detail}")
    return tuple(found)


def plan_merge(
    existing: Sequence[Concept],
    incoming: Iterable[Concept],
    on_conflict: str = "keep",
    *,
    path: str | None = None,
) -> MergePlan:
    """Merge ``incoming`` into ``existing`` by id; raises ``ExchangeError`` for ``fail``."""
    if on_conflict not in ON_CONFLICT:
        raise ExchangeError(f"--on-conflict must be one of {', '.join(ON_CONFLICT)}")
    result = {c.id: c for c in existing}
    added: list[Concept] = []
    replaced: list[Concept] = []
    unchanged: list[str] = []
    conflicts: list[Conflict] = []
    for concept in incoming:
        old = result.get(concept.id)
        if old is None:
            fitted = dataclasses.replace(concept, source_language=_source(existing, concept))
            result[concept.id] = fitted
            added.append(fitted)
            continue
        found = differences(old, concept)
        if not found:
            unchanged.append(concept.id)
            continue
        conflicts.append(Conflict(concept.id, found, on_conflict))
        if on_conflict == "replace":
            fitted = dataclasses.replace(concept, source_language=old.source_language)
            result[concept.id] = fitted
            replaced.append(fitted)
    if on_conflict == "fail" and conflicts:
        first = conflicts[0]
        more = f" (and {len(conflicts) - 1} more)" if len(conflicts) > 1 else ""
        raise ExchangeError(
            f"concept {first.concept_id!r} exists with other content "
            f"({'; '.join(first.differences)}){more}; nothing written",
            path,
        )
    return MergePlan(
        tuple(result.values()), tuple(added), tuple(replaced), tuple(unchanged), tuple(conflicts)
    )


def _source(existing: Sequence[Concept], concept: Concept) -> str:
    return existing[0].source_language if existing else concept.source_language
