"""Glossary lint: GL002-GL006 over parsed glossary files (GL001 comes from parsing).

``lint(groups)`` takes the parsed files of one or more glossaries (as
``glossary.read_glossaries`` returns them) and returns every problem found, so a
curator with five mistakes learns about all five at once.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from glosador.errors import Problem
from glosador.glossary import ParsedFile, read_glossaries
from glosador.model import Concept, Status, Term
from glosador.normalize import norm_key

__all__ = ["is_known_language", "lint", "lint_paths"]

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_QUOTES = "\"'“”‘’«»„‚`´"


@lru_cache(maxsize=256)
def is_known_language(code: str) -> bool:
    """Whether Babel knows ``code`` as a locale (``es``, ``es-VE``, ``pt_BR``)."""
    from babel import Locale, UnknownLocaleError

    if not code or not re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*", code):
        return False
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def _problem(node: Concept | Term, code: str, message: str) -> Problem:
    return Problem(node.path, node.line, node.column, code, message)


def _unnormalized(term: Term) -> str | None:
    text = term.term
    if text != text.strip():
        return "has leading or trailing white space"
    if "  " in text or "\t" in text or "\n" in text or "\r" in text:
        return "has doubled white space, a tab or a line break"
    if not unicodedata.is_normalized("NFC", text):
        return "is not in Unicode NFC"
    if text[0] in _QUOTES or text[-1] in _QUOTES or any(q in text for q in '"“”«»„'):
        return "has stray quotation marks"
    return None


def _required_languages(concepts: Sequence[Concept], source_language: str) -> set[str]:
    counts = Counter(lang for concept in concepts for lang in concept.terms)
    half = len(concepts) / 2
    return {source_language} | {lang for lang, n in counts.items() if n > half}


def _lint_group(files: Sequence[ParsedFile]) -> list[Problem]:
    problems: list[Problem] = []
    concepts = [c for f in files for c in f.concepts]
    damaged = {cid for f in files for cid in f.damaged}
    source_language = files[0].source_language if files else "es"
    for parsed in files:
        if not is_known_language(parsed.source_language):
            problems.append(
                Problem(
                    parsed.path,
                    1,
                    1,
                    "GL005",
                    f"unknown source_language {parsed.source_language!r}",
                )
            )
    # GL002 and the id syntax
    first: dict[str, Concept] = {}
    for concept in concepts:
        if not _ID.match(concept.id):
            problems.append(
                _problem(
                    concept, "GL001", f"concept id {concept.id!r} must match [a-z0-9][a-z0-9-]*"
                )
            )
        if concept.id in first:
            seen = first[concept.id]
            problems.append(
                _problem(
                    concept,
                    "GL002",
                    f"duplicate concept id {concept.id!r} (first at {seen.path}:{seen.line})",
                )
            )
        else:
            first[concept.id] = concept
    required = _required_languages(concepts, source_language)
    forms: dict[tuple[str, str], list[tuple[Concept, Term]]] = {}
    for concept in concepts:
        for language, terms in concept.terms.items():
            if not is_known_language(language):
                problems.append(_problem(terms[0], "GL005", f"unknown language code {language!r}"))
            if not any(t.status is Status.PREFERRED for t in terms):
                problems.append(
                    _problem(
                        terms[0],
                        "GL004",
                        f"concept {concept.id!r} has no preferred term in {language!r}",
                    )
                )
            for term in terms:
                reason = _unnormalized(term)
                if reason:
                    problems.append(_problem(term, "GL006", f"term {term.term!r} {reason}"))
                forms.setdefault((language, norm_key(term.term)), []).append((concept, term))
        missing = sorted(required - set(concept.terms)) if concept.id not in damaged else []
        if not concept.translate:
            missing = [lang for lang in missing if lang == source_language]
        for language in missing:
            problems.append(
                _problem(concept, "GL004", f"concept {concept.id!r} has no term in {language!r}")
            )
    # GL003: a form shared by two concepts, unless every sharer declares a distinct context
    for (language, _key), owners in forms.items():
        ids = {c.id for c, _ in owners}
        if len(ids) < 2:
            continue
        contexts = [t.context for _, t in owners]
        by_context: dict[str | None, set[str]] = {}
        for c, t in owners:
            by_context.setdefault(t.context, set()).add(c.id)
        declared = all(contexts) and all(len(v) == 1 for v in by_context.values())
        if declared:
            continue
        first_concept, _ = owners[0]
        for concept, term in owners[1:]:
            if concept.id == first_concept.id:
                continue
            problems.append(
                _problem(
                    term,
                    "GL003",
                    f"{term.term!r} ({language}) is also a form of {first_concept.id!r}; "
                    "give each a distinct 'context' or remove one",
                )
            )
    return problems


def lint(groups: Sequence[Sequence[ParsedFile]]) -> list[Problem]:
    """Every GL002-GL006 problem of each glossary in ``groups``."""
    problems: list[Problem] = []
    for files in groups:
        problems.extend(_lint_group(files))
    return problems


def lint_paths(paths: Sequence[str] | None) -> list[Problem]:
    """Parse and lint glossaries at ``paths`` (``None``: the bundled one); every problem, sorted."""
    groups, problems, _ = read_glossaries(paths)
    problems = problems + lint(groups)
    return sorted(problems, key=lambda p: (p.path, p.line, p.column, p.code))
