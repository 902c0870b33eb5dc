"""``glosador catalog build|check|compile|import``: gettext catalogs from the glossary."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import Any

from glosador.commands import add_glossary_option

__all__ = ["register"]


def _warn(warnings: Iterable[object]) -> None:
    for warning in warnings:
        sys.stderr.write(f"glosador: {warning}\n")


def _build(args: argparse.Namespace) -> int:
    from glosador.catalog import build_catalogs
    from glosador.glossary import load_glossary

    glossary = load_glossary(args.glossary)
    result = build_catalogs(glossary, args.out, domain=args.domain, source_lang=args.source_lang)
    _warn(result.warnings)
    for path in result.written:
        sys.stdout.write(f"wrote {path}\n")
    if not args.quiet:
        sys.stderr.write(
            f"{len(result.written)} file(s) written, {len(result.unchanged)} unchanged\n"
        )
    return 0


def _check(args: argparse.Namespace) -> int:
    from glosador.catalog import check_catalogs
    from glosador.glossary import load_glossary

    glossary = load_glossary(args.glossary)
    result = check_catalogs(glossary, args.out, domain=args.domain, source_lang=args.source_lang)
    _warn(result.warnings)
    for difference in result.differences:
        sys.stdout.write(f"{difference}\n")
    if result.differences:
        sys.stderr.write(
            f"{len(result.differences)} catalog file(s) out of date: run `glosador catalog build`\n"
        )
        return 1
    return 0


def _compile(args: argparse.Namespace) -> int:
    from glosador.catalog import compile_catalogs

    result = compile_catalogs(args.path or [args.out], domain=args.domain, use_fuzzy=args.use_fuzzy)
    _warn(result.warnings)
    for path in result.written:
        sys.stdout.write(f"wrote {path}\n")
    return 0


def _import(args: argparse.Namespace) -> int:
    from glosador.catalog_import import import_catalog

    result = import_catalog(
        args.file,
        args.glossary,
        language=args.lang,
        include_fuzzy=args.include_fuzzy,
        dry_run=args.dry_run,
    )
    out = sys.stdout
    for item in result.added:
        out.write(f"added    {item.concept} [{result.language}]: {item.term}\n")
    for item in result.changed:
        out.write(f"changed  {item.concept} [{result.language}]: {item.old} -> {item.term}\n")
    for item in result.skipped:
        if item.reason != "untranslated" or args.verbose:
            out.write(f"skipped  {args.file}:{item.line}: {item.concept}: {item.reason}\n")
    untranslated = sum(1 for item in result.skipped if item.reason == "untranslated")
    for path in result.written:
        out.write(f"wrote {path}\n")
    sys.stderr.write(
        f"{len(result.added)} added, {len(result.changed)} changed, "
        f"{len(result.unchanged)} unchanged, {len(result.skipped)} skipped "
        f"({untranslated} untranslated)" + (" (dry run)" if args.dry_run else "") + "\n"
    )
    return 0


def _common(parser: argparse.ArgumentParser, *, source: bool = True) -> None:
    parser.add_argument(
        "--out", default="locales", metavar="DIR", help="catalog folder (default: locales)"
    )
    parser.add_argument("--domain", default="glossary", help="gettext domain (default: glossary)")
    if source:
        add_glossary_option(parser)
        parser.add_argument(
            "--source-lang",
            default="es",
            metavar="LANG",
            help="language of the msgids (default: es); the others are translations",
        )


def register(groups: dict[str, Any]) -> None:
    """Add ``build``, ``check``, ``compile`` and ``import`` to ``glosador catalog``."""
    sub = groups["catalog"]

    build = sub.add_parser("build", help="write the .pot and each language's .po and .mo")
    _common(build)
    build.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    build.set_defaults(handler=_build)

    check = sub.add_parser("check", help="exit 1 and list differences when catalogs are stale")
    _common(check)
    check.set_defaults(handler=_check)

    compile_ = sub.add_parser("compile", help="compile .po files to .mo")
    compile_.add_argument("path", nargs="*", help=".po files or catalog folders (default: --out)")
    _common(compile_, source=False)
    compile_.add_argument("--use-fuzzy", action="store_true", help="include fuzzy translations")
    compile_.set_defaults(handler=_compile)

    import_ = sub.add_parser("import", help="bring a .po's translations into the glossary")
    import_.add_argument("file", help="the .po file")
    add_glossary_option(import_)
    import_.add_argument("--lang", help="language of the translations (default: its header)")
    import_.add_argument("--include-fuzzy", action="store_true", help="import fuzzy entries too")
    import_.add_argument("--dry-run", action="store_true", help="report, write nothing")
    import_.add_argument("-v", "--verbose", action="store_true", help="list untranslated too")
    import_.set_defaults(handler=_import)
