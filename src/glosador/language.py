"""Which language a document, paragraph or passage is in.

Cheap evidence first: function words that belong to one language only. langdetect
(seeded, so results are deterministic, with the profiles of a few languages) is
called once per document and only for paragraphs that function words cannot
settle and that are long enough for it to be reliable (ten words or more).
Shorter undecided paragraphs take the language of the glossary terms they use,
else the document's.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain, repeat
from typing import Any

import numpy as np

__all__ = [
    "FUNCTION_WORDS",
    "WORD_ROW",
    "as_scores",
    "detect",
    "document_language",
    "function_word_language",
    "function_word_scores",
    "row_language",
    "row_score",
    "scores_language",
    "scores_of_rows",
    "segment_scores",
    "word_row",
]

#: function words that mark one language (words shared by two languages are left out)
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "es": frozenset(
        [
            "el",
            "los",
            "las",
            "del",
            "y",
            "que",
            "al",
            "una",
            "su",
            "sus",
            "lo",
            "más",
            "mas",
            "pero",
            "fue",
            "ha",
            "han",
            "está",
            "esta",
            "este",
            "estos",
            "también",
            "tambien",
            "cuando",
            "muy",
            "sin",
            "hasta",
            "donde",
            "quien",
            "desde",
            "durante",
            "ya",
            "según",
            "segun",
            "porque",
            "ni",
            "otros",
            "otras",
            "sido",
            "entre",
            "sobre",
            "hay",
            "había",
            "habia",
            "cual",
            "cuales",
            "ante",
            "tras",
            "aunque",
            "mientras",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "is",
            "that",
            "for",
            "it",
            "with",
            "as",
            "was",
            "on",
            "by",
            "at",
            "from",
            "his",
            "her",
            "are",
            "were",
            "this",
            "which",
            "be",
            "have",
            "has",
            "an",
            "they",
            "their",
            "not",
            "or",
            "had",
            "but",
            "its",
            "who",
            "been",
            "will",
            "would",
            "did",
            "our",
            "about",
            "we",
            "she",
            "there",
            "after",
            "into",
            "than",
            "these",
            "those",
            "what",
            "could",
            "should",
            "also",
            "you",
            "them",
            "because",
            "since",
            "until",
            "against",
            "between",
            "without",
            "where",
            "when",
            "how",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "les",
            "des",
            "et",
            "est",
            "une",
            "du",
            "au",
            "aux",
            "pour",
            "dans",
            "sur",
            "qui",
            "ne",
            "pas",
            "ce",
            "il",
            "elle",
            "sont",
            "avec",
            "plus",
            "ont",
            "été",
            "ete",
            "cette",
            "leur",
        ]
    ),
    "pt": frozenset(
        [
            "os",
            "do",
            "da",
            "dos",
            "das",
            "não",
            "nao",
            "uma",
            "com",
            "ao",
            "em",
            "um",
            "são",
            "sao",
            "foi",
            "pelo",
            "pela",
            "seu",
            "sua",
            "também",
            "mais",
            "já",
            "ja",
        ]
    ),
}
_PROFILES = ("es", "en", "fr", "pt", "it", "de", "ca")
MIN_WORDS_FOR_LANGDETECT = 10


_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in FUNCTION_WORDS.items():
    for _word in _words:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _lang)
_ALL_FUNCTION_WORDS = frozenset(_LANGUAGES_OF)


#: each function word's language, or its languages when it marks several
_LANGUAGE_KEY: dict[str, str | tuple[str, ...]] = {
    word: languages[0] if len(languages) == 1 else languages
    for word, languages in _LANGUAGES_OF.items()
}


def function_word_scores(tokens: Iterable[str]) -> Counter[str]:
    """How many function words of each language ``tokens`` (folded) hold."""
    scores: Counter[Any] = Counter(
        map(_LANGUAGE_KEY.__getitem__, filter(_ALL_FUNCTION_WORDS.__contains__, tokens))
    )
    shared = [key for key in scores if isinstance(key, tuple)]
    for key in shared:  # a word of two languages counts for both
        count = scores.pop(key)
        for lang in key:
            scores[lang] += count
    return scores


#: the languages function words mark, in a fixed order, and each function word's
#: column set: the languages it marks
_SCORED = tuple(sorted(FUNCTION_WORDS))
#: each function word's row in the counts (from 1; 0 is every other word)
WORD_ROW = {word: 1 + i for i, word in enumerate(sorted(_LANGUAGES_OF))}
#: each function word's columns in a row of counts: the languages it marks
_COLUMNS = {
    word: tuple(_SCORED.index(lang) for lang in languages)
    for word, languages in _LANGUAGES_OF.items()
}


def segment_scores(segments: Sequence[Sequence[str]]) -> tuple[list[list[int]], Counter[str]]:
    """The function words of every segment (token lists, folded), per language of
    ``scored`` (``as_scores`` makes a row ``function_word_scores``), and of them all,
    counted in one pass over the document rather than a ``Counter`` per segment."""
    lengths = np.fromiter(map(len, segments), dtype=np.int64, count=len(segments))
    rows = np.fromiter(
        map(WORD_ROW.get, chain.from_iterable(segments), repeat(0)),
        dtype=np.int64,
        count=int(lengths.sum()),
    )
    owner = np.repeat(np.arange(len(segments), dtype=np.int64), lengths)
    return scores_of_rows(rows, owner, len(segments))


def scores_of_rows(rows: Any, owner: Any, segments: int) -> tuple[list[list[int]], Counter[str]]:
    """``segment_scores`` from each token's ``WORD_ROW`` (0: not a function word) and
    the segment it is in (numpy integer arrays)."""
    words = len(WORD_ROW) + 1
    counts = np.bincount(owner * words + rows, minlength=segments * words)
    per_word = counts.reshape(segments, words)[:, 1:]
    scores = per_word @ _marks()
    return scores.tolist(), as_scores(scores.sum(axis=0).tolist())


def as_scores(row: Sequence[int]) -> Counter[str]:
    """A row of ``segment_scores`` as ``function_word_scores`` gives it."""
    return Counter({lang: n for lang, n in zip(_SCORED, row, strict=True) if n})


@lru_cache(maxsize=1)
def _marks() -> Any:
    """The languages each function word marks, as a 0/1 matrix (word row x language)."""
    marks = np.zeros((len(WORD_ROW), len(_SCORED)), dtype=np.int64)
    for word, row in WORD_ROW.items():
        for lang in _LANGUAGES_OF[word]:
            marks[row - 1, _SCORED.index(lang)] = 1
    return marks


def word_row(tokens: Iterable[str]) -> list[int]:
    """``function_word_scores`` of ``tokens`` as a row of ``segment_scores``."""
    row = [0] * len(_SCORED)
    for token in tokens:
        for column in _COLUMNS.get(token, ()):
            row[column] += 1
    return row


def row_score(row: Sequence[int], language: str | None) -> int:
    """How many function words of ``language`` a row of ``segment_scores`` counts."""
    return row[_SCORED.index(language)] if language in _SCORED else 0


def row_language(row: Sequence[int], *, minimum: int = 3, share: float = 0.7) -> str | None:
    """``scores_language`` of a row of ``segment_scores``, without making a ``Counter``."""
    total = sum(row)
    if total < minimum:
        return None
    top = max(row)
    return _SCORED[row.index(top)] if top >= share * total else None


def scores_language(scores: Counter[str], *, minimum: int = 3, share: float = 0.7) -> str | None:
    """The language of ``function_word_scores`` if it dominates: at least ``minimum``
    function words, ``share`` of them of that language."""
    total = sum(scores.values())
    if total < minimum:
        return None
    best, top = scores.most_common(1)[0]
    return best if top >= share * total else None


def function_word_language(
    tokens: Iterable[str], *, minimum: int = 3, share: float = 0.7
) -> str | None:
    """The language whose function words dominate ``tokens`` (folded), if clear."""
    return scores_language(function_word_scores(tokens), minimum=minimum, share=share)


@lru_cache(maxsize=1)
def _factory() -> Any:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    profiles = []
    for name in _PROFILES:
        with open(os.path.join(PROFILES_DIRECTORY, name), encoding="utf-8") as handle:
            profiles.append(handle.read())
    factory.load_json_profile(profiles)
    factory.set_seed(0)
    return factory


def detect(text: str) -> str | None:
    """langdetect's language for ``text`` (seeded), or ``None`` when it has no letters."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(text[:600])  # enough for a verdict; the cost grows with the length
    try:
        return str(detector.detect())
    except LangDetectException:
        return None


def document_language(
    paragraphs: Sequence[str],
    tokens: Sequence[str],
    scores: Counter[str] | None = None,
    words: int | None = None,
) -> str | None:
    """The document's language: langdetect on its prose, checked by function words
    (``scores`` and ``words``, when the caller has counted those of ``tokens`` and
    them)."""
    sample = " ".join(paragraphs)
    if len(sample) > 20000:  # the beginning, the middle and the end are enough
        third = len(sample) // 3
        sample = sample[:6000] + " " + sample[third : third + 6000] + " " + sample[-6000:]
    if scores is None:
        scores = function_word_scores(tokens)
    by_words = scores_language(scores, minimum=5)
    if (len(tokens) if words is None else words) < MIN_WORDS_FOR_LANGDETECT:
        return by_words
    if scores_language(scores, minimum=30, share=0.85):
        return by_words  # decisive: dozens of function words, nearly all of one language
    detected = detect(sample)
    if by_words and detected in ("es", "en") and detected != by_words:
        return by_words  # langdetect is unsure between es and en on name-heavy text
    return detected or by_words
