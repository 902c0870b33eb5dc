"""Normalisation shared by the glossary and the checker (SPEC section 3).

Matching is on *tokens*: runs of letters and digits. Everything else
(punctuation, white space, apostrophes, hyphens, ``#`` and ``@``) separates
tokens. A token is *folded* by lower-casing it and removing its accents, so
"Comité" and "comite" fold to the same token; the checker then compares the
accents and case of what matched to tell GL104 and GL105 apart.

``fold`` keeps the length of its input (one character out for one in), so an
offset into the folded text is an offset into the original: this is what keeps
finding positions exact without re-searching.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import accumulate, compress, repeat
from operator import add
from typing import Any

import numpy as np

__all__ = [
    "Token",
    "fold",
    "fold_token",
    "has_accents",
    "is_nfc",
    "lower_tokens",
    "norm_key",
    "norm_tokens",
    "split_folded",
    "split_folded_arrays",
    "strip_accents",
    "tokenize",
]

#: stands in for a combining mark in folded text, so lengths stay equal
MARK = "\x00"


def _fold_char(char: str) -> str:
    if char.isalnum():
        lower = char.lower()
        if len(lower) != 1:
            lower = char
        base = "".join(
            c for c in unicodedata.normalize("NFD", lower) if not unicodedata.combining(c)
        )
        if len(base) == 1 and len(base.lower()) == 1:
            return base.lower()
        return lower
    if unicodedata.combining(char):
        return MARK
    return " "


def _lower_char(char: str) -> str:
    if char.isalnum() or unicodedata.combining(char):
        lower = char.lower()
        return lower if len(lower) == 1 else char
    return " "


class _Table(dict[int, str]):
    """A ``str.translate`` table filled on first use of each character."""

    def __init__(self, func: object) -> None:
        super().__init__()
        self._func = func

    def __missing__(self, key: int) -> str:
        value: str = self._func(chr(key))  # type: ignore[operator]
        self[key] = value
        return value


_FOLD = _Table(_fold_char)
_LOWER = _Table(_lower_char)
# prime the tables with ASCII so the common case never calls back into Python
for _code in range(128):
    _FOLD[_code]
    _LOWER[_code]

#: Latin letters, general punctuation and currency signs: nearly every character of
#: Spanish and English text. A plain dict of them translates a third faster than the
#: self-filling table (whose look-ups go through ``__missing__`` machinery); text with
#: a character outside them (an emoji, another script) takes the self-filling table.
_COMMON = re.compile(r"[^\x00-\u024f\u2000-\u206f\u20a0-\u20cf]")
_FOLD_COMMON: dict[int, str] = {
    code: _fold_char(chr(code))
    for code in (*range(0x250), *range(0x2000, 0x2070), *range(0x20A0, 0x20D0))
}


def _byte_table(codec: str) -> bytes | None:
    """``fold`` of each character of a one-byte ``codec`` as a ``bytes.translate`` table,
    or None if some character folds to one the codec cannot write in one byte."""
    table = bytearray(256)
    for byte in range(256):
        try:
            char = bytes([byte]).decode(codec)
        except UnicodeDecodeError:
            continue  # never produced by encoding
        try:
            folded = _fold_char(char).encode(codec)
        except UnicodeEncodeError:
            return None
        if len(folded) != 1:
            return None
        table[byte] = folded[0]
    return bytes(table)


#: Text that Latin-1 or Windows-1252 can write (nearly all Spanish and English text,
#: curly quotes and dashes included) folds as bytes: encoding, one ``bytes.translate``
#: and decoding run five to twenty times faster than ``str.translate`` with a dict.
_BYTE_TABLES: tuple[tuple[str, bytes], ...] = tuple(
    (codec, table) for codec in ("latin-1", "cp1252") if (table := _byte_table(codec)) is not None
)


def fold(text: str) -> str:
    """Lower-case, strip accents and blank out non-word characters; same length as ``text``."""
    for codec, table in _BYTE_TABLES:
        try:
            encoded = text.encode(codec)
        except UnicodeEncodeError:
            continue
        return encoded.translate(table).decode(codec)
    if _COMMON.search(text) is None:
        return text.translate(_FOLD_COMMON)
    return text.translate(_FOLD)


def fold_token(token: str) -> str:
    """Fold one token (no separators inside)."""
    return fold(unicodedata.normalize("NFC", token)).replace(MARK, "")


def norm_tokens(text: str) -> tuple[str, ...]:
    """The folded tokens of ``text``: what the matcher compares."""
    folded = fold(unicodedata.normalize("NFC", text))
    if MARK in folded:
        return tuple(t for t in (tok.replace(MARK, "") for tok in folded.split()) if t)
    return tuple(folded.split())


def norm_key(text: str) -> str:
    """The folded tokens of ``text`` joined by single spaces (a dictionary key)."""
    return " ".join(norm_tokens(text))


def lower_tokens(text: str) -> tuple[str, ...]:
    """Tokens of ``text`` lower-cased but with their accents (NFC), for GL104."""
    nfc = unicodedata.normalize("NFC", text)
    return tuple(nfc.translate(_LOWER).split())


def strip_accents(text: str) -> str:
    """``text`` without combining marks (NFC otherwise)."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


def has_accents(text: str) -> bool:
    return strip_accents(text) != unicodedata.normalize("NFC", text)


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


_PARTS = re.compile(r"\S+|\s+")


def split_folded(folded: str) -> tuple[list[str], list[int], list[int]]:
    """Split folded text into tokens, start and end offsets, without a Python loop per token.

    Folded text separates tokens with single spaces only, so splitting on " " gives
    every token and an empty string for each further space of a run; part ``i``
    starts at the sum of the lengths before it plus ``i``.
    """
    parts = folded.split(" ")
    lengths = list(map(len, parts))
    offsets = accumulate(map(add, lengths, repeat(1)), initial=0)
    starts = list(compress(offsets, lengths))
    tokens = list(compress(parts, lengths))
    ends = list(map(add, starts, filter(None, lengths)))
    if MARK in folded:
        tokens = [t.replace(MARK, "") for t in tokens]
    return tokens, starts, ends


def split_folded_arrays(folded: str) -> tuple[list[str], Any, Any]:
    """``split_folded`` with the offsets as numpy ``int64`` arrays, which a caller
    slices and shifts per segment without a Python step per token."""
    points = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32)
    space = np.ones(len(points) + 2, dtype=np.int8)  # a space before and after the text
    space[1:-1] = points == 32
    edges = np.diff(space)  # -1 where a token starts, 1 just after it ends
    tokens = folded.split()  # folding leaves no whitespace but the space
    if MARK in folded:
        tokens = [t.replace(MARK, "") for t in tokens]
    return tokens, np.flatnonzero(edges == -1), np.flatnonzero(edges == 1)


@dataclass(frozen=True, slots=True)
class Token:
    """A token of a text: its folded form and its ``[start, end)`` offsets."""

    norm: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` with offsets into ``text`` (which need not be NFC)."""
    folded = fold(text)
    parts = _PARTS.findall(folded)
    tokens: list[Token] = []
    pos = 0
    for part in parts:
        if part[0] != " ":
            norm = part.replace(MARK, "") if MARK in part else part
            if norm:
                tokens.append(Token(norm, pos, pos + len(part)))
        pos += len(part)
    return tokens
