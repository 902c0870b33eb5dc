"""Exchange with CAT tools: TBX and CSV termbases in, TBX and CSV out.

>>> import io
>>> from glosador.exchange import read_tbx, write_tbx
>>> result = read_tbx(io.BytesIO(b'''<tbx xmlns="urn:iso:std:iso:30042:ed-2" xml:lang="en">
...   <text><body><conceptEntry id="c1">
...     <langSec xml:lang="en"><termSec><term>United Nations</term></termSec></langSec>
...     <langSec xml:lang="es_XX"><termSec><term>Naciones Unidas</term></termSec></langSec>
...   </conceptEntry></body></text></tbx>'''))
>>> [(c.id, sorted(c.terms)) for c in result.concepts]
[('c1', ['en', 'es'])]
"""

from __future__ import annotations

from glosador.exchange.fields import without_place
from glosador.exchange.ids import IdAllocator, is_valid_id, slugify
from glosador.exchange.language import normalize_language
from glosador.exchange.result import ImportResult, Notice
from glosador.exchange.tbx import TbxReader, read_tbx, write_tbx

__all__ = [
    "IdAllocator",
    "ImportResult",
    "Notice",
    "TbxReader",
    "is_valid_id",
    "normalize_language",
    "read_tbx",
    "slugify",
    "without_place",
    "write_tbx",
]
