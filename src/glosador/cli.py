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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="glosador",
        description="Check articles against a curated Spanish-English term store.",
    )
    parser.add_argument("--version", action="version", version=f"glosador {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

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
