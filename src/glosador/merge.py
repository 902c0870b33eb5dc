"""Updating an existing translation from a new template, like ``msgmerge``.

``merge_entries(template, old)`` takes the template's entries (from the
glossary) and a ``.po`` read by ``glosador.pofile`` and returns the updated
entries, each with its ``status``:

- ``kept``: same ``msgctxt`` and ``msgid``; translation, translator comments and
  flags kept, extracted comments and references taken from the template;
- ``fuzzy``: same ``msgctxt`` (concept id) but another ``msgid`` (the source
  term changed): translation kept, flagged ``fuzzy``, previous msgid in ``#|``;
- ``new``: a concept the translation did not have (untranslated);
- ``obsolete``: a translated entry no concept matches any more (``#~``); entries
  already obsolete stay so, and untranslated ones that no longer match are
  dropped, as ``msgmerge`` does.

A template entry without an exact match is matched first by its concept id
(``msgctxt``), whatever its new source term; failing that, like ``msgmerge``,
by the most similar translated ``msgid`` in the old file (similarity at least
0.6, the ``difflib`` ratio standing in for gettext's ``fstrcmp``), which gives a
fuzzy suggestion. Candidates are found through shared words, so merging stays
near-linear. The one deliberate difference from ``msgmerge``: an entry whose
concept id is unchanged keeps its translation (fuzzy) even when the new source
term is not similar to the old one.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from glosador.pofile import PoEntry, PoFile

__all__ = ["MergeStatus", "MergedEntry", "TemplateEntry", "merge_entries"]


class MergeStatus(enum.StrEnum):
    KEPT = "kept"
    NEW = "new"
    FUZZY = "fuzzy"
    OBSOLETE = "obsolete"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class TemplateEntry:
    """One message of the template: what the glossary says now."""

    context: str | None
    msgid: str
    auto_comments: tuple[str, ...] = ()
    locations: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class MergedEntry:
    """One message of the updated translation."""

    context: str | None
    msgid: str
    status: MergeStatus
    msgstr: str = ""
    msgid_plural: str | None = None
    msgstr_plural: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    tcomment: str = ""
    auto_comments: tuple[str, ...] = ()
    locations: tuple[tuple[str, int], ...] = ()
    previous_msgid: str | None = None

    @property
    def obsolete(self) -> bool:
        return self.status is MergeStatus.OBSOLETE


def _translation(entry: PoEntry) -> str:
    if entry.msgid_plural is not None:
        return entry.msgstr_plural[0] if entry.msgstr_plural else ""
    return entry.msgstr


def _from_template(
    item: TemplateEntry, status: MergeStatus, old: PoEntry | None = None
) -> MergedEntry:
    if old is None:
        return MergedEntry(
            item.context,
            item.msgid,
            status,
            "",
            None,
            (),
            (),
            "",
            item.auto_comments,
            item.locations,
        )
    flags = tuple(f for f in old.flags if f != "fuzzy")
    previous = old.previous_msgid
    if status is MergeStatus.FUZZY or old.fuzzy:
        flags = ("fuzzy", *flags)
    if status is MergeStatus.FUZZY:
        previous = old.msgid
    elif not old.fuzzy:
        previous = None
    return MergedEntry(
        context=item.context,
        msgid=item.msgid,
        status=status,
        msgstr=_translation(old),
        flags=flags,
        tcomment=old.tcomment,
        auto_comments=item.auto_comments,
        locations=item.locations,
        previous_msgid=previous,
    )


def _obsolete(entry: PoEntry) -> MergedEntry:
    return MergedEntry(
        context=entry.msgctxt,
        msgid=entry.msgid,
        status=MergeStatus.OBSOLETE,
        msgstr=entry.msgstr,
        msgid_plural=entry.msgid_plural,
        msgstr_plural=entry.msgstr_plural,
        flags=entry.flags,
        tcomment=entry.tcomment,
    )


FUZZY_THRESHOLD = 0.6
_MAX_CANDIDATES = 50
_WORD_RE = re.compile(r"\w+")


class _Similar:
    """Translated old entries, found by shared words, ranked by ``difflib`` ratio."""

    def __init__(self, entries: Sequence[PoEntry]) -> None:
        self._entries = [e for e in entries if e.msgid and _translation(e)]
        self._by_word: dict[str, list[int]] = {}
        for index, entry in enumerate(self._entries):
            for word in set(_WORD_RE.findall(entry.msgid.lower())):
                self._by_word.setdefault(word, []).append(index)

    def best(self, msgid: str, context: str | None) -> PoEntry | None:
        shared: Counter[int] = Counter()
        for word in set(_WORD_RE.findall(msgid.lower())):
            shared.update(self._by_word.get(word, ()))
        best: PoEntry | None = None
        best_score = FUZZY_THRESHOLD
        for index, _count in shared.most_common(_MAX_CANDIDATES):
            entry = self._entries[index]
            matcher = difflib.SequenceMatcher(None, msgid, entry.msgid, autojunk=False)
            if matcher.real_quick_ratio() < best_score or matcher.quick_ratio() < best_score:
                continue
            score = matcher.ratio() + (0.00001 if entry.msgctxt in (None, context) else 0.0)
            if score > best_score:
                best, best_score = entry, score
        return best


def merge_entries(template: Sequence[TemplateEntry], old: PoFile) -> tuple[MergedEntry, ...]:
    """The template's entries with ``old``'s translations, then the obsolete ones."""
    exact: dict[tuple[str | None, str], PoEntry] = {}
    by_context: dict[str, PoEntry] = {}
    for entry in old.active():
        exact.setdefault((entry.msgctxt, entry.msgid), entry)
        if entry.msgctxt is not None:
            by_context.setdefault(entry.msgctxt, entry)
    used: set[int] = set()
    merged: list[MergedEntry] = []
    similar_index: _Similar | None = None
    for item in template:
        found = exact.get((item.context, item.msgid))
        if found is not None:
            used.add(id(found))
            merged.append(_from_template(item, MergeStatus.KEPT, found))
            continue
        similar = by_context.get(item.context) if item.context is not None else None
        if similar is not None and id(similar) not in used and _translation(similar):
            used.add(id(similar))
            merged.append(_from_template(item, MergeStatus.FUZZY, similar))
            continue
        if similar_index is None:
            similar_index = _Similar(list(old.active()))
        close = similar_index.best(item.msgid, item.context)
        if close is not None:
            used.add(id(close))
            merged.append(_from_template(item, MergeStatus.FUZZY, close))
            continue
        merged.append(_from_template(item, MergeStatus.NEW))
    active = {(m.context, m.msgid) for m in merged}
    for entry in old.active():
        if id(entry) not in used and any(entry.translations):
            merged.append(_obsolete(entry))
            active.add((entry.msgctxt, entry.msgid))
    for entry in old.obsolete():
        if (entry.msgctxt, entry.msgid) not in active:
            merged.append(_obsolete(entry))
    return tuple(merged)
