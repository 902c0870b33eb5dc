"""Configuration: ``[tool.glosador]`` in ``pyproject.toml``, or a ``glosador.toml``.

The configuration of a checked file is found by walking up from the file's folder:
in each folder a ``glosador.toml`` (its keys at the top level, or under
``[tool.glosador]``) wins over a ``pyproject.toml`` that has a ``[tool.glosador]``
table; the first folder holding either ends the search (configurations are not
merged, as in ruff). Keys (``-`` and ``_`` are the same)::

    glossary = ["glossary", "../house-glossary"]   # relative to the config file
    lang = "en"                                    # auto | es | en | ...
    select = ["GL1"]                               # codes, code prefixes or names
    ignore = ["GL108"]
    extend-select = ["GL109"]
    severity = { GL106 = "error", near-miss = "info" }
    per-file-ignores = { "drafts/**" = ["GL102"] }
    exclude = ["archive/", "*.min.html"]           # gitignore-style, from the config's folder
    fail-on = "warning"                            # error (default) | warning | info
    format = "text"                                # report format: text | json | sarif | github

Command-line options win over the file (``Config.merge``). Unknown keys and rule
codes raise ``ConfigError`` naming the key; a TOML syntax error names the file and line.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from glosador.errors import ConfigError
from glosador.glossary import BUNDLED, is_bundled_name
from glosador.model import Severity

__all__ = [
    "CONFIG_FILES",
    "Config",
    "clear_cache",
    "find_config",
    "load_config",
    "parse_config",
]

#: the files that hold a configuration, in the order they are looked for in a folder
CONFIG_FILES = ("glosador.toml", "pyproject.toml")
_FORMATS = ("text", "json", "sarif", "github")
_KEYS = (
    "glossary",
    "lang",
    "select",
    "ignore",
    "extend-select",
    "extend-ignore",
    "severity",
    "per-file-ignores",
    "exclude",
    "extend-exclude",
    "fail-on",
    "format",
)


@dataclass(frozen=True)
class Config:
    """One configuration; ``None`` (or empty) fields are "not set".

    ``path`` is the file it came from (``None`` for the command line or defaults);
    relative globs and glossary paths are resolved against ``root``.
    """

    path: Path | None = None
    root: Path | None = None
    glossary: tuple[str, ...] | None = None  #: absolute paths
    lang: str | None = None
    select: frozenset[str] | None = None
    ignore: frozenset[str] | None = None
    extend_select: frozenset[str] = frozenset()
    extend_ignore: frozenset[str] = frozenset()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: Severity | None = None
    format: str | None = None

    def merge(self, override: Config) -> Config:
        """This configuration with every field ``override`` sets replaced (the CLI wins).

        ``extend-select``, ``extend-ignore``, ``severity``, ``per-file-ignores`` and
        ``exclude`` add up instead.
        """
        changes: dict[str, Any] = {}
        for f in fields(self):
            if f.name in ("path", "root"):
                continue
            value = getattr(override, f.name)
            if f.name in ("extend_select", "extend_ignore"):
                changes[f.name] = getattr(self, f.name) | value
            elif f.name == "severity":
                changes[f.name] = {**self.severity, **value}
            elif f.name in ("per_file_ignores", "exclude"):
                changes[f.name] = getattr(self, f.name) + value
            elif value is not None:
                changes[f.name] = value
        return replace(self, **changes)

    def rules(
        self, path: str | os.PathLike[str] | None = None
    ) -> tuple[frozenset[str] | None, frozenset[str]]:
        """``(select, ignore)`` for a file: ``select`` ``None`` means every rule."""
        select = self.select
        if self.extend_select and select is not None:  # None already selects every rule
            select = select | self.extend_select
        ignore = (self.ignore or frozenset()) | self.extend_ignore
        if path is not None and self.per_file_ignores:
            relative = self.relative(path)
            for pattern, codes in self.per_file_ignores:
                if relative is not None and _glob_match(pattern, relative):
                    ignore = ignore | codes
        return select, ignore

    def relative(self, path: str | os.PathLike[str]) -> str | None:
        """``path`` relative to the config's folder, in ``/`` form (``None`` if outside)."""
        absolute = Path(os.path.abspath(path))
        root = Path(os.path.abspath(self.root)) if self.root is not None else Path.cwd()
        try:
            return absolute.relative_to(root).as_posix()
        except ValueError:
            return None

    def is_excluded(self, path: str | os.PathLike[str], is_dir: bool = False) -> bool:
        """Whether ``path`` matches one of the ``exclude`` patterns (gitignore-style)."""
        if not self.exclude:
            return False
        relative = self.relative(path)
        if relative is None:
            return False
        return _excluded(self.exclude, relative + ("/" if is_dir else ""))

    @property
    def threshold(self) -> Severity:
        """The lowest severity that fails a check (``fail-on``, default error)."""
        return self.fail_on or Severity.ERROR


@lru_cache(maxsize=64)
def _spec(patterns: tuple[str, ...]) -> Any:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _excluded(patterns: tuple[str, ...], relative: str) -> bool:
    spec = _spec(patterns)
    if spec.match_file(relative):
        return True
    # a file under an excluded folder is excluded too
    parts = PurePosixPath(relative.rstrip("/")).parts
    return any(spec.match_file("/".join(parts[:i]) + "/") for i in range(1, len(parts)))


def _glob_match(pattern: str, relative: str) -> bool:
    """Ruff-style per-file glob: matches the relative path, or the name alone if no ``/``."""
    if "/" not in pattern.rstrip("/"):
        name = PurePosixPath(relative).name
        if fnmatch.fnmatchcase(name, pattern):
            return True
    return _excluded((pattern,), relative)


# -- reading ------------------------------------------------------------------


def _table(data: dict[str, Any], name: str) -> dict[str, Any] | None:
    if name == "glosador.toml":
        tool = data.get("tool")
        if isinstance(tool, dict) and "glosador" in tool:
            nested = tool["glosador"]
            return nested if isinstance(nested, dict) else {}
        return data
    tool = data.get("tool")
    if isinstance(tool, dict):
        table = tool.get("glosador")
        if isinstance(table, dict):
            return table
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when a configuration file exists (~4 ms of every start-up)

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError("not valid UTF-8", str(path)) from exc
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", str(path)) from exc
    try:
        data: dict[str, Any] = tomllib.loads(text)
        return data
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        message = str(exc)
        if line is None:
            found = re.search(r"\(at line (\d+), column \d+\)", message)
            line = int(found.group(1)) if found else None
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        if hasattr(exc, "msg"):
            message = str(exc.msg)
        raise ConfigError(f"TOML syntax error: {message}", str(path), line) from exc


def _has_table(path: Path) -> bool:
    if path.name != "pyproject.toml":
        return True
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "glosador" in text and _table(_read_toml(path), path.name) is not None


def find_config(start: str | os.PathLike[str]) -> Path | None:
    """The config file that governs ``start`` (a file or folder), walking up; or ``None``."""
    folder = Path(os.path.abspath(start))
    if not folder.is_dir():
        folder = folder.parent
    return _find_in(folder)


def clear_cache() -> None:
    """Forget which folders hold configuration files (they may have changed)."""
    _find_in.cache_clear()


@lru_cache(maxsize=1024)
def _find_in(folder: Path) -> Path | None:
    for name in CONFIG_FILES:
        candidate = folder / name
        if candidate.is_file() and _has_table(candidate):
            return candidate
    if folder.parent == folder:
        return None
    return _find_in(folder.parent)


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read a ``glosador.toml`` or the ``[tool.glosador]`` table of a ``pyproject.toml``."""
    file = Path(path)
    data = _read_toml(file)
    table = _table(data, file.name)
    return parse_config(table or {}, path=file)


def parse_config(
    table: Mapping[str, Any], *, path: str | os.PathLike[str] | None = None, where: str = ""
) -> Config:
    """A ``Config`` from a parsed ``[tool.glosador]`` table.

    ``where`` prefixes key names in messages (``tool.glosador.``); glossary paths
    and globs are relative to ``path``'s folder (the working folder without one).
    """
    file = Path(path) if path is not None else None
    root = Path(os.path.abspath(file)).parent if file is not None else Path.cwd()
    shown = str(file) if file is not None else None
    in_pyproject = file is not None and file.name == "pyproject.toml"
    prefix = where or ("tool.glosador." if in_pyproject else "")
    values: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        name = prefix + raw_key
        if key not in _KEYS:
            hint = _did_you_mean(key)
            raise ConfigError(f"unknown key {name!r}{hint}", shown)
        if key == "glossary":
            items = _strings(value, name, shown)
            values["glossary"] = tuple(
                item if item == BUNDLED else os.path.normpath(root / item) for item in items
            )
        elif key == "lang":
            text = _string(value, name, shown)
            values["lang"] = None if text == "auto" else text
        elif key in ("select", "ignore", "extend-select", "extend-ignore"):
            codes = frozenset(_codes(_strings(value, name, shown), name, shown))
            values[key.replace("-", "_")] = codes
        elif key == "severity":
            values["severity"] = _severity_table(value, name, shown)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{name!r} must be a table of glob = [rules]", shown)
            pairs = []
            for glob, rules in value.items():
                entry = f"{name}.{glob!r}" if glob else name
                pairs.append((glob, frozenset(_codes(_strings(rules, entry, shown), entry, shown))))
            values["per_file_ignores"] = tuple(pairs)
        elif key in ("exclude", "extend-exclude"):
            values["exclude"] = values.get("exclude", ()) + tuple(_strings(value, name, shown))
        elif key == "fail-on":
            values["fail_on"] = _severity(value, name, shown)
        elif key == "format":
            text = _string(value, name, shown)
            if text not in _FORMATS:
                raise ConfigError(
                    f"{name!r} must be one of {', '.join(_FORMATS)}, not {text!r}", shown
                )
            values["format"] = text
    return Config(path=file, root=root, **values)


def _did_you_mean(key: str) -> str:
    import difflib

    close = difflib.get_close_matches(key, _KEYS, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _string(value: object, name: str, shown: str | None) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{name!r} must be a string", shown)
    return value


def _strings(value: object, name: str, shown: str | None) -> list[str]:
    if isinstance(value, str):
        return [v for v in (part.strip() for part in value.split(",")) if v]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [str(v) for v in value]
    raise ConfigError(f"{name!r} must be a list of strings", shown)


def _codes(items: Iterable[str], name: str, shown: str | None) -> set[str]:
    from glosador.rules import resolve_codes

    codes: set[str] = set()
    for item in items:
        try:
            codes |= resolve_codes(item)
        except ConfigError as exc:
            raise ConfigError(f"{name!r}: {exc}", shown) from exc
    return codes


def _severity(value: object, name: str, shown: str | None) -> Severity:
    try:
        return Severity(str(value).lower())
    except ValueError as exc:
        raise ConfigError(f"{name!r} must be error, warning or info, not {value!r}", shown) from exc


def _severity_table(value: object, name: str, shown: str | None) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f"{name!r} must be a table of rule = severity", shown)
    out: dict[str, Severity] = {}
    for rule, level in value.items():
        entry = f"{name}.{rule}"
        for code in _codes([rule], entry, shown):
            out[code] = _severity(level, entry, shown)
    return out


def config_from_options(
    *,
    glossary: Sequence[str] | None = None,
    lang: str | None = None,
    select: str | Sequence[str] | None = None,
    ignore: str | Sequence[str] | None = None,
    extend_select: str | Sequence[str] | None = None,
    fail_on: str | None = None,
    format: str | None = None,
) -> Config:
    """The layer of command-line options (``None`` = not given); raises ``ConfigError``."""
    table: dict[str, Any] = {}
    if glossary:
        table["glossary"] = [g if is_bundled_name(g) else os.path.abspath(g) for g in glossary]
    if lang is not None:
        table["lang"] = lang
    for key, value in (("select", select), ("ignore", ignore), ("extend-select", extend_select)):
        if value is not None:
            table[key] = value if isinstance(value, str) else list(value)
    if fail_on is not None:
        table["fail-on"] = fail_on
    if format is not None:
        table["format"] = format
    config = parse_config(table, where="--")
    return replace(config, path=None, root=None)
