"""Subcommands that live outside ``cli.py``.

Each module listed in ``MODULES`` defines ``register(groups)``, where ``groups``
maps ``"top"``, ``"glossary"`` and ``"catalog"`` to the argparse sub-parser
collections to add commands to. Handlers import heavy libraries lazily, so
``glosador check`` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any

__all__ = ["MODULES", "register_all"]

#: modules that add subcommands (one line each; keep sorted)
MODULES: tuple[str, ...] = (
    "glosador.commands.catalog",
    "glosador.commands.exchange",
)


def register_all(groups: dict[str, Any]) -> None:
    """Let every module in ``MODULES`` add its subcommands."""
    for name in MODULES:
        module = importlib.import_module(name)
        module.register(groups)


def add_glossary_option(parser: argparse.ArgumentParser) -> None:
    """The ``--glossary PATH`` option (repeatable) shared by subcommands."""
    parser.add_argument(
        "--glossary",
        action="append",
        metavar="PATH",
        help="glossary folder or file (repeatable; later ones override by concept id); "
        "default: the bundled glossary",
    )
