"""glosador: a curated Spanish-English term store that checks articles for
inconsistent renderings of its terms and builds gettext catalogs from it.

>>> import glosador
>>> g = glosador.load_glossary()          # the bundled glossary
>>> g["foro-penal"].preferred("en").term
'Foro Penal'
"""

from __future__ import annotations

from glosador._version import __version__
from glosador.check import check_paths, check_text
from glosador.config import Config, load_config
from glosador.errors import (
    CatalogError,
    ConfigError,
    DocumentError,
    GlosadorError,
    GlossaryError,
    Problem,
)
from glosador.glossary import load_glossary, parse_glossary
from glosador.model import (
    Concept,
    Finding,
    Glossary,
    Report,
    Severity,
    Status,
    Term,
    TermType,
)

# Catalogs and bilingual checks import Babel and polib: loaded on first use, so that
# ``import glosador`` and ``glosador check`` start fast.
_LAZY = {
    "build_catalogs": "glosador.catalog",
    "check_catalogs": "glosador.catalog",
    "check_catalog": "glosador.bilingual",
    "check_pair": "glosador.bilingual",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'glosador' has no attribute {name!r}")


__all__ = [
    "CatalogError",
    "Concept",
    "Config",
    "ConfigError",
    "DocumentError",
    "Finding",
    "GlosadorError",
    "Glossary",
    "GlossaryError",
    "Problem",
    "Report",
    "Severity",
    "Status",
    "Term",
    "TermType",
    "__version__",
    "build_catalogs",
    "check_catalog",
    "check_catalogs",
    "check_pair",
    "check_paths",
    "check_text",
    "load_config",
    "load_glossary",
    "parse_glossary",
]
