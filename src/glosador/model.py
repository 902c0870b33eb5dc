"""The data glosador works on: glossary concepts and terms, and check findings.

Every value is an immutable dataclass. ``Status``, ``TermType`` and ``Severity``
are ``str`` enums, so they compare equal to the strings of SPEC section 3.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Concept",
    "Finding",
    "Glossary",
    "Report",
    "Severity",
    "Status",
    "Term",
    "TermType",
]


class Status(enum.StrEnum):
    """How a term may be used (TBX administrativeStatus)."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"

    def __str__(self) -> str:
        return self.value


class TermType(enum.StrEnum):
    """What kind of written form a term is (TBX termType)."""

    FULL_FORM = "full-form"
    ACRONYM = "acronym"
    ABBREVIATION = "abbreviation"
    SHORT_FORM = "short-form"
    VARIANT = "variant"

    def __str__(self) -> str:
        return self.value

    @property
    def is_full(self) -> bool:
        """Full forms and variants name the concept in full; the others abbreviate it."""
        return self in (TermType.FULL_FORM, TermType.VARIANT)


class Severity(enum.StrEnum):
    """How serious a finding is; maps to SARIF levels error, warning and note."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


@dataclass(frozen=True, slots=True)
class Term:
    """One written form of a concept in one language."""

    term: str
    language: str
    status: Status = Status.PREFERRED
    type: TermType = TermType.FULL_FORM
    case_sensitive: bool = False
    note: str | None = None
    context: str | None = None
    part_of_speech: str | None = None
    source: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    path: str = ""
    line: int = 0
    column: int = 0

    @property
    def is_full(self) -> bool:
        return self.type.is_full

    def __str__(self) -> str:
        return self.term


@dataclass(frozen=True, slots=True)
class Concept:
    """A glossary entry: one meaning and its terms, by language."""

    id: str
    terms: Mapping[str, tuple[Term, ...]]
    subject: str | None = None
    definition: str | None = None
    note: str | None = None
    source: str | None = None
    translate: bool = True
    extra: Mapping[str, Any] = field(default_factory=dict)
    source_language: str = "es"
    path: str = ""
    line: int = 0
    column: int = 0

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.terms)

    def preferred(self, language: str) -> Term | None:
        """The first preferred full form in ``language`` (else the first preferred term)."""
        terms = self.terms.get(language, ())
        for term in terms:
            if term.status is Status.PREFERRED and term.is_full:
                return term
        for term in terms:
            if term.status is Status.PREFERRED:
                return term
        return None

    def all_terms(self) -> Iterator[Term]:
        for terms in self.terms.values():
            yield from terms


class Glossary:
    """Concepts by id, in file order, with lookups by id and by written form.

    Behaves like babel's ``Catalog``: iterate it, ``len()`` it, index it by id.
    """

    def __init__(
        self,
        concepts: Mapping[str, Concept] | None = None,
        *,
        source_language: str = "es",
        paths: tuple[str, ...] = (),
        fingerprint: str = "",
    ) -> None:
        self._concepts: dict[str, Concept] = dict(concepts or {})
        self.source_language = source_language
        self.paths = paths
        #: a digest of the glossary's content, used to cache what is compiled from it
        self.fingerprint = fingerprint
        self._index: dict[tuple[str, str], list[Term]] | None = None
        self._term_concept: dict[int, Concept] | None = None

    def __iter__(self) -> Iterator[Concept]:
        return iter(self._concepts.values())

    def __len__(self) -> int:
        return len(self._concepts)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._concepts

    def __getitem__(self, concept_id: str) -> Concept:
        return self._concepts[concept_id]

    def __repr__(self) -> str:
        return f"<Glossary {len(self)} concepts from {len(self.paths)} path(s)>"

    def get(self, concept_id: str, default: Concept | None = None) -> Concept | None:
        return self._concepts.get(concept_id, default)

    @property
    def languages(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for concept in self:
            for language in concept.terms:
                seen.setdefault(language, None)
        return tuple(seen)

    def _build_index(self) -> dict[tuple[str, str], list[Term]]:
        from glosador.normalize import norm_key

        index: dict[tuple[str, str], list[Term]] = {}
        owners: dict[int, Concept] = {}
        for concept in self:
            for term in concept.all_terms():
                index.setdefault((term.language, norm_key(term.term)), []).append(term)
                owners[id(term)] = concept
        self._index = index
        self._term_concept = owners
        return index

    def lookup(self, form: str, language: str | None = None) -> list[Term]:
        """Terms whose written form equals ``form`` after case and accent folding.

        ``language`` narrows the search to one language; ``None`` searches all.
        """
        from glosador.normalize import norm_key

        index = self._index if self._index is not None else self._build_index()
        key = norm_key(form)
        if language is not None:
            return list(index.get((language, key), ()))
        found: list[Term] = []
        for lang in self.languages:
            found.extend(index.get((lang, key), ()))
        return found

    def concept_of(self, term: Term) -> Concept:
        """The concept a term belongs to."""
        if self._term_concept is None:
            self._build_index()
        assert self._term_concept is not None
        return self._term_concept[id(term)]


@dataclass(frozen=True, slots=True)
class Finding:
    """One inconsistent rendering (or glossary problem) at a place in a file.

    Lines and columns are 1-based; columns count code points; ``end_column`` is
    exclusive (SPEC section 5).
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    severity: Severity
    message: str
    text: str = ""
    concept: str | None = None
    language: str | None = None
    suggestions: tuple[str, ...] = ()
    #: 0-based character offsets into the file as decoded (for fixes); not in the JSON
    start_offset: int = -1
    end_offset: int = -1
    #: an exact edit ``(start, end, replacement)`` in file offsets, when the first
    #: suggestion does not replace the whole span (GL107)
    fix: tuple[int, int, str] | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "text": self.text,
            "concept": self.concept,
            "language": self.language,
            "suggestions": list(self.suggestions),
        }


@dataclass(frozen=True, slots=True)
class Report:
    """The findings of one check, sorted, with the files checked and their languages."""

    findings: tuple[Finding, ...] = ()
    files: int = 0
    languages: Mapping[str, str] = field(default_factory=dict)
    errors_reading: tuple[str, ...] = ()

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def summary(self) -> dict[str, int]:
        return {
            "files": self.files,
            "findings": len(self.findings),
            "errors": self.count(Severity.ERROR),
            "warnings": self.count(Severity.WARNING),
            "infos": self.count(Severity.INFO),
        }
