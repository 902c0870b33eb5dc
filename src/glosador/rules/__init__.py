"""The rule registry: every code glosador reports, with its name, severity and documentation.

A rule is a class registered with ``@register``. Its docstring, in ruff's form
(``## What it does``, ``## Why is this bad?``, ``## Example``, ``Use instead:``,
``## Glossary fields``), is the single source of ``glosador rule CODE``, the
SARIF rule descriptions and the README rule list.
"""

from __future__ import annotations

import inspect
import re
from typing import ClassVar

from glosador.errors import ConfigError
from glosador.model import Severity

__all__ = ["REQUIRED_HEADINGS", "Rule", "all_rules", "get_rule", "register", "resolve_codes"]

REQUIRED_HEADINGS = ("## What it does", "## Why is this bad?", "## Example", "## Glossary fields")
_CODE = re.compile(r"^GL[0-9]{3}$")
_NAME = re.compile(r"^[a-z]+(-[a-z]+)*$")


class Rule:
    """Base class of every rule; subclasses set the class attributes and a docstring."""

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    default_severity: ClassVar[Severity]
    #: "glossary" (lint of the term store), "document" (one article) or "pair" (bilingual)
    scope: ClassVar[str]
    #: whether ``--fix`` applies the first suggestion without ``--unsafe-fixes``
    fix_safe: ClassVar[bool] = False

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def title(cls) -> str:
        return f"{cls.code} {cls.name}"


_REGISTRY: dict[str, type[Rule]] = {}
_BY_NAME: dict[str, type[Rule]] = {}


def register(rule: type[Rule]) -> type[Rule]:
    """Add a rule class to the registry (a class decorator)."""
    if not _CODE.match(rule.code) or not _NAME.match(rule.name):
        raise ValueError(f"bad rule code or name: {rule.code} {rule.name}")
    if rule.code in _REGISTRY or rule.name in _BY_NAME:
        raise ValueError(f"rule registered twice: {rule.code} {rule.name}")
    _REGISTRY[rule.code] = rule
    _BY_NAME[rule.name] = rule
    return rule


def _load() -> None:
    # importing the modules registers their rules
    from glosador.rules import article, bilingual, glossary, suppression  # noqa: F401


def all_rules() -> list[type[Rule]]:
    """Every registered rule, by code."""
    _load()
    return [_REGISTRY[code] for code in sorted(_REGISTRY)]


def get_rule(code_or_name: str) -> type[Rule]:
    """The rule with this code (``GL101``) or name (``mixed-rendering``)."""
    _load()
    key = code_or_name.strip()
    rule = _REGISTRY.get(key.upper()) or _BY_NAME.get(key.lower())
    if rule is None:
        raise ConfigError(f"unknown rule {code_or_name!r}")
    return rule


def resolve_codes(spec: str | list[str] | tuple[str, ...]) -> set[str]:
    """Rule codes from a comma-separated list of codes, code prefixes (``GL1``), or names."""
    _load()
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    codes: set[str] = set()
    for raw in items:
        item = raw.strip()
        if not item:
            continue
        if item.upper() == "ALL":
            codes.update(_REGISTRY)
            continue
        prefixed = {code for code in _REGISTRY if code.startswith(item.upper())}
        if item.upper().startswith("GL") and prefixed:
            codes.update(prefixed)
        else:
            codes.add(get_rule(item).code)
    return codes
