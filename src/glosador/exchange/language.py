"""Language codes from termbases (``es_XX``, ``spa``, ``es-419``, ``EN``) as BCP 47 with Babel.

>>> normalize_language("es_XX"), normalize_language("spa"), normalize_language("es-419")
('es', 'es', 'es-419')
>>> normalize_language("pt_br"), normalize_language("zh-hant-tw")
('pt-BR', 'zh-Hant-TW')
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["is_language_code", "normalize_language"]

_SUBTAGS = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def is_language_code(text: str) -> bool:
    """Whether ``text`` looks like a language code and Babel knows its language."""
    if not _SUBTAGS.fullmatch(text.strip()):
        return False
    code = normalize_language(text)
    return _known(code.replace("-", "_"))


@lru_cache(maxsize=1024)
def normalize_language(code: str) -> str:
    """The BCP 47 form of ``code`` that Babel knows, dropping what it does not.

    Three-letter and legacy codes become two-letter ones (``spa`` -> ``es``,
    ``iw`` -> ``he``); an unknown region or script is dropped (``es_XX`` -> ``es``).
    A code whose language Babel does not know is returned lower-cased, with ``-``.
    """
    text = code.strip()
    if not _SUBTAGS.fullmatch(text):
        return text.replace("_", "-")
    parts = re.split(r"[-_]", text)
    language = _alias(parts[0].lower())
    script = region = None
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha() and script is None and region is None:
            script = part.title()
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            region = region or part.upper()
    if not _known(language):
        return "-".join(p.lower() for p in [language, *parts[1:]])
    for candidate in (
        [language, script, region],
        [language, region],
        [language, script],
        [language],
    ):
        tags = [t for t in candidate if t]
        if _known("_".join(tags)):
            return "-".join(tags)
    return language  # pragma: no cover - the last candidate is known


def _alias(language: str) -> str:
    from babel.core import get_global

    aliases = get_global("language_aliases")
    alias = aliases.get(language)
    if isinstance(alias, str):
        return alias.split("_")[0]
    return language


@lru_cache(maxsize=1024)
def _known(code: str) -> bool:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True
