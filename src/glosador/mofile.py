"""Writing GNU ``.mo`` files in linear time.

Babel's and polib's ``.mo`` writers concatenate ``bytes`` in a loop, which is
quadratic (about 15 s for 100,000 messages); this one collects the parts in
lists and joins them once. The layout is GNU gettext's: a 28-byte header, the
tables of original and translated strings (length, offset), then the strings,
each NUL-terminated, with originals sorted bytewise so that GNU's binary search
finds them. No hash table is written (its size is 0), which GNU gettext and
Python's ``gettext`` both accept.

>>> import gettext, io
>>> data = mo_bytes([MoMessage("", "Content-Type: text/plain; charset=UTF-8\\n"),
...                  MoMessage("hola", "hello", context="greeting")])
>>> gettext.GNUTranslations(io.BytesIO(data)).pgettext("greeting", "hola")
'hello'
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["MoMessage", "mo_bytes"]

_MAGIC = 0x950412DE
_HEADER_SIZE = 28


@dataclass(frozen=True, slots=True)
class MoMessage:
    """One translated message; ``msgid ""`` carries the header fields."""

    msgid: str
    msgstr: str
    context: str | None = None
    msgid_plural: str | None = None
    #: msgstr[n] of a plural message (``msgstr`` is then ignored)
    plural_forms: tuple[str, ...] = ()

    def key(self) -> bytes:
        original = self.msgid.encode("utf-8")
        if self.msgid_plural is not None:
            original += b"\x00" + self.msgid_plural.encode("utf-8")
        if self.context is not None:
            original = self.context.encode("utf-8") + b"\x04" + original
        return original

    def value(self) -> bytes:
        if self.msgid_plural is not None:
            return b"\x00".join(form.encode("utf-8") for form in self.plural_forms)
        return self.msgstr.encode("utf-8")


def mo_bytes(messages: Iterable[MoMessage]) -> bytes:
    """The ``.mo`` file for ``messages`` (little-endian, revision 0), in linear time.

    A later message with the same context and msgid replaces an earlier one.
    """
    table = {message.key(): message.value() for message in messages}
    keys = sorted(table)
    count = len(keys)
    originals_at = _HEADER_SIZE
    translations_at = originals_at + 8 * count
    strings_at = translations_at + 8 * count
    index: list[int] = []
    strings: list[bytes] = []
    offset = strings_at
    for data in [*keys, *(table[key] for key in keys)]:
        index += (len(data), offset)
        strings += (data, b"\x00")
        offset += len(data) + 1
    header = struct.pack("<7I", _MAGIC, 0, count, originals_at, translations_at, 0, strings_at)
    return b"".join([header, struct.pack(f"<{4 * count}I", *index), *strings])
