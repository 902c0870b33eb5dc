"""Finding glossary forms in text: one Aho-Corasick automaton over token codes.

Compiling a glossary gives every folded token of every form a code (a separator
and a few base-64 digits), and every form (and its regular plural or singular, see
``glosador.inflect``) a pattern: the string of its token codes. A segment is
folded, split into tokens and encoded in C-speed steps (``str.translate``,
``re.findall``, ``map``), then one pass of the automaton reports every form
occurrence, whatever the glossary's size. The same pass reports *anchor* hits:
the rare words of each multi-word form, from which the fuzzy rules (GL101
mixed-rendering, GL108 near-miss) look for renderings that are not listed.

The compiled glossary is cached in memory per ``Glossary`` object and on disk by
the glossary's content fingerprint.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import itemgetter
from typing import Any, NamedTuple

import ahocorasick
import numpy as np

from glosador.candidates import FormTable, form_table
from glosador.inflect import name_singular, variants
from glosador.language import WORD_ROW
from glosador.model import Glossary, Term, TermType
from glosador.normalize import fold, lower_tokens, norm_tokens, split_folded_arrays

__all__ = [
    "STOPWORDS",
    "SWAPPABLE",
    "Anchors",
    "CompiledGlossary",
    "Form",
    "Hit",
    "Scan",
    "compile_glossary",
    "placement",
    "placement_key",
    "scan",
    "scan_all",
    "select_longest",
]

_SEP = "\x1f"  #: starts every token's code
_DIGITS = "".join(chr(c) for c in range(0x30, 0x70))  #: 64 code digits ("!" marks unknown words)
_WORD = re.compile(r"\w+")
#: tokens too common to anchor a fuzzy search
STOPWORDS = frozenset(
    [
        "de",
        "del",
        "la",
        "las",
        "el",
        "los",
        "y",
        "e",
        "o",
        "en",
        "por",
        "para",
        "a",
        "al",
        "con",
        "sin",
        "un",
        "una",
        "the",
        "of",
        "and",
        "for",
        "in",
        "on",
        "to",
        "at",
        "by",
        "an",
        "a",
        "from",
        "with",
    ]
)
#: function words a name may swap for one another besides ``STOPWORDS``: the other
#: prepositions ("Working Group against Arbitrary Detention", "Relatoría sobre")
SWAPPABLE = STOPWORDS | frozenset(
    [
        "against",
        "about",
        "under",
        "into",
        "over",
        "among",
        "between",
        "within",
        "toward",
        "towards",
        "or",
        "nor",
        "u",
        "ni",
        "sobre",
        "contra",
        "entre",
        "hacia",
        "hasta",
        "desde",
        "bajo",
        "ante",
        "tras",
        "segun",
    ]
)
_MAX_ANCHOR_FORMS = 48
_ANCHORS_PER_FORM = 4
_COMPILER_VERSION = "32"
#: A placement key packs, from the high bits down, a form's base token index (plus
#: ``ANCHOR_BIAS``: a base may be negative), its form index, whether it needs two
#: anchors, and its length in tokens. Sorting keys sorts by base, then form.
ANCHOR_SHIFT = 32  #: the base starts at this bit: a token index t adds ``t << ANCHOR_SHIFT``
ANCHOR_BIAS = 64  #: forms that anchor the fuzzy search are shorter than this
FORM_SHIFT = 7
FORM_MASK = (1 << (ANCHOR_SHIFT - FORM_SHIFT)) - 1
NEED_TWO = 1 << 6  #: the form is tried where two of its anchors stand in place
LENGTH_MASK = NEED_TWO - 1


class Form(NamedTuple):
    """A matchable written form: a term, or a regular inflection of it.

    A named tuple, not a dataclass: a 100,000-concept glossary has over half a million
    forms, and tuples unpickle from the compile cache several times faster.
    """

    term: int  #: index into ``CompiledGlossary.terms``
    tokens: tuple[str, ...]  #: folded tokens
    expected: tuple[str, ...]  #: lower-case tokens with accents, as the text should have them
    inflected: bool = False


class Hit(NamedTuple):
    """Forms found at tokens ``[start, end)`` of a segment (a tuple: made per match)."""

    start: int
    end: int
    forms: tuple[int, ...]


class Anchors(NamedTuple):
    """The anchor hits of a scanned text: for each, the index of its (last) token in
    the text's codes and how many placements it makes; ``keys`` holds them all, anchor
    after anchor, each a placement key less ``token index << ANCHOR_SHIFT`` (see
    ``placement``), which places its form relative to the anchor."""

    keys: list[int]
    tokens: list[int]
    counts: list[int]


@dataclass(slots=True)
class Scan:
    """A segment's tokens (folded, with offsets), its form hits and anchor hits (not
    frozen only because a frozen dataclass is several times slower to make, and a
    document makes one per paragraph; nothing changes one once made)."""

    text: str
    tokens: list[str]
    starts: list[int]
    ends: list[int]
    hits: list[Hit]
    #: the anchor hits of the text this segment was scanned with (see ``codes``)
    anchors: Anchors = field(compare=False, repr=False)
    #: the token codes of the text this segment was scanned with (its document's, the
    #: segments joined by a barrier word), and the index of its first token there
    codes: str = field(default="", compare=False, repr=False)
    first: int = field(default=0, compare=False)


class CompiledGlossary:
    """Everything the checker needs from a glossary, precomputed once."""

    def __init__(self, glossary: Glossary) -> None:
        self.terms: list[Term] = []
        self.term_concept: list[str] = []
        #: each concept's terms: ``terms[start:end]``
        self.concept_range: dict[str, tuple[int, int]] = {}
        for concept in glossary:
            start = len(self.terms)
            for term in concept.all_terms():
                self.terms.append(term)
                self.term_concept.append(concept.id)
            self.concept_range[concept.id] = (start, len(self.terms))
        self.forms: list[Form] = []
        self.proper: list[bool] = []  # per term: a proper name (capitalised in the glossary)
        # one object per distinct word and word tuple: the compile cache stores each once
        # (and loads a third faster), and equal words compare by identity
        shared: dict[Any, Any] = {}

        def one(words: tuple[str, ...]) -> tuple[str, ...]:
            found: tuple[str, ...] = shared.setdefault(
                words, tuple(shared.setdefault(w, w) for w in words)
            )
            return found

        for index, term in enumerate(self.terms):
            written = _written_tokens(term)
            self.proper.append(any(t[:1].isupper() for t in written) or term.case_sensitive)
            tokens = one(norm_tokens(term.term))
            if not tokens:
                continue
            expected = one(lower_tokens(term.term))
            self.forms.append(Form(index, tokens, expected))
            inflectable = term.type in (TermType.FULL_FORM, TermType.SHORT_FORM, TermType.VARIANT)
            if inflectable and not self.proper[index] and len(expected) == len(tokens):
                for variant in variants(expected, term.language):
                    folded = one(tuple(t for v in variant for t in norm_tokens(v)))
                    if len(folded) == len(tokens) and folded != tokens:
                        self.forms.append(Form(index, folded, one(variant), inflected=True))
        shared.clear()  # a million entries at 100k concepts: not kept through the build
        #: the concept of each form
        self.form_concept: list[str] = [self.term_concept[f.term] for f in self.forms]
        #: each form's language
        self.form_language: list[str] = [self.terms[f.term].language for f in self.forms]
        #: per language, the words the names of *other* languages use (acronyms left
        #: out): a cheap first test of a word taken from another language (GL101)
        by_language: dict[str, set[str]] = {}
        for form, language in zip(self.forms, self.form_language, strict=True):
            if self.terms[form.term].type is not TermType.ACRONYM:
                by_language.setdefault(language, set()).update(form.tokens)
        self.other_words: dict[str, frozenset[str]] = {
            language: frozenset().union(
                *(w for other, w in by_language.items() if other != language)
            )
            for language in by_language
        }
        self.vocab: dict[str, str] = {}
        numbers = self._build_automaton()
        #: the forms packed for the vectorised first test of fuzzy placements
        self.form_table: FormTable = form_table(self, numbers)

    def _assign_codes(self) -> dict[str, int]:
        """Give every glossary token a code: a separator and ``width`` base-64 digits.

        A small alphabet keeps every automaton node's fan-out at most 64 (a node with
        one child per glossary word makes pyahocorasick crawl), and the fixed width
        makes a match's end offset give its token index by one division.
        """
        # function words too, so that their codes count them for the paragraph's language;
        # and the singular of a name's plural last word, which GL108 looks for
        words = sorted(
            {t for form in self.forms for t in form.tokens}
            | WORD_ROW.keys()
            | {s for s in map(self.last_singular, range(len(self.forms))) if s}
        )
        width = 1
        while len(_DIGITS) ** width <= len(words) + 1:
            width += 1
        self.code_width = width
        self.oov = _SEP + "!" * width
        for number, word in enumerate(words, start=1):
            digits = []
            for _ in range(width):
                number, digit = divmod(number, len(_DIGITS))
                digits.append(_DIGITS[digit])
            self.vocab[word] = _SEP + "".join(reversed(digits))
        numbers = {word: number for number, word in enumerate(words, start=1)}
        #: per word number, its row in ``glosador.language.WORD_ROW`` (0: none)
        self.function_rows = array("i", [0, *(WORD_ROW.get(w, 0) for w in words)]).tobytes()
        return numbers

    def _build_automaton(self) -> dict[str, int]:
        """Build the automaton; returns the word numbers the codes write."""
        numbers = self._assign_codes()
        vocab = self.vocab
        patterns: dict[str, tuple[list[int], list[tuple[int, int, bool]]]] = {}
        for index, form in enumerate(self.forms):
            key = "".join(vocab[t] for t in form.tokens)
            patterns.setdefault(key, ([], []))[0].append(index)
        # anchors: the rarest words and word pairs of each multi-word full form. A word
        # (or pair) in more than _MAX_ANCHOR_FORMS forms anchors nothing, so one place
        # in the text never sends the fuzzy rules to more than that many forms; pairs
        # keep names made of common words ("National Electoral Council") findable. A
        # fuzzy span keeps most of its form's words, so a few anchors are enough.
        fuzzy_forms = [
            (index, form)
            for index, form in enumerate(self.forms)
            if 2 <= len(form.tokens) <= LENGTH_MASK
            and not form.inflected
            and _fuzzy_worthy(self.terms[form.term])
        ]
        frequency: Counter[tuple[str, ...]] = Counter()
        for _, form in fuzzy_forms:
            frequency.update(set(_anchor_candidates(form.tokens)))
        chosen = [
            _disjoint(
                sorted(
                    (frequency[words], len(words), last, words)
                    for words, last in _anchor_candidates(form.tokens).items()
                    # the whole form anchors nothing: only its exact match would place
                    # it ("Amnistía Internacional" as a pair left "Amnistía International"
                    # unfound)
                    if frequency[words] <= _MAX_ANCHOR_FORMS and len(words) < len(form.tokens)
                )
            )
            for _, form in fuzzy_forms
        ]
        _add_triples(fuzzy_forms, chosen)
        for (index, form), ranked in zip(fuzzy_forms, chosen, strict=True):
            # disjoint anchors: one word replaced, added or dropped removes at most one
            # of them, so a form with three or more anchors can ask for two
            need_two = len(form.tokens) > 3 and len(ranked) >= 3
            for last, words in ranked:
                key = "".join(vocab[w] for w in words)
                patterns.setdefault(key, ([], []))[1].append((index, last, need_two))
        del fuzzy_forms, frequency, chosen
        automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
        has_patterns = bool(patterns)
        while patterns:  # popped as added: the automaton's copy replaces each entry
            key, (forms, anchors) = patterns.popitem()
            # an anchor hit at token t places its form at base t - position: the key
            # is this value plus ``t << ANCHOR_SHIFT``
            placements = tuple(
                placement_key(form, -position, len(self.forms[form].tokens), need_two)
                for form, position, need_two in anchors
            )
            length = len(self.forms[forms[0]].tokens) if forms else 0
            automaton.add_word(key, (tuple(forms), placements, length))
        if has_patterns:
            automaton.make_automaton()
        self.automaton: Any = automaton
        self.has_patterns = has_patterns
        return numbers

    def __getstate__(self) -> dict[str, Any]:
        # the terms are the glossary's own objects: compile_glossary puts them back;
        # the checker's look-up caches (``_*_cache``) are rebuilt on use
        state = {k: v for k, v in self.__dict__.items() if not k.endswith("_cache")}
        state["terms"] = []
        state["forms"] = [tuple(form) for form in self.forms]  # plain tuples load faster
        # a dict of 100,000 tuples unpickles in ~0.13 s, its keys and one array in ~0.01
        ranges = state.pop("concept_range")
        state["concept_ids"] = list(ranges)
        state["concept_bounds"] = array("i", (end for _, end in ranges.values())).tobytes()
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        new = tuple.__new__
        state["forms"] = [new(Form, form) for form in state["forms"]]
        ends = array("i")
        ends.frombytes(state.pop("concept_bounds"))
        starts = [0, *ends[:-1]] if ends else []
        bounds = zip(starts, ends, strict=True)
        state["concept_range"] = dict(zip(state.pop("concept_ids"), bounds, strict=True))
        self.__dict__.update(state)

    def case_tokens(self, term: int) -> tuple[str, ...]:
        """A term's tokens as the glossary writes them (cased, accented), made on first
        use: a glossary's terms are far more than the ones a document names."""
        cache: dict[int, tuple[str, ...]] = self.__dict__.setdefault("_case_tokens_cache", {})
        found = cache.get(term)
        if found is None:
            found = cache[term] = _written_tokens(self.terms[term])
        return found

    def last_singular(self, form: int) -> str | None:
        """The singular of a proper form's plural last word, for GL108 (see
        ``glosador.inflect.name_singular``): names of three words or more only."""
        tokens = self.forms[form].tokens
        if len(tokens) < 3 or not self.proper[self.forms[form].term]:
            return None
        return name_singular(tokens[-1], self.form_language[form])

    def concept_forms(self, concept_id: str) -> range:
        """The indices of a concept's forms (they are contiguous, in term order)."""
        start, end = self.concept_range.get(concept_id, (0, 0))
        term = itemgetter(0)
        return range(
            bisect_left(self.forms, start, key=term), bisect_left(self.forms, end, key=term)
        )

    def concept_of_form(self, form: int) -> str:
        return self.term_concept[self.forms[form].term]

    def term_of_form(self, form: int) -> Term:
        return self.terms[self.forms[form].term]


def _written_tokens(term: Term) -> tuple[str, ...]:
    return tuple(_WORD.findall(term.term.replace("_", " ")))


def _fuzzy_worthy(term: Term) -> bool:
    """Whether a form is looked for mixed (GL101) or one word off (GL108): full forms,
    and short forms of three content words or more, which newsrooms use as names in
    their own right ("Fact-Finding Mission on Venezuela", "UN Human Rights Office");
    a shorter one ("Comisión de la Verdad") is too generic to say a name is off."""
    if term.is_full:
        return True
    return term.type is TermType.SHORT_FORM and len(_content_words(term)) >= 3


def _content_words(term: Term) -> list[str]:
    return [t for t in norm_tokens(term.term) if t not in STOPWORDS]


def _anchor_candidates(tokens: tuple[str, ...]) -> dict[tuple[str, ...], int]:
    """A form's content words and adjacent word pairs, each with its last token's position."""
    found: dict[tuple[str, ...], int] = {}
    for position, token in enumerate(tokens):
        if token not in STOPWORDS and not token.isdigit():
            found.setdefault((token,), position)
        if position and not (token in STOPWORDS and tokens[position - 1] in STOPWORDS):
            found.setdefault((tokens[position - 1], token), position)
    return found


def _triples(tokens: tuple[str, ...]) -> dict[tuple[str, ...], int]:
    """A form's runs of three words holding a content word, with their last positions."""
    return {
        tokens[i - 2 : i + 1]: i
        for i in range(2, len(tokens))
        if any(t not in STOPWORDS for t in tokens[i - 2 : i + 1])
    }


def _add_triples(
    fuzzy_forms: list[tuple[int, Form]], chosen: list[list[tuple[int, tuple[str, ...]]]]
) -> None:
    """Anchor the forms left without any on their rarest runs of three words.

    In a large glossary every word and pair of a name can be common ("Court of Peace
    and Reconciliation of Rodo", with Rodo in sixty names); three words in a row are
    rarer. Only such forms get them, so they cost one pass over the others' triples.
    """
    bare = [i for i, ranked in enumerate(chosen) if not ranked]
    if not bare:
        return
    wanted = {t for i in bare for t in _triples(fuzzy_forms[i][1].tokens)}
    frequency: Counter[tuple[str, ...]] = Counter()
    for _, form in fuzzy_forms:
        frequency.update(t for t in _triples(form.tokens) if t in wanted)
    for i in bare:
        chosen[i] = _disjoint(
            sorted(
                (frequency[words], len(words), last, words)
                for words, last in _triples(fuzzy_forms[i][1].tokens).items()
                if frequency[words] <= _MAX_ANCHOR_FORMS
                and len(words) < len(fuzzy_forms[i][1].tokens)
            )
        )


def _disjoint(
    ranked: list[tuple[int, int, int, tuple[str, ...]]],
) -> list[tuple[int, tuple[str, ...]]]:
    """The first anchors of ``ranked`` (rarest first) that share no word of the form.

    Two anchors found at their places are then always two or more distinct words in
    place ("of Rodo" and "Rodo" would count one word twice).
    """
    chosen: list[tuple[int, tuple[str, ...]]] = []
    used: set[int] = set()
    for _, _, last, words in ranked:
        positions = set(range(last - len(words) + 1, last + 1))
        if positions & used:
            continue
        used |= positions
        chosen.append((last, words))
        if len(chosen) == _ANCHORS_PER_FORM:
            break
    return chosen


def compile_glossary(glossary: Glossary) -> CompiledGlossary:
    """The compiled glossary, from memory, the disk cache, or built now."""
    cached: CompiledGlossary | None = getattr(glossary, "_compiled", None)
    if cached is not None:
        return cached
    from glosador.glossary import cache_key, cache_read, cache_write, gc_paused

    # the function words have codes too: a new list makes a new automaton
    words = " ".join(sorted(WORD_ROW))
    key = cache_key(_COMPILER_VERSION, words, glossary.fingerprint) if glossary.fingerprint else ""
    with gc_paused():
        compiled = cache_read("compiled", key) if key else None
        # every term, in ``Concept.all_terms`` order (no generator per concept: ~0.1 s
        # of a cached load at 100,000 concepts)
        terms = list(chain.from_iterable(chain.from_iterable(c.terms.values() for c in glossary)))
        if not isinstance(compiled, CompiledGlossary) or len(compiled.term_concept) != len(terms):
            compiled = CompiledGlossary(glossary)
            if key:
                cache_write("compiled", key, compiled)
        else:
            compiled.terms = terms  # the cache leaves them out: they are the glossary's
    glossary._compiled = compiled  # type: ignore[attr-defined]
    return compiled


#: joins the segments of a document for one pass: a word no glossary has, so it is a
#: token that matches nothing and no match runs from one segment into the next (thorns,
#: which Windows-1252 writes, so the joined text still folds as bytes)
_BARRIER = " \xfe\xfe\xfe "


def scan(compiled: CompiledGlossary, text: str) -> Scan:
    """Tokens of ``text`` and every form and anchor hit in it."""
    return scan_all(compiled, [text])[0]


def scan_all(compiled: CompiledGlossary, texts: Sequence[str]) -> list[Scan]:
    """``scan`` of every text, in one pass of folding, splitting and matching."""
    if len(texts) != 1 and _BARRIER.strip() in compiled.vocab:
        return [scan_all(compiled, [text])[0] for text in texts]
    joined = _BARRIER.join(texts)
    tokens, starts, ends = split_folded_arrays(fold(joined))
    # each text's first character in ``joined`` and its first token
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + len(_BARRIER)
    offsets: list[int] = (np.cumsum(lengths) - lengths).tolist()
    firsts: list[int] = np.searchsorted(starts, offsets).tolist()
    lasts = [*(first - 1 for first in firsts[1:]), len(tokens)]  # before each barrier
    hits: list[list[Hit]] = [[] for _ in texts]
    anchors = Anchors([], [], [])
    codes = ""
    if tokens and compiled.has_patterns:
        codes = "".join(map(compiled.vocab.get, tokens, repeat(compiled.oov)))
        step = compiled.code_width + 1
        keys, at, counts = anchors
        segment, first, last = 0, firsts[0], lasts[0]
        new = tuple.__new__
        for end_char, (forms, placements, length) in compiled.automaton.iter(codes):
            end = end_char // step  # the index of the match's last token
            if placements:
                keys.extend(placements)
                at.append(end)
                counts.append(len(placements))
            if forms:
                while end >= last:
                    segment += 1
                    first, last = firsts[segment], lasts[segment]
                end -= first
                hits[segment].append(new(Hit, (end - length + 1, end + 1, forms)))
    scans = []
    for i, text in enumerate(texts):
        first, last, offset = firsts[i], lasts[i], offsets[i]
        scans.append(
            Scan(
                text,
                tokens[first:last],
                (starts[first:last] - offset).tolist(),
                (ends[first:last] - offset).tolist(),
                hits[i],
                anchors,
                codes,
                first,
            )
        )
    return scans


def placement_key(form: int, base: int, length: int, need_two: bool) -> int:
    """The placement key of ``form`` at token ``base`` (see ``ANCHOR_SHIFT``)."""
    return (
        ((base + ANCHOR_BIAS) << ANCHOR_SHIFT)
        | (form << FORM_SHIFT)
        | (NEED_TWO if need_two else 0)
        | length
    )


def placement(key: int) -> tuple[int, int]:
    """The form and base token index of an anchor placement key."""
    return (key >> FORM_SHIFT) & FORM_MASK, (key >> ANCHOR_SHIFT) - ANCHOR_BIAS


def select_longest(spans: Sequence[tuple[int, int]]) -> list[int]:
    """Indices of non-overlapping spans, longest first, then leftmost."""
    order = sorted(range(len(spans)), key=lambda i: (-(spans[i][1] - spans[i][0]), spans[i][0]))
    taken: list[tuple[int, int]] = []
    chosen: list[int] = []
    for i in order:
        start, end = spans[i]
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            chosen.append(i)
    return sorted(chosen, key=lambda i: spans[i][0])
