"""``glosador glossary import`` and ``glosador glossary export``: TBX and CSV with CAT tools.

``import FILE`` prints the glossary YAML of a TBX, CSV or TSV termbase, or with
``--into PATH`` writes it: a new file is created; an existing one is merged by
concept id (``--on-conflict keep|replace|fail``), keeping its comments (only
``replace`` rewrites the whole file). Notices (empty terms skipped, languages
renamed, ragged rows) go to stderr. ``export OUT`` writes the glossary as TBX v3
(``--dialect basic|core|min``, ``--style dca|dct``) or CSV/TSV, atomically.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

__all__ = ["register"]

_TBX_SUFFIXES = (".tbx", ".xml", ".tbxm")
_TSV_SUFFIXES = (".tsv", ".tab")


def register(groups: dict[str, Any]) -> None:
    """Add ``import`` and ``export`` to ``glosador glossary``."""
    from glosador.commands import add_glossary_option

    sub = groups["glossary"]
    imp = sub.add_parser(
        "import",
        help="import a TBX, CSV or TSV termbase as glossary YAML",
        description="Import a TBX (v2 or v3), CSV or TSV termbase. Without --into, print the "
        "glossary YAML; with --into, create the file or merge into it by concept id.",
    )
    imp.add_argument("file", metavar="FILE", help="the termbase ('-' reads stdin)")
    imp.add_argument("--into", metavar="PATH", help="glossary YAML file to create or merge into")
    imp.add_argument(
        "--format", choices=("auto", "tbx", "csv", "tsv"), default="auto", help="default: sniffed"
    )
    imp.add_argument(
        "--on-conflict",
        choices=("keep", "replace", "fail"),
        default="keep",
        help="an imported concept whose id exists with other content: keep the glossary's "
        "(default), replace it, or fail without writing",
    )
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=ROLE",
        help="CSV: the role of a column (id, subject, definition, note, source, translate, "
        "extra, source-term, target-term, source-language, target-language, part_of_speech, "
        "context, case_sensitive, ignore, LANG or LANG:FIELD); repeatable",
    )
    imp.add_argument("--source-language", metavar="LANG", help="language of the source terms")
    imp.add_argument("--target-language", metavar="LANG", help="CSV: language of the targets")
    imp.add_argument("--encoding", help="CSV: the file's encoding (default: sniffed)")
    imp.add_argument("--delimiter", help="CSV: the delimiter (default: sniffed)")
    imp.add_argument(
        "--ids",
        choices=("file", "slug"),
        default="file",
        help="concept ids from the file's ids (default) or always from the source term",
    )
    imp.add_argument("-q", "--quiet", action="store_true", help="no notices, only the summary")
    imp.set_defaults(handler=_cmd_import)

    exp = sub.add_parser(
        "export",
        help="export the glossary as TBX v3 or CSV/TSV",
        description="Export the glossary as TBX v3 (TBX-Basic DCA by default) or CSV/TSV.",
    )
    exp.add_argument("out", metavar="OUT", help="the file to write ('-' writes stdout)")
    exp.add_argument(
        "--format", choices=("tbx", "csv", "tsv"), help="default: from OUT's suffix, else tbx"
    )
    exp.add_argument("--dialect", choices=("basic", "core", "min"), default="basic")
    exp.add_argument("--style", choices=("dca", "dct"), default="dca")
    add_glossary_option(exp)
    exp.set_defaults(handler=_cmd_export)


# -- import -------------------------------------------------------------------------


def _format(name: str, head: bytes, wanted: str) -> str:
    if wanted != "auto":
        return wanted
    lower = name.lower()
    if lower.endswith(_TBX_SUFFIXES):
        return "tbx"
    if lower.endswith(_TSV_SUFFIXES):
        return "tsv"
    if lower.endswith(".csv"):
        return "csv"
    text = head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    return "tbx" if text.startswith(b"<") else "csv"


def _mapping(items: list[str]) -> dict[str, str]:
    from glosador.errors import ConfigError

    mapping: dict[str, str] = {}
    for item in items:
        column, sep, role = item.rpartition("=")
        if not sep or not column:
            raise ConfigError(f"--map {item!r}: expected COLUMN=ROLE")
        mapping[column] = role.strip()
    return mapping


class _Tally:
    """Counts concepts, terms and languages as they stream past."""

    def __init__(self) -> None:
        self.concepts = 0
        self.terms = 0
        self.languages: Counter[str] = Counter()

    def watch(self, concepts: Iterable[Any]) -> Iterator[Any]:
        for concept in concepts:
            self.concepts += 1
            for language, terms in concept.terms.items():
                self.terms += len(terms)
                self.languages[language] += 1
            yield concept

    def __str__(self) -> str:
        languages = ", ".join(sorted(self.languages))
        return f"{self.concepts} concepts, {self.terms} terms, languages: {languages or 'none'}"


def _cmd_import(args: argparse.Namespace) -> int:
    from glosador.errors import ExchangeError

    name = "<stdin>" if args.file == "-" else args.file
    try:
        handle = sys.stdin.buffer if args.file == "-" else open(args.file, "rb")  # noqa: SIM115
    except OSError as exc:
        raise ExchangeError(f"cannot read: {exc.strerror or exc}", name) from None
    with handle:
        head = handle.peek(512)[:512] if hasattr(handle, "peek") else b""
        kind = _format(name, head, args.format)
        if kind == "tbx":
            from glosador.exchange.tbx import TbxReader

            reader = TbxReader(handle, name, source_language=args.source_language, ids=args.ids)
            return _finish(args, reader, lambda: reader.source_language or "es", reader.notices)
        from glosador.exchange.csvfile import read_csv

        result = read_csv(
            handle.read(),
            name,
            delimiter=_delimiter(args.delimiter, kind),
            encoding=args.encoding,
            mapping=_mapping(args.map),
            source_language=args.source_language,
            target_language=args.target_language,
            ids=args.ids,
        )
    return _finish(args, result.concepts, lambda: result.source_language, list(result.notices))


def _delimiter(given: str | None, kind: str) -> str | None:
    if given:
        return "\t" if given in ("\\t", "tab") else given
    return "\t" if kind == "tsv" else None


def _finish(
    args: argparse.Namespace, concepts: Iterable[Any], source: Any, notices: list[Any]
) -> int:
    """Print or write the imported concepts, then the notices and a summary."""
    tally = _Tally()
    stream = tally.watch(concepts)
    into = Path(args.into) if args.into else None
    try:
        if into is None:
            _print_yaml(stream, source)
            message = f"imported {tally} from {args.file}"
        elif into.exists():
            message = _merge_into(args, into, list(stream), source())
            message = f"imported {tally} from {args.file}; {message}"
        else:
            _write_new(into, stream, source)
            message = f"imported {tally} from {args.file} into {into}"
    finally:
        if not args.quiet:
            for notice in notices:
                sys.stderr.write(f"{notice}\n")
    sys.stderr.write(message + (f" ({len(notices)} notices)" if notices else "") + "\n")
    if into is not None:
        _report_lint(into)
    return 0


def _report_lint(into: Path) -> None:
    """Lint the glossary the import wrote into; its problems are shown, not fatal."""
    from glosador.lint import lint_paths

    folder = into.parent if any(into.parent.glob("*.yaml")) else into
    problems = lint_paths([str(folder)])
    for problem in problems[:20]:
        sys.stderr.write(f"{problem}\n")
    if problems:
        more = f" ({len(problems) - 20} not shown)" if len(problems) > 20 else ""
        sys.stderr.write(
            f"{folder}: {len(problems)} glossary problems after the import{more}; "
            f"fix them before checking with it (glosador glossary validate {folder})\n"
        )


def _print_yaml(concepts: Iterator[Any], source: Any) -> None:
    from glosador.dump import dump_concept

    out = sys.stdout
    first = next(concepts, None)
    out.write(f"source_language: {source()}\n")
    if first is None:
        out.write("concepts: []\n")
        return
    out.write("concepts:\n" + dump_concept(first))
    for concept in concepts:
        out.write("\n" + dump_concept(concept))


def _write_new(into: Path, concepts: Iterator[Any], source: Any) -> None:
    """Write a new glossary file, streaming: neither the concepts nor the text are held.

    ``fsutil.write_atomic`` takes the whole content, which for a 200 MB termbase
    is a 100 MB YAML text in memory; a new file has nothing to compare with or
    permissions to keep, so it is written the same atomic way (a temporary file in
    the same folder, fsync, rename) from the pieces as they come.
    """
    from glosador.dump import dump_concept, yaml_scalar

    def pieces() -> Iterator[str]:
        first = next(concepts, None)  # the source language is known once reading has begun
        yield f"source_language: {yaml_scalar(source())}\n"
        if first is None:
            yield "concepts: []\n"
            return
        yield "concepts:\n" + dump_concept(first)
        for concept in concepts:
            yield "\n" + dump_concept(concept)

    _write_streaming(into, pieces())


def _write_streaming(path: Path, pieces: Iterable[str]) -> None:
    import contextlib
    import os
    import tempfile

    from glosador.errors import ExchangeError

    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ExchangeError(f"cannot write: {exc.strerror or exc}", str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            for piece in pieces:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ExchangeError(f"cannot write: {exc.strerror or exc}", str(path)) from None
        raise


def _merge_into(args: argparse.Namespace, into: Path, concepts: list[Any], source: str) -> str:
    from glosador.dump import concept_mapping, dump_glossary, term_value
    from glosador.errors import ExchangeError
    from glosador.exchange.merge import plan_merge
    from glosador.fsutil import write_atomic
    from glosador.glossary import parse_glossary
    from glosador.yamledit import GlossaryDocument

    document = GlossaryDocument.open(into)
    parsed = parse_glossary(document.dumps(), str(into))
    plan = plan_merge(parsed.concepts, concepts, args.on_conflict, path=str(into))
    for conflict in plan.conflicts:
        sys.stderr.write(f"{into}: {conflict}\n")
    _warn_other_files(into, plan.added)
    if plan.replaced:
        text = dump_glossary(plan.concepts, source_language=parsed.source_language)
        try:
            written = write_atomic(into, text.encode("utf-8"))
        except OSError as exc:
            raise ExchangeError(f"cannot write: {exc.strerror or exc}", str(into)) from None
        if written:
            sys.stderr.write(f"{into}: rewritten (--on-conflict replace does not keep comments)\n")
    else:
        for concept in plan.added:
            document.add_concept(concept_mapping(concept))
        for concept_id, languages in plan.extended:
            for language, terms in languages.items():
                start = len(document.terms(concept_id, language))
                document.add_terms(
                    concept_id,
                    language,
                    [term_value(term, start + i) for i, term in enumerate(terms)],
                )
        try:
            written = document.save()
        except OSError as exc:
            raise ExchangeError(f"cannot write: {exc.strerror or exc}", str(into)) from None
    counts = (
        f"{len(plan.added)} added, {len(plan.extended)} extended, {len(plan.replaced)} replaced, "
        f"{len(plan.unchanged)} unchanged, {len(plan.conflicts)} conflicts"
    )
    return f"{into}: {counts}" + ("" if written else " (file unchanged)")


def _warn_other_files(into: Path, added: Iterable[Any]) -> None:
    """Warn when a new concept's id is already used by another file of the glossary folder."""
    from glosador.glossary import read_glossary

    ids = {c.id for c in added}
    if not ids:
        return
    for other in sorted(into.parent.glob("*.yaml")):
        if other.resolve() == into.resolve():
            continue
        parsed, _digest = read_glossary(other)
        for concept in parsed.concepts:
            if concept.id in ids:
                sys.stderr.write(
                    f"{into}: concept id {concept.id!r} is also in {other} (GL002 when loaded)\n"
                )


# -- export -------------------------------------------------------------------------


def _cmd_export(args: argparse.Namespace) -> int:
    from glosador.errors import ExchangeError
    from glosador.exchange.csvfile import write_csv
    from glosador.exchange.tbx import write_tbx
    from glosador.fsutil import write_atomic
    from glosador.glossary import load_glossary

    glossary = load_glossary(args.glossary or None, strict=False)
    kind = args.format
    if kind is None:
        lower = args.out.lower()
        kind = (
            "csv" if lower.endswith(".csv") else "tsv" if lower.endswith(_TSV_SUFFIXES) else "tbx"
        )
    out = io.StringIO()
    if kind == "tbx":
        count = write_tbx(
            glossary,
            out,
            source_language=glossary.source_language,
            dialect=args.dialect,
            style=args.style,
        )
        what = f"{count} concepts as TBX v3 ({args.dialect}, {args.style})"
    else:
        rows = write_csv(
            glossary,
            out,
            source_language=glossary.source_language,
            delimiter="\t" if kind == "tsv" else ",",
        )
        what = f"{len(glossary)} concepts as {kind.upper()} ({rows} rows)"
    if args.out == "-":
        sys.stdout.write(out.getvalue())
        return 0
    try:
        written = write_atomic(args.out, out.getvalue().encode("utf-8"))
    except OSError as exc:
        raise ExchangeError(f"cannot write: {exc.strerror or exc}", args.out) from None
    sys.stderr.write(f"exported {what} to {args.out}" + ("" if written else " (unchanged)") + "\n")
    return 0
