"""Which fuzzy placements deserve a look: one vectorised first test per document.

An anchor hit places each form it anchors at a base token (a *placement key*, see
``glosador.matcher``); a page of text makes thousands, and nearly all of them lead
nowhere. The fuzzy rules look at a placement for two reasons only:

- GL101 mixed-rendering: every word of the window is the form's own or a word of
  another language's names, and at least one is not the form's;
- GL108 near-miss: the form's first word stands at the base (+-1) and its last word
  where one word added, dropped or changed puts it (or, at the form's end, in the
  singular where a name ends in a plural), or the first or last two words are
  written as one.

Both are necessary conditions of what ``glosador.analysis`` then checks word by word,
so testing them first, for all of a document's placements at once in numpy, drops
only placements that could never give a finding. The glossary side (every form's
word numbers, first and joined words, language, whether it is a proper name) is
packed at compile time into bytes, which the compile cache stores as they are.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from glosador.matcher import Anchors, CompiledGlossary

__all__ = ["FormTable", "form_table", "placements", "promising", "token_ids"]

#: room on each side of a document's word numbers: a form's base lies at most 63 words
#: before its anchor, and a near miss looks one word past the form's end
_PAD = 68


@dataclass(frozen=True, slots=True)
class FormTable:
    """The glossary side of the first test, as bytes (native ``int32`` unless noted)."""

    words: bytes  #: every form's word numbers, form after form
    offsets: bytes  #: where each form's words start in ``words`` (one more: the end)
    joined_first: bytes  #: the number of the form's first two words written as one (0: none)
    joined_last: bytes  #: the same for its last two words
    #: the number of the singular of a proper form's plural last word (0: none)
    last_singular: bytes
    language: bytes  #: uint8: the index of the form's language in ``languages``
    proper: bytes  #: uint8: 1 when the form's term is a proper name
    concept: bytes  #: the index of the form's concept
    #: int64, sorted: ``(concept * len(languages) + language) * (vocabulary + 1) + word``
    #: for every word of a concept's names (acronyms left out) in each language
    names: bytes
    #: uint8 per word number: ``SWAPPABLE`` (1), ``STOPWORDS`` (2), longer than a letter (4)
    flags: bytes
    #: uint8 per language and word number: 1 when the word is in another language's names
    other: bytes
    languages: tuple[str, ...]
    vocabulary: int  #: word numbers run from 1 to this (0: a word no form has)


_SWAP, _STOP, _LONG = 1, 2, 4


def form_table(compiled: CompiledGlossary, numbers: dict[str, int]) -> FormTable:
    """Pack a compiled glossary's forms for ``promising``; ``numbers`` numbers its words."""
    from glosador.matcher import STOPWORDS, SWAPPABLE

    number = numbers.__getitem__
    words = array("i")
    offsets = array("i", [0])
    joined_first = array("i")
    joined_last = array("i")
    last_singular = array("i")
    for position, form in enumerate(compiled.forms):
        tokens = form.tokens
        words.extend(map(number, tokens))
        offsets.append(len(words))
        two = len(tokens) >= 2
        joined_first.append(numbers.get(tokens[0] + tokens[1], 0) if two else 0)
        joined_last.append(numbers.get(tokens[-2] + tokens[-1], 0) if two else 0)
        singular = compiled.last_singular(position)
        last_singular.append(numbers[singular] if singular else 0)
    languages = tuple(sorted(set(compiled.form_language)))
    index = {language: i for i, language in enumerate(languages)}
    concept_index = {concept: i for i, concept in enumerate(compiled.concept_range)}
    concept = array("i", (concept_index[c] for c in compiled.form_concept))
    size = len(numbers) + 1
    other = bytearray(size * len(languages))
    for language, foreign in compiled.other_words.items():
        row = index[language] * size
        for word in foreign:
            other[row + numbers[word]] = 1
    names = _names(
        compiled,
        words,
        offsets,
        concept,
        [index[lang] for lang in compiled.form_language],
        len(languages),
        size,
    )
    flags = bytearray(size)
    for word, value in numbers.items():
        flags[value] = (
            (_SWAP if word in SWAPPABLE else 0)
            | (_STOP if word in STOPWORDS else 0)
            | (_LONG if len(word) > 1 else 0)
        )
    proper = compiled.proper
    return FormTable(
        words.tobytes(),
        offsets.tobytes(),
        joined_first.tobytes(),
        joined_last.tobytes(),
        last_singular.tobytes(),
        bytes(index[language] for language in compiled.form_language),
        bytes(proper[form.term] for form in compiled.forms),
        concept.tobytes(),
        names,
        bytes(flags),
        bytes(other),
        languages,
        len(numbers),
    )


def _names(
    compiled: CompiledGlossary,
    words: array[int],
    offsets: array[int],
    concept: array[int],
    language: list[int],
    languages: int,
    size: int,
) -> bytes:
    """``FormTable.names``: each (concept, language, word) of the names, sorted, as bytes."""
    from glosador.model import TermType

    named = np.array(
        [compiled.terms[form.term].type is not TermType.ACRONYM for form in compiled.forms],
        dtype=bool,
    )
    lengths = np.diff(np.frombuffer(offsets, dtype=np.int32)).astype(np.int64)
    row = (
        np.frombuffer(concept, dtype=np.int32).astype(np.int64) * languages
        + np.array(language, dtype=np.int64)
    ) * size
    keys = np.repeat(row, lengths) + np.frombuffer(words, dtype=np.int32)
    return bytes(np.unique(keys[np.repeat(named, lengths)]).tobytes())


def token_ids(codes: str, width: int) -> npt.NDArray[np.int32]:
    """The word number of every token of a code string (see ``glosador.matcher``):
    a separator and ``width`` base-64 digits each, unknown words numbered 0."""
    digits = np.frombuffer(codes.encode("ascii"), dtype=np.uint8).reshape(-1, width + 1)
    powers = 64 ** np.arange(width - 1, -1, -1, dtype=np.int32)
    numbers = digits[:, 1:].astype(np.int32) @ powers - 0x30 * int(powers.sum())
    # an unknown word's digits are all "!", below "0": its number comes out negative
    result: npt.NDArray[np.int32] = np.maximum(numbers, 0).astype(np.int32)
    return result


def placements(
    anchors: Anchors,
    firsts: Sequence[int],
    covered: npt.NDArray[np.int64],
    *,
    anchor_shift: int,
    length_mask: int,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Where a text's anchor hits place their forms: the distinct placement keys of each
    segment (whose first token is ``firsts[i]`` of the text), sorted by segment, then
    key, each with its segment's number and how many anchors placed it there.

    An anchor inside an exact occurrence (``covered`` holds, per token, the length of
    the occurrence over it, or 0) places only forms longer than it: a fuzzy span may
    swallow a shorter exact occurrence, never cut one or replace an equal one.
    """
    relative = np.array(anchors.keys, dtype=np.int64)
    at = np.repeat(np.array(anchors.tokens, dtype=np.int64), anchors.counts)
    cover = covered[at]
    keep = (cover == 0) | ((relative & length_mask) > cover)
    relative, at = relative[keep], at[keep]
    first = np.array(firsts, dtype=np.int64)
    segment = np.searchsorted(first, at, side="right") - 1
    key = relative + ((at - first[segment]) << anchor_shift)
    order = np.lexsort((key, segment))
    key, segment = key[order], segment[order]
    distinct = np.ones(len(key), dtype=bool)
    distinct[1:] = (key[1:] != key[:-1]) | (segment[1:] != segment[:-1])
    starts = np.flatnonzero(distinct)
    counts = np.diff(np.append(starts, len(key)))
    return key[starts], segment[starts], counts


def _arrays(table: FormTable) -> dict[str, Any]:
    size = table.vocabulary + 1
    flags = np.frombuffer(table.flags, dtype=np.uint8)
    return {
        "words": np.frombuffer(table.words, dtype=np.int32),
        "offsets": np.frombuffer(table.offsets, dtype=np.int32),
        "joined_first": np.frombuffer(table.joined_first, dtype=np.int32),
        "joined_last": np.frombuffer(table.joined_last, dtype=np.int32),
        "last_singular": np.frombuffer(table.last_singular, dtype=np.int32),
        "language": np.frombuffer(table.language, dtype=np.uint8).astype(np.int64),
        "proper": np.frombuffer(table.proper, dtype=np.uint8).astype(bool),
        "concept": np.frombuffer(table.concept, dtype=np.int32).astype(np.int64),
        "names": np.frombuffer(table.names, dtype=np.int64),
        "swap": (flags & _SWAP).astype(bool),
        "stop": (flags & _STOP).astype(bool),
        "long": (flags & _LONG).astype(bool),
        "other": np.frombuffer(table.other, dtype=np.uint8)
        .reshape(len(table.languages), size)
        .astype(bool),
    }


def promising(
    table: FormTable,
    cache: dict[str, Any],
    ids: npt.NDArray[np.int32],
    key: npt.NDArray[np.int64],
    first: npt.NDArray[np.int64],
    *,
    anchor_shift: int,
    anchor_bias: int,
    form_shift: int,
    form_mask: int,
    length_mask: int,
) -> npt.NDArray[np.bool_]:
    """For each placement key (a segment's, whose first token is ``first[i]`` of
    ``ids``), whether the fuzzy rules could find anything there (see the module).

    A window that runs past its segment takes in the barrier between segments, a word
    no form has, so it fails the GL101 test as the segment's end would make it fail.
    """
    if not len(key):
        return np.zeros(0, dtype=bool)
    if not cache:
        cache.update(_arrays(table))
    words = cache["words"]
    padded = np.zeros(len(ids) + 2 * _PAD, dtype=np.int32)
    padded[_PAD : _PAD + len(ids)] = ids
    base = (key >> anchor_shift) - anchor_bias + first + _PAD
    form = (key >> form_shift) & form_mask
    length = key & length_mask
    start = cache["offsets"][form].astype(np.int64)
    columns = np.arange(int(length.max()), dtype=np.int64)
    inside = columns < length[:, None]
    window = padded[base[:, None] + columns]
    own = words[np.minimum(start[:, None] + columns, len(words) - 1)]
    mixed = _mixed(cache, table, form, window, own, inside)
    near = _near(cache, padded, base, form, start, length)
    result: npt.NDArray[np.bool_] = mixed | near
    return result


def _near(
    cache: dict[str, Any],
    padded: npt.NDArray[np.int32],
    base: npt.NDArray[np.int64],
    form: npt.NDArray[np.int64],
    start: npt.NDArray[np.int64],
    length: npt.NDArray[np.int64],
) -> npt.NDArray[np.bool_]:
    """Which placements a near miss (GL108) could start at: the form's first word at
    base-1, base or base+1 and its last where one word more or fewer puts it; or its
    first or last two words written as one, its other words in place."""
    words = cache["words"]
    first = words[start]
    last = words[np.maximum(start + length - 1, 0)]
    third = words[np.minimum(start + 2, len(words) - 1)]
    joined_first = cache["joined_first"][form]
    joined_last = cache["joined_last"][form]
    singular = cache["last_singular"][form]
    has_singular = singular > 0  # 0 is also every unknown word's number
    near = np.zeros(len(base), dtype=bool)
    for shift in (-1, 0, 1):
        at = base + shift
        begins = padded[at] == first
        near |= begins & (
            (padded[at + length - 2] == last)
            | (padded[at + length - 1] == last)
            | (padded[at + length] == last)
            # "Bolivarian National Armed Force": the last word in the singular
            | (has_singular & (padded[at + length - 1] == singular))
        )
        # "Interamerican Commission ...": the span is one word shorter, its first word
        # the form's first two; "... for Nonrepetition": the same at the end
        rows = np.flatnonzero((padded[at] == joined_first) & (padded[at + 1] == third))
        if len(rows):
            near[rows] |= _in_place(padded, words, at[rows] - 1, start[rows], length[rows], 2)
        rows = np.flatnonzero(begins & (padded[at + length - 2] == joined_last))
        if len(rows):
            near[rows] |= _in_place(padded, words, at[rows], start[rows], length[rows] - 2, 0)
    near &= (length >= 3) & cache["proper"][form]
    return near


def _in_place(
    padded: npt.NDArray[np.int32],
    words: npt.NDArray[np.int32],
    at: npt.NDArray[np.int64],
    start: npt.NDArray[np.int64],
    end: npt.NDArray[np.int64],
    begin: int,
) -> npt.NDArray[np.bool_]:
    """Whether words ``begin`` to ``end`` of each form stand at ``at`` + their position."""
    columns = np.arange(begin, int(end.max()), dtype=np.int64)
    if not len(columns):
        return np.ones(len(at), dtype=bool)
    text = padded[at[:, None] + columns]
    own = words[np.minimum(start[:, None] + columns, len(words) - 1)]
    fits: npt.NDArray[np.bool_] = ((text == own) | (columns >= end[:, None])).all(axis=1)
    return fits


def _named(
    cache: dict[str, Any],
    concept: npt.NDArray[np.int64],
    language: npt.NDArray[np.int64],
    words: npt.NDArray[np.int32],
    size: int,
    languages: int,
    *,
    own: bool = True,
) -> npt.NDArray[np.bool_]:
    """Whether each word is in its concept's names of another language than
    ``language`` (``concept`` times the number of languages); with ``own``, and not in
    its names of that language."""
    names = cache["names"]

    def named(of: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        wanted = (concept + of) * size + words
        found = np.minimum(np.searchsorted(names, wanted), len(names) - 1)
        hit: npt.NDArray[np.bool_] = names[found] == wanted
        return hit

    elsewhere = np.zeros(len(words), dtype=bool)
    for other in range(languages):
        every = np.full(len(words), other, dtype=np.int64)
        elsewhere |= named(every) & (language != other)
    if own:
        elsewhere &= ~named(language)
    return elsewhere


def _mixed(
    cache: dict[str, Any],
    table: FormTable,
    form: npt.NDArray[np.int64],
    window: npt.NDArray[np.int32],
    own: npt.NDArray[np.int32],
    inside: npt.NDArray[np.bool_],
) -> npt.NDArray[np.bool_]:
    """Which windows are their form with some words taken from the same concept's
    names in another language (``glosador.analysis._mixed``, for every row at once)."""
    same = (window == own) | ~inside
    language = cache["language"][form]
    # first, cheaply: every differing word is in some other language's names
    maybe = (same | cache["other"][language[:, None], window]).all(axis=1) & ~same.all(axis=1)
    result = np.zeros(len(form), dtype=bool)
    rows = np.flatnonzero(maybe)
    if not len(rows):
        return result
    window, own, inside, language = window[rows], own[rows], inside[rows], language[rows]
    languages, size = len(table.languages), table.vocabulary + 1
    concept = cache["concept"][form[rows]] * languages
    equal = (window == own) & inside
    # each differing word: one of the concept's names in another language, not in its own,
    # and a function word only for a function word
    row, column = np.nonzero(inside & ~equal)
    have, want = window[row, column], own[row, column]
    swap = cache["swap"]
    have_swap = swap[have]
    bad = ~_named(cache, concept[row], language[row], have, size, languages) | (
        have_swap != swap[want]
    )
    good = np.bincount(row, weights=bad, minlength=len(rows)) == 0
    swapped = np.bincount(row, weights=have_swap & cache["long"][have], minlength=len(rows))
    replaced = np.bincount(row, weights=~have_swap, minlength=len(rows))
    # the words in place: one only in the form's language; content words
    row, column = np.nonzero(equal & good[:, None])
    kept = own[row, column]
    native_only = ~_named(cache, concept[row], language[row], kept, size, languages, own=False)
    native = np.bincount(row, weights=native_only, minlength=len(rows))
    content = np.bincount(row, weights=~cache["stop"][kept], minlength=len(rows))
    result[rows] = good & (native >= 1) & ((replaced >= 1) | ((swapped >= 1) & (content >= 3)))
    return result
