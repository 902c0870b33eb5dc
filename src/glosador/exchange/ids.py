"""Concept ids for imported entries: valid (``[a-z0-9][a-z0-9-]*``) and unique in a file.

>>> slugify("Comité por la Liberación (CLIPPVE)")
'comite-por-la-liberacion-clippve'
>>> ids = IdAllocator()
>>> ids.allocate("Cell"), ids.allocate("cell"), ids.allocate("")
('cell', 'cell-2', 'concept')
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["ID_PATTERN", "MAX_ID_LENGTH", "IdAllocator", "is_valid_id", "slugify"]

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
MAX_ID_LENGTH = 64
_NOT_ID = re.compile(r"[^a-z0-9]+")
#: letters that do not decompose into ASCII but have a usual transliteration
_TRANSLIT = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "þ": "th"}
)


def is_valid_id(text: str) -> bool:
    """Whether ``text`` is a glossary concept id (SPEC section 3)."""
    return ID_PATTERN.fullmatch(text) is not None


def slugify(text: str, max_length: int = MAX_ID_LENGTH) -> str:
    """``text`` as an id: ASCII lower case, accents dropped, other runs of characters as ``-``.

    Returns ``""`` when nothing of ``text`` is left (a term in a non-Latin script).
    """
    folded = unicodedata.normalize("NFKD", text.lower().translate(_TRANSLIT))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    slug = _NOT_ID.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rstrip("-")
    return slug


class IdAllocator:
    """Hands out ids that are valid and not yet taken: ``x``, ``x-2``, ``x-3``..."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self._taken: set[str] = set(taken or ())

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._taken

    def allocate(self, wanted: str, fallback: str = "concept") -> str:
        """A unique id made from ``wanted`` (slugged unless it is already valid)."""
        base = wanted if is_valid_id(wanted) else slugify(wanted)
        if not base:
            base = slugify(fallback) or "concept"
        candidate, number = base, 1
        while candidate in self._taken:
            number += 1
            candidate = f"{base}-{number}"
        self._taken.add(candidate)
        return candidate
