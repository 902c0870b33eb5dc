"""Reading glossaries: YAML files with line numbers, merged into one ``Glossary``.

``parse_glossary(text, path)`` reads one file and returns its concepts and the
problems found (GL001 and the per-term checks need the YAML positions);
``load_glossary(paths)`` reads folders and files, merges them (a later
glossary's concept replaces an earlier one with the same id), lints the result
(``glosador.lint``) and raises ``GlossaryError`` listing every error.

The YAML reader itself is ``glosador.glossary_yaml``. Parsed files are cached by
content digest (``GLOSADOR_CACHE_DIR``), because a 100,000-concept YAML file takes
seconds to parse, and so that a check with a warm cache never imports PyYAML.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glosador import __version__
from glosador.errors import GlossaryError, Problem
from glosador.model import Concept, Glossary, Severity

__all__ = [
    "ParsedFile",
    "bundled_glossary_path",
    "glossary_files",
    "load_glossary",
    "parse_glossary",
    "read_glossary",
]


TOP_KEYS = ("source_language", "concepts")
CONCEPT_KEYS = ("id", "subject", "definition", "note", "translate", "source", "terms", "extra")
TERM_KEYS = (
    "term",
    "status",
    "type",
    "case_sensitive",
    "note",
    "context",
    "part_of_speech",
    "source",
    "extra",
)


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """What one glossary file holds: its concepts and the problems found reading it."""

    path: str
    concepts: tuple[Concept, ...]
    problems: tuple[Problem, ...]
    source_language: str = "es"
    #: ids of concepts read with GL001 problems (their terms may be incomplete)
    damaged: frozenset[str] = frozenset()


def bundled_glossary_path() -> Path:
    """The folder of the glossary that ships with glosador.

    Installed from a wheel it is ``glosador/_bundled``; in a source checkout (or an
    editable install) it is the repository's ``glossary/``.
    """
    here = Path(__file__).resolve().parent
    installed = here / "_bundled"
    if installed.is_dir():
        return installed
    return here.parents[1] / "glossary"


#: a glossary path naming the bundled glossary (``--glossary bundled --glossary ours/``)
BUNDLED = "bundled"


def is_bundled_name(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is the name ``bundled`` (and no file or folder of that name exists)."""
    return os.fspath(path) == BUNDLED and not os.path.exists(BUNDLED)


def glossary_files(path: Path) -> list[Path]:
    """The ``*.yaml`` files of a glossary folder (recursively, sorted), or the file itself."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*.yaml") if p.is_file())
    return [path]


def _decode(data: bytes, path: str) -> tuple[str | None, Problem | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, Problem(path, line, column, "GL001", "file is not valid UTF-8")


def parse_glossary(text: str, path: str = "<string>") -> ParsedFile:
    """Read one glossary file's text; problems are collected, never raised."""
    # PyYAML (~0.02 s to import) loads only when a file is parsed: a check with the
    # parse cache warm never needs it
    from glosador.glossary_yaml import parse

    return parse(text, path)


# -- caching ------------------------------------------------------------------


@contextlib.contextmanager
def gc_paused(*, freeze: bool = True) -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of objects.

    Parsing, unpickling and linting a 100,000-concept glossary allocate millions of
    containers and no cycles; with the collector on, its full passes make the load
    superlinear (26.8 s instead of 6.2 s for the YAML parse alone). What was built is
    then frozen (``gc.freeze``): it is long-lived, and the first collection after the
    pause would otherwise scan all of it (about a second at 100,000 concepts).
    Objects without reference cycles are still freed as usual when dropped. With
    ``freeze=False`` (temporary objects, such as a catalog being built) nothing is frozen.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


def _cache_dir() -> Path | None:
    if os.environ.get("GLOSADOR_NO_CACHE"):
        return None
    base = os.environ.get("GLOSADOR_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "glosador"


def cache_key(*parts: bytes | str) -> str:
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\x00")
    return digest.hexdigest()


def cache_read(kind: str, key: str) -> Any | None:
    folder = _cache_dir()
    if folder is None:
        return None
    try:
        path = folder / f"{kind}-{key}.pickle"
        with open(path, "rb") as handle:
            value = pickle.load(handle)
    except Exception:  # a missing, stale or corrupt cache entry is simply rebuilt
        return None
    with contextlib.suppress(OSError):  # used now: the last entry ``_prune`` removes
        os.utime(path)
    return value


def cache_write(kind: str, key: str, value: Any) -> None:
    folder = _cache_dir()
    if folder is None:
        return
    import tempfile  # only when writing (a warm cache never does; ~5 ms to import)

    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
    except OSError:  # a read-only home must not stop a check
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{kind}-{key}.pickle")
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        # a full disk, or a value that cannot be pickled: no entry, and no stray file
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return
    with contextlib.suppress(OSError):
        _prune(folder, kind)


#: entries kept per kind: parsed files are small and a check reads one per glossary
#: file (the bundled glossary alone has ten), compiled glossaries can be large
_CACHE_KEEP = {"glossary": 256}
_CACHE_KEEP_OTHER = 12


def _prune(folder: Path, kind: str) -> None:
    """Keep the newest entries of one kind (``_CACHE_KEEP``); stale ones are never read again."""
    entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime_ns)
    for stale in entries[: -_CACHE_KEEP.get(kind, _CACHE_KEEP_OTHER)]:
        with contextlib.suppress(OSError):
            stale.unlink()


def read_glossary(path: Path, display: str | None = None) -> tuple[ParsedFile, str]:
    """Read and parse one glossary file (cached); returns it and its content digest."""
    shown = display if display is not None else str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        problem = Problem(shown, 1, 1, "GL001", f"cannot read: {exc.strerror or exc}")
        return ParsedFile(shown, (), (problem,)), ""
    digest = cache_key(__version__, shown, data)
    # every file, however small: a warm cache then never imports the YAML reader
    cached = cache_read("glossary", digest)
    if isinstance(cached, ParsedFile):
        return cached, digest
    text, bad = _decode(data, shown)
    parsed = (
        parse_glossary(text, shown)
        if text is not None
        else ParsedFile(shown, (), (bad,) if bad else ())
    )
    cache_write("glossary", digest, parsed)
    return parsed, digest


def _display(path: Path, root: Path, bundled: bool) -> str:
    """How messages name a glossary file: as the user gave it (bundled: ``glossary/...``)."""
    if bundled:
        return f"glossary/{path.relative_to(root).as_posix()}"
    if path == root:
        return str(root)
    return str(root / path.relative_to(root))


def read_glossaries(
    paths: Iterable[str | os.PathLike[str]] | None,
) -> tuple[list[list[ParsedFile]], list[Problem], str]:
    """Parse every file of every glossary; returns files per glossary, problems, fingerprint."""
    sources: list[tuple[Path, bool]]
    if paths is None:
        sources = [(bundled_glossary_path(), True)]
    else:
        sources = [
            (bundled_glossary_path(), True) if is_bundled_name(p) else (Path(p), False)
            for p in paths
        ]
    groups: list[list[ParsedFile]] = []
    problems: list[Problem] = []
    digests: list[str] = []
    for root, bundled in sources:
        if not root.exists():
            raise GlossaryError(
                [Problem(str(root), 1, 1, "GL001", "no such glossary file or folder")]
            )
        files = glossary_files(root)
        if not files:
            raise GlossaryError(
                [Problem(str(root), 1, 1, "GL001", "no *.yaml files in the glossary folder")]
            )
        group = []
        for file in files:
            parsed, digest = read_glossary(file, _display(file, root, bundled))
            group.append(parsed)
            problems.extend(parsed.problems)
            digests.append(digest)
        digests.append("/")  # where one glossary ends matters (GL002, overrides)
        groups.append(group)
    return groups, problems, cache_key(*digests)


def load_glossary(
    path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
    *,
    strict: bool = True,
) -> Glossary:
    """Load a glossary: a folder of ``*.yaml`` files, one file, several of those, or ``None``.

    ``None`` loads the bundled glossary. Several glossaries are merged in order; a
    concept of a later one replaces the concept with the same id of an earlier one.
    Raises ``GlossaryError`` listing every problem of severity error (GL001-GL006);
    with ``strict=False`` only unreadable files raise.
    """
    from glosador.lint import lint

    paths: list[str | os.PathLike[str]] | None
    if path is None:
        paths = None
    elif isinstance(path, (str, os.PathLike)):
        paths = [path]
    else:
        paths = list(path)
    with gc_paused():
        groups, problems, fingerprint = read_glossaries(paths)
        # lint depends on nothing but the files' contents: cached with them
        lint_key = cache_key("lint", __version__, fingerprint)
        linted = cache_read("lint", lint_key)
        if not isinstance(linted, list):
            linted = lint(groups)
            cache_write("lint", lint_key, linted)
        problems = problems + linted
        errors = [p for p in problems if _severity(p.code) is Severity.ERROR]
        if errors and strict:
            raise GlossaryError(sorted(errors, key=lambda p: (p.path, p.line, p.column)))
        return merge(groups, fingerprint)


def merge(groups: Sequence[Sequence[ParsedFile]], fingerprint: str = "") -> Glossary:
    """Merge parsed glossaries; a later glossary's concept replaces an earlier one by id."""
    concepts: dict[str, Concept] = {}
    source_language = "es"
    paths: list[str] = []
    for index, group in enumerate(groups):
        if index == 0 and group:
            source_language = group[0].source_language
        mine: set[str] = set()
        for parsed in group:
            paths.append(parsed.path)
            for concept in parsed.concepts:
                if concept.id in mine:
                    continue  # a duplicate inside one glossary (GL002): the first stays
                mine.add(concept.id)
                concepts[concept.id] = concept
    return Glossary(
        concepts, source_language=source_language, paths=tuple(paths), fingerprint=fingerprint
    )


def _severity(code: str) -> Severity:
    from glosador.rules import get_rule

    return get_rule(code).default_severity
