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
from typing import TYPE_CHECKING, TextIO

from glosador import __version__
from glosador.errors import GlosadorError, GlossaryError

if TYPE_CHECKING:
    from glosador.check import CheckOptions
    from glosador.config import Config
    from glosador.model import Glossary, Report
    from glosador.runner import FileResult, FixMode

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
    from glosador.check import CheckOptions
    from glosador.config import Config, clear_cache, config_from_options, load_config
    from glosador.extract import FORMATS
    from glosador.report import FORMATTERS
    from glosador.runner import FixMode, config_for, discover, load_glossaries, options_for, run

    if args.format_in and args.format_in not in FORMATS:
        raise GlosadorError(f"unknown input format {args.format_in!r}")
    if args.diff and not args.fix:
        args.fix = True
    clear_cache()
    override = config_from_options(
        glossary=args.glossary,
        lang=args.lang,
        select=args.select,
        ignore=args.ignore,
        extend_select=args.extend_select,
        fail_on="warning" if args.strict else args.fail_on,
        format=args.format,
    )
    given: Config | None = None
    if args.config:
        given = load_config(args.config)
    elif args.isolated:
        given = Config()
    base = CheckOptions(
        format=args.format_in, source_lang=args.source_lang, include_fuzzy=args.include_fuzzy
    )
    fix = FixMode(apply=args.fix and not args.diff, diff=args.diff, unsafe=args.unsafe_fixes)
    paths = args.paths or ["."]
    here = config_for(args.stdin_filename or ".", given, override)
    fmt = here.format or "text"
    out = _out()
    color = fmt == "text" and _color(out)
    want_source = color or fmt == "json"

    results: list[FileResult] = []
    stdin_fixed: str | None = None
    if "-" in paths:
        stdin_result, stdin_fixed = _check_stdin(args, given, override, base, fix, want_source)
        results.append(stdin_result)
        paths = [p for p in paths if p != "-"]
    if paths:
        tasks = discover(paths, config=given, override=override, base=base)
        load_glossaries(tasks)
        progress = _progress_bar(len(tasks)) if _show_progress(args, len(tasks)) else None
        try:
            results.extend(
                run(tasks, fix=fix, jobs=args.jobs, want_source=want_source, progress=progress)
            )
        finally:
            if progress is not None:
                sys.stderr.write("\r\x1b[2K")
    report = _report(results)
    if args.source:
        extra = _check_translations(args, paths, _cwd_glossary(here), options_for(None, here, base))
        report = _merge_reports(report, extra)
    if fix.diff:
        for result in results:
            out.write(result.diff)
        count = sum(r.fixed for r in results)
        changed = sum(1 for r in results if r.diff)
        if count:
            sys.stderr.write(
                f"glosador: would fix {_n(count, 'finding')} in {_n(changed, 'file')}\n"
            )
    elif stdin_fixed is not None:
        out.write(stdin_fixed)
    else:
        sources = {r.path: r.source for r in results if r.source is not None}
        out.write(FORMATTERS[fmt](report, color=color, sources=sources or None))
        count = sum(r.fixed for r in results)
        if fix.apply and count:
            changed = sum(1 for r in results if r.fixed)
            sys.stderr.write(f"glosador: fixed {_n(count, 'finding')} in {_n(changed, 'file')}\n")
    for error in report.errors_reading:
        sys.stderr.write(f"glosador: {error}\n")
    if report.errors_reading:
        return 2
    if args.exit_zero:
        return 0
    if fix.diff:
        return 1 if any(r.diff for r in results) else 0
    extra_failing = any(
        f.severity.rank >= here.threshold.rank
        for f in report.findings
        if f.rule.startswith("GL2") and f.path not in {r.path for r in results}
    )
    return 1 if extra_failing or any(r.failing for r in results) else 0


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _check_stdin(
    args: argparse.Namespace,
    given: Config | None,
    override: Config,
    base: CheckOptions,
    fix: FixMode,
    want_source: bool,
) -> tuple[FileResult, str | None]:
    """Check (and fix) the document read from stdin; with ``--fix`` also its fixed text."""
    from glosador.check import check_document
    from glosador.errors import DocumentError
    from glosador.extract import parse_document
    from glosador.fix import unified_diff
    from glosador.runner import FileResult, config_for, fix_document, options_for

    name = args.stdin_filename or "-"
    config = config_for(args.stdin_filename or ".", given, override)
    options = options_for(args.stdin_filename, config, base)
    glossary = _cwd_glossary(config)
    try:
        document = parse_document(sys.stdin.buffer.read(), name, args.format_in)
    except DocumentError as exc:
        return FileResult(name, error=str(exc), fail_on=config.threshold), None
    findings, language = check_document(document, glossary, options)
    applied = 0
    diff = ""
    fixed_text = None
    if fix.active:
        fixed, remaining, fixed_language, applied = fix_document(
            document, findings, glossary, options, unsafe=fix.unsafe
        )
        if fix.diff:
            diff = unified_diff(name, document.text, fixed.text) if applied else ""
        else:
            fixed_text = fixed.text
            if applied:
                document, findings, language = fixed, remaining, fixed_language
    source = document.text if want_source else None
    result = FileResult(
        name, tuple(findings), language, None, config.threshold, applied, diff, source
    )
    return result, fixed_text


def _cwd_glossary(config: Config) -> Glossary:
    from glosador.runner import _glossary

    return _glossary(config.glossary)


def _report(results: Sequence[FileResult]) -> Report:
    from glosador.runner import report_of

    report: Report = report_of(results)
    return report


def _merge_reports(first: Report, second: Report) -> Report:
    from glosador.model import Report

    findings = sorted((*first.findings, *second.findings), key=lambda f: f.sort_key)
    return Report(
        tuple(findings),
        first.files + second.files,
        {**first.languages, **second.languages},
        first.errors_reading + second.errors_reading,
    )


def _show_progress(args: argparse.Namespace, files: int) -> bool:
    import os

    if args.no_progress or files <= 5 or os.environ.get("CI"):
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _progress_bar(total: int) -> Callable[[int, int], None]:
    width = 30

    def show(done: int, total: int = total) -> None:
        filled = width * done // max(total, 1)
        bar = "#" * filled + "-" * (width - filled)
        sys.stderr.write(f"\r[{bar}] {done}/{total} files")
        sys.stderr.flush()

    return show


def _check_translations(
    args: argparse.Namespace, paths: list[str], glossary: Glossary, options: CheckOptions
) -> Report:
    """GL201/GL202 of each checked file against ``--source``."""
    from glosador.bilingual import check_pair
    from glosador.extract import format_for, read_document
    from glosador.model import Finding, Report
    from glosador.runner import discover

    source = read_document(args.source, args.format_in)
    findings: list[Finding] = []
    for task in discover(paths):
        if task.error is not None:
            continue  # reported by the article check of the same paths
        path = task.path
        target = read_document(path, args.format_in)
        report = check_pair(
            source.text,
            target.text,
            glossary,
            source_lang=args.source_lang,
            target_lang=options.lang,
            format=args.format_in or format_for(str(path)),
            path=str(path),
        )
        findings.extend(f for f in report.findings if options.selects(f.rule))
    return Report(tuple(findings), 0, {})


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
    check.add_argument(
        "--format", choices=("text", "json", "sarif", "github"), help="report format (text)"
    )
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
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        help="lowest severity that fails the check (default: error, or the config's fail-on)",
    )
    check.add_argument(
        "--extend-select", metavar="RULES", help="rules to check besides the selected ones"
    )
    check.add_argument("--fix", action="store_true", help="apply the safe fixes to the files")
    check.add_argument(
        "--diff", action="store_true", help="print the fixes as a unified diff; change nothing"
    )
    check.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix: also GL106 and GL108 fixes"
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=_positive_int,
        metavar="N",
        help="worker processes for many files (default: the CPU count)",
    )
    check.add_argument("--config", metavar="FILE", help="use this glosador.toml or pyproject.toml")
    check.add_argument("--isolated", action="store_true", help="ignore configuration files")
    check.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
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


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
    return value


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
    except OSError as exc:  # a file or folder the command itself had to read or write
        where = f"{exc.filename}: " if exc.filename else ""
        sys.stderr.write(f"glosador: {where}{exc.strerror or exc}\n")
        return 2
    except Exception as exc:  # a bug: one line, and the traceback only when asked for
        import os

        if os.environ.get("GLOSADOR_DEBUG"):
            raise
        sys.stderr.write(
            f"glosador: internal error: {type(exc).__name__}: {exc} "
            "(set GLOSADOR_DEBUG=1 for the traceback, and please report it)\n"
        )
        return 2
