"""Bilingual rules GL201-GL202 (the checks live in ``glosador.bilingual``)."""

from __future__ import annotations

from glosador.model import Severity
from glosador.rules import Rule, register


@register
class MissingTranslation(Rule):
    """## What it does
    In a translation (`glosador check --source SOURCE TARGET`, or a `.po` file),
    finds a glossary concept named in a source segment whose target segment has
    none of the concept's target-language forms (nor, for `translate: false`
    concepts, the untranslated name). Segments are `.po` entries (msgid and
    msgid_plural against each msgstr), or paragraphs of a document pair when both
    have as many, else the whole documents. Plural and singular forms, and articles,
    count: "presos políticos" is rendered by "the political prisoner".

    ## Why is this bad?
    The translation dropped or paraphrased a name the glossary fixes: readers of
    the two versions do not meet the same body.

    ## Example
    ```po
    msgid "Foro Penal counts 800 political prisoners."
    msgstr "Foro Penal contabiliza 800 detenidos."
    ```

    Use instead:
    ```po
    msgstr "Foro Penal contabiliza 800 presos políticos."
    ```

    ## Glossary fields
    `terms`: every form of the concept in the source and target languages;
    `translate` (`bool`).
    """

    code = "GL201"
    name = "missing-translation"
    summary = "a source concept with none of its target forms in the translation"
    default_severity = Severity.WARNING
    scope = "pair"


@register
class ExtraTranslation(Rule):
    """## What it does
    In a translation, finds a glossary concept's target-language form in a target
    segment whose source segment names no form of that concept.

    ## Why is this bad?
    The translator added or substituted a name that the source does not have:
    often the rendering of a different, similar body.

    ## Example
    ```po
    msgid "The Supreme Court of Justice did not answer."
    msgstr "El Consejo Nacional Electoral no respondió."
    ```

    Use instead:
    ```po
    msgstr "El Tribunal Supremo de Justicia no respondió."
    ```

    ## Glossary fields
    `terms`: every form of the concept in the source and target languages.
    """

    code = "GL202"
    name = "extra-translation"
    summary = "a target concept with no source form in the source segment"
    default_severity = Severity.WARNING
    scope = "pair"
