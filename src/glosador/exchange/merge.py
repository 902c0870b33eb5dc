"""Merging imported concepts into an existing glossary, by concept id.

A concept whose id is new is added; one equal to the existing concept (file
positions and source language aside) is unchanged; one that only brings what the
existing concept lacks (a new language, new written forms; terms it shares with
the curated concept identical, concept fields equal or empty) *extends* it, the
curated terms staying first and untouched; any other is a conflict,
resolved by ``on_conflict``: ``keep`` the curated concept (the default),
``replace`` it with the imported one, or ``fail`` (``ExchangeError``, nothing
written). Conflicts are always reported, never resolved silently.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from glosador.errors import ExchangeError
from glosador.glossary import TERM_KEYS
from glosador.model import Concept, Term

__all__ = ["ON_CONFLICT", "Conflict", "MergePlan", "differences", "extension", "plan_merge"]

ON_CONFLICT = ("keep", "replace", "fail")
_CONCEPT_FIELDS = ("subject", "definition", "note", "source", "translate", "extra")
_TERM_FIELDS = TERM_KEYS


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
    #: concepts extended: (id, {language: terms appended})
    extended: tuple[tuple[str, dict[str, tuple[Term, ...]]], ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.extended)


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


def extension(old: Concept, new: Concept) -> dict[str, tuple[Term, ...]] | None:
    """The terms ``new`` adds to ``old`` by language, or ``None`` when it changes anything.

    Languages and written forms ``old`` lacks are additions; a written form both have
    must have the same fields; concept fields must be equal or empty in ``new``;
    a language or term ``new`` lacks is not a change (an import of one language).
    """
    for field in _CONCEPT_FIELDS:
        value = getattr(new, field)
        if value != getattr(old, field) and value not in (None, {}, True):
            return None
        if field == "translate" and value != old.translate:
            return None
    added: dict[str, tuple[Term, ...]] = {}
    for language, terms in new.terms.items():
        have = {t.term: t for t in old.terms.get(language, ())}
        fresh = []
        for term in terms:
            same = have.get(term.term)
            if same is None:
                fresh.append(term)
            elif tuple(getattr(same, f) for f in _TERM_FIELDS[1:]) != tuple(
                getattr(term, f) for f in _TERM_FIELDS[1:]
            ):
                return None
        if fresh:
            added[language] = tuple(fresh)
    return added


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
    extended: list[tuple[str, dict[str, tuple[Term, ...]]]] = []
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
        additions = extension(old, concept)
        if additions == {}:
            unchanged.append(concept.id)
            continue
        if additions is not None:
            terms = dict(old.terms)
            for language, new_terms in additions.items():
                terms[language] = (*terms.get(language, ()), *new_terms)
            result[concept.id] = dataclasses.replace(old, terms=terms)
            extended.append((concept.id, additions))
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
        tuple(result.values()),
        tuple(added),
        tuple(replaced),
        tuple(unchanged),
        tuple(conflicts),
        tuple(extended),
    )


def _source(existing: Sequence[Concept], concept: Concept) -> str:
    return existing[0].source_language if existing else concept.source_language
