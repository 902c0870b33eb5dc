"""The exceptions glosador raises.

Every failure that is the user's input, not a bug, is a ``GlosadorError``::

    GlosadorError(Exception)
    ├── GlossaryError      # a glossary cannot be used; .problems lists every one (path:line:col)
    ├── DocumentError      # an article cannot be read or decoded; .path
    ├── ConfigError        # bad configuration or options: unknown rule code, unknown key
    ├── CatalogError       # a gettext catalog cannot be read, built or written
    └── ExchangeError      # a TBX or CSV termbase cannot be imported or exported (path:line:col)

Findings are never exceptions: they are values in a ``Report``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "CatalogError",
    "ConfigError",
    "DocumentError",
    "ExchangeError",
    "GlosadorError",
    "GlossaryError",
    "Problem",
]


class GlosadorError(Exception):
    """Base class of every error glosador raises for bad input."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in a glossary file, with its place (1-based)."""

    path: str
    line: int
    column: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.message}"


class GlossaryError(GlosadorError):
    """A glossary that cannot be used; ``problems`` holds every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        first = str(self.problems[0]) if self.problems else "invalid glossary"
        more = len(self.problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else ""
        super().__init__(first + suffix)


class DocumentError(GlosadorError):
    """An article that cannot be read or decoded."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class _PlacedError(GlosadorError):
    """An error about a file, optionally at a line: ``path:line: message``."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(where + message)


class ConfigError(_PlacedError):
    """Bad configuration: an unknown key, rule code or option value."""


class CatalogError(_PlacedError):
    """A gettext catalog that cannot be read, built or written."""


class ExchangeError(GlosadorError):
    """A termbase (TBX, CSV) that cannot be imported, or a glossary that cannot be exported.

    ``line`` and ``column`` are 1-based; 0 means unknown.
    """

    def __init__(
        self, message: str, path: str | None = None, line: int = 0, column: int = 0
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        where = ""
        if path is not None:
            where = path
            if line:
                where += f":{line}"
                if column:
                    where += f":{column}"
            where += ": "
        super().__init__(where + message)
