"""Regular number inflection of Spanish and English common-noun terms.

The glossary lists a term once ("preso político", "political prisoner"); the
matcher also accepts its other number ("presos políticos", "political
prisoners") without a list per term. Only lower-case terms are inflected: proper
names and acronyms match exactly. Spanish gender comes from the glossary, which
lists both forms when both are used (presidente/presidenta encargado/encargada).

The head phrase is the part before the first preposition: "crimen de lesa
humanidad" inflects to "crímenes de lesa humanidad", "prisoner of conscience" to
"prisoners of conscience". In Spanish every word of the head phrase agrees in
number; in English only its last word changes.
"""

from __future__ import annotations

import re

__all__ = ["is_plural", "name_singular", "other_number", "variants"]

_ES_STOP = frozenset(
    [
        "de",
        "del",
        "en",
        "por",
        "para",
        "contra",
        "a",
        "al",
        "con",
        "sin",
        "sobre",
        "entre",
        "ante",
        "bajo",
        "desde",
        "hacia",
        "hasta",
        "según",
        "tras",
        "y",
        "e",
        "o",
        "u",
        "ni",
        "que",
    ]
)
_EN_STOP = frozenset(
    [
        "of",
        "for",
        "on",
        "in",
        "against",
        "to",
        "from",
        "with",
        "by",
        "at",
        "about",
        "under",
        "over",
        "between",
        "into",
        "and",
        "or",
    ]
)
_ES_ARTICLES = {"el": "los", "la": "las", "los": "el", "las": "la", "un": "unos", "una": "unas"}
_VOWELS = "aeiouáéíóúü"
_ACCENT = str.maketrans("aeiou", "áéíóú")
_UNACCENT = str.maketrans("áéíóú", "aeiou")


def _es_plural(word: str) -> str:
    if word in _ES_ARTICLES:
        return _ES_ARTICLES[word] if word in ("el", "la", "un", "una") else word
    last = word[-1]
    if last in "aeoáéó" or (last in "iu" and len(word) > 1):
        return word + "s"
    if last in "íú":
        return word + "es"
    if last == "z":
        return word[:-1] + "ces"
    if last in "sx":
        if re.search(r"[áéíóú][sx]$", word):  # país -> países (stressed last syllable)
            return word.translate(_UNACCENT) + "es" if word.endswith("és") else word + "es"
        return word  # crisis, lunes: invariable
    stem = word
    if re.search(r"[áéíóú][nsl]$", word) or re.search(r"[áéíóú]n$", word):
        stem = word.translate(_UNACCENT)  # detención -> detenciones
    elif word.endswith("en") and not any(c in word for c in "áéíóú"):
        groups = list(re.finditer(f"[{_VOWELS}]+", word))
        if len(groups) >= 2:  # crimen -> crímenes: the stress moves to the antepenult
            group = groups[-2]
            vowel_index = group.start() + (
                len(group.group()) - 1 if group.group()[-1] in "aeo" else 0
            )
            for i in range(group.start(), group.end()):
                if word[i] in "aeo":
                    vowel_index = i
                    break
            stem = (
                word[:vowel_index] + word[vowel_index].translate(_ACCENT) + word[vowel_index + 1 :]
            )
    return stem + "es"


def _es_singular(word: str) -> str:
    if word in ("los", "las", "unos", "unas"):
        return {"los": "el", "las": "la", "unos": "un", "unas": "una"}[word]
    if word.endswith("ces"):
        return word[:-3] + "z"
    if word.endswith("iones"):
        return word[:-5] + "ión"
    if word.endswith("es") and len(word) > 3 and word[-3] not in _VOWELS:
        stem = word[:-2]
        return stem.translate(_UNACCENT) if re.search(r"[áéíóú].*[aeiou]", stem) else stem
    if word.endswith("s") and len(word) > 2 and word[-2] in _VOWELS:
        return word[:-1]
    return word


def _en_plural(word: str) -> str:
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def _en_singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if re.search(r"(ss|x|z|ch|sh)es$", word):
        return word[:-2]
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _head(tokens: tuple[str, ...], stop: frozenset[str]) -> int:
    for i, token in enumerate(tokens):
        if i and token in stop:
            return i
    return len(tokens)


def _is_plural(tokens: tuple[str, ...], language: str, head: int) -> bool:
    # a Spanish phrase agrees in number with its first word, the noun (the last may
    # be an adverb: "personas desplazadas internamente"); an English one with its last
    last = tokens[0] if language == "es" else tokens[head - 1]
    if not last.endswith("s") or re.search(r"([áéíóú]s|is|us|ss)$", last):
        return False  # país, crisis, corpus, status, process: singular
    if language == "es":
        return _es_singular(last) != last
    return _en_singular(last) != last


def is_plural(tokens: tuple[str, ...], language: str) -> bool:
    """Whether a lower-case term's head phrase is in the plural."""
    base = language.split("-")[0].split("_")[0]
    if base not in ("es", "en") or not tokens:
        return False
    head = _head(tokens, _ES_STOP if base == "es" else _EN_STOP)
    return _is_plural(tokens, base, head)


def other_number(tokens: tuple[str, ...], language: str) -> tuple[str, ...] | None:
    """The term's tokens (lower case, accented) in the other grammatical number."""
    base = language.split("-")[0].split("_")[0]
    if base not in ("es", "en") or not tokens:
        return None
    stop = _ES_STOP if base == "es" else _EN_STOP
    head = _head(tokens, stop)
    plural = _is_plural(tokens, base, head)
    if base == "es":
        change = _es_singular if plural else _es_plural
        changed = tuple(change(t) if t not in _ES_STOP else t for t in tokens[:head])
        result = changed + tokens[head:]
    else:
        change = _en_singular if plural else _en_plural
        result = (*tokens[: head - 1], change(tokens[head - 1]), *tokens[head:])
    return result if result != tokens else None


def variants(tokens: tuple[str, ...], language: str) -> list[tuple[str, ...]]:
    """Inflected variants of a lower-case term's tokens (not including the term itself)."""
    other = other_number(tokens, language)
    return [other] if other else []


def name_singular(word: str, language: str) -> str | None:
    """The singular of an English name's last word when it is a plural ("forces" for
    "Bolivarian National Armed Forces"), else ``None``.

    Translators who follow a Spanish name written in the singular ("Fuerza Armada
    Nacional Bolivariana") drop the plural of its English name, a slip GL108 reports.
    A Spanish name's number is carried by every word of its head, so one word in the
    other number is no slip anyone makes there: Spanish gives ``None``.
    """
    if language.split("-")[0].split("_")[0] != "en" or not _is_plural((word,), "en", 1):
        return None
    return _en_singular(word)
