"""Checking translations against the glossary: document pairs and ``.po`` catalogs.

A *segment pair* is a source text and its translation: a ``.po`` entry (msgid and
msgid_plural against each msgstr), or two paragraphs of a document pair. The
concepts each side names are found with the same matcher as article checks
(plural, singular and articles included); a concept of the source with none of
its target forms in the target is GL201, a concept of the target with no source
form in the source is GL202.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

from glosador.analysis import Occurrence, _occurrences
from glosador.extract import Document, LineIndex, document_from_text
from glosador.glossary import load_glossary
from glosador.language import document_language
from glosador.matcher import CompiledGlossary, compile_glossary, scan
from glosador.model import Finding, Glossary, Report
from glosador.normalize import norm_key
from glosador.pofile import PoEntry, PoFile
from glosador.rules import get_rule

__all__ = ["check_catalog", "check_pair", "concepts_named"]

#: printf and brace placeholders: %s, %d, %(name)s, %1$s, {0}, {name}
_PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-+ #0-9.*$]*[a-zA-Z%]|\{[^{}\s]*\}")


@dataclass(frozen=True, slots=True)
class Named:
    """A concept named in a segment, by which forms, at which offsets."""

    concepts: frozenset[str]
    languages: frozenset[str]
    start: int
    end: int


def _blank_placeholders(text: str) -> str:
    return _PLACEHOLDER.sub(lambda m: " " * len(m.group()), text)


def concepts_named(compiled: CompiledGlossary, glossary: Glossary, text: str) -> list[Named]:
    """Every glossary form in ``text``: its candidate concepts and the languages it is in."""
    found = _occurrences(compiled, scan(compiled, _blank_placeholders(text)), 0)
    return [_named(compiled, glossary, o) for o in found]


def _named(compiled: CompiledGlossary, glossary: Glossary, occurrence: Occurrence) -> Named:
    languages = set()
    for form in occurrence.forms:
        term = compiled.term_of_form(form)
        languages.add(term.language)
        concept = glossary[compiled.concept_of_form(form)]
        key = norm_key(term.term)
        for language, terms in concept.terms.items():  # the same form in another language
            if any(norm_key(t.term) == key for t in terms):
                languages.add(language)
    return Named(
        frozenset(occurrence.concepts), frozenset(languages), occurrence.start, occurrence.end
    )


def _in(
    named: Sequence[Named], concepts: frozenset[str], language: str, glossary: Glossary
) -> bool:
    for item in named:
        if not item.concepts & concepts:
            continue
        if language in item.languages:
            return True
        if any(not glossary[c].translate for c in item.concepts & concepts):
            return True  # the untranslated name is right in every language
    return False


@dataclass(frozen=True, slots=True)
class PairFinding:
    """A bilingual finding in target-segment offsets."""

    code: str
    start: int
    end: int
    concept: str
    message: str
    suggestions: tuple[str, ...]


def compare(
    compiled: CompiledGlossary,
    glossary: Glossary,
    source: str,
    target: str,
    source_lang: str,
    target_lang: str,
) -> list[PairFinding]:
    """GL201 and GL202 for one segment pair (offsets into ``target``)."""
    source_named = [
        n for n in concepts_named(compiled, glossary, source) if source_lang in n.languages
    ]
    target_named = [
        n for n in concepts_named(compiled, glossary, target) if target_lang in n.languages
    ]
    results: list[PairFinding] = []
    reported: set[str] = set()
    stripped = target.strip()
    lead = len(target) - len(target.lstrip())
    for item in source_named:
        key = min(item.concepts)
        if key in reported or _in(target_named, item.concepts, target_lang, glossary):
            continue
        if not stripped:
            continue
        reported.add(key)
        concept = glossary[key]
        preferred = concept.preferred(target_lang) or concept.preferred(concept.source_language)
        source_text = source[item.start : item.end]
        results.append(
            PairFinding(
                "GL201",
                lead,
                lead + len(stripped),
                key if len(item.concepts) == 1 else "",
                f"{source_text!r} ({_label(item)}) has no translation here"
                + (f"; expected {preferred.term!r}" if preferred else ""),
                (preferred.term,) if preferred else (),
            )
        )
    for item in target_named:
        key = min(item.concepts)
        if key in reported or _in(source_named, item.concepts, source_lang, glossary):
            continue
        reported.add(key)
        results.append(
            PairFinding(
                "GL202",
                item.start,
                item.end,
                key if len(item.concepts) == 1 else "",
                f"{target[item.start : item.end]!r} ({_label(item)}) is not in the source",
                (),
            )
        )
    return results


def _label(item: Named) -> str:
    concepts = sorted(item.concepts)
    return concepts[0] if len(concepts) == 1 else "one of " + ", ".join(concepts)


def _finding(
    pair: PairFinding, path: str, text: str, start: int, end: int, index: LineIndex, language: str
) -> Finding:
    rule = get_rule(pair.code)
    line, column = index.position(start)
    end_line, end_column = index.position(end)
    return Finding(
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=rule.code,
        name=rule.name,
        severity=rule.default_severity,
        message=pair.message,
        text=text[start:end],
        concept=pair.concept or None,
        language=language,
        suggestions=pair.suggestions,
        start_offset=start,
        end_offset=end,
    )


def check_pair(
    source_text: str,
    target_text: str,
    glossary: Glossary | None = None,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    format: str = "text",
    path: str = "<target>",
) -> Report:
    """GL201/GL202 for a source document and its translation.

    Paragraphs are aligned when both documents have as many; otherwise the whole
    documents are compared. Findings point into ``target_text``.
    """
    glossary = glossary if glossary is not None else load_glossary()
    compiled = compile_glossary(glossary)
    source = document_from_text(source_text, "<source>", format)
    target = document_from_text(target_text, path, format)
    source_lang = source_lang or _language(source) or glossary.source_language
    target_lang = target_lang or _language(target) or "en"
    index = LineIndex(target.text)
    findings: list[Finding] = []
    if len(source.segments) == len(target.segments):
        pairs = list(zip(source.segments, target.segments, strict=True))
        found = [
            list(compare(compiled, glossary, src.text, tgt.text, source_lang, target_lang))
            for src, tgt in pairs
        ]
        moved = _moved(found)
        for number, ((_, target_segment), pair_findings) in enumerate(
            zip(pairs, found, strict=True)
        ):
            for pair in pair_findings:
                if (number, pair.code, pair.concept) in moved:
                    continue
                start, end = target_segment.offsets.span(pair.start, pair.end)
                findings.append(_finding(pair, path, target.text, start, end, index, target_lang))
    else:
        whole_source = "\n\n".join(s.text for s in source.segments)
        for pair in compare(
            compiled, glossary, whole_source, target.text, source_lang, target_lang
        ):
            findings.append(
                _finding(pair, path, target.text, pair.start, pair.end, index, target_lang)
            )
    findings.sort(key=lambda f: f.sort_key)
    return Report(tuple(findings), 1, {path: target_lang})


def _moved(found: list[list[PairFinding]]) -> set[tuple[int, str, str]]:
    """(paragraph, code, concept) of findings that only say a sentence moved to the
    next or previous paragraph: the concept missing here (GL201) is extra there (GL202)."""
    missing = {(n, p.concept) for n, pairs in enumerate(found) for p in pairs if p.code == "GL201"}
    extra = {(n, p.concept) for n, pairs in enumerate(found) for p in pairs if p.code == "GL202"}
    moved: set[tuple[int, str, str]] = set()
    for n, concept in missing:
        for m in (n - 1, n + 1):
            if concept and (m, concept) in extra:
                moved.update({(n, "GL201", concept), (m, "GL202", concept)})
    return moved


def _language(document: Document) -> str | None:
    from glosador.normalize import norm_tokens

    texts = [s.text for s in document.segments]
    return document_language(texts, [t for text in texts for t in norm_tokens(text)])


def catalog_entries(po: PoFile, include_fuzzy: bool = False) -> list[PoEntry]:
    """The entries a check reads: active, with a msgid, fuzzy ones only when asked."""
    return [e for e in po.active() if e.msgid and (include_fuzzy or not e.fuzzy)]


def catalog_source_language(entries: Sequence[PoEntry], glossary: Glossary, target: str) -> str:
    """The msgids' language: detected, else the glossary's source language."""
    from glosador.normalize import norm_tokens

    sample = [e.msgid for e in entries[:400]]
    detected = document_language(sample, [t for s in sample for t in norm_tokens(s)])
    return detected or _other_language(glossary, target)


def _other_language(glossary: Glossary, target_lang: str) -> str:
    """The msgids' language when it cannot be detected (a few short strings): the
    glossary's source language, unless that is the target's."""
    target = target_lang.split("-")[0]
    if glossary.source_language and glossary.source_language.split("-")[0] != target:
        return glossary.source_language
    languages = sorted({lang for c in glossary for lang in c.terms if lang.split("-")[0] != target})
    return languages[0] if languages else "en"


def check_catalog(
    path: str | os.PathLike[str],
    glossary: Glossary | None = None,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    include_fuzzy: bool = False,
    display: str | None = None,
) -> Report:
    """GL201/GL202 for every translated entry of a ``.po`` file (findings at the msgstr line)."""
    from glosador.pofile import read_po

    glossary = glossary if glossary is not None else load_glossary()
    compiled = compile_glossary(glossary)
    shown = display if display is not None else str(path)
    po = read_po(path, shown)
    with open(path, "rb") as handle:
        data = handle.read()
    text = data.decode(po.charset, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    index = LineIndex(text)
    target_lang = (target_lang or po.language or "").replace("_", "-") or None
    if target_lang is None:
        return Report((), 1, {shown: "und"})
    entries = catalog_entries(po, include_fuzzy)
    source_lang = source_lang or catalog_source_language(entries, glossary, target_lang)
    base_target = target_lang.split("-")[0]
    languages = {lang.split("-")[0] for c in glossary for lang in c.terms}
    if base_target not in languages:
        return Report((), 1, {shown: target_lang})
    target_key = next(
        (lang for c in glossary for lang in c.terms if lang.split("-")[0] == base_target),
        base_target,
    )
    findings: list[Finding] = []
    for entry in entries:
        sources = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
        for n, translation in enumerate(entry.translations):
            if not translation:
                continue
            source = sources[min(n, len(sources) - 1)]
            line = entry.msgstr_lines[n] if n < len(entry.msgstr_lines) else entry.msgstr_line
            start, end = index.line_span(line) if line else (0, 0)
            if end < 0:
                end = len(text)
            line_text = text[start:end].rstrip("\r\n")
            for pair in compare(compiled, glossary, source, translation, source_lang, target_key):
                findings.append(
                    _finding(
                        PairFinding(pair.code, 0, 0, pair.concept, pair.message, pair.suggestions),
                        shown,
                        text,
                        start,
                        start + len(line_text),
                        index,
                        target_key,
                    )
                )
    findings.sort(key=lambda f: f.sort_key)
    return Report(tuple(findings), 1, {shown: target_lang})
