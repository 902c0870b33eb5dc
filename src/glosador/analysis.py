"""What a document says about the glossary: occurrences, glosses, languages, fuzzy spans.

``analyse(document, compiled, glossary, lang)`` turns segments into the facts the
article rules (``glosador.rules.article``) judge:

- ``Occurrence``: a listed form found in the text, with the concept it names (or
  the candidates, when a form is shared and the document cannot tell), how well
  it matched (exact, accents wrong, case wrong), its role (a rendering, or the
  gloss of one) and the language expected at its place;
- ``Fuzzy``: a span that is no listed form but is built from one concept's forms
  (mixed languages: GL101) or one interior word away from a form (GL108);
- per segment, the paragraph language; the document language.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence, Set
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from operator import add, ne, sub
from typing import Any

import numpy as np
import numpy.typing as npt

from glosador.candidates import placements, promising, token_ids
from glosador.countries import COUNTRIES, is_country, named_in
from glosador.extract import Document, Segment
from glosador.language import (
    MIN_WORDS_FOR_LANGDETECT,
    detect,
    document_language,
    function_word_language,
    function_word_scores,
    row_language,
    row_score,
    scores_language,
    scores_of_rows,
    segment_scores,
    word_row,
)
from glosador.matcher import (
    ANCHOR_BIAS,
    ANCHOR_SHIFT,
    FORM_MASK,
    FORM_SHIFT,
    LENGTH_MASK,
    NEED_TWO,
    STOPWORDS,
    SWAPPABLE,
    CompiledGlossary,
    Hit,
    Scan,
    scan_all,
    select_longest,
)
from glosador.model import Concept, Glossary, Term, TermType
from glosador.normalize import has_accents, lower_tokens, norm_tokens, strip_accents

__all__ = [
    "Analysis",
    "Fuzzy",
    "Occurrence",
    "analyse",
    "headline",
    "language_label",
    "name_before",
    "quoted_span",
    "sentence_initial",
    "verbatim",
]

#: a sentence ending between two words of a span
_SENTENCE_END = re.compile(r"[.!?;](?=\s)")
_HARD_PUNCT = re.compile(r"[()\[\]{}.;:!?¿¡“”\"«»„|/\\]|—|–| - ")
_MIN_WORDS_FOR_QUOTE = 6  #: a quotation this long without telling function words
#: a quotation: ten characters or more between quote marks, across the line breaks of a
#: hard-wrapped paragraph but never a blank line
_QUOTED = re.compile(r"[“\"«]((?:[^“”\"«»\n]|\n(?![ \t\r]*\n)){10,})[”\"»]")
_QUOTE_MARKS = '“"«'


def _has_quote_mark(text: str) -> bool:
    """Whether ``text`` holds one of ``_QUOTE_MARKS`` (three ``in`` tests beat a regex
    character class several times over a paragraph)."""
    return any(mark in text for mark in _QUOTE_MARKS)


#: words that may stand in a gloss besides the rendering: "(EAAF in Spanish)",
#: "(CPI, por sus siglas en inglés)", "(known as ...)"
#: words before a name in parentheses that relate another body to the one named
#: before them, where a gloss would name the same body again: "(formerly the ...)",
#: "(successor to the ...)", "(antes Mesa de la Unidad Democrática)"
_RELATION_WORDS = frozenset(
    [
        "formerly",
        "former",
        "previously",
        "successor",
        "predecessor",
        "replaced",
        "replacing",
        "renamed",
        "now",
        "later",
        "antes",
        "anteriormente",
        "antigua",
        "antiguo",
        "sucesora",
        "sucesor",
        "heredera",
        "heredero",
        "predecesora",
        "predecesor",
        "ahora",
        "hoy",
        "luego",
    ]
)
_GLOSS_FILLER = frozenset(
    [
        "in",
        "en",
        "spanish",
        "english",
        "espanol",
        "ingles",
        "castellano",
        "por",
        "sus",
        "siglas",
        "su",
        "sigla",
        "for",
        "its",
        "acronym",
        "initials",
        "known",
        "as",
        "conocido",
        "conocida",
        "como",
        "the",
        "el",
        "la",
        "los",
        "las",
        "or",
        "o",
        "by",
        "also",
        "tambien",
    ]
)


@dataclass(slots=True)
class Occurrence:
    """A listed form of a concept found in the text."""

    segment: int
    tok_start: int
    tok_end: int
    start: int  #: character offsets in the segment
    end: int
    forms: tuple[int, ...]  #: candidate forms (one per concept after choosing)
    concepts: tuple[str, ...]  #: candidate concepts; one when resolved
    form: int  #: the form chosen for the first candidate concept
    quality: str = "exact"  #: "exact", "accents" or "case"
    role: str = "main"  #: "main" or "gloss"
    parent: int | None = None  #: for a gloss: the occurrence it glosses
    glosses: list[int] = field(default_factory=list)
    gloss_end: int = -1  #: for a main with a parenthetical gloss: offset after ")"
    context: str | None = None  #: the language expected here (paragraph or passage)
    #: the whole quotation is this rendering ("the banner read “Liberen a los presos
    #: políticos”", "uses the term “forced disappearance”"): a mention, not a choice
    quoted: bool = False
    #: part of the name of a place ("Avenida Naciones Unidas", "United Nations
    #: Avenue"): the place's name, which is not translated
    in_place_name: bool = False
    #: the language a parenthesis right after it says the name is in: "Abuelas de
    #: Plaza de Mayo (in Spanish)" is deliberately left in Spanish
    labelled: str | None = None
    #: inside a quotation: someone's words, which the writer does not choose
    in_quotation: bool = False
    #: in italics, where foreign words and titles are set: named, not used
    in_italics: bool = False
    #: a one-word name missing its accent that opens a sentence: in Spanish the
    #: word may be a verb ("Sumate a la marcha"), in English it is the name
    maybe_verb: bool = False
    #: named as what others call it ("sometimes called Penal Forum", "known abroad
    #: as", "el llamado", "as some outlets call it"): a mention, not a choice
    called: bool = False
    #: another country is named right beside this shared name ("In Chile, the Supreme
    #: Court"): a body none of its readings is, so it is not resolved to one
    foreign: bool = False

    @property
    def resolved(self) -> bool:
        return len(self.concepts) == 1


@dataclass(frozen=True, slots=True)
class Fuzzy:
    """A span that is not a listed form: mixed languages (GL101) or a near miss (GL108)."""

    kind: str  #: "mixed" or "near"
    segment: int
    tok_start: int
    tok_end: int
    start: int
    end: int
    concept: str
    form: int  #: the form it was compared with
    role: str = "main"
    context: str | None = None
    parent: int | None = None  #: for a gloss: the occurrence it glosses
    #: other concepts the span mixes the forms of (a name shared by two countries'
    #: courts), until the document tells which it is
    alternatives: tuple[str, ...] = ()
    #: a near miss with a content word changed for a related one ("Libertad" for
    #: "Liberación"): a slip only where the document also names the concept as listed
    unsure: bool = False

    def concepts(self) -> tuple[str, ...]:
        return (self.concept, *self.alternatives)


@dataclass
class Analysis:
    document: Document
    compiled: CompiledGlossary
    glossary: Glossary
    language: str | None
    segment_languages: list[str | None]
    scans: list[Scan]
    occurrences: list[Occurrence]
    fuzzy: list[Fuzzy]
    #: per segment: quoted passages in another language (filled on demand)
    passages: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)

    def concept(self, concept_id: str) -> Concept:
        return self.glossary[concept_id]

    def term(self, occurrence: Occurrence, concept_id: str | None = None) -> Term:
        form = self._form_for(occurrence, concept_id)
        return self.compiled.term_of_form(form)

    def _form_for(self, occurrence: Occurrence, concept_id: str | None) -> int:
        if concept_id is None:
            return occurrence.form
        for form in occurrence.forms:
            if self.compiled.concept_of_form(form) == concept_id:
                return form
        return occurrence.form

    def text(self, segment: int, start: int, end: int) -> str:
        return self.scans[segment].text[start:end]

    def longer_name(self, occurrence: Occurrence) -> str | None:
        """Whether a capitalised occurrence is part of a longer capitalised name that is
        not listed: "adjacent" when a word of it stands right beside ("Asociación Madres
        de Plaza de Mayo", "Madres de Plaza de Mayo Línea Fundadora"), "linked" across a
        title's small words ("Protocol against the Smuggling of Migrants"). The other
        name's words are not a rendering of the concept."""
        if self.text(occurrence.segment, occurrence.start, occurrence.end)[:1].isupper():
            return _in_longer_name(self, occurrence)
        # a lower-case term inside a title written in sentence case: "el Protocolo contra
        # el tráfico ilícito de migrantes por tierra, mar y aire"
        if _in_a_titled_document(self.scans[occurrence.segment], occurrence.tok_start):
            return "linked"
        return None

    def glosses_unlisted(self, occurrence: Occurrence) -> bool:
        """Whether the occurrence stands in the parenthesis after a capitalised name that
        is not listed: that name's gloss ("the Public Prosecutor's Office for Crimes
        against Humanity (Procuraduría de Crímenes contra la Humanidad)")."""
        return _glosses_unlisted(self, occurrence)


# -- validating what the automaton found ------------------------------------------


def _case_quality(
    compiled: CompiledGlossary,
    form: int,
    written: Sequence[str],
    caps: bool = False,
    shouting: bool | None = None,
    initial: bool = True,
) -> str | None:
    """'exact', 'case' (GL105) or None (not a rendering: ordinary words).

    ``caps``: the whole segment is in capitals (a heading), where an acronym cannot
    be told from a word ("UN AÑO": "un", not the UN). ``shouting``: the written words
    are in capitals (computed from ``written`` when not given). ``initial``: the
    words start a sentence ("An official said": the word, not the acronym AN).
    """
    term_index = compiled.forms[form].term
    term = compiled.terms[term_index]
    if caps and term.case_sensitive:
        return None
    expected = compiled.case_tokens(term_index)
    if shouting is None:
        shouting = all(w.isupper() or not w.isalpha() for w in written) and any(
            w.isalpha() for w in written
        )
    if term.case_sensitive:
        if tuple(written) == expected:
            return "exact"
        if shouting and not term.term.isupper() and len(written) > 1:
            return "exact"  # a name in capitals for emphasis; one word is an acronym
            # miswritten ("PROVEA" for "Provea") unless its line is in capitals
        if all(w.islower() for w in written if w.isalpha()):
            return None  # "an" is a word, not the acronym AN
        letters = sum(len(w) for w in written)
        title = all(w[:1].isupper() and w[1:].islower() for w in written)
        if title and (letters < 3 or (letters == 3 and initial)):
            return None  # "An" starting a sentence, "Cc:"; "la Onu" is the UN miswritten
        return "case"
    if compiled.proper[term_index] and not shouting:
        capitals = [i for i, w in enumerate(expected) if w[:1].isupper()]
        if capitals and not any(i < len(written) and written[i][:1].isupper() for i in capitals):
            return None  # "memory, justice and democracy": ordinary prose, not the name
    return "exact"


def _accents(compiled: CompiledGlossary, form: int, text: str) -> str | None:
    """ "exact", "accents" (GL104: accents missing) or None (another word: the text
    writes accents where the form has none or others, as "publicó" for "público")."""
    info = compiled.forms[form]
    if text.isascii() and all(word.isascii() for word in info.expected):
        return "exact"  # the same letters (the automaton said so) and no accents anywhere
    got = lower_tokens(text)
    if got == info.expected or len(got) != len(info.expected):
        return "exact"  # or tokenisation differs (combining marks): do not guess
    quality = "exact"
    for have, want in zip(got, info.expected, strict=True):
        if have == want:
            continue
        if info.inflected and (has_accents(have) or not has_accents(want)):
            continue  # inflection may move accents: only a bare form is reported
        if _verb_form(have, want):
            return None
        quality = "accents"
    return quality


def _verb_form(have: str, want: str) -> bool:
    """Whether ``have`` is another word than ``want`` told by its accent: a Spanish verb
    form stressed on its last vowel ("publicó", "limité") where the name has the
    accent elsewhere ("público", "límite") or none. An accent on another vowel is a
    misspelling of the name ("Polícia" for "Policía")."""
    if not have[-1:] or have[-1] == strip_accents(have[-1]):
        return False
    if strip_accents(have[:-1]) != have[:-1]:
        return False  # accents before the last letter too
    return want[-1:] == strip_accents(want[-1:])


# -- the analysis --------------------------------------------------------------------


def analyse(
    document: Document,
    compiled: CompiledGlossary,
    glossary: Glossary,
    lang: str | None = None,
) -> Analysis:
    scans = scan_all(compiled, [segment.text for segment in document.segments])
    ids = _token_ids(compiled, scans)
    scores, document_scores = _function_word_scores(compiled, scans, ids)
    if lang:
        doc_language: str | None = lang
    else:
        doc_language = document_language(
            [s.text for s in scans[:200]],
            (),
            document_scores,
            sum(len(s.tokens) for s in scans),
        )
    found = [_occurrences(compiled, s, index) for index, s in enumerate(scans)]
    occurrences = list(chain.from_iterable(found))
    fuzzy: list[Fuzzy] = []
    for index, placed in sorted(_placed(compiled, scans, found, ids=ids).items()):
        fuzzy.extend(_fuzzy(compiled, scans[index], index, found[index], placed))
    occurrences = _without_given_names(scans, occurrences)
    occurrences = _without_other_countries_bodies(compiled, glossary, scans, occurrences)
    occurrences = _without_acronyms_defined_otherwise(compiled, scans, occurrences)
    if fuzzy:
        fuzzy = _without_other_countries_near_misses(compiled, glossary, scans, fuzzy)
        fuzzy = _with_named_evidence(scans, occurrences, fuzzy)
    wanted = {o.segment for o in occurrences} | {f.segment for f in fuzzy}
    languages = _segment_languages(
        scans,
        [o for o in occurrences if not o.maybe_verb],
        compiled,
        doc_language,
        wanted,
        [s.quotes for s in document.segments],
        scores,
        _listed_lines(document.segments) if wanted else frozenset(),
    )
    occurrences = _without_imperatives(
        scans, occurrences, languages, [s.quotes for s in document.segments]
    )
    analysis = Analysis(
        document, compiled, glossary, doc_language, languages, scans, occurrences, fuzzy
    )
    _mark_quoted(analysis)
    _link_glosses(analysis)
    _near_glosses(analysis)
    _short_before_own_acronym(analysis)
    _other_language_tails(analysis)
    _pair_table_cells(analysis)
    _resolve_ambiguity(analysis)
    _assign_context(analysis)
    return analysis


_RANK = {"exact": 0, "case": 1, "accents": 2}


def _occurrences(compiled: CompiledGlossary, segment_scan: Scan, index: int) -> list[Occurrence]:
    """The valid hits of a segment, longest first, none overlapping another.

    Hits are taken longest first and validated (case, accents) only when nothing
    taken so far overlaps them, so the forms inside a long name cost nothing.
    """
    hits = segment_scan.hits
    if not hits:
        return []
    text, starts, ends = segment_scan.text, segment_scan.starts, segment_scan.ends
    caps: bool | None = _ASCII_LOWER.search(text) is None and not any(map(str.islower, text))
    if not caps and headline(text):
        caps = None  # a headline in title case: a capitalised word may be any word
    taken = [False] * len(segment_scan.tokens)
    chosen: list[Occurrence] = []
    memo = _memo(compiled, "_validate_cache")
    sensitive_of = _memo(compiled, "_sensitive_cache")
    acronyms_only = _memo(compiled, "_acronyms_only_cache")
    slashed = "/" in text
    underscored = "_" in text
    comma = "," in text
    for hit in sorted(hits, key=_longest_first) if len(hits) > 1 else hits:
        if any(taken[hit.start : hit.end]):
            continue
        only = acronyms_only.get(hit.forms)
        if only is None:
            only = acronyms_only[hit.forms] = _only_cased_forms(compiled, hit.forms)
        if only and text[starts[hit.start] : ends[hit.end - 1]].islower():
            continue  # "sin", "del", "con": words, not the acronyms SIN, DEL, CON
        if slashed and _in_a_symbol(text, starts[hit.start], ends[hit.end - 1]):
            continue  # "OEA/Ser.L/V/II", "A/HRC/61": a document symbol, not a name
        if only and _numbered(text, ends[hit.end - 1]):
            continue  # "ICC-02/18", "CNE-2024-017": a case or document number
        if starts[hit.start] and text[starts[hit.start] - 1] in "@#":
            continue  # "@CIDH", "#CIDH": an account or a hashtag, written as it is
        if underscored and _in_an_identifier(text, starts[hit.start], ends[hit.end - 1]):
            continue  # "Comision_de_la_Verdad_1993.pdf": a file name, not prose
        if comma and _comma_not_in_form(compiled, text, starts, ends, hit):
            continue  # "migrant, trafficking and family cases": two words of a list
        occurrence = _validate(compiled, text, starts, ends, hit, index, caps, memo, sensitive_of)
        if occurrence is not None:
            taken[hit.start : hit.end] = [True] * (hit.end - hit.start)
            chosen.append(occurrence)
    if len(chosen) > 1:
        chosen.sort(key=lambda o: o.tok_start)
    return chosen


def _only_cased_forms(compiled: CompiledGlossary, forms: tuple[int, ...]) -> bool:
    """Whether every form is a case-sensitive term not in lower case, which a word in
    lower case never is (``_verdict`` drops each such form for it)."""
    terms = compiled.terms
    return all(
        terms[compiled.forms[f].term].case_sensitive
        and not terms[compiled.forms[f].term].term.islower()
        for f in forms
    )


def _in_an_identifier(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is joined by underscores to its words or to the
    words around it: a file name or an identifier ("Nunca_Mas_tomo4.pdf"); not an
    underscore of plain-text emphasis ("_Comisión de la Verdad_")."""
    return (
        "_" in text[start:end]
        or (text[start - 1 : start] == "_" and text[start - 2 : start - 1].isalnum())
        or (text[end : end + 1] == "_" and text[end + 1 : end + 2].isalnum())
    )


def _comma_not_in_form(
    compiled: CompiledGlossary, text: str, starts: list[int], ends: list[int], hit: Hit
) -> bool:
    """Whether a comma stands between two words of a hit whose forms have none: the
    words belong to a list ("migrant, trafficking and family cases"), not to one name
    ("Memoria, Verdad y Justicia" has its commas)."""
    if hit.end - hit.start < 2 or "," not in text[starts[hit.start] : ends[hit.end - 1]]:
        return False
    terms, forms = compiled.terms, compiled.forms
    return not any("," in terms[forms[f].term].term for f in hit.forms)


def _numbered(text: str, end: int) -> bool:
    """Whether an acronym ending at ``end`` is joined by a hyphen to a number: the
    prefix of a case or document number ("ICC-02/18", "CIDH-1234")."""
    return text[end : end + 1] in ("-", "\u2011") and text[end + 1 : end + 2].isdigit()


def _in_a_symbol(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is joined by a slash to the next or previous word."""
    return (text[end : end + 1] == "/" and text[end + 1 : end + 2].isalnum()) or (
        start > 1 and text[start - 1] == "/" and text[start - 2].isalnum()
    )


_HEADLINE_SHARE = 0.8  #: of a headline's longer words, how many are capitalised


def headline(text: str) -> bool:
    """Whether a short segment is in title case: "Families' Bid to Free Venezuela's
    Prisoners Draws on Lessons From Managua"."""
    if len(text) > 200:
        return False
    words = [w for w in _WORDS.findall(text) if len(w) > 3]
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) >= 3 and capitalised >= _HEADLINE_SHARE * len(words)


_WORDS = re.compile(r"[^\W\d_]+")
#: letters no English or Spanish word has: no vowel ("Sntp"), or three consonants in a
#: row none of which joins a cluster ("Cicpc", "Dgcim"; not "Sample", "Lunch")
_NO_WORD = re.compile(r"^[^aeiouyáéíóúü]+$|[bcdfgjkmpqvxz]{3}")


def _no_word(word: str) -> bool:
    """Whether a word's letters are no English or Spanish word's: an acronym written
    in title case ("Families Ask Cicpc for Answers"), not a word ("Bid", "Clap")."""
    return _NO_WORD.search(word.lower()) is not None


_ASCII_LOWER = re.compile("[a-z]")  #: a lower-case letter found without a loop


def _longest_first(hit: Hit) -> tuple[int, int]:
    return hit.start - hit.end, hit.start


_MEMO_SIZE = 100_000  #: entries a look-up cache holds before it starts afresh


def _memo(compiled: CompiledGlossary, name: str) -> dict[Any, Any]:
    """A look-up cache kept with the compiled glossary (bounded: emptied when full)."""
    memo: dict[Any, Any] = compiled.__dict__.setdefault(name, {})
    if len(memo) > _MEMO_SIZE:
        memo.clear()
    return memo


#: a hit's verdict: the chosen forms, their concepts and the quality (None: prose);
#: and, when a case-sensitive form is only in the wrong case, the candidates left
#: for ``_within_a_name`` to judge at each place
_Verdict = tuple[
    tuple[tuple[int, ...], tuple[str, ...], str] | None, tuple[tuple[int, int, str, bool], ...]
]


def _validate(
    compiled: CompiledGlossary,
    text: str,
    starts: list[int],
    ends: list[int],
    hit: Hit,
    index: int,
    caps: bool | None,
    memo: dict[Any, Any],
    sensitive_of: dict[tuple[int, ...], bool],
) -> Occurrence | None:
    """The occurrence a hit is, with its best forms, or ``None`` when it is ordinary prose.

    The verdict depends only on the forms, the words as written, whether the segment
    is in capitals and whether the words start a sentence, so it is cached by them
    (a name is written the same way again and again); only the test of a wrongly
    cased acronym against the name around it is made at each place.
    """
    start, end = starts[hit.start], ends[hit.end - 1]
    span = text[start:end]
    forms = hit.forms
    if caps is False and span.isupper() and not _has_lower(_line_of(text, start, end)):
        caps = True  # a heading in capitals at the head of a plain-text block
    sensitive = sensitive_of.get(forms)
    if sensitive is None:
        sensitive = sensitive_of[forms] = any(
            compiled.terms[compiled.forms[f].term].case_sensitive for f in forms
        )
    # whether the words start a sentence tells an acronym from a word ("An official")
    # and a one-word name from an ordinary word capitalised there ("Sumate a la marcha")
    key = (
        forms,
        span,
        caps,
        (sensitive or hit.end - hit.start == 1) and sentence_initial(text, start),
    )
    verdict: _Verdict | None = memo.get(key)
    if verdict is None:
        written = [
            span[s - start : e - start]
            for s, e in zip(starts[hit.start : hit.end], ends[hit.start : hit.end], strict=True)
        ]
        verdict = memo[key] = _verdict(compiled, forms, span, written, caps, key[3])
    result, pending = verdict
    if pending:
        in_name = _within_a_name(text, starts, ends, hit)
        good = [
            (rank, form, quality)
            for rank, form, quality, named in pending
            if not (named and in_name)
        ]
        result = _best(compiled, good)
    if result is None:
        return None
    best, concepts, quality = result
    occurrence = Occurrence(index, hit.start, hit.end, start, end, best, concepts, best[0], quality)
    if (
        quality == "accents"
        and key[3]
        and hit.end - hit.start == 1
        and compiled.proper[compiled.forms[best[0]].term]
    ):
        # "Sumate a la marcha": maybe the verb, capitalised to open a sentence; the
        # paragraph's language decides (``_without_imperatives``)
        occurrence.maybe_verb = True
    return occurrence


def _line_of(text: str, start: int, end: int) -> str:
    """The line of ``text`` that holds ``[start, end)``."""
    line_end = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : line_end if line_end >= 0 else len(text)]


def _has_lower(text: str) -> bool:
    return any(c.islower() for c in text)


def _verdict(
    compiled: CompiledGlossary,
    forms: tuple[int, ...],
    span: str,
    written: list[str],
    caps: bool | None,
    initial: bool,
) -> _Verdict:
    lower = span.islower()
    shouting = not lower and span.isupper()
    stop = _SENTENCE_END.search(span)
    good: list[tuple[int, int, str, bool]] = []  # (rank, form, quality, unless in a name)
    for form in forms:
        term = compiled.terms[compiled.forms[form].term]
        if lower and term.case_sensitive and not term.term.islower():
            continue  # "con" is a word, not the acronym CON
        if stop is not None and stop.group()[0] not in term.term:
            continue  # "won the election. Fraud ...": two sentences, not "election fraud"
        quality = _case_quality(
            compiled, form, written, bool(caps), shouting, initial or not term.case_sensitive
        )
        if (
            quality == "case"
            and caps is None
            and all(w[:1].isupper() for w in written)
            and not all(map(_no_word, written))
        ):
            continue  # "Families' Bid to Free ...": a headline's word, not the acronym BID
        if quality is None:
            continue
        # "Dina Boluarte", "Fundación de Mera": a name, not DINA or MERA
        named = (
            quality == "case"
            and term.case_sensitive
            # in a headline every word is capitalised: a word no word is, is no name
            and not (caps is None and all(map(_no_word, written)))
        )
        if quality == "exact":
            quality = _accents(compiled, form, span)
            if quality is None:
                continue  # "el Ministerio publicó": another word, written with its accent
        elif not span.isascii() and has_accents(span) and not has_accents(term.term):
            continue  # "Más información": a word with its accent, not the acronym MAS
        good.append((_RANK[quality], form, quality, named))
    if any(named for *_, named in good):
        return None, tuple(good)
    return _best(compiled, [(rank, form, quality) for rank, form, quality, _ in good]), ()


def _best(
    compiled: CompiledGlossary, good: list[tuple[int, int, str]]
) -> tuple[tuple[int, ...], tuple[str, ...], str] | None:
    """The forms of the best quality, their concepts and that quality."""
    if not good:
        return None
    good.sort(key=lambda g: g[0])
    best_rank = good[0][0]
    forms = tuple(f for r, f, _ in good if r == best_rank)
    concepts = tuple(dict.fromkeys(compiled.concept_of_form(f) for f in forms))
    return forms, concepts, good[0][2]


def _without_imperatives(
    scans: list[Scan],
    occurrences: list[Occurrence],
    languages: Sequence[str | None],
    quotes: Sequence[Sequence[tuple[int, int]]],
) -> list[Occurrence]:
    """Drop a one-word name missing its accent that opens a sentence where it may be
    a Spanish verb: "Sumate a la marcha" ("join the march") is not the organisation
    Súmate, while "Sumate said the count was incomplete" in English names it."""
    if not any(o.maybe_verb for o in occurrences):
        return occurrences
    return [
        o
        for o in occurrences
        if not o.maybe_verb or _names_here(scans[o.segment], o, languages, quotes)
    ]


_CLAUSE_END = re.compile(r"[,.;:!?()\[\]\u2014\u2013\n]")


def _names_here(
    segment_scan: Scan,
    occurrence: Occurrence,
    languages: Sequence[str | None],
    quotes: Sequence[Sequence[tuple[int, int]]],
) -> bool:
    """Whether a sentence-opening word that may be a verb is the name: only in English.

    Inside a quotation the quotation's function words decide, and without any it is
    the quoted words (a slogan: "Sumate a la marcha"); elsewhere the function words
    of the clause it opens decide ("Sumate a la marcha, it read": the verb), else the
    paragraph's language ("Sumate said the count was incomplete": the name)."""
    text = segment_scan.text
    marked = quotes[occurrence.segment] if occurrence.segment < len(quotes) else ()
    for start, end in _quotation_spans(text, marked):
        if start <= occurrence.start < end:
            words = norm_tokens(text[occurrence.end : end])
            return function_word_language(words, minimum=1, share=0.6) == "en"
    stop = _CLAUSE_END.search(text, occurrence.end)
    clause = norm_tokens(text[occurrence.end : stop.start() if stop else len(text)])
    language = function_word_language(clause, minimum=1, share=0.6)
    return (language or languages[occurrence.segment]) == "en"


def _without_given_names(scans: list[Scan], occurrences: list[Occurrence]) -> list[Occurrence]:
    """Drop an acronym in the wrong case that the document uses as a person's first
    name, and whose body it never names: "Dina, como la llaman" where it also writes
    "Dina Boluarte" (not DINA, unless "Dirección de Inteligencia Nacional" is named)."""
    named = {o.concepts[0] for o in occurrences if o.resolved and o.tok_end - o.tok_start > 1}
    doubtful = [
        o
        for o in occurrences
        if o.quality == "case"
        and o.tok_end - o.tok_start == 1
        and _title_word(scans, o)
        and not named.intersection(o.concepts)
        and not _no_word(scans[o.segment].text[o.start : o.end])  # no one is called Dgcim
    ]
    if not doubtful:
        return occurrences
    names = {scans[o.segment].text[o.start : o.end] for o in doubtful}
    pattern = re.compile(
        r"\b(" + "|".join(map(re.escape, sorted(names))) + r")[ \u00a0]+[^\W\d_]", re.UNICODE
    )
    given = {
        match.group(1)
        for segment_scan in scans
        for match in pattern.finditer(segment_scan.text)
        if segment_scan.text[match.end() - 1].isupper()
    }
    if not given:
        return occurrences
    return [
        o
        for o in occurrences
        if not (o in doubtful and scans[o.segment].text[o.start : o.end] in given)
    ]


#: how far from a name a country named says whose body it is: "in Chile, the Corte
#: Suprema", "Chile's Supreme Court" (before); "la Corte Suprema de Chile", "la
#: Corte Suprema chilena" (after)
_COUNTRY_BEFORE, _COUNTRY_AFTER = 3, 2


def _without_other_countries_bodies(
    compiled: CompiledGlossary,
    glossary: Glossary,
    scans: list[Scan],
    occurrences: list[Occurrence],
) -> list[Occurrence]:
    """Set apart a name of some countries' bodies when another country is named right
    beside it: "in Chile, the Corte Suprema" is Chile's court, not the Colombian one
    the glossary lists. A name only one country's body is listed under is dropped (the
    glossary does not have the body, so nothing can be said of it); a name several
    countries share is kept ``foreign``, left unresolved, so that only what holds for
    every listed reading is said of it (its gloss naming another kind of body). A
    body's country is its term's ``context``, else its concept's subject's
    parenthesis ("institution (Mexico)"). Names with no country are kept, and so are
    common terms ("estado de excepción" in Honduras is the same legal notion)."""
    kept = []
    owners = _owners_memo(compiled, glossary)
    for occurrence in occurrences:
        if occurrence.forms not in owners:
            owners[occurrence.forms] = _owners(compiled, glossary, occurrence.forms)
        countries = owners[occurrence.forms]
        if countries is not None and _other_country_beside(
            scans[occurrence.segment], occurrence, countries
        ):
            if occurrence.resolved:
                continue
            occurrence.foreign = True
        kept.append(occurrence)
    return kept


def _owners_memo(
    compiled: CompiledGlossary, glossary: Glossary
) -> dict[tuple[int, ...], frozenset[str] | None]:
    """``_owners`` of the forms seen so far, kept with the compiled glossary for
    ``glossary`` (the same name recurs in every document; bounded like ``_memo``)."""
    cached = compiled.__dict__.get("_owners_cache")
    if cached is None or cached[0] is not glossary or len(cached[1]) > _MEMO_SIZE:
        cached = compiled.__dict__["_owners_cache"] = (glossary, {})
    memo: dict[tuple[int, ...], frozenset[str] | None] = cached[1]
    return memo


def _owners(
    compiled: CompiledGlossary, glossary: Glossary, forms: tuple[int, ...]
) -> frozenset[str] | None:
    """The countries whose bodies ``forms`` name, or None when one of them is no
    proper name or names no country's body (then no country beside it matters)."""
    if not all(compiled.proper[compiled.forms[f].term] for f in forms):
        return None
    countries = {_country_of(compiled, glossary, f) for f in forms}
    if None in countries:
        return None
    return frozenset(c for c in countries if c is not None)


def _with_named_evidence(
    scans: list[Scan], occurrences: list[Occurrence], fuzzy: list[Fuzzy]
) -> list[Fuzzy]:
    """Keep a near miss with a related content word changed ("Comité por la Libertad
    de los Presos Políticos") only when the document names its concept as listed too:
    then it is that committee, misnamed; else it may be another body."""
    if not any(item.unsure for item in fuzzy):
        return fuzzy
    named = {o.concepts[0] for o in occurrences if o.resolved}
    ends = {(o.segment, o.end, c) for o in occurrences for c in o.concepts}
    return [
        item
        for item in fuzzy
        if not item.unsure
        or (item.concept in named and not _glosses_another_name(scans, ends, item))
    ]


def _glosses_another_name(scans: list[Scan], ends: set[tuple[int, int, str]], item: Fuzzy) -> bool:
    """Whether a span opens the parenthesis after a capitalised name that is no listed
    form of its concept: its gloss ("the Comité Pro Liberación de Presos Políticos
    (Committee for the Liberation of Political Prisoners)", Nicaragua's committee,
    not CLIPPVE)."""
    text = scans[item.segment].text
    before = text[: item.start].rstrip()
    if not before.endswith("("):
        return False
    name = before[:-1].rstrip()
    words = name.split()
    return (
        bool(words)
        and words[-1][:1].isupper()
        and (item.segment, len(name), item.concept) not in ends
    )


#: how far after a span not listed a country named makes it that country's body:
#: "la Comisión Nacional de Derechos Humanos de la República Dominicana"
_NEAR_COUNTRY_AFTER = 4


def _without_other_countries_near_misses(
    compiled: CompiledGlossary, glossary: Glossary, scans: list[Scan], fuzzy: list[Fuzzy]
) -> list[Fuzzy]:
    """Drop a span that is not listed (a near miss, a mixed rendering) of one country's
    body when another country is named right beside it: "la Comisión Nacional de
    Derechos Humanos de República Dominicana" is the Dominican body, not a near miss of
    Mexico's "Comisión Nacional de los Derechos Humanos"."""
    kept = []
    for item in fuzzy:
        # the countries of every reading: "Tribunal Supremo de Justicia" is Venezuela's
        # and Bolivia's
        countries = {
            _country_of(compiled, glossary, form)
            for concept_id in item.concepts()
            for form in compiled.concept_forms(concept_id)
        }
        if None not in countries and _other_country_beside(
            scans[item.segment], item, {c for c in countries if c}, _NEAR_COUNTRY_AFTER
        ):
            continue
        kept.append(item)
    return kept


_OWNER = re.compile(r"\(([^()]+)\)\s*$")


def _country_of(compiled: CompiledGlossary, glossary: Glossary, form: int) -> str | None:
    """The country whose body a form names, if the glossary says so."""
    term = compiled.term_of_form(form)
    if term.context:
        return term.context if is_country(term.context) else None
    concept = glossary.get(compiled.concept_of_form(form))
    owner = _OWNER.search(concept.subject or "") if concept is not None else None
    return owner.group(1).strip() if owner and is_country(owner.group(1).strip()) else None


def _other_country_beside(
    segment_scan: Scan,
    occurrence: Occurrence | Fuzzy,
    contexts: Set[str],
    after: int = _COUNTRY_AFTER,
) -> bool:
    """Whether a country other than ``contexts`` is named within a few words of the
    name (``after`` tokens after it), in its own sentence (the window stops at hard
    punctuation)."""
    tokens = segment_scan.tokens
    start = occurrence.tok_start
    while start > max(occurrence.tok_start - _COUNTRY_BEFORE, 0) and not _crosses_hard_punctuation(
        segment_scan, start - 1, start + 1
    ):
        start -= 1
    end = occurrence.tok_end
    while end < min(occurrence.tok_end + after, len(tokens)) and not (
        _crosses_hard_punctuation(segment_scan, end - 1, end + 1)
    ):
        end += 1
    near = set(tokens[start : occurrence.tok_start]) | set(tokens[occurrence.tok_end : end])
    if not near or any(named_in(c, near) for c in contexts):
        return False
    return any(named_in(country, near) for country in COUNTRIES)


def _without_acronyms_defined_otherwise(
    compiled: CompiledGlossary, scans: list[Scan], occurrences: list[Occurrence]
) -> list[Occurrence]:
    """Drop every occurrence of an acronym the document defines as something else:
    "the consumer price index (CPI) rose ... the CPI" is not the ICC's CPI. An acronym
    is defined where it stands in parentheses after words whose initials spell it
    and that are no listed name."""
    defined: set[str] = set()
    ends = {(o.segment, o.tok_end) for o in occurrences}
    for o in occurrences:
        if compiled.term_of_form(o.form).type is not TermType.ACRONYM:
            continue
        segment_scan = scans[o.segment]
        text = segment_scan.text
        if text[o.start - 1 : o.start] != "(" or text[o.end : o.end + 1] != ")":
            continue
        if (o.segment, o.tok_start) in ends:
            continue  # "Committee to Protect Journalists (CPJ)": a listed name's acronym
        acronym = segment_scan.tokens[o.tok_start]
        words = segment_scan.tokens[max(0, o.tok_start - 2 * len(acronym)) : o.tok_start]
        initials = "".join(w[0] for w in words if w not in _TITLE_LINKS)
        if len(acronym) >= 2 and initials.endswith(acronym):
            defined.add(text[o.start : o.end])
    if not defined:
        return occurrences
    return [o for o in occurrences if scans[o.segment].text[o.start : o.end] not in defined]


def _title_word(scans: list[Scan], occurrence: Occurrence) -> bool:
    word = scans[occurrence.segment].text[occurrence.start : occurrence.end]
    return word[:1].isupper() and word[1:].islower()


#: words inside a name that join its parts: "Fundación de Mera", "Office of the Rodo"
NAME_LINKS = frozenset(["de", "del", "la", "las", "los", "el", "of", "the"])
_SHORT_NAME_LINKS = NAME_LINKS | frozenset(
    ["y", "e", "and", "on", "for", "in", "para", "sobre", "en", "against", "contra", "a", "al"]
)
#: what joins two words of one name


def _spaced(gap: str) -> bool:
    """Whether two words are one space apart as written: a space, a no-break space,
    or the line break of a hard-wrapped paragraph (with its indentation), never a
    blank line."""
    return gap == " " or (
        gap.isspace() and gap.replace("\r\n", "\n").replace("\r", "\n").count("\n") <= 1
    )


def _joined(gap: str) -> bool:
    """Whether two words are joined as one name's are: one space apart or hyphened."""
    return gap == "-" or _spaced(gap)


#: what may stand before the first word of a sentence
_SENTENCE_OPENERS = frozenset('.!?:;"“«(¿¡—–-•*#>|')


def sentence_initial(text: str, start: int) -> bool:
    """Whether offset ``start`` begins a sentence (or the segment)."""
    before = text[max(0, start - 8) : start].rstrip()
    return not before or before[-1] in _SENTENCE_OPENERS


def _within_a_name(text: str, starts: list[int], ends: list[int], hit: Hit) -> bool:
    """Whether one capitalised word belongs to a longer capitalised name: "Dina Boluarte",
    "President Dina", "Foundation de Mera" (a first name, a place), not to a sentence
    whose first word merely has a capital ("Relatives of the Iachr")."""
    span = text[starts[hit.start] : ends[hit.end - 1]]
    if hit.end - hit.start != 1 or not (span[:1].isupper() and span[1:].islower()):
        return False
    after = hit.end
    if (
        after < len(starts)
        and _joined(text[ends[after - 1] : starts[after]])
        and text[starts[after]].isupper()
    ):
        return True  # "Dina Boluarte", "Pan-American Highway"
    k = hit.start - 1
    if (
        k >= 0
        and text[starts[k]].isupper()
        and _joined(text[ends[k] : starts[hit.start]])
        and text[starts[k] : ends[k]].lower() not in STOPWORDS
        and not (sentence_initial(text, starts[k]) and _no_word(span))
    ):
        return True  # "Jorge Mas", "President Dina" (not "The Indh"; not "Three Pdvsa
        # engineers": a word opening a sentence, then letters no name has)
    # "Foundation de Mera": link words, one space apart, back to a capitalised word
    while (
        k >= 0
        and text[starts[k] : ends[k]].lower() in NAME_LINKS
        and _spaced(text[ends[k] : starts[k + 1]])
    ):
        k -= 1
    return (
        0 <= k < hit.start - 1
        and _spaced(text[ends[k] : starts[k + 1]])
        and text[starts[k]].isupper()
        and not sentence_initial(text, starts[k])
    )


def _crosses_hard_punctuation(segment_scan: Scan, start: int, end: int) -> bool:
    text, starts, ends = segment_scan.text, segment_scan.starts, segment_scan.ends
    return any(_HARD_PUNCT.search(text[ends[k] : starts[k + 1]]) for k in range(start, end - 1))


def _capitalised(
    compiled: CompiledGlossary, segment_scan: Scan, start: int, end: int, form: int
) -> bool:
    """Whether the text capitalises a name's words as the form does (one may differ).

    "a UN panel of experts" is prose, not a misspelt "UN Panel of Electoral Experts";
    "memoria, justice and democracy" is not the slogan.
    """
    text = segment_scan.text
    written = [text[segment_scan.starts[k] : segment_scan.ends[k]] for k in range(start, end)]
    if all(w.isupper() or not w.isalpha() for w in written):
        return True  # an all-caps heading
    capitals = sum(1 for w in written if w[:1].isupper())
    expected = sum(1 for w in compiled.case_tokens(compiled.forms[form].term) if w[:1].isupper())
    return capitals >= 1 and capitals >= expected - 1


def _concept_vocab(compiled: CompiledGlossary, concept_id: str) -> dict[str, frozenset[str]]:
    """A concept's words per language, from its forms (acronyms left out; cached)."""
    cache: dict[str, dict[str, frozenset[str]]] = compiled.__dict__.setdefault("_vocab_cache", {})
    vocab = cache.get(concept_id)
    if vocab is None:
        words: dict[str, set[str]] = {}
        for index in compiled.concept_forms(concept_id):
            form = compiled.forms[index]
            term = compiled.terms[form.term]
            if term.type is not TermType.ACRONYM:
                words.setdefault(term.language, set()).update(form.tokens)
        vocab = {lang: frozenset(ws) for lang, ws in words.items()}
        cache[concept_id] = vocab
    return vocab


def _split_vocab(
    compiled: CompiledGlossary, concept_id: str, language: str
) -> tuple[frozenset[str], frozenset[str]]:
    """A concept's words only in other languages than ``language``, and only in it (cached)."""
    cache: dict[tuple[str, str], tuple[frozenset[str], frozenset[str]]] = (
        compiled.__dict__.setdefault("_split_cache", {})
    )
    found = cache.get((concept_id, language))
    if found is None:
        vocab = _concept_vocab(compiled, concept_id)
        own = vocab.get(language, frozenset())
        others = frozenset().union(*(ws for lang, ws in vocab.items() if lang != language))
        found = cache[(concept_id, language)] = (others - own, own - others)
    return found


_STEM, _ENDING = 6, 3  #: a word's stem shared, and the most letters of another ending


def _variant_spelling(have: str, want: str) -> bool:
    """Whether a word changed for another is a slip or a spelling of it: any function
    word for another ("of" for "on"), or a content word at most two letters away
    ("Defence", "Centre", "Organisation"), or another ending of the same stem of six
    letters or more ("Protection" for "Protected"). A content word changed for a different one
    names another body: "Tribunal Superior de Justicia", "Instituto Federal Electoral".
    """
    if have in SWAPPABLE or want in SWAPPABLE:
        return have in SWAPPABLE and want in SWAPPABLE
    stem = next(
        (i for i, (a, b) in enumerate(zip(have, want, strict=False)) if a != b),
        min(len(have), len(want)),
    )
    if stem >= _STEM and max(len(have), len(want)) - stem <= _ENDING:
        return True  # another ending of the same word: "Protection" for "Protected"
    if abs(len(have) - len(want)) > 2:
        return False
    previous = list(range(len(want) + 1))
    for i, a in enumerate(have, 1):
        current = [i]
        for j, b in enumerate(want, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1] <= (1 if min(len(have), len(want)) <= 4 else 2)


def _interior_edit(
    window: Sequence[str], form: Sequence[str], cognates: frozenset[str] = frozenset()
) -> tuple[int, int, bool, bool] | None:
    """Where ``window`` differs from ``form`` by one interior word added, dropped or changed.

    Two edits count as one when every word involved is a function word (a
    preposition changed with its article: "in Defense" for "for the Defense").
    Returns the window's ``[start, end)`` of the edited words, whether a content
    word was dropped, and whether a content word was changed for a related one (see
    ``_related_words``). A content word added is no slip: the longer name is another.
    A content word changed for a calque of a word of the name in the other language
    (``cognates``: "Memory" for "Remembrance", the Spanish name saying "Memoria")
    counts as related: another country's body is often named so ("Committee for the
    Liberation of Political Prisoners", Nicaragua's).
    """
    window, form = tuple(window), tuple(form)
    if not window or window == form or window[0] != form[0] or window[-1] != form[-1]:
        return None
    n, m = len(form), len(window)
    if m == n - 1:  # two words written as one: "Non Repetition" as "Nonrepetition"
        at = next((i for i in range(m) if window[i] != form[i]), m)
        if at < m and window[at] == form[at] + form[at + 1] and window[at + 1 :] == form[at + 2 :]:
            return (at, at + 1, False, False)
    if abs(n - m) > 2:
        return None
    # token Levenshtein with a backtrace, inner part only (first and last words match);
    # each of the form's words missing from the window costs an edit at least
    inner_w, inner_f = window[1:-1], form[1:-1]
    if len(set(inner_f).difference(inner_w)) > 2:
        return None
    rows, cols = len(inner_w) + 1, len(inner_f) + 1
    cost = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        cost[i][0] = i
    for j in range(cols):
        cost[0][j] = j
    for i in range(1, rows):
        for j in range(1, cols):
            same = inner_w[i - 1] == inner_f[j - 1]
            cost[i][j] = min(
                cost[i - 1][j] + 1, cost[i][j - 1] + 1, cost[i - 1][j - 1] + (0 if same else 1)
            )
    distance = cost[-1][-1]
    if distance == 0 or distance > 2:
        return None
    edited_w: list[int] = []
    edited_words: list[str] = []
    content = False  # a content word dropped
    related = False  # a content word changed for a related one
    i, j = rows - 1, cols - 1
    while i > 0 or j > 0:
        if i and j and cost[i][j] == cost[i - 1][j - 1] + (inner_w[i - 1] != inner_f[j - 1]):
            have, want = inner_w[i - 1], inner_f[j - 1]
            if have != want:
                if not _variant_spelling(have, want):
                    if related or not (_related_words(have, want) or _calque(have, cognates)):
                        return None  # "Superior" for "Supremo": another body, not a slip
                    related = True  # "Libertad" for "Liberación", "Memory" for
                    # "Remembrance" (the Spanish name says "Memoria"): perhaps
                edited_w.append(i)
                edited_words += [have, want]
            i, j = i - 1, j - 1
        elif i and cost[i][j] == cost[i - 1][j] + 1:
            if inner_w[i - 1] not in SWAPPABLE:
                return None  # a content word more names another office: "OAS Assistant
                # Secretary General", "Plataforma Regional de Coordinación ..."
            edited_w.append(i)
            edited_words.append(inner_w[i - 1])
            i -= 1
        else:
            edited_words.append(inner_f[j - 1])
            content = content or inner_f[j - 1] not in SWAPPABLE
            j -= 1
    if distance == 2 and not all(word in STOPWORDS for word in edited_words):
        return None
    if not edited_w:  # only words dropped: nothing of the window is edited
        return (1, 1, content, False)
    return (min(edited_w), max(edited_w) + 1, content, related)


_RELATED_PREFIX = 5  #: the letters two related words begin with alike


def _calque(word: str, cognates: frozenset[str]) -> bool:
    """Whether ``word`` begins as one of ``cognates`` does, five letters or more: a
    word-for-word rendering of the name's word in the other language ("memory" for
    the Spanish "memoria")."""
    if len(word) <= _RELATED_PREFIX:
        return False
    stem = word[:_RELATED_PREFIX]
    return any(len(c) > _RELATED_PREFIX and c[:_RELATED_PREFIX] == stem for c in cognates)


def _related_words(have: str, want: str) -> bool:
    """Whether two content words begin alike, five letters or more, as words of one
    family do ("Libertad", "Liberación"): a name with one changed for the other may be
    a slip, or another body ("Comité por la Libertad ..."); the document decides."""
    return have[:_RELATED_PREFIX] == want[:_RELATED_PREFIX] and min(len(have), len(want)) > 5


@dataclass(frozen=True, slots=True)
class _Placed:
    """A segment's fuzzy placements worth a look (keys, see ``placement_key``), sorted:
    by base, then form."""

    keys: list[int]
    strong_twos: set[int] = field(default_factory=set)  #: needing two anchors, and with them
    mixed_only: set[int] = field(default_factory=set)  #: needing two, with one: GL101 only


def _token_ids(compiled: CompiledGlossary, scans: list[Scan]) -> dict[int, npt.NDArray[np.int32]]:
    """The word numbers of the tokens of each code string the segments were scanned
    with (by its ``id``; one for a whole document, one per segment if a glossary word
    is the barrier between segments)."""
    result: dict[int, npt.NDArray[np.int32]] = {}
    for segment_scan in scans:
        key = id(segment_scan.codes)
        if key not in result:
            result[key] = token_ids(segment_scan.codes, compiled.code_width)
    return result


def _function_word_scores(
    compiled: CompiledGlossary, scans: list[Scan], ids: dict[int, npt.NDArray[np.int32]]
) -> tuple[list[list[int]], Counter[str]]:
    """``segment_scores`` of the segments, read from their token codes (every function
    word has one), or from their tokens when there are no codes."""
    if any(s.tokens and not s.codes for s in scans):
        return segment_scores([s.tokens for s in scans])
    rows_of = np.frombuffer(compiled.function_rows, dtype=np.int32)
    # barriers between segments belong to none: a last row, left out
    owner_of = {
        key: np.full(len(numbers), len(scans), dtype=np.int64) for key, numbers in ids.items()
    }
    for index, segment_scan in enumerate(scans):
        if segment_scan.tokens:
            first = segment_scan.first
            owner_of[id(segment_scan.codes)][first : first + len(segment_scan.tokens)] = index
    rows = [rows_of[numbers] for numbers in ids.values()]
    owners = list(owner_of.values())
    if not rows:
        return segment_scores([s.tokens for s in scans])
    per_segment, total = scores_of_rows(
        np.concatenate(rows).astype(np.int64), np.concatenate(owners), len(scans) + 1
    )
    return per_segment[:-1], total


def _placed(
    compiled: CompiledGlossary,
    scans: list[Scan],
    found: list[list[Occurrence]],
    screen: bool = True,
    ids: dict[int, npt.NDArray[np.int32]] | None = None,
) -> dict[int, _Placed]:
    """Each segment's placements that pass the first test (``glosador.candidates``;
    all of them without ``screen``); all of a document's are made and tested in one go."""
    groups: dict[int, list[int]] = {}  # segments scanned together share their anchors
    for index, segment_scan in enumerate(scans):
        if segment_scan.anchors.keys:
            groups.setdefault(id(segment_scan.anchors), []).append(index)
    ids = ids if ids is not None else _token_ids(compiled, scans)
    placed: dict[int, _Placed] = {}
    for members in groups.values():
        numbers = ids[id(scans[members[0]].codes)]
        placed.update(_placed_together(compiled, scans, found, members, screen, numbers))
    return placed


def _placed_together(
    compiled: CompiledGlossary,
    scans: list[Scan],
    found: list[list[Occurrence]],
    members: list[int],
    screen: bool,
    ids: npt.NDArray[np.int32],
) -> dict[int, _Placed]:
    firsts = [scans[index].first for index in members]
    covered = np.zeros(len(ids), dtype=np.int64)
    for first, index in zip(firsts, members, strict=True):
        for o in found[index]:
            covered[first + o.tok_start : first + o.tok_end] = o.tok_end - o.tok_start
    keys, segments, counts = placements(
        scans[members[0]].anchors,
        firsts,
        covered,
        anchor_shift=ANCHOR_SHIFT,
        length_mask=LENGTH_MASK,
    )
    twos = _two_anchor_sets(keys, segments, counts)
    passed = np.ones(len(keys), dtype=bool)
    if screen:
        passed = promising(
            compiled.form_table,
            compiled.__dict__.setdefault("_table_cache", {}),
            ids,
            keys,
            np.array(firsts, dtype=np.int64)[segments],
            anchor_shift=ANCHOR_SHIFT,
            anchor_bias=ANCHOR_BIAS,
            form_shift=FORM_SHIFT,
            form_mask=FORM_MASK,
            length_mask=LENGTH_MASK,
        )
    kept: dict[int, list[int]] = {}
    for key, segment in zip(keys[passed].tolist(), segments[passed].tolist(), strict=True):
        kept.setdefault(segment, []).append(key)
    placed: dict[int, _Placed] = {}
    for segment, segment_keys in kept.items():
        strong, mixed_only = twos.get(segment, (set(), set()))
        placed[members[segment]] = _Placed(segment_keys, strong, mixed_only)
    return placed


def _two_anchor_sets(keys: Any, segments: Any, counts: Any) -> dict[int, tuple[set[int], set[int]]]:
    """Per segment, its placements of forms that need two anchors: those two anchors
    placed (strong), and those one placed with no other placing the form at a base +-1
    (a near miss shifts the words after an added or dropped one), which are tried for
    GL101 only: a mixed rendering may replace half a name, anchors and all ("Free the
    Presos Políticos", "Consejo de Human Rights"). Such placements are few."""
    by_segment: dict[int, dict[int, int]] = {}
    for row in np.flatnonzero(keys & NEED_TWO).tolist():
        by_segment.setdefault(int(segments[row]), {})[int(keys[row])] = int(counts[row])
    one_base = 1 << ANCHOR_SHIFT
    result: dict[int, tuple[set[int], set[int]]] = {}
    for segment, twos in by_segment.items():
        strong = {key for key, count in twos.items() if count >= 2}
        weak = twos.keys() - strong
        shifted = weak.intersection(map(add, twos, repeat(one_base)))
        shifted |= weak.intersection(map(sub, twos, repeat(one_base)))
        result[segment] = (strong, weak - shifted)
    return result


def _fuzzy(
    compiled: CompiledGlossary,
    segment_scan: Scan,
    index: int,
    found: list[Occurrence],
    placed: _Placed,
) -> list[Fuzzy]:
    """The mixed (GL101) and near (GL108) renderings at a segment's placements (those
    ``_placed`` passed, or any superset of them)."""
    tokens = segment_scan.tokens
    count = len(tokens)
    strong_twos, mixed_only = placed.strong_twos, placed.mixed_only
    exact_spans = {(o.tok_start, o.tok_end) for o in found}
    listed: set[tuple[int, int]] | None = None  # spans of listed forms (for GL108)
    seen: set[tuple[int, int]] = set()  # mixed spans
    result: list[Fuzzy] = []
    near: dict[tuple[int, int], tuple[int, Fuzzy]] = {}
    forms, form_language, other_words = compiled.forms, compiled.form_language, compiled.other_words
    for key in placed.keys:
        n = key & LENGTH_MASK
        base = (key >> ANCHOR_SHIFT) - ANCHOR_BIAS
        strong = not key & NEED_TWO or key in strong_twos or key in mixed_only
        form_index = (key >> FORM_SHIFT) & FORM_MASK
        words = forms[form_index][1]
        end = base + n
        # GL101: the form's words, some replaced by the same concept's other-language
        # words; first, cheaply, every differing word must belong to another language
        if (
            strong
            and base >= 0
            and end <= count
            and (base, end) not in seen
            and (base, end) not in exact_spans
        ):
            window = tokens[base:end]
            if (
                other_words[form_language[form_index]].issuperset(
                    compress(window, map(ne, window, words))
                )
                and tuple(window) != words
                and _mixed(compiled, form_index, window)
                and not _crosses_hard_punctuation(segment_scan, base, end)
                and (
                    not compiled.proper[forms[form_index].term]
                    or _capitalised(compiled, segment_scan, base, end, form_index)
                )
            ):
                concept_id = compiled.form_concept[form_index]
                seen.add((base, end))
                start, stop = _whole_name(compiled, segment_scan, concept_id, base, end)
                result.append(
                    _make_fuzzy(
                        "mixed",
                        segment_scan,
                        index,
                        start,
                        stop,
                        concept_id,
                        form_index,
                        _sharing(compiled, form_index),
                    )
                )
                continue
        if n < 3 or key in mixed_only:
            continue
        here = tokens[base - 1 if base > 0 else 0 : base + 2]
        if words[0] not in here and words[0] + words[1] not in here:
            continue  # a near miss keeps the first word, or writes the first two as one
        if not compiled.proper[forms[form_index].term]:
            continue
        if listed is None:
            listed = {(h.start, h.end) for h in segment_scan.hits}
        concept_id = compiled.form_concept[form_index]
        language = form_language[form_index]
        foreign = _split_vocab(compiled, concept_id, language)[0]
        # GL108: one interior word added, dropped or changed
        singular = compiled.last_singular(form_index)
        for start, end, edit in _near_spans(tokens, words, base, foreign, singular):
            if (start, end) in seen or (start, end) in listed:  # a listed form of any concept
                continue
            span_words = tuple(tokens[start:end])
            if any(word in foreign for word in span_words[edit[0] : edit[1]]) or _mixed(
                compiled, form_index, span_words
            ):
                continue
            if _crosses_hard_punctuation(segment_scan, start, end):
                continue
            written = segment_scan.text[segment_scan.starts[start] : segment_scan.ends[end - 1]]
            if "," in written and "," not in compiled.terms[forms[form_index].term].term:
                continue  # "Supreme Court, Inter-American Commission, UN Human Rights": a list
            if not _capitalised(compiled, segment_scan, start, end, form_index):
                continue
            short = not compiled.terms[forms[form_index].term].is_full
            if (
                edit[2]
                and start > 0
                and tokens[start - 1] in foreign
                and tokens[start - 1] not in SWAPPABLE
                and segment_scan.text[segment_scan.starts[start - 1]].isupper()
            ):
                # the dropped word stands before the name, translated: "Venezuelan
                # Observatorio de Prisiones" mixes the two names (GL101), word order and all
                if (start - 1, end) not in seen and not _crosses_hard_punctuation(
                    segment_scan, start - 1, end
                ):
                    seen.add((start - 1, end))
                    result.append(
                        _make_fuzzy(
                            "mixed",
                            segment_scan,
                            index,
                            start - 1,
                            end,
                            concept_id,
                            form_index,
                            _sharing(compiled, form_index),
                        )
                    )
                continue
            if (
                edit[2]
                and start > 0
                and _swapped(segment_scan, start, end, words)
                and not any(s == start - 1 for s, _ in listed)
            ):
                # the dropped word stands just before: "Supremo Tribunal de Justicia"
                # swaps two words of "Tribunal Supremo de Justicia", reported whole;
                # unless the swap makes a listed name ("Corte Suprema de Justicia de la
                # Nación" is Argentina's court, not Mexico's Suprema Corte)
                start -= 1
                span_words = tuple(tokens[start:end])
                if (start, end) in seen or (start, end) in listed:
                    continue
            if (edit[2] or short) and _goes_on_as_a_name(
                compiled, segment_scan, end, concept_id, _SHORT_NAME_LINKS
            ):
                continue  # "Centro de Derechos Humanos de la Montaña": another body; a name
                # short of a content word, or a short form, goes on into a longer name by
                # any preposition or "and" ("National Commission on the Disappearance of
                # People", "Comisión para la Verdad y Acceso a la Justicia")
            if _ends_a_longer_name(segment_scan, start):
                continue  # "National Day of Memory for Truth and Justice": the end of
                # another name, not "Memory, Truth and Justice" one word off
            # several names may be one word off the same span: the closest wins, a
            # changed preposition being closer than a changed noun
            changed = (Counter(span_words) - Counter(words)) + (
                Counter(words) - Counter(span_words)
            )
            score = sum(n for word, n in changed.items() if word not in STOPWORDS)
            best = near.get((start, end))
            if best is None or score < best[0]:
                near[(start, end)] = (
                    score,
                    _make_fuzzy(
                        "near",
                        segment_scan,
                        index,
                        start,
                        end,
                        concept_id,
                        form_index,
                        _sharing(compiled, form_index),
                        unsure=edit[3],
                    ),
                )
    result.extend(candidate for span, (_, candidate) in sorted(near.items()) if span not in seen)
    if not result:
        return result
    # a fuzzy span must not cut an exact occurrence in two; it may swallow shorter ones
    kept = []
    for item in result:
        if any(
            o.tok_start < item.tok_end
            and item.tok_start < o.tok_end
            and not (
                item.tok_start <= o.tok_start
                and o.tok_end <= item.tok_end
                and (o.tok_end - o.tok_start) < (item.tok_end - item.tok_start)
            )
            for o in found
        ):
            continue
        kept.append(item)
    chosen = select_longest([(f.tok_start, f.tok_end) for f in kept])
    return [kept[i] for i in chosen]


def _swapped(segment_scan: Scan, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Whether the one word of ``words`` missing from tokens ``[start, end)`` stands
    right before them, capitalised, in the same clause: two words of the name swapped."""
    tokens = segment_scan.tokens
    dropped = Counter(words) - Counter(tokens[start:end])
    return (
        list(dropped.elements()) == [tokens[start - 1]]
        and segment_scan.text[segment_scan.starts[start - 1]].isupper()
        and not _crosses_hard_punctuation(segment_scan, start - 1, end)
    )


def _near_spans(
    tokens: list[str],
    words: tuple[str, ...],
    base: int,
    cognates: frozenset[str] = frozenset(),
    singular: str | None = None,
) -> Iterator[tuple[int, int, tuple[int, int, bool, bool]]]:
    """The spans at ``base`` +-1 one interior word away from ``words`` (GL108), each
    with its edit (see ``_interior_edit``), those whose first or last word is two of
    the form's written as one ("Interamerican Commission" for "Inter-American"), and,
    given the ``singular`` of the form's plural last word, the form with its last word
    in the singular ("Bolivarian National Armed Force")."""
    count, n = len(tokens), len(words)
    first, last = words[0], words[-1]
    for start in (base - 1, base, base + 1):
        if start < 0 or start >= count:
            continue
        end = start + n - 1
        if n > 2 and end <= count:
            span = tuple(tokens[start:end])
            if span[0] == first + words[1] and span[1:] == words[2:]:
                yield start, end, (0, 1, False, False)
            elif span[-1] == words[-2] + last and span[:-1] == words[:-2]:
                yield start, end, (n - 2, n - 1, False, False)
        if tokens[start] != first:
            continue
        end = start + n
        if (
            singular
            and end <= count
            and tokens[end - 1] == singular
            and tuple(tokens[start : end - 1]) == words[:-1]
        ):
            yield start, end, (n - 1, n, False, False)
        for length in (n - 1, n, n + 1):
            end = start + length
            if end > count or tokens[end - 1] != last:
                continue
            edit = _interior_edit(tokens[start:end], words, cognates)
            if edit is not None:
                yield start, end, edit


def _ends_a_longer_name(segment_scan: Scan, start: int) -> bool:
    """Whether the words before token ``start`` are a capitalised name joined to it by
    a preposition: "National Day of | Memory for Truth and Justice", "Comité de
    Familiares de | ...". The span is then the end of that name."""
    tokens, text = segment_scan.tokens, segment_scan.text
    starts, ends = segment_scan.starts, segment_scan.ends
    k = start - 1
    linked = False  # by "de", "del", "of", not only an article
    while k >= 0 and tokens[k] in NAME_LINKS and _spaced(text[ends[k] : starts[k + 1]]):
        linked = linked or tokens[k] not in _ARTICLES
        k -= 1
    return (
        linked
        and k >= 0
        and _spaced(text[ends[k] : starts[k + 1]])
        and text[starts[k]].isupper()
        and not sentence_initial(text, starts[k])
    )


def _goes_on_as_a_name(
    compiled: CompiledGlossary,
    segment_scan: Scan,
    end: int,
    concept_id: str,
    links: frozenset[str] | None = None,
) -> bool:
    """Whether the words after token ``end`` carry a name on: a capitalised word, maybe
    after "de", "del", "of the" ("Comisión de Derechos Humanos del Estado de Guerrero",
    "Instituto de Derechos Humanos Pedro Arrupe"), or an acronym in parentheses that
    is not the concept's ("Servicio de Inteligencia Nacional (SIN)"). A name a content
    word away from a listed one that goes on like this is another, longer name."""
    text, tokens = segment_scan.text, segment_scan.tokens
    starts, ends = segment_scan.starts, segment_scan.ends
    k = end
    links = links or NAME_LINKS
    while k < len(tokens) and tokens[k] in links and _spaced(text[ends[k - 1] : starts[k]]):
        k += 1
    if k >= len(tokens):
        return False
    between = text[ends[k - 1] : starts[k]]
    if _joined(between) and text[starts[k]].isupper():
        return True
    if between.strip() == "(" and text[starts[k] : ends[k]].isupper():
        acronyms = {
            compiled.forms[f].tokens
            for f in compiled.concept_forms(concept_id)
            if compiled.terms[compiled.forms[f].term].type is TermType.ACRONYM
        }
        return (tokens[k],) not in acronyms
    return False


def _whole_name(
    compiled: CompiledGlossary, segment_scan: Scan, concept_id: str, start: int, end: int
) -> tuple[int, int]:
    """A mixed span widened to the words around it that go on one of its concept's
    forms: "Special Prosecutor's Office contra la Impunidad" is mixed as the Spanish
    form's length from "s Office" on, but the name starts at "Special", the English
    form's first words (a fix of the shorter span would write the name twice)."""
    tokens = segment_scan.tokens
    left = right = 0
    for form_index in compiled.concept_forms(concept_id):
        words = compiled.forms[form_index].tokens
        for k in range(1, len(words)):
            if (
                k > left
                and k <= start
                and tokens[start] == words[k]
                and tuple(tokens[start - k : start]) == words[:k]
            ):
                left = k
            if (
                k > right
                and end + k <= len(tokens)
                and tokens[end - 1] == words[-k - 1]
                and tuple(tokens[end : end + k]) == words[-k:]
            ):
                right = k
    if (left or right) and _crosses_hard_punctuation(segment_scan, start - left, end + right):
        return start, end
    return start - left, end + right


def _sharing(compiled: CompiledGlossary, form_index: int) -> tuple[str, ...]:
    """The other concepts with a form written like this one ("Supreme Court of Justice"
    is Venezuela's court and Bolivia's; cached)."""
    cache: dict[int, tuple[str, ...]] = compiled.__dict__.setdefault("_sharing_cache", {})
    shared = cache.get(form_index)
    if shared is None:
        form = compiled.forms[form_index]
        found = compiled.automaton.get("".join(compiled.vocab[t] for t in form.tokens), None)
        others = dict.fromkeys(compiled.form_concept[f] for f in found[0]) if found else {}
        others.pop(compiled.form_concept[form_index], None)
        shared = cache[form_index] = tuple(others)
    return shared


#: one-letter function words that are evidence of their language in the other's name
_TELLING_LETTERS = frozenset(["y"])


def _mixed(compiled: CompiledGlossary, form_index: int, window: Sequence[str]) -> bool:
    """Whether ``window`` is a form with some words in another language of its concept."""
    form = compiled.forms[form_index].tokens
    if len(window) != len(form) or len(form) < 2:
        return False
    concept_id = compiled.form_concept[form_index]
    foreign, own_only = _split_vocab(compiled, concept_id, compiled.form_language[form_index])
    replaced = swapped = native = native_content = 0
    for have, want in zip(window, form, strict=True):
        if have == want:
            native += want in own_only
            native_content += want not in STOPWORDS
        elif have in foreign:
            function_word = have in SWAPPABLE
            if function_word != (want in SWAPPABLE):
                return False  # a translation swaps function words for function words only
            if function_word:
                # "a", "e", "o" say little ("a" is a word of both languages, and "e"
                # and "o" are what splitting "e-mail" or "O'Brien" leaves); "y" in a
                # name otherwise English says as much as "sobre" does
                swapped += len(have) > 1 or have in _TELLING_LETTERS
            else:
                replaced += 1
        else:
            return False
    # a function word of the other language is evidence enough inside a name that
    # otherwise stands whole: "Group of Human Rights Experts sobre Nicaragua"
    return native >= 1 and (replaced >= 1 or (swapped >= 1 and native_content >= 3))


def _make_fuzzy(
    kind: str,
    segment_scan: Scan,
    index: int,
    start: int,
    end: int,
    concept: str,
    form: int,
    alternatives: tuple[str, ...] = (),
    unsure: bool = False,
) -> Fuzzy:
    return Fuzzy(
        kind,
        index,
        start,
        end,
        segment_scan.starts[start],
        segment_scan.ends[end - 1],
        concept,
        form,
        alternatives=alternatives,
        unsure=unsure,
    )


# -- languages ------------------------------------------------------------------------


def _segment_languages(
    scans: list[Scan],
    occurrences: list[Occurrence],
    compiled: CompiledGlossary,
    doc_language: str | None,
    wanted: set[int] | None = None,
    quotes: Sequence[Sequence[tuple[int, int]]] = (),
    scored: Sequence[Sequence[int]] | None = None,
    listed: Set[int] = frozenset(),
) -> list[str | None]:
    """Each segment's language; only ``wanted`` segments (those naming a concept) are
    examined, the others take the document's. A quotation in another language does not
    make its paragraph that language: the words outside quotations decide when they
    can ("...: "Releases are welcome, but they are not a policy". La Unión Europea")."""
    by_segment: dict[int, dict[str, int]] = {}
    inside: dict[int, list[str]] = {}  # per segment: the words of its glossary names
    spans: dict[int, list[tuple[int, int]]] = {}  # and where they are
    for occurrence in occurrences:
        inside.setdefault(occurrence.segment, []).extend(
            scans[occurrence.segment].tokens[occurrence.tok_start : occurrence.tok_end]
        )
        spans.setdefault(occurrence.segment, []).append((occurrence.start, occurrence.end))
        term = compiled.term_of_form(occurrence.form)
        if term.type is TermType.ACRONYM or len(occurrence.forms) > 1:
            continue  # shared forms say nothing about the language
        used = by_segment.setdefault(occurrence.segment, {})
        used[term.language] = used.get(term.language, 0) + 1
    languages: list[str | None] = []
    for index, segment_scan in enumerate(scans):
        if wanted is not None and index not in wanted:
            languages.append(doc_language)
            continue
        if index in listed or _is_a_list(segment_scan.text):
            # a block of names, one a line (signatories, a contact block): each is written
            # as its body writes it, and the block has no language of its own
            languages.append(None)
            continue
        language = None
        marked = quotes[index] if index < len(quotes) else ()
        if marked or _has_quote_mark(segment_scan.text):
            language = _language_outside_quotations(segment_scan, marked)
        row = scored[index] if scored else word_row(segment_scan.tokens)
        if language is None and index in inside:
            # the words around its names say it first: a name's "of the" or "de los",
            # and the gloss of a name in the other language, are the name's
            names = word_row(inside[index])
            language = _settled([max(a - b, 0) for a, b in zip(row, names, strict=True)])
        language = language or _settled(row)
        if language is None and index in by_segment:  # the glossary terms it uses, if one-sided
            (top, count), *rest = [*Counter(by_segment[index]).most_common(2), ("", 0)]
            if count >= 2 and not rest[0][1]:
                language = top
        # the document's function words lead, or share the lead (a heading full of "de"
        # and "la", which other Romance languages use too): the document's language
        if (
            language is None
            and row_score(row, doc_language) >= 2
            and row_score(row, doc_language) == max(row)
        ):
            language = doc_language
        # langdetect needs ten words of prose: names (a heading, a list of bodies) do not count
        prose = len(segment_scan.tokens) - len(inside.get(index, ()))
        if language is None and prose >= MIN_WORDS_FOR_LANGDETECT:
            # on the prose alone: "Venezuela's Defensoría del Pueblo did not answer our
            # questions" is English, whatever language its name is in
            language = detect(_cut(segment_scan.text, spans.get(index, ())))
        # else the document's: one name alone (a table cell, a list item) does not make
        # a paragraph of its language, or no name could ever be untranslated there
        languages.append(language or doc_language)
    return languages


def _cut(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` without ``spans`` (each replaced by a space)."""
    if not spans:
        return text
    pieces, cursor = [], 0
    for start, end in sorted(spans):
        if start >= cursor:
            pieces.append(text[cursor:start])
            cursor = end
    pieces.append(text[cursor:])
    return " ".join(pieces)


def _settled(row: Sequence[int]) -> str | None:
    """The language function words (a row of ``segment_scores``) settle: three or more
    and most of one language, two of one language only, or a clear majority of eight
    or more."""
    return (
        row_language(row)
        or row_language(row, minimum=2, share=1.0)
        or row_language(row, minimum=8, share=0.6)
    )


_LIST_LINE_WORDS = 8  #: the most words of a typical line of a list block
#: a full stop, not an initial's ("Washington, D.C."), or a "!" or "?" ending a line
_LINE_END = re.compile(r"(?:(?<![\s.][A-Z])\.|[!?])\s*$")


def _is_a_list(text: str) -> bool:
    """Whether a plain-text block is a list: three lines or more, most of them short,
    none ending a sentence (signatories, a contact block, a list of bodies), where a
    hard-wrapped paragraph has long lines and ends with a full stop."""
    if text.count("\n") < 2:
        return False
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 3 or any(_LINE_END.search(line) for line in lines):
        return False
    return sorted(len(line.split()) for line in lines)[len(lines) // 2] <= _LIST_LINE_WORDS


def _listed_lines(segments: Sequence[Segment]) -> frozenset[int]:
    """The segments that are lines of a list block broken with ``<br>`` (a contact
    block, signatories): three lines or more in a row, most of them short, none
    ending a sentence, as ``_is_a_list`` asks of a plain-text block."""
    listed: set[int] = set()
    run: list[int] = []
    for index, segment in enumerate([*segments, None]):
        if segment is not None and segment.line:
            run.append(index)
            continue
        if len(run) >= 3 and _is_a_list("\n".join(segments[i].text for i in run)):
            listed.update(run)
        run = []
    return frozenset(listed)


def _passage_language(analysis: Analysis, segment: int, start: int) -> str | None:
    """The language of a quoted passage around ``start``, when it differs from the paragraph's."""
    for quote_start, quote_end, language in _passages(analysis, segment):
        if quote_start <= start < quote_end:
            return language
    return None


def _passages(analysis: Analysis, segment: int) -> list[tuple[int, int, str]]:
    """A segment's quoted passages in another language than its own (computed once)."""
    cache = analysis.passages
    found = cache.get(segment)
    if found is None:
        found = []
        text = analysis.scans[segment].text
        for start, end in _quotations(analysis, segment):
            words = norm_tokens(text[start:end])
            language = function_word_language(words, minimum=2)
            if language is None and len(words) >= _MIN_WORDS_FOR_QUOTE:
                language = detect(text[start:end])  # a short quotation: langdetect decides
            if language and language != analysis.segment_languages[segment]:
                found.append((start - 1, end + 1, language))  # with the quote marks
        for start, end, language in analysis.document.segments[segment].languages:
            if language != analysis.segment_languages[segment]:
                found.append((start, end, language))  # marked up: <span lang="es">
        if " / " in text:
            found.extend(
                half
                for half in _bilingual_halves(text) or _halves_naming_one_concept(analysis, segment)
                if half[2] != analysis.segment_languages[segment]
            )
        cache[segment] = found
    return found


_HALF_WORDS = 6  #: the fewest words of each half of a bilingual line


def _halves_naming_one_concept(analysis: Analysis, segment: int) -> list[tuple[int, int, str]]:
    """The two halves of a short line around a spaced slash that name one concept in
    two languages, each half in its name's language: a bilingual heading ("Ley de
    amnistía en Perú / Peru's amnesty law")."""
    halves = _slash_halves(analysis.scans[segment].text)
    if not halves:
        return []
    middle = halves[0][1]
    named: list[dict[str, str]] = [{}, {}]  # per half: concept -> language of its name
    for o in analysis.occurrences:
        if o.segment == segment and o.resolved:
            side = 0 if o.end <= middle else 1
            named[side][o.concepts[0]] = analysis.compiled.term_of_form(o.form).language
    for concept, language in named[0].items():
        other = named[1].get(concept)
        if other is not None and other != language:
            return [(*halves[0], language), (*halves[1], other)]
    return []


def _slash_halves(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of the two halves of a line around its one spaced slash; none
    when it has no such slash, or several (a list of alternatives)."""
    middle = text.find(" / ")
    if middle < 0 or text.find(" / ", middle + 1) >= 0:
        return []
    return [(0, middle), (middle + 3, len(text))]


def _bilingual_halves(text: str) -> list[tuple[int, int, str]]:
    """The two halves of a line written in two languages around a spaced slash, each
    with its language, when their function words say two different ones: "Nota del
    Sindicato ... / A note from the National Union ..." (a bilingual standfirst)."""
    halves = _slash_halves(text)
    if not halves:
        return []
    languages = []
    for start, end in halves:
        words = norm_tokens(text[start:end])
        language = function_word_language(words, minimum=2) if len(words) >= _HALF_WORDS else None
        if language is None:
            return []
        languages.append(language)
    if languages[0] == languages[1]:
        return []
    return [
        (start, end, language) for (start, end), language in zip(halves, languages, strict=True)
    ]


#: "[sic]", "(sic)": the words before it are as in the original, errors and all
_SIC = re.compile(r"[\[(]\s*sic\s*[\])]", re.IGNORECASE)
_SIC_RIGHT_AFTER = re.compile(r"[\s\"'»”’]*[\[(]\s*sic\s*[\])]", re.IGNORECASE)


def verbatim(analysis: Analysis, segment: int, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is marked as reproduced as written: "[sic]" right after
    it, or later in the quotation holding it («... los presos politicos [sic]»), or
    right after that quotation closes. An editor does not correct it."""
    text = analysis.scans[segment].text
    if "sic" not in text and "SIC" not in text and "Sic" not in text:
        return False
    if _SIC_RIGHT_AFTER.match(text, end):
        return True
    for q_start, q_end in _quotations(analysis, segment):
        if q_start <= start and end <= q_end and _SIC.search(text, end, q_end + 8):
            return True
    return False


_TERM_QUOTE_WORDS = 6  #: the most words of a quotation that names a term


def _names_a_term(analysis: Analysis, occurrence: Occurrence, quoted: str) -> bool:
    """Whether a quotation holding ``occurrence`` names a term rather than reports
    speech: the name alone ("Tribunal Supremo de Justicia"), or the name with a word or
    two of its own language but none of the paragraph's function words ("medidas
    cautelares sustitutivas", a longer term of art the glossary lacks)."""
    text = analysis.scans[occurrence.segment].text
    name = text[occurrence.start : occurrence.end]
    if quoted == name:
        return True
    words = norm_tokens(quoted)
    language = analysis.segment_languages[occurrence.segment]
    own = analysis.compiled.term_of_form(occurrence.form).language
    return (
        len(words) <= _TERM_QUOTE_WORDS
        and language is not None
        and language != own
        and not function_word_scores(words)[language]
    )


def _quotations(analysis: Analysis, segment: int) -> list[tuple[int, int]]:
    """``[start, end)`` of a segment's quotations, inside their quote marks: those
    written with quote marks and those marked up (HTML ``<q>``)."""
    return _quotation_spans(
        analysis.scans[segment].text, analysis.document.segments[segment].quotes
    )


def _quotation_spans(text: str, marked: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    found = (
        [match.span(1) for match in _QUOTED.finditer(text)]
        if '"' in text or "“" in text or "«" in text
        else []
    )
    found.extend(marked)
    return found


def _language_outside_quotations(
    segment_scan: Scan, marked: Sequence[tuple[int, int]]
) -> str | None:
    """The language of a segment's words outside its quotations, when they say it:
    their function words, or langdetect on them when they are ten words or more."""
    regions = _quotation_spans(segment_scan.text, marked)
    if not regions:
        return None
    outside = [
        token
        for token, start in zip(segment_scan.tokens, segment_scan.starts, strict=True)
        if not any(q_start <= start < q_end for q_start, q_end in regions)
    ]
    if len(outside) == len(segment_scan.tokens):
        return None
    language = scores_language(function_word_scores(outside), minimum=4, share=0.8)
    if language is None and len(outside) >= MIN_WORDS_FOR_LANGDETECT:
        text, pieces, cursor = segment_scan.text, [], 0
        for q_start, q_end in sorted(regions):
            if q_start >= cursor:
                pieces.append(text[cursor:q_start])
                cursor = q_end
        pieces.append(text[cursor:])
        language = detect(" ".join(pieces))
    return language


# -- ambiguity, glosses, context ----------------------------------------------------------


def _resolve_ambiguity(analysis: Analysis) -> None:
    """Shared forms: the concept the rest of the document names, else its context evidence."""
    named = Counter(o.concepts[0] for o in analysis.occurrences if o.resolved)
    named.update(f.concept for f in analysis.fuzzy)
    document_tokens: set[str] | None = None
    for occurrence in analysis.occurrences:
        if occurrence.resolved or occurrence.foreign:
            continue
        # the nearest evidence first: the country its own clause names ("In Bolivia, the
        # Supreme Court of Justice", "Colombia's Truth Commission (CVR)": then a wrong gloss
        # is a wrong gloss), then what its own gloss (or glossed name) names
        clause = _clause_tokens(analysis, occurrence)
        evidence = [c for c in occurrence.concepts if _contexts_in(analysis, occurrence, c, clause)]
        if len(evidence) == 1:
            _choose(analysis, occurrence, evidence[0])
            continue
        # then the heading (or dateline) of its section: "ECUADOR", "## Peru"
        heading = _section_heading(analysis, occurrence.segment)
        evidence = [
            c for c in occurrence.concepts if _contexts_in(analysis, occurrence, c, heading)
        ]
        if len(evidence) == 1:
            _choose(analysis, occurrence, evidence[0])
            continue
        related = list(occurrence.glosses)
        if occurrence.parent is not None:
            related.append(occurrence.parent)
        local = {
            c
            for j in related
            for c in analysis.occurrences[j].concepts
            if analysis.occurrences[j].resolved
        }
        # a gloss's full name outweighs its acronym: "The Constitutional Court (Corte
        # Constitucional, CC)" is not Guatemala's court, whose acronym CC is, because
        # its Spanish name is not Guatemala's
        names = [
            analysis.occurrences[j].concepts
            for j in related
            if analysis.term(analysis.occurrences[j]).type not in ABBREVIATED
        ]
        evidence = [
            c
            for c in occurrence.concepts
            if c in local and all(c in concepts for concepts in names)
        ]
        if len(evidence) == 1:
            _choose(analysis, occurrence, evidence[0])
            continue
        # a name and its gloss, both shared: the concepts they both name, before what the
        # rest of the document names ("Attorney General's Office (Ministerio Público)"
        # is the Venezuelan body's pair, whatever other countries the piece mentions)
        together = {c for j in related for c in analysis.occurrences[j].concepts}
        candidates = [c for c in occurrence.concepts if c in together] or list(occurrence.concepts)
        candidates = [c for c in candidates if all(c in n for n in names)] or candidates
        if len(candidates) == 1:
            _choose(analysis, occurrence, candidates[0])
            continue
        evidence = [c for c in candidates if named[c]]
        if len(evidence) != 1:
            if document_tokens is None:
                document_tokens = {t for s in analysis.scans for t in s.tokens}
            pool = evidence or candidates
            evidence = [c for c in pool if _contexts_in(analysis, occurrence, c, document_tokens)]
        if len(evidence) == 1:
            _choose(analysis, occurrence, evidence[0])
    if any(item.alternatives for item in analysis.fuzzy):
        if document_tokens is None:
            document_tokens = {t for s in analysis.scans for t in s.tokens}
        _resolve_fuzzy(analysis, document_tokens)


def _contexts_in(
    analysis: Analysis, occurrence: Occurrence, concept_id: str, tokens: set[str]
) -> bool:
    """Whether ``tokens`` name the context (a country) of the concept's form found here."""
    compiled = analysis.compiled
    return any(
        named_in(term.context, tokens)
        for f in occurrence.forms
        if compiled.concept_of_form(f) == concept_id
        for term in [compiled.term_of_form(f)]
        if term.context
    )


#: where a clause ends: a country named beyond it is another clause's
_CLAUSE_BREAK = re.compile(r"[.;!?]")


_HEADING_WORDS = 8  #: a paragraph this short between others reads as a heading


def _section_heading(analysis: Analysis, segment: int) -> set[str]:
    """The words of the nearest heading before ``segment`` (a heading block, or a short
    paragraph such as a plain-text "ECUADOR" line or a dateline)."""
    for index in range(segment - 1, -1, -1):
        if (
            analysis.document.segments[index].kind == "heading"
            or len(analysis.scans[index].tokens) <= _HEADING_WORDS
        ):
            return set(analysis.scans[index].tokens)
    return set()


def _clause_tokens(analysis: Analysis, occurrence: Occurrence) -> set[str]:
    """The words of the clause an occurrence stands in (between ``.;!?`` marks)."""
    text = analysis.scans[occurrence.segment].text
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, occurrence.start)), default=0)
    stop = _CLAUSE_BREAK.search(text, occurrence.end)
    return set(norm_tokens(text[start : stop.start() if stop else len(text)]))


def clause_countries(analysis: Analysis, occurrence: Occurrence) -> frozenset[str]:
    """The countries (``glosador.countries.COUNTRIES``) the occurrence's clause names,
    else the nearest earlier clause of its paragraph that names one ("Bolivia has had
    caretaker governments. Jeanine Áñez served as interim president")."""
    text = analysis.scans[occurrence.segment].text
    stop = _CLAUSE_BREAK.search(text, occurrence.end)
    end = stop.start() if stop else len(text)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, occurrence.start)]
    for start in reversed([0, *breaks]):
        tokens = set(norm_tokens(text[start:end]))
        found = frozenset(c for c in COUNTRIES if named_in(c, tokens))
        if found:
            return found
        end = start
    return frozenset()


def _resolve_fuzzy(analysis: Analysis, document_tokens: set[str]) -> None:
    """A mixed span of a shared name: the concept the document names, else its context."""
    named = {o.concepts[0] for o in analysis.occurrences if o.resolved}
    compiled = analysis.compiled
    for i, item in enumerate(analysis.fuzzy):
        if not item.alternatives:
            continue
        candidates = item.concepts()
        evidence = [c for c in candidates if c in named]
        if len(evidence) != 1:
            evidence = [
                c
                for c in (evidence or candidates)
                if any(
                    named_in(t.context, document_tokens)
                    for t in analysis.concept(c).all_terms()
                    if t.context
                )
            ]
        if len(evidence) == 1 and evidence[0] != item.concept:
            chosen = evidence[0]
            form = next(
                (f for f in compiled.concept_forms(chosen) if len(compiled.forms[f].tokens)),
                item.form,
            )
            analysis.fuzzy[i] = dataclasses.replace(
                item, concept=chosen, form=form, alternatives=()
            )


def _choose(analysis: Analysis, occurrence: Occurrence, concept_id: str) -> None:
    occurrence.concepts = (concept_id,)
    occurrence.form = next(
        f for f in occurrence.forms if analysis.compiled.concept_of_form(f) == concept_id
    )


_QUOTES = {"“": "”", '"': '"', "«": "»", "‘": "’", "'": "'", "„": "“"}


#: nouns naming a place after a body or a date: "Avenida Naciones Unidas", "Plaza
#: Asamblea Nacional" (before the name), "United Nations Avenue" (after it)
_PLACE_BEFORE = frozenset(
    [
        "avenida",
        "av",
        "calle",
        "carrera",
        "plaza",
        "plazoleta",
        "parque",
        "paseo",
        "bulevar",
        "autopista",
        "puente",
        "barrio",
        "urbanizacion",
        "colonia",
        "edificio",
        "torre",
        "colegio",
        "escuela",
        "liceo",
        "hospital",
        "clinica",
        "estacion",
        "aeropuerto",
        "estadio",
        "teatro",
        "mercado",
    ]
)
_PLACE_AFTER = frozenset(
    [
        "avenue",
        "street",
        "road",
        "square",
        "boulevard",
        "park",
        "bridge",
        "station",
        "school",
        "hospital",
        "building",
        "tower",
        "stadium",
        "airport",
    ]
)


def quoted_span(text: str, start: int, end: int) -> bool:
    """Whether quote marks stand right around ``text[start:end]``."""
    return start > 0 and end < len(text) and _QUOTES.get(text[start - 1]) == text[end]


#: what may stand inside a quotation around the words it quotes: "¡Liberen a ...!"
_QUOTE_PUNCTUATION = " ¡!¿?.,;:"


#: a naming phrase right before a name: "sometimes called", "known abroad as",
#: "so-called", "el llamado", "conocido en el exterior como" ("called" as a participle
#: only: in "the opposition called the TSJ a puppet" the name is used)
_CALLED_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|sometimes|also|often|usually|commonly|widely|"
    r"formerly|once|still|locally|abroad|officially|wrongly|mistakenly)\s+"
    r"(?:called|dubbed|nicknamed)"
    r"|\b(?:so-called|llamad[oa]s?|denominad[oa]s?|apodad[oa]s?)"
    r"|\b(?:stands?|stood)\s+for|\b(?:call|calls|called)\s+(?:it|them)(?:\s+simply)?"
    r"|\b(?:known|referred\s+to|conocid[oa]s?)(?:\s+\w+){0,2}\s+(?:as|como))"
    r"\s+(?:(?:the|el|la|los|las)\s+)?$",
    re.IGNORECASE,
)
#: a naming clause right after a name: "— as some foreign outlets call it", ", como
#: lo llaman en el exterior"
_CALLED_AFTER = re.compile(
    r"[\s,—–-]*\(?(?:as|como)\s+[^.;:()\n]{0,40}?\b(?:call|calls|called|know|knows|known|"
    r"llaman|llama|conoce|conocen|dice|dicen)\b",
    re.IGNORECASE,
)
_CALLED_REACH = 40  #: how many characters before a name are looked at
#: a word (lower case) every match of ``_CALLED_BEFORE`` holds one of
_CALLED_KEYS = (
    *("call", "dubbed", "nicknamed", "llamad", "denominad", "apodad"),
    *("stand", "stood", "known", "referred", "conocid"),
)
#: the letters ``re.IGNORECASE`` matches to "i" or "s" that ``str.lower`` does not
#: turn into them (İ, ı, ſ)
_ODD_CASES = frozenset("\u0130\u0131\u017f")


def _called(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` say it is what others call the
    body: "sometimes called Penal Forum", "Penal Forum, as some outlets call it"."""
    return _called_before(text, max(0, start - _CALLED_REACH), start) or (
        _CALLED_AFTER.match(text, end) is not None
    )


def _called_before(text: str, start: int, end: int) -> bool:
    """Whether ``_CALLED_BEFORE`` matches in ``text[start:end]``.

    Speed: the regex tries its alternatives at every offset (several microseconds a
    name, thousands of names a run), so it only runs where its key words are: a few
    ``in`` tests on the lower-cased window, exact unless the window holds one of the
    letters that case-insensitive matching reads otherwise than ``str.lower``.
    """
    window = text[start:end]
    lowered = window.lower()
    if not any(key in lowered for key in _CALLED_KEYS) and _ODD_CASES.isdisjoint(window):
        return False
    return _CALLED_BEFORE.search(text, start, end) is not None


def _mark_quoted(analysis: Analysis) -> None:
    """Mark occurrences that fill a quotation on their own (quote marks right around
    them), those inside a quotation, those that are part of a place's name and
    those that the words around them say are in a language ("by its Spanish
    acronym, CIDH", "la ICC, como se la conoce en inglés")."""
    quotations: dict[int, list[tuple[int, int]]] = {}
    languages_named: dict[int, bool] = {}
    for occurrence in analysis.occurrences:
        text = analysis.scans[occurrence.segment].text
        start, end = occurrence.start, occurrence.end
        regions = quotations.get(occurrence.segment)
        if regions is None:
            regions = quotations[occurrence.segment] = _quotations(analysis, occurrence.segment)
        if quoted_span(text, start, end):
            occurrence.quoted = True
        if regions:
            if any(
                _names_a_term(analysis, occurrence, text[q_start:q_end].strip(_QUOTE_PUNCTUATION))
                for q_start, q_end in regions
                if q_start <= start and end <= q_end
            ):
                occurrence.quoted = True
            occurrence.in_quotation = any(
                q_start <= start and end <= q_end for q_start, q_end in regions
            )
        italics = analysis.document.segments[occurrence.segment].italics
        if italics:
            occurrence.in_italics = any(
                i_start <= start
                and end <= i_end
                and not _italic_prose(analysis, occurrence.segment, i_start, i_end)
                for i_start, i_end in italics
            )
            occurrence.in_quotation = occurrence.in_quotation or occurrence.in_italics
        occurrence.called = _called(text, start, end)
        scan_ = analysis.scans[occurrence.segment]
        names_language = languages_named.get(occurrence.segment)
        if names_language is None:  # whether the segment names a language at all
            names_language = not _LANGUAGE_WORDS.keys().isdisjoint(scan_.tokens)
            languages_named[occurrence.segment] = names_language
        if occurrence.labelled is None and names_language:
            occurrence.labelled = _named_language(scan_, occurrence.tok_start, occurrence.tok_end)
        before, after = occurrence.tok_start - 1, occurrence.tok_end
        if (
            before >= 0
            and scan_.tokens[before] in _PLACE_BEFORE
            and text[scan_.starts[before]].isupper()
            and _spaced(text[scan_.ends[before] : start])
        ) or (
            after < len(scan_.tokens)
            and scan_.tokens[after] in _PLACE_AFTER
            and text[scan_.starts[after]].isupper()
            and _spaced(text[end : scan_.starts[after]])
        ):
            occurrence.in_place_name = True


#: words a title or a long name has between its capitalised words
_TITLE_LINKS = NAME_LINKS | frozenset(
    ["against", "in", "on", "for", "by", "to", "and", "en", "para", "por", "sobre", "contra", "y"]
)
#: capitalised words that follow a name without extending it ("said Monday")
_CALENDAR = frozenset(
    [
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december"),
    ]
)


#: nouns that open the title of a law, treaty or report (Spanish writes the rest of
#: the title in lower case)
_TITLE_NOUNS = frozenset(
    [
        *("ley", "protocolo", "convencion", "pacto", "declaracion", "estatuto", "codigo"),
        *("informe", "reglamento", "decreto", "resolucion"),
        *("law", "protocol", "convention", "covenant", "declaration", "statute", "code"),
        *("report", "act"),
    ]
)
_TITLE_REACH = 6  #: words between a title's noun and a term inside the title


_ITALIC_PROSE_WORDS = 8  #: an italic run this long, in sentence case, is prose


def _italic_prose(analysis: Analysis, segment: int, start: int, end: int) -> bool:
    """Whether an italic run is a sentence of the paragraph's own language (a photo
    caption, an emphasised line), set in italics for style, not to mark foreign words
    or a title: eight words or more, most of them lower case, and function words of
    the paragraph's language."""
    words = _WORDS.findall(analysis.scans[segment].text[start:end])
    if len(words) < _ITALIC_PROSE_WORDS or 2 * sum(w[:1].islower() for w in words) < len(words):
        return False
    language = analysis.segment_languages[segment]
    row = word_row(norm_tokens(" ".join(words)))
    return language is not None and _settled(row) == language


_WORDS = re.compile(r"[^\W\d_]+")


def _in_a_titled_document(segment_scan: Scan, tok_start: int) -> bool:
    """Whether a capitalised title noun ("Protocolo", "Ley") stands a few words before
    token ``tok_start``, in the same clause."""
    text, tokens = segment_scan.text, segment_scan.tokens
    for k in range(tok_start - 1, max(-1, tok_start - 1 - _TITLE_REACH), -1):
        if _CLAUSE_END.search(text[segment_scan.ends[k] : segment_scan.starts[k + 1]]):
            return False
        if tokens[k] in _TITLE_NOUNS and text[segment_scan.starts[k]].isupper():
            return True
    return False


def _in_longer_name(analysis: Analysis, occurrence: Occurrence) -> str | None:
    """Whether a capitalised occurrence is part of a longer capitalised name.

    Right after it, a capitalised word ("... Línea Fundadora", "... Persons Report");
    before it, a capitalised word not opening the sentence, perhaps across the small
    words of a title ("Protocol against the Smuggling of Migrants"). A neighbour that
    is a word of another language's listed forms ("the Venezuelan Asamblea Nacional",
    "la National Assembly") is the prose around the name, not part of it.
    """
    segment_scan = analysis.scans[occurrence.segment]
    tokens, text = segment_scan.tokens, segment_scan.text
    starts, ends = segment_scan.starts, segment_scan.ends
    term = analysis.compiled.term_of_form(occurrence.form)
    if not analysis.compiled.proper[analysis.compiled.forms[occurrence.form].term]:
        written = text[occurrence.start : occurrence.end].split()
        if not all(w[:1].isupper() for w in written if w.lower() not in _TITLE_LINKS):
            return None  # a lower-case term in prose, not in a title
    foreign = analysis.compiled.other_words.get(term.language, frozenset())
    after = occurrence.tok_end
    if (
        after < len(tokens)
        and _joined(text[ends[after - 1] : starts[after]])
        and text[starts[after]].isupper()
        and tokens[after] not in _CALENDAR
        and not _only_foreign(analysis.compiled, tokens[after], term.language, foreign)
    ):
        return "adjacent"
    return name_before(analysis, occurrence)


def _only_foreign(
    compiled: CompiledGlossary, word: str, language: str, foreign: frozenset[str]
) -> bool:
    """Whether a word is of other languages' forms only, not of ``language``'s too:
    "Venezuelan" beside "Asamblea Nacional" is English prose around the name, while
    "General" after "Procuraduría" goes on with a Spanish name (both languages'
    names have it)."""
    if word not in foreign:
        return False
    return not any(
        word in words for other, words in compiled.other_words.items() if other != language
    )


def name_before(analysis: Analysis, occurrence: Occurrence, title_case: bool = False) -> str | None:
    """Whether a capitalised word not opening the sentence stands before a name, right
    beside ("adjacent") or across a title's small words ("linked": "Protocol against
    the Smuggling of Migrants"); in ``title_case`` (a headline), the small words may
    be capitalised too ("Protocol Against the Smuggling of Migrants")."""
    segment_scan = analysis.scans[occurrence.segment]
    tokens, text = segment_scan.tokens, segment_scan.text
    starts, ends = segment_scan.starts, segment_scan.ends
    foreign = analysis.compiled.other_words.get(
        analysis.compiled.term_of_form(occurrence.form).language, frozenset()
    )
    k = occurrence.tok_start - 1
    linking = False  # a preposition or conjunction passed, not only an article
    while k >= 0 and _spaced(text[ends[k] : starts[k + 1]]) and tokens[k] in _TITLE_LINKS:
        if text[starts[k]].isupper() and not title_case:
            return None
        linking = linking or tokens[k] not in _ARTICLES
        k -= 1
    if title_case:
        # every word is capitalised, the first too: only a title's preposition says
        # the words before are one name with it ("Protocol Against the ...", not
        # "Opposition Asks the ...")
        return "linked" if linking and k >= 0 and tokens[k] not in foreign else None
    if (
        k >= 0
        and _joined(text[ends[k] : starts[k + 1]])
        and text[starts[k]].isupper()
        and not sentence_initial(text, starts[k])
        and tokens[k] not in foreign
    ):
        return "adjacent" if k == occurrence.tok_start - 1 else "linked"
    return None


_ARTICLES = frozenset(["the", "el", "la", "los", "las", "a", "an"])


def _glosses_unlisted(analysis: Analysis, occurrence: Occurrence) -> bool:
    """Whether the occurrence stands in the parenthesis right after words that are no
    listed rendering, as their gloss: after a capitalised name the glossary lacks ("the
    Public Prosecutor's Office for Crimes against Humanity (Procuraduría de Crímenes
    contra la Humanidad)"), or filling the parenthesis after a description ("the
    country's highest court (Tribunal Supremo de Justicia)", "81 were women (presas
    políticas)")."""
    segment_scan = analysis.scans[occurrence.segment]
    text = segment_scan.text
    opening = text.rfind("(", max(0, occurrence.start - 300), occurrence.start)
    if opening < 0 or ")" in text[opening : occurrence.start]:
        return False
    closing = text.find(")", occurrence.end, occurrence.end + 300)
    if closing < 0:
        return False
    k = bisect_right(segment_scan.ends, opening) - 1  # the word before the parenthesis
    if k < 0 or text[segment_scan.ends[k] : opening].strip(" \"”’'»"):
        return False
    inside = [
        o
        for o in analysis.occurrences
        if o.segment == occurrence.segment and opening < o.start and o.end <= closing
    ]
    named = next(
        (
            o
            for o in analysis.occurrences
            if o.segment == occurrence.segment and o.tok_start <= k < o.tok_end
        ),
        None,
    )
    if named is not None and analysis.longer_name(named) is None:
        return False  # a listed rendering before: the gloss is linked to it, or judged
    if text[segment_scan.starts[k]].isupper():
        return True
    # a description before it: the parenthesis must be this name (and an acronym)
    words = [t for t in norm_tokens(text[opening + 1 : closing]) if t not in _GLOSS_FILLER]
    covered = sum(o.tok_end - o.tok_start for o in inside)
    return bool(words) and covered >= 0.6 * len(words)


def _link_glosses(analysis: Analysis) -> None:
    """Mark ``A (B)``, ``A (B, ACR)``, ``A “B”`` and ``A — B`` glosses."""
    by_segment: dict[int, list[int]] = {}
    for i, occurrence in enumerate(analysis.occurrences):
        by_segment.setdefault(occurrence.segment, []).append(i)
    for segment, indices in by_segment.items():
        text = analysis.scans[segment].text
        for i in indices:
            main = analysis.occurrences[i]
            if main.role == "gloss":
                continue
            at = main.end + main.quoted  # after a closing quote
            # a gloss, and a second after an acronym's: "Asamblea Nacional (AN) — National
            # Assembly", as a glossary sidebar writes them
            for _ in range(2):
                # a colon glosses only a name that opens its paragraph (a sidebar entry)
                region = _gloss_region(text, at, colon=main.start == 0)
                if region is None:
                    break
                inner_start, inner_end, close, loose = region
                inside = [
                    j
                    for j in indices
                    if inner_start <= analysis.occurrences[j].start
                    and analysis.occurrences[j].end <= inner_end
                ]
                if not inside:
                    main.labelled = main.labelled or language_label(text[inner_start:inner_end])
                    break
                # "the Constitutional Chamber of Costa Rica's Supreme Court (Sala
                # Constitucional)": the gloss names the chamber the court complements
                owner_index = _complemented(analysis, indices, i, inside)
                owner = analysis.occurrences[owner_index]
                same = any(
                    set(owner.concepts) & set(analysis.occurrences[j].concepts) for j in inside
                )
                if not _is_gloss(analysis, segment, inner_start, inner_end, inside, same):
                    break
                if _describes(analysis, owner, inside):
                    break  # "Foro Penal: 900 political prisoners": a description
                if loose and not same:
                    break  # "UNHCR / IOM", "the CNE, or the TSJ": two bodies, not a gloss
                for j in inside:
                    analysis.occurrences[j].role = "gloss"
                    analysis.occurrences[j].parent = owner_index
                owner.glosses = [*owner.glosses, *inside]
                owner.gloss_end = close
                at = close
            if main.labelled is None and not main.glosses:
                main.labelled = _title_label(analysis, segment, main.end)
    for f_index, item in enumerate(analysis.fuzzy):
        text = analysis.scans[item.segment].text
        for i in by_segment.get(item.segment, []):
            main = analysis.occurrences[i]
            region = _gloss_region(text, main.end + main.quoted)
            if region and region[0] <= item.start and item.end <= region[1]:
                analysis.fuzzy[f_index] = _with_role(item, "gloss", i)
                break


#: what stands between a name and another it is complemented by: "of", "de", "del"
#: and capitalised words or articles ("of Costa Rica's", "de la")
_COMPLEMENT = re.compile(
    r"[ \u00a0]+(?:of|de|del)(?:[ \u00a0]+(?:the|la|el|los|las|[A-ZÁÉÍÓÚÑ][\w.-]*(?:['’]s)?))*"
    r"[ \u00a0]+"
)


def _complemented(analysis: Analysis, indices: list[int], i: int, inside: list[int]) -> int:
    """The occurrence whose name occurrence ``i`` complements, when the gloss after
    ``i`` names that one and not ``i``'s concept ("the Constitutional Chamber of Costa
    Rica's Supreme Court (Sala Constitucional)"); ``i`` itself otherwise."""
    occurrences = analysis.occurrences
    main = occurrences[i]
    glossed = {c for j in inside for c in occurrences[j].concepts}
    if glossed & set(main.concepts):
        return i
    text = analysis.scans[main.segment].text
    for k in indices:
        other = occurrences[k]
        if other.end > main.start:
            break
        if (
            other.role == "main"
            and not other.glosses
            and glossed & set(other.concepts)
            and _COMPLEMENT.fullmatch(text, other.end, main.start)
        ):
            return k
    return i


def _near_glosses(analysis: Analysis) -> None:
    """A parenthesis after a name that gives its other-language name one word off
    ("Committee for the Freedom of Political Prisoners in Venezuela (Comité por la
    Libertad de los Presos Políticos, CLIPPVE)"): a near miss (GL108) of the gloss,
    even where the word changed is a content word. Elsewhere a content word changed
    names another body; here the place says which body is meant."""
    compiled = analysis.compiled
    names: dict[int, list[Occurrence]] = {}  # per segment: its proper names
    for occurrence in analysis.occurrences:
        if compiled.proper[compiled.forms[occurrence.form].term]:
            names.setdefault(occurrence.segment, []).append(occurrence)
    spans: dict[int, list[Fuzzy]] = {}
    for fuzzy in analysis.fuzzy:
        spans.setdefault(fuzzy.segment, []).append(fuzzy)
    for i, main in enumerate(analysis.occurrences):
        if main.role != "main" or main.glosses or not main.resolved:
            continue
        if not compiled.proper[compiled.forms[main.form].term]:
            continue
        segment_scan = analysis.scans[main.segment]
        text = segment_scan.text
        region = _gloss_region(text, main.end + main.quoted)
        if region is None or text[region[0] - 1] != "(":
            continue
        inner_start, inner_end = region[0], region[1]
        comma = text.find(",", inner_start, inner_end)
        stop = comma if comma >= 0 else inner_end
        if any(o.start < stop and inner_start < o.end for o in names[main.segment]) or any(
            f.start < inner_end and inner_start < f.end for f in spans.get(main.segment, ())
        ):
            continue  # a listed name, or a mixed or near one found already
        low = bisect_left(segment_scan.starts, inner_start)
        high = bisect_left(segment_scan.starts, stop)
        words = tuple(segment_scan.tokens[low:high])
        if len(words) < 3 or segment_scan.ends[high - 1] > stop:
            continue
        language = compiled.form_language[main.form]
        concept_id = main.concepts[0]
        for form_index in compiled.concept_forms(concept_id):
            if compiled.form_language[form_index] == language:
                continue
            if not compiled.terms[compiled.forms[form_index].term].is_full:
                continue
            if _one_word_off(words, compiled.forms[form_index].tokens):
                item = _make_fuzzy(
                    "near", segment_scan, main.segment, low, high, concept_id, form_index
                )
                analysis.fuzzy.append(_with_role(item, "gloss", i))
                break


def _short_before_own_acronym(analysis: Analysis) -> None:
    """A name short of its last word before its own acronym in parentheses
    ("Servicio Bolivariano de Inteligencia (SEBIN)" for "... Inteligencia Nacional",
    "Dirección General de Contrainteligencia (DGCIM)"): a near miss (GL108). Elsewhere
    a name short of a word may be another body; the acronym says which is meant."""
    compiled = analysis.compiled
    taken: dict[int, list[tuple[int, int]]] = {}  # per segment: token spans of names
    items: list[Occurrence | Fuzzy] = [*analysis.occurrences, *analysis.fuzzy]
    for item in items:
        taken.setdefault(item.segment, []).append((item.tok_start, item.tok_end))
    for acronym in list(analysis.occurrences):
        if not acronym.resolved or acronym.role != "main":
            continue
        if compiled.term_of_form(acronym.form).type is not TermType.ACRONYM:
            continue
        segment_scan = analysis.scans[acronym.segment]
        text, end = segment_scan.text, acronym.tok_start
        if end < 2 or text[segment_scan.ends[end - 1] : acronym.start] != " (":
            continue
        concept_id = acronym.concepts[0]
        for form_index in compiled.concept_forms(concept_id):
            words = compiled.forms[form_index].tokens
            term = compiled.terms[compiled.forms[form_index].term]
            n = len(words) - 1
            if n < 2 or end - n < 0 or not term.is_full or words[-1] in STOPWORDS:
                continue
            start = end - n
            if tuple(segment_scan.tokens[start:end]) != words[:-1]:
                continue
            if not text[segment_scan.starts[start]].isupper() or any(
                s < end and start < e for s, e in taken.get(acronym.segment, ())
            ):
                continue
            if _crosses_hard_punctuation(segment_scan, start, end):
                continue
            if start and text[segment_scan.starts[start - 1]].isupper():
                continue  # a capitalised word before: a longer name
            item = _make_fuzzy(
                "near", segment_scan, acronym.segment, start, end, concept_id, form_index
            )
            analysis.fuzzy.append(item)
            taken.setdefault(acronym.segment, []).append((start, end))
            break


def _other_language_tails(analysis: Analysis) -> None:
    """A name begun in one language and finished in the other: the head of a full form
    up to a listed form, then the tail of the other language's full form ("the
    Constitutional Law against Hatred, por la Convivencia Pacífica y la Tolerancia").
    A mixed rendering (GL101) of the whole, which word-for-word comparison misses when
    the two tails differ in length."""
    compiled = analysis.compiled
    for occurrence in list(analysis.occurrences):
        if not occurrence.resolved:
            continue
        segment_scan = analysis.scans[occurrence.segment]
        tokens, end = segment_scan.tokens, occurrence.tok_end
        if end + 2 > len(tokens) or segment_scan.text[
            occurrence.end : segment_scan.starts[end]
        ] not in (" ", ", "):
            continue
        concept_id = occurrence.concepts[0]
        language = compiled.form_language[occurrence.form]
        if tokens[end] not in _tail_openers(compiled, concept_id, language):
            continue  # the common case, decided by one set lookup
        forms = [
            f
            for f in compiled.concept_forms(concept_id)
            if compiled.terms[compiled.forms[f].term].is_full
        ]
        tail = _other_tail(compiled, forms, language, tokens, end)
        if tail == 0:
            continue
        for form_index in forms:
            if compiled.form_language[form_index] != language:
                continue
            words = compiled.forms[form_index].tokens
            head = next(
                (
                    n
                    for n in range(len(words) - 1, 1, -1)
                    if n <= end and tuple(tokens[end - n : end]) == words[:n]
                ),
                0,
            )
            if not head or not segment_scan.text[segment_scan.starts[end - head]].isupper():
                continue
            if _crosses_hard_punctuation(segment_scan, end - head, end + tail):
                continue
            item = _make_fuzzy(
                "mixed",
                segment_scan,
                occurrence.segment,
                end - head,
                end + tail,
                concept_id,
                form_index,
            )
            analysis.fuzzy.append(item)
            break


def _tail_openers(compiled: CompiledGlossary, concept_id: str, language: str) -> frozenset[str]:
    """The words a tail of the concept's full forms in languages other than
    ``language`` can begin with (see ``_other_tail``; cached per concept and language)."""
    cache: dict[tuple[str, str], frozenset[str]] = compiled.__dict__.setdefault(
        "_tail_openers_cache", {}
    )
    found = cache.get((concept_id, language))
    if found is None:
        found = cache[(concept_id, language)] = frozenset(
            compiled.forms[f].tokens[-k]
            for f in compiled.concept_forms(concept_id)
            if compiled.form_language[f] != language
            and compiled.terms[compiled.forms[f].term].is_full
            for k in range(2, len(compiled.forms[f].tokens))
        )
    return found


def _other_tail(
    compiled: CompiledGlossary, forms: list[int], language: str, tokens: list[str], at: int
) -> int:
    """How many tokens from ``at`` are the tail (two words or more, a content word
    among them, not the whole) of one of ``forms`` in another language than ``language``."""
    for form_index in forms:
        if compiled.form_language[form_index] == language:
            continue
        words = compiled.forms[form_index].tokens
        for k in range(len(words) - 1, 1, -1):
            tail = words[-k:]
            if tuple(tokens[at : at + k]) == tail and any(w not in STOPWORDS for w in tail):
                return k
    return 0


def _one_word_off(words: tuple[str, ...], form: tuple[str, ...]) -> bool:
    """Whether ``words`` is ``form`` with one interior word changed, added or dropped."""
    if words == form or words[0] != form[0] or words[-1] != form[-1]:
        return False
    if len(words) == len(form):
        return sum(a != b for a, b in zip(words, form, strict=True)) == 1
    shorter, longer = sorted((words, form), key=len)
    if len(longer) - len(shorter) != 1:
        return False
    return any(longer[:k] + longer[k + 1 :] == shorter for k in range(1, len(longer) - 1))


def _pair_table_cells(analysis: Analysis) -> None:
    """Label the names that fill a table cell beside a cell naming the same concept in
    another language: a row "| Comptroller General's Office | Contraloría General de la
    República |" glosses one name with the other, by layout. The expansion of an
    abbreviation (HTML ``<abbr title="Consejo Nacional Electoral">CNE</abbr>``) is what
    its letters stand for, in their language: labelled too."""
    segments = analysis.document.segments
    whole: dict[int, Occurrence] = {}  # table cells a single name fills
    for occurrence in analysis.occurrences:
        segment = segments[occurrence.segment]
        if segment.column and occurrence.labelled is None:
            # a column headed "Spanish name", "Nombre en inglés": its cells are labelled
            occurrence.labelled = _column_language(segment.column)
        if segment.kind == "expansion" and occurrence.labelled is None:
            occurrence.labelled = analysis.compiled.term_of_form(occurrence.form).language
        if (
            segment.kind == "table-cell"
            and segment.text.strip(" *_`") == (segment.text[occurrence.start : occurrence.end])
        ):
            whole[occurrence.segment] = occurrence
    for index, occurrence in whole.items():
        mine = analysis.compiled.term_of_form(occurrence.form).language
        # the cell before, or the one before it across a cell of the same name ("|
        # Inter-American Court of Human Rights | Corte Interamericana ... | Corte IDH |")
        for back in (1, 2):
            neighbour = whole.get(index - back)
            if neighbour is None or not set(occurrence.concepts) & set(neighbour.concepts):
                break
            theirs = analysis.compiled.term_of_form(neighbour.form).language
            if mine != theirs:
                occurrence.labelled = occurrence.labelled or mine
                neighbour.labelled = neighbour.labelled or theirs
                break


_COLUMN_WORDS = 4  #: the most words of a column header that names a language


def _column_language(header: str) -> str | None:
    """The language a table column's header names: "Spanish name", "Nombre en
    inglés", "English"; none for "English / Spanish" or a longer heading."""
    words = norm_tokens(header)
    languages = {_LANGUAGE_WORDS[w] for w in words if w in _LANGUAGE_WORDS}
    if len(languages) != 1 or len(words) > _COLUMN_WORDS:
        return None
    return languages.pop()


def _with_role(item: Fuzzy, role: str, parent: int | None) -> Fuzzy:
    return dataclasses.replace(item, role=role, parent=parent)


_OPENERS = {"(": ")", "“": "”", '"': '"', "«": "»", "[": "]"}


def _gloss_region(text: str, end: int, colon: bool = False) -> tuple[int, int, int, bool] | None:
    """``(inner_start, inner_end, after_close, loose)`` of a gloss right after ``end``.

    ``colon``: a colon opens one too, as in a glossary sidebar ("Asamblea Nacional:
    National Assembly"); in running prose a colon opens an explanation. ``loose``: a
    slash or an appositive ("X, or Y"), which glosses only a rendering of the same
    concept (else it joins two names).
    """
    i = end
    lines = 0  # a hard-wrapped paragraph may break the line before the gloss
    while i < len(text) and text[i] in " \t\u00a0\r\n":
        lines += text[i] == "\n"
        i += 1
    if i >= len(text) or lines > 1:
        return None
    opener = text[i]
    if opener in _OPENERS:
        close = text.find(_OPENERS[opener], i + 1)
        if close < 0 or close - i > 300:
            return None
        return i + 1, close, close + 1, False
    dash = opener in "—–" or (opener == "-" and i + 1 < len(text) and text[i + 1] == " ")
    if dash and _closes_an_aside(text, end):
        return None  # "the **tally sheets** — the *actas de escrutinio* — through its ..."
    slash = opener == "/" and text[i + 1 : i + 2] == " " and i > end  # "Damas de Blanco / Ladies"
    if dash or slash or (colon and opener == ":"):
        stop = _GLOSS_END.search(text, i + 1)
        close = stop.start() if stop else len(text)
        while close > i + 1 and text[close - 1].isspace():
            close -= 1  # the space before a closing dash is not the gloss's
        return i + 1, close, close, slash
    if opener == ",":
        # an appositive: "Jurisdicción Especial para la Paz, or Special Jurisdiction for
        # Peace, ...", "The Damas de Blanco, meaning Ladies in White, ..."
        said = _APPOSITIVE.match(text, i)
        if said is not None:
            stop = _GLOSS_END.search(text, said.end())
            close = stop.start() if stop else len(text)
            return said.end(), close, close, True
    return None


_DASHES = re.compile(r"[—–]| - ")


def _closes_an_aside(text: str, end: int) -> bool:
    """Whether a dash after ``text[:end]`` closes an aside a dash opened (an odd number
    of dashes stands before it in the paragraph, a dialogue dash opening it aside): the
    words after it go on with the sentence and gloss nothing."""
    return sum(1 for m in _DASHES.finditer(text, 1, end)) % 2 == 1


#: what opens an appositive gloss after a comma
_APPOSITIVE = re.compile(
    r",\s+(?:or|o|u|meaning|that is,?|i\.e\.,?|es decir,?|o sea,?|which means|que significa)\s+",
    re.IGNORECASE,
)


#: where a gloss after a dash or a colon ends: "— National Electoral Council, the
#: election authority" glosses with its first phrase
_GLOSS_END = re.compile(r"[—–.,;:()]| - ")


#: words that, before a language's name, say a name is in it: "in Spanish", "en inglés"
_IN = frozenset(["in", "en"])
#: words that, after a language's name, say so: "its Spanish acronym", "su nombre en inglés"
_NAMING = frozenset(
    ["acronym", "acronyms", "initials", "abbreviation", "name", "siglas", "sigla", "nombre"]
)
_NAMED_BEFORE, _NAMED_AFTER = 4, 7  #: how many words before or after a name are looked at


def _named_language(segment_scan: Scan, tok_start: int, tok_end: int) -> str | None:
    """The language the words right around a name say it is in, within its clause:
    "known by its Spanish acronym, CIDH", "La ICC, como se la conoce en inglés"."""
    tokens, text = segment_scan.tokens, segment_scan.text
    starts, ends = segment_scan.starts, segment_scan.ends
    low = max(0, tok_start - _NAMED_BEFORE)
    high = min(len(tokens), tok_end + _NAMED_AFTER)
    for k in [*range(tok_start - 1, low - 1, -1), *range(tok_end, high)]:
        language = _LANGUAGE_WORDS.get(tokens[k])
        if language is None:
            continue
        between = (
            text[ends[k] : starts[tok_start]]
            if k < tok_start
            else text[ends[tok_end - 1] : starts[k]]
        )
        if _CLAUSE_END.search(between):
            continue
        if (k > 0 and tokens[k - 1] in _IN) or (k + 1 < len(tokens) and tokens[k + 1] in _NAMING):
            return language
    return _sentence_label(segment_scan, tok_start)


_SENTENCE_START = re.compile(r"[.!?]\s")


def _sentence_label(segment_scan: Scan, tok_start: int) -> str | None:
    """The language a sentence says at its head its names are in: "En inglés, los
    informes de la ONU citan a la comisión como ...", "In Spanish, the court is ..."."""
    tokens, text, starts = segment_scan.tokens, segment_scan.text, segment_scan.starts
    before = text[: starts[tok_start]]
    breaks = list(_SENTENCE_START.finditer(before))
    head = breaks[-1].end() if breaks else 0
    first = bisect_left(starts, head)
    if first + 2 > tok_start or tokens[first] not in _IN:
        return None
    language = _LANGUAGE_WORDS.get(tokens[first + 1])
    after = segment_scan.ends[first + 1]
    if language is None or text[after : after + 1] != ",":
        return None  # "En inglés se dice ..." is the window's, "En inglés y en español" no label
    return language


#: what ends the clause a name stands in
_CLAUSE_END = re.compile(r"[.;:!?()“”\"«»—–]")


_LANGUAGE_WORDS = {
    "spanish": "es",
    "espanol": "es",
    "castellano": "es",
    "english": "en",
    "ingles": "en",
}


_LABEL_AHEAD = re.compile(r"\(([^()\n]{2,40})\)")
_TITLE_WORDS = 10  #: the most words between a name and a label after the title holding it


def _title_label(analysis: Analysis, segment: int, end: int) -> str | None:
    """The language a label after the title that a name opens or stands in says:
    "[Testigos electorales, un año después](...) (in Spanish)" labels the whole link
    text, name included. The words between must be the title's: no end of sentence,
    no function word of the paragraph's language, a few words at most."""
    text = analysis.scans[segment].text
    found = _LABEL_AHEAD.search(text, end, end + 160)
    if found is None:
        return None
    label = language_label(found.group(1))
    between = text[end : found.start()]
    if label is None or any(c in between for c in ".!?;:"):
        return None
    words = norm_tokens(between)
    language = analysis.segment_languages[segment]
    if len(words) > _TITLE_WORDS or (language and function_word_scores(words)[language]):
        return None
    return label


#: what a link's label says besides its language: "(PDF, en inglés)", "(video, 3 min)"
_MEDIA_WORDS = frozenset(
    [
        "pdf",
        "doc",
        "docx",
        "odt",
        "rtf",
        "xls",
        "xlsx",
        "csv",
        "ppt",
        "pptx",
        "epub",
        "zip",
        "html",
        "mp3",
        "mp4",
        "video",
        "audio",
        "kb",
        "mb",
        "min",
        "pages",
        "page",
        "paginas",
        "pagina",
        "pp",
        "p",
        "documento",
        "document",
        "informe",
        "report",
    ]
)


def language_label(inner: str) -> str | None:
    """The language a parenthesis such as "(in Spanish)", "(en inglés)" or a link's
    "(PDF, en inglés)" names."""
    tokens = norm_tokens(inner)
    named = {_LANGUAGE_WORDS[t] for t in tokens if t in _LANGUAGE_WORDS}
    if len(named) == 1 and all(
        t in _GLOSS_FILLER or t in _MEDIA_WORDS or t.isdigit() for t in tokens
    ):
        return named.pop()
    return None


#: the term types that shorten a name (``_preferred`` tries them in this order)
ABBREVIATED = (TermType.ACRONYM, TermType.ABBREVIATION)


def _describes(analysis: Analysis, main: Occurrence, inside: list[int]) -> bool:
    """Whether the region after a name describes it rather than glossing it.

    Its only names are common nouns of other concepts after a proper name ("Foro
    Penal: 900 political prisoners", "Foro Penal (political prisoners)"), or proper
    names of other concepts after a common noun, which give a source or an example
    ("crimen de lesa humanidad (Estatuto de Roma, artículo 7)", "presos políticos
    (Foro Penal)"), or names (not acronyms) of other concepts of another kind where
    one is a place or a legal instrument ("la sede del SEBIN (El Helicoide)", "la Corte Penal
    Internacional (Estatuto de Roma)"). A name's translation is a name of the same
    kind; a common noun glosses a common noun ("presos políticos (political
    prisoners)")."""
    compiled = analysis.compiled
    glossed = compiled.proper[compiled.forms[main.form].term]
    others = [analysis.occurrences[j] for j in inside]
    if any(set(main.concepts) & set(o.concepts) for o in others):
        return False
    if all(compiled.proper[compiled.forms[o.form].term] != glossed for o in others):
        return True
    kind = _kind(analysis, main)
    return all(
        (other := _kind(analysis, o)) != kind
        and _SPECIFIC_KINDS & {kind, other}
        and compiled.term_of_form(o.form).type not in ABBREVIATED
        for o in others
    )  # an acronym is the name's, right or wrong: "Convention against Torture (SPT)"


#: kinds of concept a parenthesis names to say where or under what a body or term is
_SPECIFIC_KINDS = frozenset({"place", "instrument"})


def _kind(analysis: Analysis, occurrence: Occurrence) -> str:
    """The kind of thing an occurrence names, from its concepts' ``subject``: "place",
    "instrument" (``law (instrument)``), else the subject's head word ("institution");
    empty when its concepts differ in kind or say none."""
    kinds = set()
    for concept_id in occurrence.concepts:
        subject = (analysis.concept(concept_id).subject or "").strip().lower()
        if subject.startswith("place"):
            kinds.add("place")
        elif subject.startswith("law (instrument"):
            kinds.add("instrument")
        else:
            kinds.add(subject.split(" (")[0])
    return kinds.pop() if len(kinds) == 1 else ""


def _is_gloss(
    analysis: Analysis,
    segment: int,
    start: int,
    end: int,
    inside: list[int],
    same: bool = False,
) -> bool:
    """Whether the region holds renderings (and filler such as "in Spanish") and little else.

    A gloss gives one name and perhaps an acronym; two or more names, or two or more
    acronyms, are a list: "Poder Ciudadano (Ministerio Público, Defensoría del Pueblo y
    Contraloría)", "R4V (UNHCR and IOM)", "United Nations (UNICEF, PAHO and OCHA)".
    A rendering of the ``same`` concept as the name glossed may be followed by an
    aside after a comma: "(Sala Constitucional, known locally as the Sala IV)".
    """
    covered = 0
    names = acronyms = 0
    for j in inside:
        occurrence = analysis.occurrences[j]
        covered += occurrence.tok_end - occurrence.tok_start
        if analysis.compiled.term_of_form(occurrence.form).type in ABBREVIATED:
            acronyms += 1  # "(Corte Interamericana de Derechos Humanos, Corte IDH)"
        else:
            names += 1
    if names > 1 or acronyms > 1:
        return False
    text = analysis.scans[segment].text
    first = min(analysis.occurrences[j].start for j in inside)
    if not _RELATION_WORDS.isdisjoint(norm_tokens(text[start:first])):
        return False  # "(formerly the Democratic Unity Roundtable, MUD)": another body
    if same:
        last = max(analysis.occurrences[j].end for j in inside)
        if text.startswith(",", last) and not text[start:first].strip():
            end = last  # the rest is an aside about the name
    tokens = norm_tokens(text[start:end])
    rest = [t for t in tokens if t not in _GLOSS_FILLER]
    return covered >= max(1, len(rest) * 0.6)


def _assign_context(analysis: Analysis) -> None:
    """The language expected at each occurrence: a gloss is in the other language."""
    for occurrence in analysis.occurrences:
        paragraph = analysis.segment_languages[occurrence.segment]
        passage = _passage_language(analysis, occurrence.segment, occurrence.start)
        occurrence.context = passage or paragraph
    for occurrence in analysis.occurrences:
        if occurrence.role == "gloss" and occurrence.parent is not None:
            parent = analysis.occurrences[occurrence.parent]
            parent_language = analysis.compiled.term_of_form(parent.form).language
            occurrence.context = _other_language(analysis, parent, parent_language)
    for i, item in enumerate(analysis.fuzzy):
        paragraph = analysis.segment_languages[item.segment]
        context = _passage_language(analysis, item.segment, item.start) or paragraph
        if item.role == "gloss" and item.parent is not None:
            parent = analysis.occurrences[item.parent]
            parent_language = analysis.compiled.term_of_form(parent.form).language
            context = _other_language(analysis, parent, parent_language)
        analysis.fuzzy[i] = dataclasses.replace(item, context=context)


def _other_language(analysis: Analysis, occurrence: Occurrence, language: str) -> str | None:
    concept = analysis.concept(occurrence.concepts[0])
    for other in concept.terms:
        if other != language:
            return other
    return None
