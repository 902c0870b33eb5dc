"""Glossary lint rules GL001-GL006 (the checks live in ``glosador.lint``)."""

from __future__ import annotations

from glosador.model import Severity
from glosador.rules import Rule, register


@register
class InvalidGlossary(Rule):
    """## What it does
    Reports a glossary file that is not valid YAML or does not follow the glossary
    format: a syntax error, a file that is not UTF-8 or is empty, a concept without
    `id` or `terms`, an unknown key, a value of the wrong kind, a YAML alias or tag.

    ## Why is this bad?
    A glossary that cannot be read cannot check anything, and a misspelt key
    (`staus: deprecated`) would otherwise be ignored silently.

    ## Example
    ```yaml
    concepts:
      - id: foro-penal
        terms:
          es: [Foro Penal]
          en:
            - term: Penal Forum
              staus: deprecated
    ```

    Use instead:
    ```yaml
            - term: Penal Forum
              status: deprecated
    ```

    ## Glossary fields
    All of them: the top-level `source_language` and `concepts`; per concept `id`,
    `subject`, `definition`, `note`, `translate`, `source`, `terms`, `extra`; per term
    `term`, `status`, `type`, `case_sensitive`, `note`, `context`, `part_of_speech`,
    `source`, `extra`.
    """

    code = "GL001"
    name = "invalid-glossary"
    summary = "YAML or schema error in a glossary file"
    default_severity = Severity.ERROR
    scope = "glossary"


@register
class DuplicateConcept(Rule):
    """## What it does
    Reports a concept id used twice in one glossary (across all of its files).

    ## Why is this bad?
    Ids name concepts in findings, catalogs (`msgctxt`) and overrides; two concepts
    with one id make every one of those ambiguous. (A *later* glossary given with a
    second `--glossary` may reuse an id on purpose: it replaces the earlier concept.)

    ## Example
    ```yaml
    - id: tsj
      terms: {es: [Tribunal Supremo de Justicia], en: [Supreme Court of Justice]}
    - id: tsj
      terms: {es: [Tribunal Supremo Electoral], en: [Supreme Electoral Tribunal]}
    ```

    Use instead: distinct ids, for example `ve-tsj` and `bo-tse`.

    ## Glossary fields
    `id` (`string`): unique in the whole glossary, `[a-z0-9][a-z0-9-]*`.
    """

    code = "GL002"
    name = "duplicate-concept"
    summary = "the same concept id twice in one glossary"
    default_severity = Severity.ERROR
    scope = "glossary"


@register
class AmbiguousTerm(Rule):
    """## What it does
    Reports one written form (after case and accent folding) listed in two concepts
    of one language, unless every term that shares it has a `context` and the
    contexts differ.

    ## Why is this bad?
    The checker could not tell which concept an article means: "CNE" is the
    electoral council of Venezuela and of Ecuador. Declaring the ambiguity with
    `context` lets the checker decide from the article (the full form or the country
    it names) and stay silent when it cannot, instead of firing on the wrong body.

    ## Example
    ```yaml
    - id: ve-cne
      terms: {es: [Consejo Nacional Electoral, {term: CNE, type: acronym}]}
    - id: ec-cne
      terms: {es: [Consejo Nacional Electoral, {term: CNE, type: acronym}]}
    ```

    Use instead:
    ```yaml
    - id: ec-cne
      terms:
        es:
          - {term: Consejo Nacional Electoral, context: Ecuador}
          - {term: CNE, type: acronym, context: Ecuador}
    ```
    (and `context: Venezuela` on the Venezuelan terms).

    ## Glossary fields
    `context` (`string`): where the form means this concept, usually a country.
    """

    code = "GL003"
    name = "ambiguous-term"
    summary = "one written form in two concepts of one language"
    default_severity = Severity.ERROR
    scope = "glossary"


@register
class MissingPreferred(Rule):
    """## What it does
    Reports a concept that has no preferred term in one of the glossary's languages:
    all its terms there are `admitted` or `deprecated`, or it has no term at all in
    the source language or in a language most concepts of the glossary have
    (Spanish and English in the bundled glossary). Concepts with `translate: false`
    need only the source language.

    ## Why is this bad?
    The preferred term is what suggestions, fixes and catalogs use; without one,
    glosador cannot say what to write instead.

    ## Example
    ```yaml
    - id: foro-penal
      terms:
        en:
          - {term: Penal Forum, status: deprecated}
    ```

    Use instead:
    ```yaml
    - id: foro-penal
      translate: false
      terms:
        es: [Foro Penal]
        en: [Foro Penal, {term: Penal Forum, status: deprecated}]
    ```

    ## Glossary fields
    `status` (`preferred|admitted|deprecated`): the first term of a language is
    preferred unless it says otherwise. `translate` (`bool`).
    """

    code = "GL004"
    name = "missing-preferred"
    summary = "a concept with no preferred term in a glossary language"
    default_severity = Severity.ERROR
    scope = "glossary"


@register
class UnknownLanguage(Rule):
    """## What it does
    Reports a language key (or `source_language`) that Babel's CLDR data does not
    know as a BCP 47 / CLDR locale (`es`, `en`, `es-VE`, `pt-BR` are fine;
    `sp`, `english`, `es-XX` are not).

    ## Why is this bad?
    Language codes drive language detection, catalogs (`Language:` header, plural
    forms) and exchange with CAT tools; an unknown code breaks all three.

    ## Example
    ```yaml
    terms:
      sp: [Foro Penal]
    ```

    Use instead:
    ```yaml
    terms:
      es: [Foro Penal]
    ```

    ## Glossary fields
    The keys of `terms`, and `source_language`.
    """

    code = "GL005"
    name = "unknown-language"
    summary = "a language code Babel does not know"
    default_severity = Severity.ERROR
    scope = "glossary"


@register
class UnnormalizedTerm(Rule):
    """## What it does
    Reports a term with leading, trailing or doubled white space, a tab or line
    break, text that is not Unicode NFC, or stray quotation marks (a term that
    starts or ends with a quote, or holds a double quote).

    ## Why is this bad?
    Suggestions and fixes copy the term into articles as written: stray spaces and
    quotes end up in print, and decomposed accents (NFD) look right but compare
    wrong in other tools.

    ## Example
    ```yaml
    es: ["\\"Foro  Penal\\" "]
    ```

    Use instead:
    ```yaml
    es: [Foro Penal]
    ```

    ## Glossary fields
    `term` (`string`).
    """

    code = "GL006"
    name = "unnormalized-term"
    summary = "spaces, non-NFC text or stray quotes in a term"
    default_severity = Severity.WARNING
    scope = "glossary"
