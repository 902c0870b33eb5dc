"""The ``glosador`` command line: ``main(argv) -> int``.

Each subcommand is a small function taking the parsed ``argparse.Namespace`` and
returning the exit status: 0 clean, 1 findings, 2 usage error, unreadable input
or invalid glossary (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TextIO

from glosador import __version__
from glosador.errors import GlosadorError, GlossaryError

__all__ = ["main"]

Handler = Callable[[argparse.Namespace], int]


def _out() -> TextIO:
    return sys.stdout


def _cmd_rule(args: argparse.Namespace) -> int:
    from glosador.rules import all_rules, get_rule

    if args.rule:
        rule = get_rule(args.rule)
        head = f"# {rule.code} {rule.name}\n\n"
        head += f"Default severity: {rule.default_severity.value}. {rule.summary[0].upper()}"
        head += f"{rule.summary[1:]}.\n"
        if rule.scope in ("document", "pair"):
            head += "Fix: " + ("safe (applied by --fix)" if rule.fix_safe else "unsafe") + ".\n"
        _out().write(head + "\n" + rule.doc() + "\n")
        return 0
    for rule in all_rules():
        line = f"{rule.code}  {rule.name:<24} {rule.default_severity.value:<8} {rule.summary}\n"
        _out().write(line)
    return 0


def _glossary_paths(args: argparse.Namespace) -> list[str] | None:
    paths: list[str] = list(getattr(args, "path", None) or [])
    return paths or None


def _cmd_validate(args: argparse.Namespace) -> int:
    from glosador.lint import lint_paths
    from glosador.model import Severity
    from glosador.rules import get_rule

    problems = lint_paths(_glossary_paths(args))
    worst = 0
    for problem in problems:
        severity = get_rule(problem.code).default_severity
        _out().write(f"{problem} [{severity.value}]\n")
        if severity is Severity.ERROR or args.strict:
            worst = 1
    if not problems and not args.quiet:
        sys.stderr.write("glossary is valid\n")
    return worst


def _cmd_stats(args: argparse.Namespace) -> int:
    from glosador.glossary import load_glossary

    glossary = load_glossary(_glossary_paths(args), strict=False)
    by_language: Counter[str] = Counter()
    by_subject: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    terms = untranslated = 0
    for concept in glossary:
        by_subject[concept.subject or "(none)"] += 1
        untranslated += not concept.translate
        for language, language_terms in concept.terms.items():
            by_language[language] += 1
            for term in language_terms:
                terms += 1
                by_status[term.status.value] += 1
                by_type[term.type.value] += 1
    out = _out()
    out.write(f"concepts: {len(glossary)}\nterms: {terms}\ntranslate: false: {untranslated}\n")
    for title, counter in (
        ("concepts by language", by_language),
        ("concepts by subject", by_subject),
        ("terms by status", by_status),
        ("terms by type", by_type),
    ):
        out.write(f"\n{title}:\n")
        for key, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            out.write(f"  {key:<32} {count:>7}\n")
    return 0


def _color(stream: TextIO) -> bool:
    import os

    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()


def _cmd_check(args: argparse.Namespace) -> int:
    from glosador.check import CheckOptions, check_document, check_paths
    from glosador.extract import FORMATS, parse_document
    from glosador.glossary import load_glossary
    from glosador.model import Report, Severity
    from glosador.report import FORMATTERS
    from glosador.rules import resolve_codes

    if args.format_in and args.format_in not in FORMATS:
        raise GlosadorError(f"unknown input format {args.format_in!r}")
    options = CheckOptions(
        lang=None if args.lang in (None, "auto") else args.lang,
        select=frozenset(resolve_codes(args.select)) if args.select else None,
        ignore=frozenset(resolve_codes(args.ignore)) if args.ignore else frozenset(),
        format=args.format_in,
        source_lang=args.source_lang,
        include_fuzzy=args.include_fuzzy,
    )
    glossary = load_glossary(args.glossary or None)
    paths = args.paths or ["."]
    reports: list[Report] = []
    if "-" in paths:
        name = args.stdin_filename or "-"
        document = parse_document(sys.stdin.buffer.read(), name, args.format_in)
        findings, language = check_document(document, glossary, options)
        reports.append(Report(tuple(findings), 1, {name: language or "und"}))
        paths = [p for p in paths if p != "-"]
    if paths:
        reports.append(check_paths(paths, glossary, options=options))
    if args.source:
        reports.append(_check_translations(args, paths, glossary, options))
    findings = sorted((f for r in reports for f in r.findings), key=lambda f: f.sort_key)
    report = Report(
        tuple(findings),
        sum(r.files for r in reports),
        {k: v for r in reports for k, v in r.languages.items()},
        tuple(e for r in reports for e in r.errors_reading),
    )
    out = _out()
    color = args.format == "text" and _color(out)
    sources = _sources(report) if (color or args.format == "json") else None
    out.write(FORMATTERS[args.format](report, color=color, sources=sources))
    for error in report.errors_reading:
        sys.stderr.write(f"glosador: {error}\n")
    if report.errors_reading:
        return 2
    if args.exit_zero:
        return 0
    threshold = Severity.WARNING if args.strict else Severity.ERROR
    failing = any(f.severity.rank >= threshold.rank for f in report.findings)
    return 1 if failing else 0


def _check_translations(
    args: argparse.Namespace, paths: list[str], glossary: object, options: object
) -> object:
    """GL201/GL202 of each checked file against ``--source``."""
    from glosador.bilingual import check_pair
    from glosador.check import iter_files
    from glosador.extract import format_for, read_document
    from glosador.model import Report

    source = read_document(args.source, args.format_in)
    findings = []
    for path in iter_files(paths):
        target = read_document(path, args.format_in)
        report = check_pair(
            source.text,
            target.text,
            glossary,  # type: ignore[arg-type]
            source_lang=args.source_lang,
            target_lang=getattr(options, "lang", None),
            format=args.format_in or format_for(str(path)),
            path=str(path),
        )
        findings.extend(
            f for f in report.findings if getattr(options, "selects", lambda c: True)(f.rule)
        )
    return Report(tuple(findings), 0, {})


def _sources(report: object) -> dict[str, str]:
    from glosador.errors import DocumentError
    from glosador.extract import read_document

    sources: dict[str, str] = {}
    for finding in getattr(report, "findings", ()):
        if finding.path not in sources and finding.path != "-":
            try:
                sources[finding.path] = read_document(finding.path, "text").text
            except DocumentError:
                sources[finding.path] = ""
    return sources


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="glosador",
        description="Check articles against a curated Spanish-English term store.",
    )
    parser.add_argument("--version", action="version", version=f"glosador {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check articles for inconsistent renderings")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, or - for stdin")
    check.add_argument(
        "--glossary",
        action="append",
        metavar="PATH",
        help="glossary folder or file (repeatable; later ones override by concept id)",
    )
    check.add_argument(
        "--lang", default="auto", help="document language: auto (default), es, en, ..."
    )
    check.add_argument("--format", choices=("text", "json", "sarif", "github"), default="text")
    check.add_argument(
        "--format-in", metavar="FORMAT", help="input format: text, markdown, html, po"
    )
    check.add_argument(
        "--select", metavar="RULES", help="rules to check (codes, prefixes or names)"
    )
    check.add_argument("--ignore", metavar="RULES", help="rules not to check")
    check.add_argument("--stdin-filename", metavar="NAME", help="the name of the file read from -")
    check.add_argument(
        "--source",
        metavar="PATH",
        help="bilingual: PATH is the source, the checked files its translations (GL201, GL202)",
    )
    check.add_argument("--source-lang", metavar="LANG", help="language of --source and of msgids")
    check.add_argument(
        "--include-fuzzy", action="store_true", help=".po files: check fuzzy entries too"
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    check.add_argument("--strict", action="store_true", help="warnings also fail (exit 1)")
    check.set_defaults(handler=_cmd_check)

    rule = sub.add_parser("rule", aliases=["rules"], help="documentation of one rule, or the list")
    rule.add_argument("rule", nargs="?", metavar="CODE|NAME")
    rule.set_defaults(handler=_cmd_rule)

    glossary = sub.add_parser("glossary", help="validate, describe, import or export a glossary")
    gsub = glossary.add_subparsers(dest="glossary_command", metavar="ACTION")
    validate = gsub.add_parser("validate", help="lint a glossary (GL001-GL006)")
    validate.add_argument("path", nargs="*", help="glossary folder(s) or file(s); default: bundled")
    validate.add_argument("--strict", action="store_true", help="warnings also fail (exit 1)")
    validate.add_argument("-q", "--quiet", action="store_true")
    validate.set_defaults(handler=_cmd_validate)
    stats = gsub.add_parser("stats", help="counts by language, subject, status and type")
    stats.add_argument("path", nargs="*", help="glossary folder(s) or file(s); default: bundled")
    stats.set_defaults(handler=_cmd_stats)
    glossary.set_defaults(handler=lambda _a: _usage(glossary))

    catalog = sub.add_parser("catalog", help="build, check, compile and import gettext catalogs")
    csub = catalog.add_subparsers(dest="catalog_command", metavar="ACTION")
    catalog.set_defaults(handler=lambda _a: _usage(catalog))

    from glosador.commands import register_all

    register_all({"top": sub, "glossary": gsub, "catalog": csub})
    return parser


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run glosador with ``argv`` (default ``sys.argv[1:]``); returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help/--version
        return int(exc.code or 0)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        return _usage(parser)
    try:
        return handler(args)
    except GlossaryError as exc:
        sys.stderr.write(f"glosador: invalid glossary: {exc}\n")
        return 2
    except GlosadorError as exc:
        sys.stderr.write(f"glosador: {exc}\n")
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
