"""GL109 unused-suppression: inline suppressions that suppress nothing (``glosador.suppress``)."""

from __future__ import annotations

from typing import ClassVar

from glosador.model import Severity
from glosador.rules import Rule, register


@register
class UnusedSuppression(Rule):
    """## What it does
    Reports an inline suppression that suppresses nothing: a
    `glosador: ignore[GL101]` comment with no GL101 finding on its line or the
    line after it, a code in it that is not a rule, or a `glosador: off` region
    without any finding in it.

    ## Why is this bad?
    Suppressions outlive the mistakes they were written for. A stale one hides
    the next real mistake on that line, and readers of the source wonder what
    it is for. Reporting it (as info, which never fails a check by default) lets
    editors clean them up.

    ## Example
    ```markdown
    <!-- glosador: ignore[GL101] -->
    The Foro Penal counted 863 political prisoners.
    ```

    Use instead: delete the comment, or name the rule that still fires:
    ```markdown
    The Foro Penal counted 863 political prisoners.
    ```
    Only suppressions of rules that were run are judged: with `--select GL103`
    a `glosador: ignore[GL101]` is left alone.

    ## Glossary fields
    None: it judges the suppression comments of the article, not the glossary.
    """

    code = "GL109"
    name = "unused-suppression"
    summary = "an inline suppression that suppresses nothing"
    default_severity = Severity.INFO
    scope: ClassVar[str] = "document"
    fix_safe = False
