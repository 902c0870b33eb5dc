"""Checking many files: discovery, per-file configuration, fixes and parallel workers.

``run`` is the engine behind ``glosador check`` and ``glosador.check_paths``:

1. ``discover`` walks the paths given (folders recursively, skipping ``.git``,
   ``node_modules``, build outputs, hidden folders, what ``.gitignore`` files and
   the configured ``exclude`` patterns name) and pairs every file with the
   configuration that governs it (``glosador.config``, overridden by the caller's).
2. Each file is read, checked and (with ``fix``) fixed by ``check_file``, in this
   process or, for many files, in worker processes that load each glossary once.
3. Results come back in discovery order, whatever the number of workers.

Nothing here prints; progress is reported through a callback.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from glosador.config import Config, clear_cache, find_config, load_config
from glosador.errors import DocumentError, GlosadorError
from glosador.extract import Document
from glosador.model import Finding, Glossary, Report, Severity

__all__ = [
    "FileResult",
    "FixMode",
    "Task",
    "config_for",
    "discover",
    "fix_document",
    "load_glossaries",
    "options_for",
    "run",
]

SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        "__pycache__",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        "build",
        "dist",
        "_build",
        "site",
        "public",
        "_site",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        "site-packages",
    }
)
CHECKED_SUFFIXES = frozenset(
    {".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".xhtml", ".txt", ".text", ".po"}
)
#: below this many files, workers cost more than they save
PARALLEL_MIN_FILES = 16
#: text and Markdown files larger than this are checked in pieces of ``CHUNK_CHARS``
LARGE_FILE_BYTES = 4 * 1024 * 1024
CHUNK_CHARS = 1 << 20
_FIX_PASSES = 8

#: where a glossary comes from: paths (None: the bundled one) or a given object
GlossarySpec = tuple[str, ...] | None
Checker = Callable[[Document], tuple[list[Finding], str | None]]


@dataclass(frozen=True)
class FixMode:
    """What to do with fixable findings: ``apply`` them, or show a ``diff``."""

    apply: bool = False
    diff: bool = False
    unsafe: bool = False

    @property
    def active(self) -> bool:
        return self.apply or self.diff


@dataclass(frozen=True)
class Task:
    """One file to check: its path, display name, options and glossary."""

    path: str
    display: str
    options: Any  # glosador.check.CheckOptions (imported lazily)
    glossary: GlossarySpec
    fail_on: Severity = Severity.ERROR
    error: str | None = None  #: known before reading (a missing file)


@dataclass(frozen=True)
class FileResult:
    """What checking one file gave."""

    path: str
    findings: tuple[Finding, ...] = ()
    language: str | None = None
    error: str | None = None
    fail_on: Severity = Severity.ERROR
    fixed: int = 0  #: edits applied (or, with ``--diff``, that would be)
    diff: str = ""
    source: str | None = None  #: the text as finally checked, when asked for

    @property
    def failing(self) -> bool:
        return any(f.severity.rank >= self.fail_on.rank for f in self.findings)


# -- configuration and discovery ----------------------------------------------


@lru_cache(maxsize=256)
def _load_cached(path: Path, _stamp: tuple[int, int]) -> Config:
    return load_config(path)


def _load(path: Path) -> Config:
    try:
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size)
    except OSError:
        stamp = (0, 0)
    return _load_cached(path, stamp)


def config_for(path: str | os.PathLike[str], given: Config | None, override: Config) -> Config:
    """The configuration of one file: ``given`` or the one found, then ``override``."""
    if given is None:
        found = find_config(path)
        given = _load(found) if found is not None else Config()
    return given.merge(override)


def options_for(path: str | None, config: Config, base: Any = None) -> Any:
    """``CheckOptions`` for a file: ``base`` with the configuration's rules and language."""
    from dataclasses import replace as _replace

    from glosador.check import CheckOptions

    select, ignore = config.rules(path)
    return _replace(
        base if base is not None else CheckOptions(),
        lang=config.lang,
        select=select,
        ignore=ignore,
        severity=dict(config.severity),
    )


def _gitignore(folder: Path) -> Any | None:
    file = folder / ".gitignore"
    if not file.is_file():
        return None
    import pathspec

    try:
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines)


def _ignored(path: Path, is_dir: bool, specs: Sequence[tuple[Path, Any]]) -> bool:
    for base, spec in specs:
        try:
            relative = path.relative_to(base).as_posix()
        except ValueError:
            continue
        if spec.match_file(relative + ("/" if is_dir else "")):
            return True
    return False


def _walk(folder: Path, given: Config | None, override: Config) -> Iterator[Path]:
    specs: list[tuple[Path, Any]] = []
    in_repo = False
    for parent in reversed(folder.resolve().parents):  # .gitignore files above the folder
        in_repo = in_repo or (parent / ".git").exists()
        if in_repo:
            spec = _gitignore(parent)
            if spec is not None:
                specs.append((parent, spec))
    yield from _walk_in(folder, given, override, specs)


def _walk_in(
    folder: Path, given: Config | None, override: Config, specs: list[tuple[Path, Any]]
) -> Iterator[Path]:
    spec = _gitignore(folder)
    here = [*specs, (folder.resolve(), spec)] if spec is not None else specs
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    config = config_for(folder, given, override)
    for entry in entries:
        path = Path(entry.path)
        is_dir = entry.is_dir(follow_symlinks=False)
        if is_dir and (entry.name in SKIP_DIRS or entry.name.startswith(".")):
            continue
        if _ignored(path.resolve(), is_dir, here) or config.is_excluded(path, is_dir):
            continue
        if is_dir:
            yield from _walk_in(path, given, override, here)
        elif entry.is_file() and path.suffix.lower() in CHECKED_SUFFIXES:
            yield path


def discover(
    paths: Iterable[str | os.PathLike[str]],
    *,
    config: Config | None = None,
    override: Config | None = None,
    base: Any = None,
    given_glossary: bool = False,
) -> list[Task]:
    """One ``Task`` per file to check, in order (each folder's files sorted by name).

    Files named explicitly are checked whatever their extension, unless the
    configuration's ``exclude`` names them; a missing path becomes a task with an
    ``error``. ``config`` (if given) replaces the configuration files found;
    ``base`` (``CheckOptions``) carries what configurations do not set;
    ``given_glossary`` makes every task use the glossary object handed to ``run``.
    """
    clear_cache()
    override = override or Config()
    tasks: list[Task] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files: Iterable[Path] = _walk(path, config, override)
        elif not path.exists():
            cfg = config_for(path, config, override)
            tasks.append(
                Task(str(path), str(path), None, None, cfg.threshold, "no such file or folder")
            )
            continue
        else:
            if config_for(path, config, override).is_excluded(path):
                continue
            files = [path]
        for file in files:
            key = os.path.abspath(file)
            if key in seen:
                continue
            seen.add(key)
            cfg = config_for(file, config, override)
            if _in_glossary(key, cfg.glossary):
                continue  # a glossary's own YAML files are not articles
            spec = None if given_glossary else cfg.glossary
            options = options_for(str(file), cfg, base)
            tasks.append(Task(str(file), str(file), options, spec, cfg.threshold))
    return tasks


def _in_glossary(path: str, glossary: GlossarySpec) -> bool:
    for folder in glossary or ():
        if path == folder or path.startswith(folder.rstrip(os.sep) + os.sep):
            return True
    return False


# -- checking one file ----------------------------------------------------------

_GLOSSARIES: dict[GlossarySpec, Glossary] = {}
_GIVEN: list[Glossary] = []  #: a glossary object handed to ``run`` (and to its workers)


def _glossary(spec: GlossarySpec) -> Glossary:
    if _GIVEN and spec is None:
        return _GIVEN[0]
    loaded = _GLOSSARIES.get(spec)
    if loaded is None:
        from glosador.glossary import load_glossary

        loaded = load_glossary(list(spec) if spec is not None else None)
        _GLOSSARIES[spec] = loaded
    return loaded


def load_glossaries(tasks: Iterable[Task]) -> None:
    """Load every glossary the tasks need (raises ``GlossaryError`` for a bad one).

    Forked workers inherit what is loaded here, so no worker loads it again.
    """
    from glosador.matcher import compile_glossary

    for task in tasks:
        if task.error is None and not (_GIVEN and task.glossary is None):
            compile_glossary(_glossary(task.glossary))
    _settle()


def _settle() -> None:
    """Freeze what is loaded so far out of the cyclic garbage collector's sight.

    The glossaries and their automata are millions of long-lived objects: without
    this, every full collection re-scans them while files are checked (at 100,000
    concepts that is a third of the checking time), and forked workers would touch
    their shared copies. Objects without reference cycles are still freed as usual.
    """
    import gc

    gc.freeze()


def _init_worker(given: Glossary | None) -> None:
    _GIVEN[:] = [given] if given is not None else []


#: allocations between two collections of the youngest generation while a file is
#: checked (Python's default is 700)
YOUNG_COLLECTION_THRESHOLD = 20_000


@contextmanager
def _rarer_young_collections() -> Iterator[None]:
    """Collect the youngest generation less often while a file is checked.

    A check allocates hundreds of thousands of short-lived tuples (hits, placements,
    findings) and makes almost no reference cycles; at the default threshold the
    collector runs a few hundred times per 5 MB of text and takes about 4% of the
    time, to find nothing. The threshold is put back afterwards; a collector turned
    off (threshold 0) is left off.
    """
    import gc

    young, *older = gc.get_threshold()
    if young:
        gc.set_threshold(max(young, YOUNG_COLLECTION_THRESHOLD), *older)
    try:
        yield
    finally:
        gc.set_threshold(young, *older)


def check_file(task: Task, fix: FixMode, want_source: bool = False) -> FileResult:
    """Read, check and (with ``fix``) fix one file; errors become ``FileResult.error``."""
    with _rarer_young_collections():
        return _check_file(task, fix, want_source)


def _check_file(task: Task, fix: FixMode, want_source: bool) -> FileResult:
    from glosador.check import check_document
    from glosador.extract import format_for, read_document

    if task.error is not None:
        return FileResult(task.display, error=f"{task.display}: {task.error}", fail_on=task.fail_on)
    check: Checker | None = None
    try:
        glossary = _glossary(task.glossary)
        fmt = task.options.format or format_for(task.path)
        if fmt == "po":
            return _check_po(task, glossary)
        if fmt in ("text", "markdown") and _size(task.path) > LARGE_FILE_BYTES:
            document = _read_large(task, fmt)
            check = partial(_check_chunked, glossary=glossary, options=task.options)
            findings, language = check(document)
        else:
            document = read_document(task.path, task.options.format, display=task.display)
            findings, language = check_document(document, glossary, task.options)
    except DocumentError as exc:
        return FileResult(task.display, error=str(exc), fail_on=task.fail_on)
    except GlosadorError as exc:
        return FileResult(task.display, error=f"{task.display}: {exc}", fail_on=task.fail_on)
    if not fix.active:
        source = document.text if want_source else None
        return FileResult(
            task.display, tuple(findings), language, None, task.fail_on, 0, "", source
        )
    return _fix(task, fix, document, findings, language, glossary, want_source, check)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0  # read_document reports it


def _read_large(task: Task, fmt: str) -> Document:
    """A large file, decoded but not segmented (``_check_chunked`` segments it piecewise)."""
    from glosador.extract import decode

    try:
        data = Path(task.path).read_bytes()
    except OSError as exc:
        raise DocumentError(task.display, f"cannot read: {exc.strerror or exc}") from exc
    text, encoding, bom = decode(data, task.display)
    del data
    if text.startswith("\ufeff"):
        text = text[1:]
    return Document(task.display, text, fmt, (), (), encoding, bom)


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """``[start, end)`` pieces of about ``size`` characters, cut after a blank line if
    there is one near, else after a line break, else anywhere."""
    start = 0
    length = len(text)
    while start < length:
        end = start + size
        if end >= length:
            yield start, length
            return
        limit = min(length, end + size)
        cut = -1
        for mark in ("\n\n", "\r\n\r\n", "\r\r"):
            found = text.find(mark, end, limit)
            if found >= 0 and (cut < 0 or found + len(mark) < cut):
                cut = found + len(mark)
        if cut < 0:
            found = text.find("\n", end, limit)
            cut = found + 1 if found >= 0 else end
        yield start, cut
        start = cut


def _check_chunked(
    document: Document, *, glossary: Glossary, options: Any
) -> tuple[list[Finding], str | None]:
    """Check a large document piece by piece, so memory stays bounded.

    Findings are placed in the whole file; consistency rules (GL102) see one
    piece at a time.
    """
    from collections import Counter
    from dataclasses import replace as _replace

    from glosador.check import check_document
    from glosador.extract import LineIndex, document_from_text

    findings: list[Finding] = []
    languages: Counter[str] = Counter()
    lines_before = 0
    for start, end in chunks(document.text):
        piece = document.text[start:end]
        part = document_from_text(piece, document.path, document.format)
        found, language = check_document(part, glossary, options)
        if language:
            languages[language] += end - start
        for f in found:
            fix = None
            if f.fix is not None:
                fix = (f.fix[0] + start, f.fix[1] + start, f.fix[2])
            findings.append(
                _replace(
                    f,
                    line=f.line + lines_before,
                    end_line=f.end_line + lines_before,
                    start_offset=f.start_offset + start,
                    end_offset=f.end_offset + start,
                    fix=fix,
                )
            )
        lines_before += LineIndex(piece).position(len(piece))[0] - 1
        del part, piece
    findings.sort(key=lambda f: f.sort_key)
    return findings, languages.most_common(1)[0][0] if languages else None


def _check_po(task: Task, glossary: Glossary) -> FileResult:
    from glosador.check import _check_po as check_po

    report = check_po(Path(task.path), glossary, task.options)
    language = next(iter(report.languages.values()), None)
    return FileResult(task.display, tuple(report.findings), language, None, task.fail_on)


def fix_document(
    document: Document,
    findings: Sequence[Finding],
    glossary: Glossary,
    options: Any,
    *,
    unsafe: bool = False,
    check: Checker | None = None,
) -> tuple[Document, list[Finding], str | None, int]:
    """Apply fixes until none is left (at most a few passes).

    Returns the fixed document, its findings and language, and the number of edits.
    ``check`` replaces ``check_document`` (a large file is checked piecewise).
    """
    from glosador.check import check_document
    from glosador.extract import document_from_text
    from glosador.fix import apply_edits, plan_edits

    current = document
    remaining = list(findings)
    language: str | None = None
    applied = 0
    for _ in range(_FIX_PASSES):
        edits = plan_edits(remaining, current.text, current.format, unsafe=unsafe)
        if not edits:
            break
        text = apply_edits(current.text, edits)
        if text == current.text:
            break
        applied += len(edits)
        if check is not None:
            current = Document(
                current.path, text, current.format, (), (), current.encoding, current.bom
            )
            remaining, language = check(current)
        else:
            current = document_from_text(
                text, current.path, current.format, encoding=current.encoding, bom=current.bom
            )
            remaining, language = check_document(current, glossary, options)
    return current, remaining, language, applied


def _fix(
    task: Task,
    fix: FixMode,
    document: Document,
    findings: list[Finding],
    language: str | None,
    glossary: Glossary,
    want_source: bool,
    check: Checker | None = None,
) -> FileResult:
    from glosador.fix import encode, unified_diff
    from glosador.fsutil import write_atomic

    fixed, remaining, fixed_language, applied = fix_document(
        document, findings, glossary, task.options, unsafe=fix.unsafe, check=check
    )
    if not applied or fixed.text == document.text:
        source = document.text if want_source else None
        return FileResult(
            task.display, tuple(findings), language, None, task.fail_on, 0, "", source
        )
    if fix.diff:  # nothing is written: the findings are those of the file as it is
        diff = unified_diff(task.display, document.text, fixed.text)
        source = document.text if want_source else None
        return FileResult(
            task.display, tuple(findings), language, None, task.fail_on, applied, diff, source
        )
    error = None
    try:
        write_atomic(task.path, encode(fixed.text, fixed.encoding, fixed.bom))
    except UnicodeEncodeError as exc:
        error = f"{task.display}: cannot fix: the fix is not {fixed.encoding}: {exc.reason}"
    except OSError as exc:
        error = f"{task.display}: cannot write the fixes: {exc.strerror or exc}"
    if error is not None:  # the file is unchanged: report what it still holds
        source = document.text if want_source else None
        return FileResult(
            task.display, tuple(findings), language, error, task.fail_on, 0, "", source
        )
    source = fixed.text if want_source else None
    return FileResult(
        task.display, tuple(remaining), fixed_language, None, task.fail_on, applied, "", source
    )


# -- many files -------------------------------------------------------------------


def _check_star(args: tuple[Task, FixMode, bool]) -> FileResult:
    return check_file(*args)


def run(
    tasks: Sequence[Task],
    *,
    fix: FixMode | None = None,
    jobs: int | None = None,
    glossary: Glossary | None = None,
    want_source: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[FileResult]:
    """Check ``tasks``; yields one ``FileResult`` per task, in order.

    ``jobs`` worker processes (default: the CPU count) are used when there are at
    least ``PARALLEL_MIN_FILES`` files; each loads every glossary it needs once.
    ``glossary`` (an object) is used for tasks whose glossary spec is ``None``.
    ``progress(done, total)`` is called after each file.
    """
    fix = fix or FixMode()
    jobs = jobs or os.cpu_count() or 1
    if glossary is not None:
        from glosador.matcher import compile_glossary

        compile_glossary(glossary)
        _settle()
    total = len(tasks)
    work = [(task, fix, want_source) for task in tasks]
    if jobs <= 1 or total < PARALLEL_MIN_FILES:
        _init_worker(glossary)
        try:
            for done, item in enumerate(work, 1):
                yield _check_star(item)
                if progress is not None:
                    progress(done, total)
        finally:
            _GIVEN.clear()
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    workers = min(jobs, max(1, total // 4))
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    chunk = max(1, min(32, total // (workers * 8)))
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(glossary,)
    ) as pool:
        for done, result in enumerate(pool.map(_check_star, work, chunksize=chunk), 1):
            yield result
            if progress is not None:
                progress(done, total)


def report_of(results: Iterable[FileResult]) -> Report:
    """One ``Report`` of many files' results: findings sorted, unreadable files listed."""
    findings: list[Finding] = []
    languages: dict[str, str] = {}
    errors: list[str] = []
    files = 0
    for result in results:
        if result.error is not None:
            errors.append(result.error)
            if result.language is None and not result.findings:
                continue  # not read at all
        files += 1
        findings.extend(result.findings)
        languages[result.path] = result.language or "und"
    findings.sort(key=lambda f: f.sort_key)
    return Report(tuple(findings), files, languages, tuple(errors))
