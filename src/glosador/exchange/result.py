"""What an import gives back: the concepts read and the notices about what was skipped."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from glosador.model import Concept

__all__ = ["ImportResult", "Notice"]


@dataclass(frozen=True, slots=True)
class Notice:
    """Something an import skipped or changed, at a place in the input (1-based; 0 = unknown)."""

    path: str
    line: int
    message: str
    column: int = 0

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ImportResult:
    """The concepts of one termbase, its source language, and every notice."""

    path: str
    format: str
    source_language: str
    concepts: tuple[Concept, ...]
    notices: tuple[Notice, ...] = ()

    @property
    def term_count(self) -> int:
        return count_terms(self.concepts)

    @property
    def languages(self) -> tuple[str, ...]:
        return languages_of(self.concepts)


def count_terms(concepts: Iterable[Concept]) -> int:
    return sum(len(terms) for concept in concepts for terms in concept.terms.values())


def languages_of(concepts: Iterable[Concept]) -> tuple[str, ...]:
    """Languages in order of first appearance."""
    seen: dict[str, None] = {}
    for concept in concepts:
        for language in concept.terms:
            seen.setdefault(language, None)
    return tuple(seen)
