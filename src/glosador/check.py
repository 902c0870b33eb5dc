"""Checking documents: orchestration from files to a sorted ``Report``.

``check_text`` checks one text, ``check_paths`` files and folders. Both load the
glossary once, compile it once (cached), analyse each document
(``glosador.analysis``), run the selected article rules, keep one finding per
span (the most specific one) and place every finding in the file as written.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from glosador.analysis import analyse, verbatim
from glosador.config import Config, load_config
from glosador.extract import Document, LineIndex, document_from_text
from glosador.glossary import is_bundled_name, load_glossary
from glosador.matcher import compile_glossary
from glosador.model import Finding, Glossary, Report, Severity
from glosador.rules import all_rules, get_rule, resolve_codes
from glosador.rules.article import PRECEDENCE, ArticleRule, Raw
from glosador.suppress import UNUSED, apply_suppressions

if TYPE_CHECKING:  # the .po reader loads only when a catalog is checked
    from glosador.pofile import PoEntry

__all__ = ["CheckOptions", "check_document", "check_paths", "check_text"]


@dataclass(frozen=True)
class CheckOptions:
    """What to check and how; the same keys as the command line and ``[tool.glosador]``."""

    lang: str | None = None
    select: frozenset[str] | None = None  #: rule codes; None = every article rule
    ignore: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)
    format: str | None = None  #: "text", "markdown", "html", "po"; None = from the extension
    source_lang: str | None = None  #: for .po files: the msgid language (default: detected)
    include_fuzzy: bool = False  #: for .po files: check fuzzy entries too

    def enabled(self) -> list[type[ArticleRule]]:
        rules = [r for r in all_rules() if issubclass(r, ArticleRule)]
        if self.select is not None:
            rules = [r for r in rules if r.code in self.select]
        return [r for r in rules if r.code not in self.ignore]

    def selects(self, code: str) -> bool:
        """Whether the rule ``code`` runs with these options."""
        return (self.select is None or code in self.select) and code not in self.ignore


def _glossary(glossary: Glossary | str | os.PathLike[str] | Sequence[str] | None) -> Glossary:
    if isinstance(glossary, Glossary):
        return glossary
    return load_glossary(glossary)


def check_document(
    document: Document, glossary: Glossary, options: CheckOptions | None = None
) -> tuple[list[Finding], str | None]:
    """Findings of one document (sorted) and the language it was read in."""
    options = options or CheckOptions()
    compiled = compile_glossary(glossary)
    analysis = analyse(document, compiled, glossary, options.lang)
    raws: list[Raw] = []
    enabled = options.enabled()
    for rule in enabled:
        raws.extend(rule.check(analysis))
    raws = [r for r in _one_per_span(raws) if not verbatim(analysis, r.segment, r.start, r.end)]
    index = LineIndex(document.text)
    findings = [_place(raw, document, index, options) for raw in raws]
    findings = apply_suppressions(
        document,
        findings,
        enabled=frozenset(rule.code for rule in enabled),
        report_unused=options.selects(UNUSED),
        severity=options.severity.get(UNUSED, Severity.INFO),
        index=index,
    )
    findings.sort(key=lambda f: f.sort_key)
    return findings, analysis.language


#: rules whose span replaces a whole name: what they report inside it goes with it
_WHOLE_NAME = frozenset({"GL101", "GL108"})


def _one_per_span(raws: list[Raw]) -> list[Raw]:
    """The most specific finding of each span, none inside a whole-name finding (the
    untranslated "Corte Penal Internacional" within the mixed "Rome Statute of the
    Corte Penal Internacional" is fixed with it)."""
    rank = {code: i for i, code in enumerate(PRECEDENCE)}
    best: dict[tuple[int, int, int], Raw] = {}
    for raw in raws:
        key = (raw.segment, raw.start, raw.end)
        current = best.get(key)
        if current is None or rank.get(raw.code, 99) < rank.get(current.code, 99):
            best[key] = raw
    names = [r for r in best.values() if r.code in _WHOLE_NAME]
    return [
        raw
        for raw in best.values()
        if not any(
            n.segment == raw.segment
            and n.start <= raw.start
            and raw.end <= n.end
            and (n.end - n.start) > (raw.end - raw.start)
            for n in names
        )
    ]


def _place(raw: Raw, document: Document, index: LineIndex, options: CheckOptions) -> Finding:
    segment = document.segments[raw.segment]
    start, end = segment.offsets.span(raw.start, raw.end)
    line, column = index.position(start)
    end_line, end_column = index.position(end)
    rule = get_rule(raw.code)
    fix = None
    if raw.fix is not None:
        fix_start, fix_end = segment.offsets.span(raw.fix[0], raw.fix[1])
        fix = (fix_start, fix_end, raw.fix[2])
    return Finding(
        path=document.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=rule.code,
        name=rule.name,
        severity=options.severity.get(rule.code, rule.default_severity),
        message=raw.message,
        text=document.text[start:end],
        concept=raw.concept,
        language=raw.language,
        suggestions=raw.suggestions,
        start_offset=start,
        end_offset=end,
        fix=fix,
    )


def check_text(
    text: str,
    glossary: Glossary | str | os.PathLike[str] | Sequence[str] | None = None,
    *,
    lang: str | None = None,
    format: str = "text",
    path: str = "<string>",
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
) -> Report:
    """Check one text; ``format`` is "text", "markdown" or "html"."""
    options = CheckOptions(
        lang=lang,
        select=frozenset(resolve_codes(_codes(select))) if select is not None else None,
        ignore=frozenset(resolve_codes(_codes(ignore))) if ignore is not None else frozenset(),
        format=format,
    )
    document = document_from_text(text, path, format)
    findings, language = check_document(document, _glossary(glossary), options)
    return Report(tuple(findings), 1, {path: language or "und"})


def _codes(spec: Iterable[str] | str) -> list[str]:
    return spec.split(",") if isinstance(spec, str) else list(spec)


#: the article rules a catalog's strings get: each string stands alone, so not GL102
#: (one rendering per document), and a msgstr left in the msgid's language is GL201's
CATALOG_RULES = frozenset({"GL101", "GL103", "GL104", "GL105", "GL107", "GL108"})


def _check_po(path: Path, glossary: Glossary, options: CheckOptions) -> Report:
    """GL201/GL202 of a ``.po`` file, and the catalog rules on its msgids and msgstrs."""
    from glosador.bilingual import catalog_entries, catalog_source_language, check_catalog
    from glosador.pofile import read_po

    report = check_catalog(
        path,
        glossary,
        source_lang=options.source_lang,
        target_lang=options.lang,
        include_fuzzy=options.include_fuzzy,
    )
    shown = str(path)
    kept = [f for f in report.findings if options.selects(f.rule)]
    target = next(iter(report.languages.values()), "und")
    po = read_po(path, shown)
    entries = catalog_entries(po, options.include_fuzzy)
    if target != "und" and entries and any(options.selects(c) for c in CATALOG_RULES):
        text = path.read_bytes().decode(po.charset, errors="replace").removeprefix("\ufeff")
        source = options.source_lang or catalog_source_language(entries, glossary, target)
        select = frozenset(c for c in CATALOG_RULES if options.selects(c))
        for side, language in (("msgid", source), ("msgstr", target)):
            document = _catalog_side(shown, text, entries, side)
            side_options = replace(options, lang=language, select=select, ignore=frozenset())
            kept.extend(check_document(document, glossary, side_options)[0])
    kept.sort(key=lambda f: f.sort_key)
    return Report(tuple(kept), report.files, report.languages)


def _catalog_side(path: str, text: str, entries: Sequence[PoEntry], side: str) -> Document:
    """A catalog's msgids (or msgstrs) as a document, one segment per string.

    A string written on its keyword's line without escapes is placed exactly; any
    other (continued over lines, escaped) points at its keyword's line.
    """
    from glosador.extract import OffsetBuilder, Segment

    index = LineIndex(text)
    segments: list[Segment] = []
    for entry in entries:
        if side == "msgid":
            strings = [(entry.msgid, entry.msgid_line, "msgid")]
            if entry.msgid_plural:
                strings.append((entry.msgid_plural, entry.msgid_line + 1, "msgid_plural"))
        else:
            keys = [f"msgstr[{n}]" for n in range(len(entry.msgstr_plural))]
            lines = entry.msgstr_lines or (entry.msgstr_line,)
            strings = [
                (string, lines[min(n, len(lines) - 1)], keys[n] if keys else "msgstr")
                for n, string in enumerate(entry.translations)
            ]
        for string, line, keyword in strings:
            if not string or not line:
                continue
            start, end = index.line_span(line)
            line_text = text[start : end if end >= 0 else len(text)].rstrip("\r\n")
            builder = OffsetBuilder()
            prefix = f'{keyword} "'
            if line_text.startswith(prefix) and line_text[len(prefix) :] == string + '"':
                builder.add(string, start + len(prefix))
            else:
                builder.add(string, start, len(line_text))
            segments.append(Segment(builder.text(), builder.build(), "paragraph"))
    return Document(path, text, "po", tuple(segments))


def check_paths(
    paths: Iterable[str | os.PathLike[str]],
    glossary: Glossary | str | os.PathLike[str] | Sequence[str] | None = None,
    *,
    options: CheckOptions | None = None,
    config: Config | str | os.PathLike[str] | None = None,
    jobs: int = 1,
) -> Report:
    """Check files and folders; unreadable files are listed in ``errors_reading``.

    Each file's configuration (``glosador.config``) is found by walking up from it,
    unless ``config`` is given: a ``Config`` (``Config()`` for none) or the path of a
    ``glosador.toml`` / ``pyproject.toml``. ``glossary`` and the rule choices and
    language of ``options`` win over the configuration. ``jobs`` > 1 checks many
    files in that many processes.
    """
    from glosador.runner import discover, load_glossaries, report_of, run

    base = options or CheckOptions()
    given = _config(config)
    override = Config(
        lang=base.lang,
        select=base.select,
        ignore=base.ignore or None,
        severity=dict(base.severity),
    )
    loaded: Glossary | None = None
    if isinstance(glossary, Glossary):
        loaded = glossary
    elif glossary is not None:
        names = [glossary] if isinstance(glossary, (str, os.PathLike)) else list(glossary)
        override = replace(
            override,
            glossary=tuple(
                os.fspath(n) if is_bundled_name(n) else os.path.abspath(n) for n in names
            ),
        )
    tasks = discover(
        paths, config=given, override=override, base=base, given_glossary=loaded is not None
    )
    if loaded is None:
        load_glossaries(tasks)
    return report_of(run(tasks, jobs=jobs, glossary=loaded))


def _config(config: Config | str | os.PathLike[str] | None) -> Config | None:
    if config is None or isinstance(config, Config):
        return config
    return load_config(config)
