"""Article rules GL101-GL108: each judges the facts of ``glosador.analysis``.

A rule's ``check(analysis)`` yields ``Raw`` findings in segment offsets; the
checker (``glosador.check``) keeps one finding per span (the most specific, by
``PRECEDENCE``), places it in the file and applies select/ignore.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from glosador.analysis import (
    ABBREVIATED,
    NAME_LINKS,
    Analysis,
    Occurrence,
    clause_countries,
    headline,
    language_label,
    name_before,
    quoted_span,
    sentence_initial,
)
from glosador.matcher import STOPWORDS
from glosador.model import Concept, Severity, Status, Term, TermType
from glosador.normalize import norm_key
from glosador.rules import Rule, register

__all__ = ["PRECEDENCE", "ArticleRule", "Raw"]

#: when two findings cover the same span, the earlier code wins
PRECEDENCE = ("GL101", "GL107", "GL103", "GL106", "GL104", "GL105", "GL102", "GL108")


@dataclass(frozen=True, slots=True)
class Raw:
    """A finding before placement: segment offsets, not lines and columns."""

    code: str
    segment: int
    start: int
    end: int
    message: str
    concept: str | None
    language: str | None
    suggestions: tuple[str, ...]
    #: an exact edit when the first suggestion does not replace the whole span (GL107)
    fix: tuple[int, int, str] | None = None


class ArticleRule(Rule):
    scope: ClassVar[str] = "document"

    @classmethod
    def check(cls, analysis: Analysis) -> Iterator[Raw]:
        raise NotImplementedError


def _language_name(code: str | None) -> str:
    names = {"es": "Spanish", "en": "English", "fr": "French", "pt": "Portuguese"}
    if code is None:
        return "unknown"
    return names.get(code.split("-")[0], code)


def _preferred(concept: Concept, language: str | None, like: Term | None = None) -> Term | None:
    """The preferred term in ``language``, of the same kind as ``like`` when there is one."""
    if language is None or language not in concept.terms:
        return None
    terms = concept.terms[language]
    if like is not None and like.type in ABBREVIATED:
        # an acronym for an acronym, else an abbreviation ("CIDH" -> "Corte IDH")
        for kind in (like.type, *(t for t in ABBREVIATED if t is not like.type)):
            for term in terms:
                if term.type is kind and term.status is not Status.DEPRECATED:
                    return term
    if like is not None and like.type is TermType.SHORT_FORM:
        # a preferred short form, else any that is not deprecated: "UN Refugee Agency"
        # in Spanish is "Agencia de la ONU para los Refugiados", not the full name
        short = [t for t in terms if t.type is TermType.SHORT_FORM]
        for term in short:
            if term.status is Status.PREFERRED:
                return term
        for term in short:
            if term.status is not Status.DEPRECATED:
                return term
    return concept.preferred(language)


def _in_number_of(analysis: Analysis, occurrence: Occurrence, replacement: Term) -> str:
    """``replacement`` in the grammatical number of the text at ``occurrence``.

    "enforced disappearances" in Spanish text suggests "desapariciones forzadas", not
    the glossary's singular. Proper names and acronyms are never inflected.
    """
    from glosador.inflect import is_plural, other_number
    from glosador.normalize import lower_tokens

    form = analysis.compiled.forms[occurrence.form]
    original = analysis.compiled.terms[form.term]
    if replacement.type is TermType.ACRONYM or any(c.isupper() for c in replacement.term):
        return replacement.term
    text_plural = is_plural(lower_tokens(original.term), original.language) != form.inflected
    words = tuple(replacement.term.split())
    if is_plural(words, replacement.language) == text_plural:
        return replacement.term
    other = other_number(words, replacement.language)
    return " ".join(other) if other else replacement.term


#: words a title in title case leaves in lower case
_SMALL_WORDS = STOPWORDS | frozenset(["or", "nor", "but", "o", "u", "ni", "vs"])


def _adapt(replacement: str, original: str) -> str:
    """Keep a capital at the start of a sentence ("Presos politicos" -> "Presos
    políticos"), the capitals of an all-caps heading ("COMITE CONTRA LA TORTURA"
    -> "COMITÉ CONTRA LA TORTURA") and of words in title case ("Migrant Trafficking"
    -> "Migrant Smuggling")."""
    if original.isupper() and len(original) > 1 and " " in original.strip():
        return replacement.upper()
    words = original.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words) and replacement.islower():
        # title case ("Migrant Trafficking Networks Move ..."): "Migrant Smuggling"
        return " ".join(
            w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:]
            for i, w in enumerate(replacement.split())
        )
    first = words[0] if words else ""
    if len(first) > 1 and first.isupper():
        return replacement  # an acronym's capitals say nothing of the sentence: "dijo
        # Karim Khan, ICC prosecutor, ..." wants "fiscal de la CPI"
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _agreed(
    analysis: Analysis, occurrence: Occurrence, judge: object
) -> tuple[str, str, tuple[str, ...]] | None:
    """Judge each candidate concept; report only what every candidate agrees on."""
    if len(occurrence.concepts) == 1:  # the common case: a resolved occurrence
        concept_id = occurrence.concepts[0]
        return judge(analysis.concept(concept_id), analysis.term(occurrence))  # type: ignore[operator,no-any-return]
    results = []
    for concept_id in occurrence.concepts:
        result = judge(analysis.concept(concept_id), analysis.term(occurrence, concept_id))  # type: ignore[operator]
        if result is None:
            return None
        results.append(result)
    first = results[0]
    if all(r[2][:1] == first[2][:1] for r in results):
        return (first[0] if len(results) == 1 else "", first[1], first[2])
    return None


@register
class MixedRendering(ArticleRule):
    """## What it does
    Finds a name whose words come from two languages' forms of one concept: a
    half-translated rendering such as "Memoria, Justice and Democracy" or "Comité
    of Mothers for the Defense of the Truth", including one that moves a translated
    word to where the other language puts it ("Venezuelan Observatorio de Prisiones"
    for "Observatorio Venezolano de Prisiones"), and one that replaces half a name
    with another concept's name in the other language ("Free the Presos Políticos"),
    and one begun in one language and finished with the tail of the other language's
    full form, whatever the two tails' lengths ("Constitutional Law against Hatred,
    por la Convivencia Pacífica y la Tolerancia"). A function word of the other
    language is enough in a name of three content words or more standing otherwise
    whole ("Group of Human Rights Experts sobre Nicaragua", "Memory, Truth y
    Justice"); of the one-letter words only "y" counts ("a" is a word of both
    languages).

    ## Why is this bad?
    A reader can find neither form; search engines and archives split the name
    in two. It is the mistake translators make most when they revise a draft in
    a hurry, and no spell-checker sees it: every word is spelt right.

    ## Example
    ```text
    especially on Memory, Justice and Democracy (Memoria, Justice and Democracy)
    ```

    Use instead:
    ```text
    especially on Memory, Justice and Democracy (Memoria, Justicia y Democracia)
    ```
    The suggestions are the concept's preferred forms, the language expected at
    that place first: in a gloss `English (Spanish)`, the gloss's language; else
    the paragraph's.

    ## Glossary fields
    `terms` (`language -> terms`): the words of every form in every language of
    the concept. Acronyms are left out.
    """

    code = "GL101"
    name = "mixed-rendering"
    summary = "words of one concept's forms taken from two languages"
    default_severity = Severity.ERROR
    fix_safe = True

    @classmethod
    def check(cls, analysis: Analysis) -> Iterator[Raw]:
        for item in analysis.fuzzy:
            if item.kind != "mixed":
                continue
            concept = analysis.concept(item.concept)
            order = [item.context] + [lang for lang in concept.terms if lang != item.context]
            # the kind of form the writer was writing: a short form mixed is fixed with
            # a short form ("Misión de Determinación de los Hechos sobre Venezuela")
            aimed = analysis.compiled.term_of_form(item.form)
            like = aimed if aimed.type is TermType.SHORT_FORM else None
            suggestions = []
            for language in order:
                preferred = _preferred(concept, language, like)
                if preferred is not None and preferred.term not in suggestions:
                    suggestions.append(preferred.term)
            text = analysis.text(item.segment, item.start, item.end)
            suggestions = [_adapt(suggestion, text) for suggestion in suggestions]
            languages = " and ".join(
                _language_name(lang) for lang in sorted(concept.terms) if lang in ("es", "en")
            )
            yield Raw(
                cls.code,
                item.segment,
                item.start,
                item.end,
                f"{text!r} mixes the {languages} forms of {concept.id}",
                concept.id,
                item.context,
                tuple(suggestions),
            )


@register
class InconsistentRendering(ArticleRule):
    """## What it does
    Finds a concept written in two different full forms of one language in one document:
    the first full form used sets the rendering, and a later, different full form is
    reported. Acronyms and short forms after a full form are fine, and so are two forms
    that are both preferred (such as the masculine and feminine of a title), a form
    quoted on its own, which names the term rather than uses it ("the court uses the
    term “forced disappearance”"), a form given as what others call the body ("sometimes
    called", "known abroad as", "as some outlets call it", "el llamado"; not "called"
    with the name as its object), a form inside a quotation (quote marks or HTML `<q>`):
    someone's words, quoted as they were said; a form inside a longer capitalised name
    or title ("the Trafficking in Persons Report", "el Protocolo contra el tráfico
    ilícito de migrantes"); a lower-case English term heading a phrase of its own ("a
    second round of talks" after "runoff"); a form that is the other with a complement
    added ("enforced disappearance of persons", the crime's legal name) or a listed
    variant adding a content word ("tráfico ilícito de migrantes"; one adding only an
    article, "Comité de las Madres ...", is still a second rendering); and forms bound
    to different countries' usage (`context`: El Salvador's "régimen de excepción",
    another country's "estado de excepción"), or with a word in the other gender (two
    people: "el ministro de la Defensa", "la ministra de la Defensa"; "presidente
    encargado", "presidenta interina"), or, for terms written in lower case (offices
    every country has), used of two countries (the clause, else the nearest earlier
    sentence of its paragraph, names a country, and the two name none in common:
    "Bolivia's interim president", "Venezuela's acting president"; a body's name,
    "Doctors Without Borders" in Panama and "Médecins Sans Frontières" in Mexico, is one
    body and is still reported). A name listed the same in both languages ("Universidad
    Central de Venezuela", `translate: false`) counts as the paragraph's language's
    term, so an English rendering after it is a second rendering. In a headline in title
    case a name among the capitalised words sets no rendering (they may be ordinary
    words: "Families Say the Popular Will Is Ignored"); it is reported when it is not
    preferred and the body's first rendering is, with the body's as suggestion ("Supreme
    Tribunal of Justice Bars ..." over "Venezuela's Supreme Court of Justice").

    ## Why is this bad?
    Readers take two names for two bodies. "The Supreme Court of Justice ... the
    Supreme Tribunal of Justice" reads as if two courts spoke.

    ## Example
    ```text
    The Supreme Court of Justice did not answer. Later, the Supreme Tribunal of
    Justice said it would review the cases.
    ```

    Use instead:
    ```text
    The Supreme Court of Justice did not answer. Later, the Supreme Court of
    Justice said it would review the cases.
    ```

    ## Glossary fields
    `status` (`preferred|admitted`): admitted forms are correct alone, but not
    after another full form. `type` (`full-form|variant` vs `short-form|acronym`).
    """

    code = "GL102"
    name = "inconsistent-rendering"
    summary = "one concept in two different full forms of one language"
    default_severity = Severity.WARNING
    fix_safe = True

    @classmethod
    def check(cls, analysis: Analysis) -> Iterator[Raw]:
        # each concept's full forms per language, in order; only a concept written in two
        # forms can be inconsistent, so the others are never looked at again
        chosen: dict[tuple[str, str], list[tuple[Occurrence, Term]]] = {}
        for occurrence in analysis.occurrences:
            if not occurrence.resolved or occurrence.quoted or occurrence.in_place_name:
                continue  # a quoted term is mentioned, not chosen: "uses the term “X”"
            if occurrence.called:
                continue  # "Foro Penal, sometimes called Penal Forum abroad"
            if occurrence.in_quotation:
                continue  # someone's words, quoted as they were said
            if occurrence.role == "gloss":
                continue  # "Doctors Without Borders (Médecins Sans Frontières, MSF)"
            if _heads_a_phrase(analysis, occurrence):
                continue  # "a second round of talks": the words, in another sense
            term = _term_in_context(analysis, occurrence)
            if not term.is_full or term.status is Status.DEPRECATED:
                continue
            chosen.setdefault((occurrence.concepts[0], term.language), []).append(
                (occurrence, term)
            )
        found: list[tuple[int, int, Raw]] = []
        for renderings in chosen.values():
            if len({term.term for _, term in renderings}) > 1:
                found.extend(cls._inconsistent(analysis, renderings))
        for *_, raw in sorted(found, key=lambda item: item[:2]):
            yield raw

    @classmethod
    def _inconsistent(
        cls, analysis: Analysis, renderings: list[tuple[Occurrence, Term]]
    ) -> Iterator[tuple[int, int, Raw]]:
        """The renderings of one concept in one language that differ from the first,
        each with its segment and offset (to report them in document order)."""
        earlier: Term | None = None
        first: Occurrence | None = None
        headlined: list[tuple[Occurrence, Term]] = []
        for occurrence, term in renderings:
            if _in_a_headline(analysis, occurrence):
                headlined.append((occurrence, term))
                continue
            if earlier is None:
                if not analysis.longer_name(occurrence):  # a title sets no rendering
                    earlier, first = term, occurrence
                continue
            if earlier is term or earlier.term == term.term:
                continue
            if earlier.status is Status.PREFERRED and term.status is Status.PREFERRED:
                continue
            if earlier.context != term.context:
                continue  # a country's own usage ("régimen de excepción" in El Salvador)
            if _expands(earlier, term):
                continue  # "enforced disappearance of persons", the crime's full legal name
            if _gender_pair(earlier, term):
                continue  # "el ministro de la Defensa", "la ministra de la Defensa"
            if analysis.longer_name(occurrence):
                continue  # a title: "the Trafficking in Persons Report"
            if (
                first is not None
                and _common_nouns(earlier, term)
                and _other_countries(analysis, first, occurrence)
            ):
                continue  # "Bolivia's interim president", "Venezuela's acting president"
            yield cls._second_rendering(analysis, occurrence, term, earlier, "earlier in")
        if earlier is not None and earlier.status is Status.PREFERRED:
            yield from cls._headlined(analysis, headlined, earlier)

    @classmethod
    def _headlined(
        cls, analysis: Analysis, headlined: list[tuple[Occurrence, Term]], body: Term
    ) -> Iterator[tuple[int, int, Raw]]:
        """A headline's rendering that is not preferred, where the body's is: the
        headline is reported, with the body's as suggestion ("Supreme Tribunal of
        Justice Bars ..." over "Venezuela's Supreme Court of Justice ruled")."""
        for occurrence, term in headlined:
            if term.term == body.term or term.status is Status.PREFERRED:
                continue  # "Families Say the Popular Will Is Ignored": may be the words
            if term.context != body.context or _expands(body, term) or _gender_pair(body, term):
                continue
            yield cls._second_rendering(analysis, occurrence, term, body, "in the body of")

    @classmethod
    def _second_rendering(
        cls, analysis: Analysis, occurrence: Occurrence, term: Term, chosen: Term, where: str
    ) -> tuple[int, int, Raw]:
        """The finding for ``occurrence`` (written as ``term``) where the document's
        rendering is ``chosen``, with its segment and offset."""
        text = analysis.text(occurrence.segment, occurrence.start, occurrence.end)
        suggestion = _adapt(_in_number_of(analysis, occurrence, chosen), text)
        raw = Raw(
            cls.code,
            occurrence.segment,
            occurrence.start,
            occurrence.end,
            f"{text!r} is written {suggestion!r} {where} this document",
            occurrence.concepts[0],
            term.language,
            (suggestion,),
        )
        return occurrence.segment, occurrence.start, raw


def _in_a_headline(analysis: Analysis, occurrence: Occurrence) -> bool:
    """Whether a name stands among a title-case headline's capitalised words, which
    make it look part of a longer name ("Supreme Tribunal of Justice Bars ...") but
    may also be ordinary words ("Families Say the Popular Will Is Ignored"); across
    a title's small words it is part of a title ("Protocol Against the Smuggling of
    Migrants Turns Twenty")."""
    return (
        bool(analysis.longer_name(occurrence))
        and headline(analysis.scans[occurrence.segment].text)
        and name_before(analysis, occurrence, title_case=True) != "linked"
    )


def _whole_name_glossed(analysis: Analysis, occurrence: Occurrence) -> bool:
    """Whether a name ending a longer name is followed by a parenthesis holding another
    rendering of its concept: the parenthesis glosses the longer name as a whole."""
    text = analysis.scans[occurrence.segment].text
    opening = occurrence.end + len(text[occurrence.end :]) - len(text[occurrence.end :].lstrip())
    if not text.startswith("(", opening):
        return False
    closing = text.find(")", opening)
    if closing < 0:
        return False
    return any(
        other.segment == occurrence.segment
        and opening < other.start
        and other.end <= closing
        and set(other.concepts) & set(occurrence.concepts)
        for other in analysis.occurrences
    )


def _common_nouns(one: Term, other: Term) -> bool:
    """Whether two terms are written in lower case, as an office or a thing every
    country has is ("attorney general"), not a name of one body ("Doctors Without
    Borders"), which stays one body wherever the clause is set."""
    return one.term[:1].islower() and other.term[:1].islower()


def _other_countries(analysis: Analysis, one: Occurrence, other: Occurrence) -> bool:
    """Whether the clauses of two occurrences name countries, and none in common: a
    term of a regional piece used of two countries' officials or institutions ("Ukraine's
    prosecutor general", "Venezuela's attorney general") is two things, not one."""
    mine, theirs = clause_countries(analysis, one), clause_countries(analysis, other)
    return bool(mine) and bool(theirs) and not mine & theirs


def _term_in_context(analysis: Analysis, occurrence: Occurrence) -> Term:
    """The occurrence's term, in the language expected at its place when one of its
    forms is: "Universidad Central de Venezuela", listed the same in Spanish and
    English, is the English term in English prose (and "Central University of
    Venezuela" after it a second rendering)."""
    compiled = analysis.compiled
    for form in occurrence.forms:
        term = compiled.term_of_form(form)
        if term.language == occurrence.context and (
            compiled.concept_of_form(form) == occurrence.concepts[0]
        ):
            return term
    return analysis.term(occurrence)


def _gender_pair(one: Term, other: Term) -> bool:
    """Whether two Spanish terms put a word in the other gender ("ministro"/"ministra",
    "presos"/"presas", "presidente encargado"/"presidenta interina"): two people, not
    two renderings, whatever else differs."""
    from glosador.normalize import norm_tokens

    a, b = norm_tokens(one.term), norm_tokens(other.term)
    if one.language != "es" or a == b:
        return False
    for x, y in zip(a, b, strict=False):
        stem_x, stem_y = x.rstrip("s"), y.rstrip("s")
        if x == y or len(stem_x) < 3 or stem_x[:-1] != stem_y[:-1]:
            continue
        if {stem_x[-1], stem_y[-1]} in ({"o", "a"}, {"e", "a"}):
            return True
    return False


def _expands(one: Term, other: Term) -> bool:
    """Whether one term is the other with a complement added: "enforced
    disappearance of persons", or a listed variant that adds a content word anywhere
    ("tráfico ilícito de migrantes" for "tráfico de migrantes"): the fuller name. A
    variant adding only an article ("Comité de las Madres" for "Comité de Madres") is
    the same name written two ways."""
    from glosador.normalize import norm_tokens

    a, b = norm_tokens(one.term), norm_tokens(other.term)
    (shorter, _), (longer, long_term) = sorted(((a, one), (b, other)), key=lambda x: len(x[0]))
    if len(shorter) >= len(longer):
        return False
    if long_term.type is TermType.VARIANT:
        rest = iter(longer)
        if not all(word in rest for word in shorter):  # in order, words between allowed
            return False
        added = list(longer)
        for word in shorter:
            added.remove(word)
        return any(word not in STOPWORDS for word in added)
    return longer[: len(shorter)] == shorter and longer[len(shorter)] in ("of", "de", "del")


def _heads_a_phrase(analysis: Analysis, occurrence: Occurrence) -> bool:
    """Whether a lower-case English term is followed by "of": a phrase with its own
    head ("a second round of talks"), where the words need not be the concept. (Spanish
    "de" follows nearly every noun: "el referendo revocatorio de 2016".)"""
    compiled = analysis.compiled
    if compiled.proper[compiled.forms[occurrence.form].term]:
        return False
    tokens = analysis.scans[occurrence.segment].tokens
    return occurrence.tok_end < len(tokens) and tokens[occurrence.tok_end] == "of"


@register
class DeprecatedTerm(ArticleRule):
    """## What it does
    Finds a term the glossary marks `deprecated`: a rendering editors meet but
    the newsroom has decided against. A deprecated term quoted on its own is named,
    not used (a correction: 'referred to Foro Penal as "Penal Forum"'), and so is one
    given as what others call the body ("known abroad as Penal Forum", "Penal Forum,
    as some outlets call it"); neither is reported. "Called" must be a participle
    ("sometimes called", "is called"): in "the council called the Penal Forum lawyers"
    the name is used. A deprecated term inside a quotation (quote marks or HTML
    `<q>`) is someone's words, quoted as they were said, and is not reported either
    ('"We met with Penal Forum lawyers," the senator said'); one in italics is.

    ## Why is this bad?
    Deprecated renderings are usually wrong or misleading translations ("Penal
    Forum" for Foro Penal, whose own name is used in English) or names a body no
    longer uses.

    ## Example
    ```text
    Penal Forum lawyers say the count keeps rising.
    ```

    Use instead:
    ```text
    Foro Penal lawyers say the count keeps rising.
    ```

    ## Glossary fields
    `status` (`deprecated`): the term to report. The suggestion is the concept's
    preferred term in the same language.
    """

    code = "GL103"
    name = "deprecated-term"
    summary = "a term marked deprecated"
    default_severity = Severity.ERROR
    fix_safe = True

    @classmethod
    def check(cls, analysis: Analysis) -> Iterator[Raw]:
        for occurrence in analysis.occurrences:
            if occurrence.quoted or occurrence.called:
                continue  # quoted to be named, as a correction or a style note does, or
                # named as what others call it ("known abroad as Penal Forum")
            if occurrence.in_quotation and not occurrence.in_italics:
                continue  # someone's words, quoted as they were said

            def judge(
                concept: Concept, term: Term, occ: Occurrence = occurrence
            ) -> tuple[str, str, tuple[str, ...]] | None:
                if term.status is not Status.DEPRECATED:
                    return None
                preferred = _preferred(concept, term.language, term)
                if preferred is None:
                    return None
                return (concept.id, term.language, (_in_number_of(analysis, occ, preferred),))

            agreed = _agreed(analysis, occurrence, judge)
            if agreed is None:
                continue
            text = analysis.text(occurrence.segment, occurrence.start, occurrence.end)
            concept_id, language, suggestions = agreed
            yield Raw(
                cls.code,
                occurrence.segment,
                occurrence.start,
                occurrence.end,
                f"{text!r} is deprecated; use {suggestions[0]!r}",
                concept_id or None,
                language,
                tuple(_adapt(s, text) for s in suggestions),
            )


@register
class MissingDiacritics(ArticleRule):
    """## What it does
    Finds a form that matches a glossary term only when accents are ignored:
    "Comite por la Liberacion", "presos politicos".

    ## Why is this bad?
    Accents are part of Spanish spelling and of an institution's name; dropped
    accents look careless in print and break exact search.

    ## Example
    ```text
    Foro Penal contabiliza más de 800 presos politicos.
    ```

    Use instead:
    ```text
    Foro Penal contabiliza más de 800 presos políticos.
    ```

    Not reported: a paragraph or quotation in a language the concept has no terms
    in (Portuguese writes "Ministério Público", Spanish "Ministerio Público"); a
    word written with an accent on its last vowel where the name has it elsewhere or
    none, which is another word (the verb in "el Ministerio publicó", not "Ministerio
    Público"; an accent on another vowel, as in "Polícia", is still reported); a
    one-word name whose only capital opens a sentence in Spanish or in a quotation
    without English words ("Sumate a la marcha": the verb, not the organisation
    Súmate; "Sumate said the count was incomplete" in English is the name); a form
    whose words a sentence end divides ("every migrant. Trafficking ..."); a form
    marked as written with "[sic]" or "(sic)", right after it or later in the
    quotation holding it («... los presos politicos [sic]»), which no rule reports.

    ## Glossary fields
    `term` (`string`): written with its accents. Regular plurals and singulars of
    lower-case terms are matched too; where inflection moves an accent
    ("crimen"/"crímenes") only a form with no accent at all is reported.
    """

    code = "GL104"
    name = "missing-diacritics"
    summary = "a form that matches only with its accents removed or wrong"
    default_severity = Severity.ERROR
    fix_safe = True

    @classmethod
    def check(cls, analysis: Analysis) -> Iterator[Raw]:
        for occurrence in analysis.occurrences:
            if occurrence.quality != "accents":
                continue
            form = analysis.compiled.forms[occurrence.form]
            term = analysis.compiled.terms[form.term]
            context = occurrence.context
            if context and context not in analysis.concept(occurrence.concepts[0]).terms:
                continue  # Portuguese "Ministério Público" is spelt right in Portuguese
            text = analysis.text(occurrence.segment, occurrence.start, occurrence.end)
            expected = _restore(text, form.expected) if form.inflected else term.term
            yield Raw(
                cls.code,
                occurrence.segment,
                occurrence.start,
                occurrence.end,
                f"{text!r} lacks the accents of {expected!r}",
                occurrence.concepts[0] if occurrence.resolved else None,
                term.language,
                (_adapt(expected, text),),
            )


def _restore(text: str, expected: tuple[str, ...]) -> str:
    """Write the expected tokens over the text's tokens, keeping separators and capitals."""
    parts = re.split(r"(\w+)", text)
    words = iter(expected)
    out = []
    for part in parts:
        if part and re.fullmatch(r"\w+", part):
            word = next(words, part)
            out.append(word[:1].upper() + word[1:] if part[:1].isupper() else word)
        else:
            out.append(part)
    return "".join(out)


@register
class WrongCase(ArticleRule):
    """## What it does
    Finds a `case_sensitive` form (an acronym, by default) written in another case,
    such as "Clippve" for CLIPPVE, or "PROVEA" in running text for Provea. A line in
    capitals (a heading) is not reported, nor a name of several words set in capitals
    for emphasis, nor lower-case words that happen to spell a short acronym ("an" is
    not AN).

    ## Why is this bad?
    An organisation's acronym is part of its name; a mangled one looks like a
    different body or a typo.

    Not reported either: a title-case word the document also writes as a person's
    first name before a surname, when it never names the acronym's body ("Dina, como
    la llaman" beside "Dina Boluarte" is not DINA); a capitalised word of a headline in
    title case ("Families' Bid to Free ...": the word, not BID; but a word whose
    letters no word has, no vowel or three consonants in a row joining no cluster, is
    the acronym: "Families Ask Cicpc for Answers"); a title-case word
    opening a sentence that the document also writes in lower case ("Clap for them,
    clap so they hear you": the verb, not the CLAP committees).

    ## Example
    ```text
    Relatives joined Clippve in 2024.
    ```

    Use instead:
    ```text
    Relatives joined CLIPPVE in 2024.
    ```

    ## Glossary fields
    `case_sensitive` (`bool`): true by default for `type: acronym`; set it on other
    terms whose capitalisation is fixed (Provea, eBay).
    """

    code = "GL105"
    name = "wrong-case"
    summary = "a case-sensitive form in the wrong case"
    default_severity = Severity.WARNING
    fix_safe = True

    @classmethod
    def check(cls, analysis: Analysis) -> Iterator[Raw]:
        for occurrence in analysis.occurrences:
            if occurrence.quality != "case":
                continue
            term = analysis.term(occurrence)
            text = analysis.text(occurrence.segment, occurrence.start, occurrence.end)
            if _a_word_opening_a_sentence(analysis, occurrence, text):
                continue
            yield Raw(
                cls.code,
                occurrence.segment,
                occurrence.start,
                occurrence.end,
                f"{text!r} is written {term.term!r}",
                occurrence.concepts[0] if occurrence.resolved else None,
                _language_here(analysis, occurrence, term),
                (term.term,),
            )


def _language_here(analysis: Analysis, occurrence: Occurrence, term: Term) -> str:
    """The language a form is expected in where it stands: the place's, when the
    concept writes the form alike in it ("PUD" in English prose is the English
    acronym too), else the form's own."""
    context = occurrence.context
    if context is None or context == term.language or not occurrence.resolved:
        return term.language
    concept = analysis.concept(occurrence.concepts[0])
    same = any(t.term == term.term for t in concept.terms.get(context, ()))
    return context if same else term.language


def _body_it_belongs_to(analysis: Analysis, concept: Concept, gloss: Occurrence) -> bool:
    """Whether the glossary's definition of ``concept`` names the gloss's concept as
    the body it is part of ("Principal OAS organ ...", "UN special procedure ...", a
    subject "international body (UN)"),
    which a parenthesis after its name attributes it to, as a gloss would not. A body
    the definition merely mentions ("alliance of the PSUV") does not count."""
    about = " ".join(filter(None, (concept.subject, concept.definition)))
    if not about:
        return False
    # the subject's parenthesis: "international body (UN)"
    owner = re.search(r"\(([^()]+)\)\s*$", concept.subject or "")
    for concept_id in gloss.concepts:
        other = analysis.concept(concept_id)
        for terms in other.terms.values():
            for term in terms:
                if owner and owner.group(1).strip() == term.term:
                    return True
                name = re.escape(term.term)
                if re.search(rf"(?<!\w){name}(?:\s+\w+)?\s+{_PART}", about) or re.search(
                    rf"\b{_PART}\s+of\s+(?:the\s+)?{name}(?!\w)", about
                ):
                    return True
    return False


def _acronym_its_definition_names(analysis: Analysis, concept: Concept, gloss: Occurrence) -> bool:
    """Whether a concept with no acronym of its own is followed by an acronym its
    definition names: "El Helicoide (SEBIN)", the building "used by SEBIN". An acronym
    cannot gloss a name that has none; the parenthesis relates the name to that body.
    (A concept with an acronym is still wrong so: "Gran Polo Patriótico (PSUV)".)"""
    if not concept.definition or any(term.type is TermType.ACRONYM for term in concept.all_terms()):
        return False
    written = analysis.term(gloss)
    if written.type is not TermType.ACRONYM:
        return False
    return re.search(rf"(?<!\w){re.escape(written.term)}(?!\w)", concept.definition) is not None


#: what a definition calls a body that is part of another: "Principal OAS organ",
#: "UN special procedure", "an agency of the UN"
_PART = r"(?:organ|body|agency|procedure|mechanism|branch|arm|part|office|entity)s?\b"


def _a_word_opening_a_sentence(analysis: Analysis, occurrence: Occurrence, text: str) -> bool:
    """Whether a title-case acronym opening a sentence is a word the document also
    writes in lower case: "Clap for them, clap so they hear you"."""
    if occurrence.tok_end - occurrence.tok_start != 1 or not (
        text[:1].isupper() and text[1:].islower()
    ):
        return False
    segment_text = analysis.scans[occurrence.segment].text
    if not sentence_initial(segment_text, occurrence.start):
        return False
    word = re.compile(rf"(?<!\w){re.escape(text.lower())}(?!\w)")
    return any(word.search(scan.text) for scan in analysis.scans)


def _glossed_in(
    analysis: Analysis, occurrence: Occurrence, concept: Concept, term: Term, language: str
) -> bool:
    """Whether a gloss gives the concept's ``language`` form (not one shared with ``term``'s)."""
    for j in occurrence.glosses:
        gloss = analysis.occurrences[j]
        if concept.id not in gloss.concepts:
            continue
        gloss_term = analysis.term(gloss, concept.id)
        if _form_in(concept, gloss_term, language) and not _form_in(
            concept, gloss_term, term.language
        ):
            return True
    return False


def _form_in(concept: Concept, term: Term, language: str) -> bool:
    """Whether the same written form is also a rendering of the concept in ``language``."""
    key = norm_key(term.term)
    return any(norm_key(t.term) == key for t in concept.terms.get(language, ()))


@register
class UntranslatedTerm(ArticleRule):
    """## What it does
    Finds a translatable concept written in the other language's form, outside a
    gloss, in a paragraph of the document's language: "the Asamblea Nacional
    voted" in English, "La Venezuelan Program for Education and Action in Human
    Rights (Provea) recordó" in Spanish.

    Not reported: a gloss (`National Assembly (Asamblea Nacional)`); a form glossed
    right after by the paragraph's language (`Asamblea Nacional (National Assembly)`,
    also after a closing quote); a quotation in the other language, including a name
    quoted on its own (a banner reading "Liberen a los presos políticos", an HTML `<q>`,
    a name given as what others call the body: "often called the Consejo Nacional
    Electoral", "Venezuelans call it simply the ...", or as what initials stand for,
    italics (not a caption or other sentence of the paragraph's language set in
    italics for style), `¡...!` inside them), and a passage marked as in a language (`<span
    lang="es">`, "[In Spanish] ..."); a block of names, one a line (signatories, a
    contact block), each written as its body writes it; a name filling a table cell
    beside a cell that names its concept in the other language (a row "| Ombudsman's
    Office | Defensoría del Pueblo |"); a name marked as such ("Abuelas
    de Plaza de Mayo (in Spanish)"), or opening a title so marked ("[Testigos
    electorales, un año después](...) (in Spanish)"), or said to be in its language
    by the words of its clause ("known by its Spanish acronym, CIDH", "la ICC, como
    se la conoce en inglés"); a name inside a place's name ("Avenida Naciones Unidas") or inside a
    longer name the glossary lacks ("the Asociación Madres de Plaza de Mayo"), or
    ending one whose parenthesis glosses it whole ("the Ley Orgánica del Tribunal
    Supremo de Justicia (Organic Law of the Supreme Court of Justice)"); the gloss
    of such a name ("the Public Prosecutor's Office for Crimes against Humanity
    (Procuraduría de Crímenes contra la Humanidad)") or of a description, when the name
    fills the parenthesis ("the country's highest court (Tribunal Supremo de
    Justicia)"); a form glossed by an appositive or a slash ("the Jurisdicción Especial
    para la Paz, or Special Jurisdiction for Peace", "Damas de Blanco / Ladies in
    White"); an acronym the text defines as something else ("the consumer price index
    (CPI)"); a document symbol ("OEA/Ser.L/V/II"); concepts with `translate: false`
    (Foro Penal); a form that is the same in both languages (most acronyms); paragraphs
    in a language the concept has no terms in.

    ## Why is this bad?
    Readers of the translation may not read the source language; a name left
    untranslated is a name they cannot look up.

    ## Example
    ```text
    The statement asked the Asamblea Nacional to publish the names.
    ```

    Use instead:
    ```text
    The statement asked the National Assembly to publish the names.
    ```

    ## Glossary fields
    `translate` (`bool`): false when the source-language name is right in every
    language. The suggestion is the preferred term (of the same type: acronym for
    an acronym) in the paragraph's language.
    """

    code = "GL106"
    name = "untranslated-term"
    summary = "a translatable concept in the other language's form"
    default_severity = Severity.WARNING
    fix_safe = False

    @classmethod
    def check(cls, analysis: Analysis) -> Iterator[Raw]:
        for occurrence in analysis.occurrences:
            if occurrence.role != "main" or occurrence.context is None:
                continue
            if occurrence.quoted or occurrence.in_place_name or occurrence.in_italics:
                continue  # a quotation in its own language; a street's name; a name in italics
            if occurrence.called:
                continue  # "the body known in Caracas as the Consejo Nacional Electoral"
            context = occurrence.context

            def judge(
                concept: Concept, term: Term, context: str = context, occ: Occurrence = occurrence
            ) -> tuple[str, str, tuple[str, ...]] | None:
                if not concept.translate or term.language in (context, occ.labelled):
                    return None
                if context not in concept.terms or _form_in(concept, term, context):
                    return None
                if _glossed_in(analysis, occ, concept, term, context):
                    return None
                preferred = _preferred(concept, context, term)
                if preferred is None:
                    return None
                return (concept.id, context, (_in_number_of(analysis, occ, preferred),))

            agreed = _agreed(analysis, occurrence, judge)
            if agreed is None:
                continue
            longer = analysis.longer_name(occurrence)
            if longer == "adjacent" or (
                longer == "linked"
                and not analysis.compiled.proper[analysis.compiled.forms[occurrence.form].term]
            ):
                continue  # "the Asociación Madres de Plaza de Mayo": a longer name
            if analysis.glosses_unlisted(occurrence):
                continue  # "... for Crimes against Humanity (Procuraduría de Crímenes ...)"
            if longer and _whole_name_glossed(analysis, occurrence):
                continue  # "the Ley Orgánica del Tribunal Supremo de Justicia (Organic Law
                # of the Supreme Court of Justice)": the longer name has its gloss
            concept_id, language, suggestions = agreed
            text = analysis.text(occurrence.segment, occurrence.start, occurrence.end)
            yield Raw(
                cls.code,
                occurrence.segment,
                occurrence.start,
                occurrence.end,
                f"{text!r} is not translated in this {_language_name(language)} paragraph; "
                f"use {_adapt(suggestions[0], text)!r}",
                concept_id or None,
                language,
                tuple(_adapt(s, text) for s in suggestions),
            )


@register
class GlossMismatch(ArticleRule):
    """## What it does
    Finds a gloss that names another concept: `A (B)` or `A (B, ACR)` where B or
    ACR is a rendering of a different glossary concept than A, such as
    "Argentine Forensic Anthropology Team (Abuelas de Plaza de Mayo)" or "Supreme
    Court of Justice (Tribunal Supremo de Justicia, CNE)". A correct gloss is never
    reported; a parenthesis that is not a gloss ("(controlled by the PSUV)",
    "(formerly the Democratic Unity Roundtable, MUD)") is left alone, and so is one
    naming the body the glossary's definition says the name is part of ("Comisión
    Interamericana de Derechos Humanos (OEA)": "Principal OAS organ ..."; a subject
    "international body (UN)" makes "Comité contra la Desaparición Forzada (ONU)"
    an attribution), and so is an acronym after a name that has none, when the
    name's definition names it ("El Helicoide (SEBIN)": "Building ... used by SEBIN";
    "Gran Polo Patriótico (PSUV)" is still reported, for the alliance has its own
    acronym), and so is a list: two names or two acronyms in one parenthesis ("R4V (UNHCR and IOM)",
    "United Nations (UNICEF, PAHO and OCHA)"), and so is a common noun of another
    concept after a proper name, which describes the body ("Foro Penal: 900 political
    prisoners", "Foro Penal (political prisoners only)"); an acronym
    glossing the listed name a longer name ends with is right ("Rome Statute of the
    International Criminal Court (ICC)"); an appositive or a slash naming another
    body is no gloss ("UNHCR / IOM"). An acronym the glossary does not know closing a
    right gloss is reported when the concept lists its own ("(Sindicato Nacional de
    Trabajadores de la Prensa, CNP)": SNTP). A gloss after a body joined to the one it
    belongs to glosses the whole ("el Grupo de Trabajo sobre la Detención Arbitraria de
    la ONU (WGAD, por sus siglas en inglés)"). A name several countries' bodies share, in a
    document that names no country, is reported when its gloss names none of them
    ("The National Assembly (Asamblea Nacional Constituyente)"), with each reading's
    gloss as a suggestion (the fix is offered when they agree). A parenthesis naming
    a source or an example is no gloss: a proper name after a common noun ("crimen de
    lesa humanidad (Estatuto de Roma, artículo 7)"), or a name of another kind where
    one of the two is a place or a legal instrument ("la sede del SEBIN (El
    Helicoide)"); an acronym there is still judged ("Convention against Torture (SPT)").

    Two more slips are reported: an acronym's language against the label beside it
    ("Corte Penal Internacional (CPI, por sus siglas en inglés)": the English one is
    ICC), and an acronym no concept lists, alone in the parenthesis after a name, one
    slip from the name's own: two neighbouring letters swapped ("Venezuelan Observatory
    of Social Conflict (OVSC)" for OVCS) or, in four letters or more, its letters in
    another order or one letter changed, added or dropped ("(IAHRC, por sus siglas en
    inglés)" for IACHR). An acronym further off may be another body's, or one the
    glossary lacks, and is left alone.

    ## Why is this bad?
    The gloss is where readers learn the other-language name or acronym to look
    up; a wrong one sends them to another body.

    ## Example
    ```text
    The Supreme Court of Justice (Tribunal Supremo de Justicia, CNE) did not answer.
    ```

    Use instead:
    ```text
    The Supreme Court of Justice (Tribunal Supremo de Justicia, TSJ) did not answer.
    ```
    The finding spans the whole construct; its first suggestion is what to write
    in place of the wrong element (here "TSJ"), the second the corrected construct,
    and `fix` in the JSON report is the exact edit. When the gloss is an acronym and
    the concept has none ("Corte Constitucional (CPI)"), the acronym is removed: the
    suggestion is the construct without it, and the fix deletes it. An acronym that
    spells the concept's own name is kept even when the glossary lists it for another
    country's body only ("Colombia's Constitutional Court (Corte Constitucional, CC)":
    CC is Guatemala's listed acronym, and the initials of Colombia's court too).

    ## Glossary fields
    `terms`: all forms of both concepts; `type: acronym` decides whether the
    suggestion is an acronym or a full form.
    """

    code = "GL107"
    name = "gloss-mismatch"
    summary = "a gloss that is not a rendering of the glossed concept"
    default_severity = Severity.ERROR
    fix_safe = True

    @classmethod
    def check(cls, analysis: Analysis) -> Iterator[Raw]:
        for main in analysis.occurrences:
            if not main.glosses:
                if main.resolved and main.role == "main":
                    yield from cls._misspelt_acronym(analysis, main)
                continue
            if not main.resolved:
                yield from cls._wrong_for_every_reading(analysis, main)
                continue
            concept = analysis.concept(main.concepts[0])
            yield from cls._unknown_acronym(analysis, main, concept)
            yield from cls._acronym_in_another_language(analysis, main, concept)
            for j in main.glosses:
                gloss = analysis.occurrences[j]
                if concept.id in gloss.concepts or _ends_with(analysis, main, gloss.concepts):
                    continue  # "Rome Statute of the International Criminal Court (ICC)"
                if _named_just_before(analysis, main, gloss.concepts):
                    continue  # "el Grupo de Trabajo sobre la Detención Arbitraria de la
                    # ONU (WGAD, ...)": the gloss is the working group's, not the UN's
                if _body_it_belongs_to(analysis, concept, gloss):
                    continue  # "Comisión Interamericana de Derechos Humanos (OEA)": the
                    # parenthesis attributes the body to the one it is part of
                if _acronym_its_definition_names(analysis, concept, gloss):
                    continue  # "El Helicoide (SEBIN)": a place, and the body using it
                wrong = analysis.term(gloss)
                language = wrong.language
                if wrong.type in ABBREVIATED:
                    # an acronym goes with the name beside it: the gloss's own name
                    # ("(Corte Interamericana de Derechos Humanos, CIDH)" wants the
                    # Spanish one), else the glossed name ("... Disappearances (CED)"
                    # wants the English one, whatever CED's language)
                    names = [
                        analysis.term(analysis.occurrences[k])
                        for k in main.glosses
                        if analysis.occurrences[k] is not gloss
                    ]
                    language = next(
                        (t.language for t in names if t.type not in ABBREVIATED),
                        analysis.term(main).language,
                    )
                right = _preferred(concept, language, wrong) or _preferred(
                    concept, wrong.language, wrong
                )
                segment_text = analysis.scans[main.segment].text
                if wrong.type in ABBREVIATED and (right is None or right.type not in ABBREVIATED):
                    if _spells(segment_text[gloss.start : gloss.end], concept):
                        continue  # "Corte Constitucional (CC)" in Colombia: CC is listed
                        # for Guatemala's court only, but it spells this one's name too
                    yield _drop_acronym(cls.code, analysis, main, gloss, concept.id, wrong)
                    continue
                if right is None:
                    continue
                if norm_key(right.term) == norm_key(segment_text[gloss.start : gloss.end]):
                    continue  # written as the right one already: "In Guatemala, the Attorney
                    # General's Office (Ministerio Público)", a form of both countries' bodies
                whole = segment_text[main.start : main.gloss_end]
                fixed = _with_gloss(segment_text, main, gloss.start, gloss.end, right.term)
                wrong_text = segment_text[gloss.start : gloss.end]
                yield Raw(
                    cls.code,
                    main.segment,
                    main.start,
                    main.gloss_end,
                    f"the gloss {wrong_text!r} of {concept.id} names "
                    f"{gloss.concepts[0] if gloss.resolved else 'another concept'}; "
                    f"use {right.term!r}",
                    concept.id,
                    wrong.language,
                    (right.term, fixed) if whole != fixed else (right.term,),
                    (gloss.start, gloss.end, right.term),
                )

    @classmethod
    def _unknown_acronym(
        cls, analysis: Analysis, main: Occurrence, concept: Concept
    ) -> Iterator[Raw]:
        """GL107 for an acronym the glossary does not know closing a gloss that names
        the concept right: "(Sindicato Nacional de Trabajadores de la Prensa, CNP)" for a
        union whose acronym is SNTP. A concept listing no acronym is left alone: the
        glossary cannot say the one written is wrong."""
        glosses = [analysis.occurrences[j] for j in main.glosses]
        last = max(glosses, key=lambda g: g.end)
        if not all(concept.id in g.concepts for g in glosses):
            return  # a wrong name in the gloss is reported for itself
        if analysis.term(last).type in ABBREVIATED:
            return
        text = analysis.scans[main.segment].text
        written = _TRAILING_ACRONYM.match(text, last.end, main.gloss_end)
        if written is None:
            return
        language = analysis.term(last).language
        acronyms = {
            term.term: term
            for lang in (language, *(lang for lang in concept.terms if lang != language))
            for term in concept.terms.get(lang, ())
            if term.type in ABBREVIATED and term.status is not Status.DEPRECATED
        }
        if not acronyms or written.group(1) in acronyms:
            return
        right = next(iter(acronyms.values()))
        start, end = written.span(1)
        fixed = _with_gloss(text, main, start, end, right.term)
        yield Raw(
            cls.code,
            main.segment,
            main.start,
            main.gloss_end,
            f"the acronym {written.group(1)!r} in the gloss is not {concept.id}'s; "
            f"use {right.term!r}",
            concept.id,
            right.language,
            (right.term, fixed),
            (start, end, right.term),
        )

    @classmethod
    def _acronym_in_another_language(
        cls, analysis: Analysis, main: Occurrence, concept: Concept
    ) -> Iterator[Raw]:
        """GL107 for a gloss's acronym in another language than the one its label
        names: "Fiscalía de la Corte Penal Internacional (CPI, por sus siglas en
        inglés)" gives the Spanish acronym as the English one (ICC)."""
        text = analysis.scans[main.segment].text
        for j in main.glosses:
            gloss = analysis.occurrences[j]
            if concept.id not in gloss.concepts:
                if not gloss.resolved or not _ends_with(analysis, main, gloss.concepts):
                    continue
                # "Fiscalía de la Corte Penal Internacional (CPI, ...)": the court's
                concept = analysis.concept(gloss.concepts[0])
            term = analysis.term(gloss, concept.id)
            if term.type not in ABBREVIATED:
                continue
            rest = text[main.end : gloss.start] + text[gloss.end : main.gloss_end]
            label = language_label(rest.strip(" ()[]\u2014\u2013-,"))
            if label is None or label == term.language or _form_in(concept, term, label):
                continue
            right = _preferred(concept, label, term)
            if right is None or right.type not in ABBREVIATED:
                continue
            wrong = text[gloss.start : gloss.end]
            yield Raw(
                cls.code,
                main.segment,
                main.start,
                main.gloss_end,
                f"the gloss {wrong!r} is {concept.id}'s {_language_name(term.language)} "
                f"acronym, not its {_language_name(label)} one; use {right.term!r}",
                concept.id,
                label,
                (right.term, _with_gloss(text, main, gloss.start, gloss.end, right.term)),
                (gloss.start, gloss.end, right.term),
            )

    @classmethod
    def _misspelt_acronym(cls, analysis: Analysis, main: Occurrence) -> Iterator[Raw]:
        """GL107 for an acronym no concept lists, alone in the parenthesis after a name
        (perhaps with a label), one slip from the name's own: two letters swapped
        ("Venezuelan Observatory of Social Conflict (OVSC)" for OVCS), or, in four
        letters or more, the letters in another order ("(IAHRC, por sus siglas en
        inglés)" for IACHR), or one changed, added or dropped. An acronym further
        from the name's may be another body's, or one the glossary lacks: it is left
        alone."""
        text = analysis.scans[main.segment].text
        found = _LONE_ACRONYM.match(text, main.end + main.quoted)
        if found is None:
            return
        label = None
        if found.group(2):
            label = language_label(found.group(2))
            if label is None:
                return  # "(OVSC, 2019)": not a gloss
        start, end = found.span(1)
        if any(
            o.segment == main.segment and o.start < end and start < o.end
            for o in analysis.occurrences
        ):
            return  # a listed acronym (of any concept)
        written = found.group(1)
        concept = analysis.concept(main.concepts[0])
        for language in (label,) if label else concept.terms:
            for term in concept.terms.get(language, ()):
                if term.type not in ABBREVIATED or term.status is Status.DEPRECATED:
                    continue
                if not _acronym_slip(written, term.term):
                    continue
                fixed = text[main.start : start] + term.term + text[end : found.end()]
                yield Raw(
                    cls.code,
                    main.segment,
                    main.start,
                    found.end(),
                    f"the acronym {written!r} after {concept.id}'s name is not its own; "
                    f"use {term.term!r}",
                    concept.id,
                    term.language,
                    (term.term, fixed),
                    (start, end, term.term),
                )
                return

    @classmethod
    def _wrong_for_every_reading(cls, analysis: Analysis, main: Occurrence) -> Iterator[Raw]:
        """GL107 for a name several concepts share (no country named) whose gloss names
        none of them: "The National Assembly (Asamblea Nacional Constituyente)" is
        wrong whichever country's assembly is meant. The suggestions are the readings'
        glosses; the fix is safe only when they agree."""
        text = analysis.scans[main.segment].text
        for j in main.glosses:
            gloss = analysis.occurrences[j]
            wrong = analysis.term(gloss)
            named = set(gloss.concepts)
            if main.foreign:  # another country's body: any reading of the gloss may be it
                named |= {analysis.compiled.concept_of_form(f) for f in gloss.forms}
            if (
                set(main.concepts) & named
                or _ends_with(analysis, main, gloss.concepts)
                or wrong.type in ABBREVIATED
            ):
                continue
            rights = list(
                dict.fromkeys(
                    right.term
                    for concept_id in main.concepts
                    if (right := _preferred(analysis.concept(concept_id), wrong.language, wrong))
                )
            )
            if not rights:
                continue
            fixed = _with_gloss(text, main, gloss.start, gloss.end, rights[0])
            wrong_text = text[gloss.start : gloss.end]
            yield Raw(
                cls.code,
                main.segment,
                main.start,
                main.gloss_end,
                f"the gloss {wrong_text!r} names "
                f"{gloss.concepts[0] if gloss.resolved else 'another concept'}, not "
                f"{' or '.join(main.concepts)}; use {' or '.join(map(repr, rights))}",
                main.concepts[0],
                wrong.language,
                (rights[0], fixed, *rights[1:]),
                (gloss.start, gloss.end, rights[0]) if len(rights) == 1 else None,
            )


def _named_just_before(analysis: Analysis, main: Occurrence, concepts: tuple[str, ...]) -> bool:
    """Whether a name of one of ``concepts`` ends right before ``main``, joined to it
    by "de la", "of the" and the like: the gloss then glosses the whole phrase."""
    segment_scan = analysis.scans[main.segment]
    tokens, text = segment_scan.tokens, segment_scan.text
    for other in analysis.occurrences:
        if other.segment != main.segment or other.tok_end > main.tok_start:
            continue
        if not set(other.concepts) & set(concepts):
            continue
        between = range(other.tok_end, main.tok_start)
        if (
            len(between) <= 3
            and all(tokens[k] in NAME_LINKS for k in between)
            and not any(c in text[other.end : main.start] for c in ",;.()")
        ):
            return True
    return False


def _with_gloss(text: str, main: Occurrence, start: int, end: int, replacement: str) -> str:
    """The name and its gloss, ``text[start:end]`` inside it replaced."""
    return text[main.start : start] + replacement + text[end : main.gloss_end]


#: a parenthesis holding an acronym alone, perhaps with a label: " (OVSC)", " (IAHRC,
#: por sus siglas en inglés)"
_LONE_ACRONYM = re.compile(r"[ \t]*\([ \t]*([A-ZÁÉÍÓÚÑ]{2,8})[ \t]*(?:[,;][ \t]*([^()\n]*))?\)")


def _acronym_slip(written: str, listed: str) -> bool:
    """Whether ``written`` is ``listed`` with two neighbouring letters swapped, or,
    in four letters or more, with its letters in another order, or one letter
    changed, added or dropped."""
    if written == listed:
        return False
    if len(written) == len(listed):
        if len(listed) >= 4 and sorted(written) == sorted(listed):
            return True  # its letters in another order: "IAHRC" for IACHR
        diff = [i for i, (a, b) in enumerate(zip(written, listed, strict=True)) if a != b]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            i = diff[0]
            return written[i] == listed[i + 1] and written[i + 1] == listed[i]
        return len(diff) == 1 and len(listed) >= 4
    shorter, longer = sorted((written, listed), key=len)
    if len(longer) - len(shorter) != 1 or len(shorter) < 4:
        return False
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


#: an acronym closing a gloss after its name: ", CNP)"
_TRAILING_ACRONYM = re.compile(r",\s*([A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ]{1,7})\s*\)")


def _ends_with(analysis: Analysis, main: Occurrence, concepts: tuple[str, ...]) -> bool:
    """Whether the name ``main`` ends with a listed form of one of ``concepts``: the
    gloss then glosses that inner name."""
    compiled = analysis.compiled
    for hit in analysis.scans[main.segment].hits:
        if (
            hit.end == main.tok_end
            and hit.start > main.tok_start
            and any(compiled.concept_of_form(f) in concepts for f in hit.forms)
        ):
            return True
    return False


def _spells(acronym: str, concept: Concept) -> bool:
    """Whether ``acronym`` is the initials of one of ``concept``'s full forms (of its
    content words, or of all its words): "CC" for "Corte Constitucional". For a concept
    that lists no acronym, such an acronym is the glossary's gap, not the writer's slip,
    even when another country's body of the same name lists it."""
    letters = norm_key(acronym).replace(" ", "")
    if len(letters) < 2:
        return False
    for term in concept.all_terms():
        if not term.is_full:
            continue
        words = norm_key(term.term).split()
        content = "".join(w[0] for w in words if w not in STOPWORDS)
        if letters in (content, "".join(w[0] for w in words)):
            return True
    return False


def _drop_acronym(
    code: str, analysis: Analysis, main: Occurrence, gloss: Occurrence, concept_id: str, wrong: Term
) -> Raw:
    """GL107 for an acronym glossing a concept that has none: the fix removes it, with
    its separator (", CPI") or, alone in the gloss, the whole parenthesis."""
    text = analysis.scans[main.segment].text
    others = [j for j in main.glosses if analysis.occurrences[j] is not gloss]
    if others:
        start = gloss.start
        while start > main.end and text[start - 1] in " ,;/":
            start -= 1
        end = gloss.end
    else:
        start, end = main.end, main.gloss_end
    fixed = text[main.start : start] + text[end : main.gloss_end]
    wrong_text = text[gloss.start : gloss.end]
    named = gloss.concepts[0] if gloss.resolved else "another concept"
    return Raw(
        code,
        main.segment,
        main.start,
        main.gloss_end,
        f"the gloss {wrong_text!r} of {concept_id} names {named}, and {concept_id} has "
        f"no acronym; remove it",
        concept_id,
        wrong.language,
        (fixed,),
        (start, end, ""),
    )


@register
class NearMiss(ArticleRule):
    """## What it does
    Finds a span one interior word away from a listed multi-word name (a word added,
    dropped or changed, a preposition included) that is no listed form: "Committee of
    Mothers in Defense of the Truth", "Commission of Human Rights" for "Commission on
    Human Rights". Only capitalised names of three words or more are compared, and the
    first and last words must match, so ordinary prose around a name is not reported.
    Short forms of three content words or more count as names ("Fact-Finding Mission for
    Venezuela"); one that goes on as a longer name ("Comisión para la Verdad y Acceso a
    la Justicia") is that other name. A changed word must be a function word changed for
    another (a preposition or a conjunction: "Enforced and Involuntary" for "Enforced or
    Involuntary") or a spelling of the same word ("Defence", "Centre") or another ending
    of it, the stem of six letters or more kept ("Temporary Protection Status"), or two of the
    name's words written as one ("Interamerican" for "Inter-American", "Nonrepetition"
    for "Non-Repetition"), or two of its words swapped, the whole span reported
    ("Supremo Tribunal de Justicia"; not when the swap makes another listed name, as
    Argentina's "Corte Suprema de Justicia de la Nación" beside Mexico's "Suprema Corte
    de Justicia de la Nación"); a content word changed for a different one names another body
    ("Tribunal Superior de Justicia" is not the "Tribunal Supremo de Justicia"), and so
    does a content word added ("OAS Assistant Secretary General" is another office) or a
    name a content word shorter that goes on as a name, with a capitalised word or an
    acronym of its own ("Centro de Derechos Humanos de la Montaña" is not the "Centro
    Nicaragüense de Derechos Humanos"). A name quoted on its own is named, not used (a
    correction), and is not reported. A near miss of a name several countries' bodies
    share is the body of the country the document names, as the name itself would be.
    In a parenthesis right after a name, where the place says which body is meant, a
    gloss one word off the name's other-language form is reported whatever the word
    ("Committee for the Freedom of Political Prisoners in Venezuela (Comité por la
    Libertad de los Presos Políticos, CLIPPVE)": "Liberación"). Elsewhere a content
    word changed for one of its family (both begin with the same five letters:
    "Libertad", "Liberación"), or for a calque of the name's word in the other
    language ("Memory" for "Remembrance", the Spanish name saying "Memoria"), is
    reported only when the document also names the concept as listed, by a form or
    its acronym; without that it may be another body.
    A span joined by "of" or "de" to a capitalised name before it ends that longer
    name, and is not compared ("the National Day of Memory for Truth and Justice" is
    not the slogan "Memory, Truth and Justice" one word off).
    A name short of its last word right before its own acronym in parentheses is
    reported too ("Servicio Bolivariano de Inteligencia (SEBIN)": the acronym says which
    body is meant). A near miss of one country's body with another country named right
    beside it is that country's body ("la Comisión Nacional de Derechos Humanos de
    República Dominicana" is not Mexico's "Comisión Nacional de los Derechos Humanos").
    An English name that ends in a plural is reported with its last word in the
    singular, the slip of a translator who follows a Spanish name in the singular
    ("Bolivarian National Armed Force" for "Bolivarian National Armed Forces", from
    "Fuerza Armada Nacional Bolivariana"); the first and last words then differ only
    in number.

    ## Why is this bad?
    A name almost right is still wrong: it cannot be found and it looks like a
    different body.

    ## Example
    ```text
    the Committee of Mothers in Defense of the Truth
    ```

    Use instead:
    ```text
    the Committee of Mothers for the Defense of the Truth
    ```

    ## Glossary fields
    `terms`: list real variants as `admitted` (or `variant`) so they are not
    reported.
    """

    code = "GL108"
    name = "near-miss"
    summary = "a span one word away from a listed form"
    default_severity = Severity.WARNING
    fix_safe = False

    @classmethod
    def check(cls, analysis: Analysis) -> Iterator[Raw]:
        for item in analysis.fuzzy:
            if item.kind != "near":
                continue
            if quoted_span(analysis.scans[item.segment].text, item.start, item.end):
                continue  # a wrong name quoted to be corrected
            term = analysis.compiled.term_of_form(item.form)
            text = analysis.text(item.segment, item.start, item.end)
            yield Raw(
                cls.code,
                item.segment,
                item.start,
                item.end,
                f"{text!r} is close to {term.term!r} but is not a listed form of {item.concept}",
                item.concept,
                term.language,
                (term.term,),
            )
