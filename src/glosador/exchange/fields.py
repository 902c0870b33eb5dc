"""What imported values mean in glosador's model: statuses, term types, yes/no flags.

Termbases spell these in many ways (TBX picklists, CAT-tool labels); each parser
here accepts the usual spellings and returns ``None`` for what it does not know.

>>> parse_status("supersededTerm-admn-sts"), parse_type("shortForm"), parse_flag("No")
(<Status.DEPRECATED: 'deprecated'>, <TermType.SHORT_FORM: 'short-form'>, False)
"""

from __future__ import annotations

import dataclasses
import re

from glosador.model import Concept, Status, Term, TermType

__all__ = [
    "TBX_STATUS",
    "TBX_TYPE",
    "default_case_sensitive",
    "default_status",
    "parse_flag",
    "parse_status",
    "parse_type",
    "term_is_default",
    "without_place",
]

#: the TBX administrativeStatus value written for each status
TBX_STATUS = {
    Status.PREFERRED: "preferredTerm-admn-sts",
    Status.ADMITTED: "admittedTerm-admn-sts",
    Status.DEPRECATED: "deprecatedTerm-admn-sts",
}
#: the TBX termType value written for each type
TBX_TYPE = {
    TermType.FULL_FORM: "fullForm",
    TermType.ACRONYM: "acronym",
    TermType.ABBREVIATION: "abbreviation",
    TermType.SHORT_FORM: "shortForm",
    TermType.VARIANT: "variant",
}

_STATUS_WORDS = {
    "preferred": Status.PREFERRED,
    "standardized": Status.PREFERRED,
    "legal": Status.PREFERRED,
    "regulated": Status.PREFERRED,
    "approved": Status.PREFERRED,
    "admitted": Status.ADMITTED,
    "permitted": Status.ADMITTED,
    "allowed": Status.ADMITTED,
    "accepted": Status.ADMITTED,
    "deprecated": Status.DEPRECATED,
    "superseded": Status.DEPRECATED,
    "obsolete": Status.DEPRECATED,
    "forbidden": Status.DEPRECATED,
    "notrecommended": Status.DEPRECATED,
    "rejected": Status.DEPRECATED,
}
_TYPE_WORDS = {
    "fullform": TermType.FULL_FORM,
    "full": TermType.FULL_FORM,
    "term": TermType.FULL_FORM,
    "maintermentry": TermType.FULL_FORM,
    "acronym": TermType.ACRONYM,
    "initialism": TermType.ACRONYM,
    "abbreviation": TermType.ABBREVIATION,
    "abbreviatedform": TermType.ABBREVIATION,
    "shortform": TermType.SHORT_FORM,
    "clippedterm": TermType.SHORT_FORM,
    "shortcut": TermType.SHORT_FORM,
    "variant": TermType.VARIANT,
    "synonym": TermType.VARIANT,
    "spellingvariant": TermType.VARIANT,
}
_YES = {"yes", "y", "true", "1", "on", "x", "si", "sí"}
_NO = {"no", "n", "false", "0", "off", ""}


def _word(text: str) -> str:
    key = re.sub(r"[\s_\-]+", "", text.strip().lower())
    for suffix in ("termadmnsts", "admnsts", "term"):
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)]
    return key


def parse_status(text: str) -> Status | None:
    """A TBX ``administrativeStatus`` (or a CAT tool's label) as a ``Status``."""
    key = _word(text)
    return _STATUS_WORDS.get(key) or _STATUS_WORDS.get(text.strip().lower())


def parse_type(text: str) -> TermType | None:
    """A TBX ``termType`` (or glosador's own spelling) as a ``TermType``."""
    key = re.sub(r"[\s_\-]+", "", text.strip().lower())
    return _TYPE_WORDS.get(key)


def parse_flag(text: str) -> bool | None:
    """Yes/no in the usual spellings; ``None`` when it is neither."""
    key = text.strip().lower()
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None


def default_status(position: int) -> Status:
    """The status a term gets when none is given: the first of a language is preferred."""
    return Status.PREFERRED if position == 0 else Status.ADMITTED


def default_case_sensitive(term_type: TermType) -> bool:
    """Acronyms are case-sensitive unless told otherwise (SPEC section 3)."""
    return term_type is TermType.ACRONYM


def without_place(concept: Concept) -> Concept:
    """``concept`` without file positions, for comparing content."""
    terms = {
        language: tuple(dataclasses.replace(t, path="", line=0, column=0) for t in terms)
        for language, terms in concept.terms.items()
    }
    return dataclasses.replace(concept, terms=terms, path="", line=0, column=0)


def term_is_default(term: Term, position: int) -> bool:
    """Whether ``term`` is written as a plain string in YAML (every field at its default)."""
    return (
        term.status is default_status(position)
        and term.type is TermType.FULL_FORM
        and term.case_sensitive is default_case_sensitive(term.type)
        and term.note is None
        and term.context is None
        and term.part_of_speech is None
        and term.source is None
        and not term.extra
    )
