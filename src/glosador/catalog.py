"""gettext catalogs from the glossary (SPEC section 7): build, check and compile.

The glossary becomes a Babel ``Catalog`` per language (``glossary_catalog``):
``msgctxt`` = concept id, ``msgid`` = preferred source-language full form,
``msgstr`` = preferred target-language full form (the source name itself for
``translate: false``), ``#.`` = definition, note, subject, type and the other
terms, ``#:`` = glossary file and line. ``build_catalogs`` writes, under the
output folder::

    glossary.pot
    <lang>/LC_MESSAGES/glossary.po, glossary.mo     # one per target language

Output is byte-for-byte reproducible: no wall-clock date (``SOURCE_DATE_EPOCH``
when set, else 1970-01-01), no tool version, glossary order. Files are
written atomically and only when their bytes change; when one cannot be
written, the ones already written are restored, so nothing is half-written.

A ``<lang>/LC_MESSAGES/glossary.po`` already in the output folder for a
language the glossary lacks is updated like ``msgmerge`` (``glosador.merge``).

This is the only module that imports Babel. PO text is serialized here (Babel's
``write_po`` wraps every comment with ``textwrap`` and takes seconds for 100,000
entries); ``.mo`` files are written by ``glosador.mofile`` in linear time.

>>> import glosador
>>> result = build_catalogs(glosador.load_glossary(), "locales")  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.plurals import get_plural

from glosador.errors import CatalogError
from glosador.fsutil import write_atomic
from glosador.glossary import gc_paused
from glosador.merge import MergedEntry, TemplateEntry, merge_entries
from glosador.model import Concept, Glossary, Term
from glosador.mofile import MoMessage, mo_bytes
from glosador.pofile import CatalogWarning, PoFile, plural_forms_warning, read_po

__all__ = [
    "DEFAULT_DOMAIN",
    "BuildResult",
    "CatalogPlan",
    "CheckResult",
    "Difference",
    "build_catalogs",
    "build_date",
    "check_catalogs",
    "compile_catalogs",
    "expected_plural_forms",
    "gettext_language",
    "glossary_catalog",
    "plan_catalogs",
    "render_mo",
    "render_po",
    "write_files",
]

DEFAULT_DOMAIN = "glossary"
_FIXED_DATE = _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)
_AUTO_FLAGS = frozenset({"python-format", "python-brace-format"})
_WIDTH = 79


# -- results -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CatalogPlan:
    """What ``build`` would write: file contents by path, and the warnings found."""

    files: Mapping[Path, bytes]
    warnings: tuple[CatalogWarning, ...] = ()


@dataclass(frozen=True, slots=True)
class BuildResult:
    """The files a build or compile wrote and left unchanged, and its warnings."""

    written: tuple[Path, ...] = ()
    unchanged: tuple[Path, ...] = ()
    warnings: tuple[CatalogWarning, ...] = ()


@dataclass(frozen=True, slots=True)
class Difference:
    """One file that is not what ``build`` would write."""

    path: Path
    kind: str  # "missing" or "changed"
    line: int = 0  # first differing line of a text file (0: binary or missing)
    expected: str = ""
    actual: str = ""

    def __str__(self) -> str:
        if self.kind == "missing":
            return f"{self.path}: missing"
        if not self.line:
            return f"{self.path}: differs"
        return (
            f"{self.path}:{self.line}: differs: expected {self.expected!r}, found {self.actual!r}"
        )


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The differences between an output folder and what ``build`` would write."""

    differences: tuple[Difference, ...] = ()
    warnings: tuple[CatalogWarning, ...] = ()

    @property
    def in_sync(self) -> bool:
        return not self.differences


# -- languages and dates -----------------------------------------------------------------


def gettext_language(code: str) -> str:
    """A glossary language code (BCP 47, ``es-VE``) as a gettext locale (``es_VE``)."""
    try:
        return str(Locale.parse(code.replace("-", "_")))
    except (ValueError, UnknownLocaleError):
        raise CatalogError(f"unknown language code {code!r}") from None


def expected_plural_forms(language: str) -> str | None:
    """The ``Plural-Forms`` value of Babel's CLDR data for ``language`` (None if unknown)."""
    try:
        return str(get_plural(language.replace("-", "_")))
    except (ValueError, UnknownLocaleError):
        return None


def build_date() -> _dt.datetime:
    """``SOURCE_DATE_EPOCH`` when set (reproducible builds), else 1970-01-01 00:00 UTC."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return _FIXED_DATE
    try:
        return _dt.datetime.fromtimestamp(int(value), tz=_dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise CatalogError(f"SOURCE_DATE_EPOCH is not a number of seconds: {value!r}") from None


def _format_date(date: _dt.datetime) -> str:
    return date.strftime("%Y-%m-%d %H:%M+0000")


# -- glossary -> Babel catalog ---------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _describe(term: Term) -> str:
    text = f"{term.language} {term.status.value} {term.type.value}: {term.term}"
    if term.context:
        text += f" (context: {_one_line(term.context)})"
    return text


def _auto_comments(
    concept: Concept, source: Term, target: Term | None, languages: Sequence[str]
) -> list[str]:
    comments: list[str] = []
    if concept.definition:
        comments.append(f"Definition: {_one_line(concept.definition)}")
    if concept.note:
        comments.append(f"Note: {_one_line(concept.note)}")
    if concept.subject:
        comments.append(f"Subject: {_one_line(concept.subject)}")
    if not concept.translate:
        comments.append("Not translated: the name is the same in every language.")
    comments.append(f"Type: {source.type.value}")
    if source.context:
        comments.append(f"Context: {_one_line(source.context)}")
    for language in languages:
        for term in concept.terms.get(language, ()):
            if term is not source and term is not target:
                comments.append(_describe(term))
    return comments


def _message(
    msgid: str | tuple[str, str],
    string: str | tuple[str, ...],
    *,
    context: str | None,
    flags: Iterable[str] = (),
    **kwargs: object,
) -> Message:
    wanted = set(flags)
    message = Message(msgid, string, flags=wanted, context=context, **kwargs)  # type: ignore[arg-type]
    message.flags -= _AUTO_FLAGS - wanted  # glossary terms are not format strings
    return message


def _template_entries(
    glossary: Glossary, source_lang: str
) -> tuple[list[tuple[Concept, Term]], list[CatalogWarning]]:
    entries: list[tuple[Concept, Term]] = []
    warnings: list[CatalogWarning] = []
    for concept in glossary:
        source = concept.preferred(source_lang)
        if source is None:
            warnings.append(
                CatalogWarning(
                    concept.path,
                    concept.line,
                    f"concept {concept.id!r} has no {source_lang!r} term; left out of the catalogs",
                )
            )
            continue
        entries.append((concept, source))
    return entries, warnings


def glossary_catalog(
    glossary: Glossary,
    target_lang: str | None = None,
    *,
    source_lang: str = "es",
    domain: str = DEFAULT_DOMAIN,
    date: _dt.datetime | None = None,
) -> Catalog:
    """The glossary as a Babel ``Catalog``: the template when ``target_lang`` is None.

    Concepts without a ``source_lang`` term are left out (``plan_catalogs`` warns).
    """
    entries, _warnings = _template_entries(glossary, source_lang)
    return _catalog(entries, target_lang, source_lang=source_lang, domain=domain, date=date)


def _catalog(
    entries: Sequence[tuple[Concept, Term]],
    target_lang: str | None,
    *,
    source_lang: str,
    domain: str,
    date: _dt.datetime | None,
) -> Catalog:
    when = date or build_date()
    catalog = Catalog(
        locale=gettext_language(target_lang) if target_lang else None,
        domain=domain,
        project="glosador",
        version=domain,
        msgid_bugs_address="",
        creation_date=when,
        revision_date=when,
        last_translator="glosador",
        language_team="glosador glossary",
        charset="utf-8",
        fuzzy=target_lang is None,
    )
    languages = [source_lang] if target_lang is None else [source_lang, target_lang]
    for concept, source in entries:
        target: Term | None = None
        string = ""
        if target_lang is not None:
            target = concept.preferred(target_lang)
            if target is not None:
                string = target.term
            elif not concept.translate:
                string = source.term
        catalog[source.term] = _message(
            source.term,
            string,
            context=concept.id,
            locations=[(concept.path, concept.line)] if concept.path else [],
            auto_comments=_auto_comments(concept, source, target, languages),
        )
    return catalog


def _header_fields(catalog: Catalog) -> list[tuple[str, str]]:
    fields = []
    for name, value in catalog.mime_headers:
        if name == "Generated-By":
            value = "glosador"
        elif name == "Report-Msgid-Bugs-To":
            value = ""
        elif name == "Content-Type":
            value = "text/plain; charset=UTF-8"
        fields.append((str(name), str(value).rstrip("\n")))
    return fields


# -- PO text ---------------------------------------------------------------------------

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_ESCAPE_RE = re.compile(r'[\\"\n\t\r]')
_CHUNK_RE = re.compile(r"\S*\s*")


def _escape(text: str) -> str:
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], text)


def _wrap(escaped: str, width: int) -> list[str]:
    """Break an escaped string after spaces so that lines stay within ``width``."""
    lines: list[str] = []
    current = ""
    for chunk in _CHUNK_RE.findall(escaped):
        if current and len(current) + len(chunk) > width:
            lines.append(current)
            current = ""
        current += chunk
    if current or not lines:
        lines.append(current)
    return lines


def _field(prefix: str, keyword: str, text: str) -> list[str]:
    """``msgid "..."`` lines, gettext style: split after ``\\n`` and wrapped at 79 columns."""
    escaped = _escape(text)
    single = f'{prefix}{keyword} "{escaped}"'
    if len(single) <= _WIDTH and "\\n" not in escaped[:-2]:
        return [single]
    pieces = [p for p in re.split(r"(?<=\\n)", escaped) if p]
    body: list[str] = []
    for piece in pieces:
        body.extend(_wrap(piece, _WIDTH - len(prefix) - 2))
    return [f'{prefix}{keyword} ""', *(f'{prefix}"{line}"' for line in body)]


def _strings(message: Message) -> tuple[str, str | None, tuple[str, ...]]:
    if isinstance(message.id, (list, tuple)):
        string = message.string
        forms = tuple(string) if isinstance(string, (list, tuple)) else (string or "",)
        return str(message.id[0]), str(message.id[1]), tuple(str(f or "") for f in forms)
    return str(message.id), None, (str(message.string or ""),)


def _message_lines(message: Message, *, obsolete: bool = False) -> list[str]:
    lines = [
        f"# {line}".rstrip() for comment in message.user_comments for line in comment.split("\n")
    ]
    if not obsolete:
        lines += [f"#. {c}".rstrip() for c in message.auto_comments]
        lines += [f"#: {path}:{line}" if line else f"#: {path}" for path, line in message.locations]
    if message.flags:
        lines.append("#, " + ", ".join(sorted(message.flags)))
    prefix = "#~ " if obsolete else ""
    if message.previous_id and not obsolete:
        lines += _field("#| ", "msgid", message.previous_id[0])
        if len(message.previous_id) > 1:
            lines += _field("#| ", "msgid_plural", message.previous_id[1])
    msgid, plural, forms = _strings(message)
    if message.context is not None:
        lines += _field(prefix, "msgctxt", message.context)
    lines += _field(prefix, "msgid", msgid)
    if plural is None:
        lines += _field(prefix, "msgstr", forms[0])
    else:
        lines += _field(prefix, "msgid_plural", plural)
        for index, form in enumerate(forms):
            lines += _field(prefix, f"msgstr[{index}]", form)
    return lines


def render_po(
    catalog: Catalog,
    *,
    header_fields: Sequence[tuple[str, str]] | None = None,
    header_comment: str = "",
    header_fuzzy: bool | None = None,
) -> bytes:
    """The ``.po`` (or ``.pot``) file of a Babel catalog, UTF-8, in linear time.

    ``header_fields`` default to the catalog's MIME headers (``Generated-By: glosador``).
    """
    fields = _header_fields(catalog) if header_fields is None else list(header_fields)
    fuzzy = catalog.fuzzy if header_fuzzy is None else header_fuzzy
    out = [f"# {line}".rstrip() for line in header_comment.splitlines()]
    if fuzzy:
        out.append("#, fuzzy")
    out += _field("", "msgid", "")
    out += ['msgstr ""', *(f'"{_escape(f"{name}: {value}")}\\n"' for name, value in fields)]
    for message in catalog:
        if message.id:
            out.append("")
            out += _message_lines(message)
    for message in catalog.obsolete.values():
        out.append("")
        out += _message_lines(message, obsolete=True)
    out.append("")
    return "\n".join(out).encode("utf-8")


def _header_text(fields: Iterable[tuple[str, str]]) -> str:
    return "".join(f"{name}: {value}\n" for name, value in fields)


def render_mo(
    messages: Iterable[Message],
    header_fields: Sequence[tuple[str, str]],
    *,
    use_fuzzy: bool = False,
) -> bytes:
    """The ``.mo`` file of the translated (and, with ``use_fuzzy``, fuzzy) messages."""
    out = [MoMessage("", _header_text(header_fields))]
    for message in messages:
        msgid, plural, forms = _strings(message)
        if not msgid or not all(forms) or ("fuzzy" in message.flags and not use_fuzzy):
            continue
        out.append(MoMessage(msgid, forms[0], message.context, plural, forms if plural else ()))
    return mo_bytes(out)


# -- planning, merging ------------------------------------------------------------------

_HEADER_COMMENT = (
    "Terms of the glosador glossary ({direction}).\n"
    "Generated by `glosador catalog build`: edit the glossary, not this file."
)


def _po_path(out_dir: Path, language: str, domain: str, suffix: str) -> Path:
    return out_dir / language / "LC_MESSAGES" / f"{domain}{suffix}"


def _existing_languages(out_dir: Path, domain: str) -> list[str]:
    if not out_dir.is_dir():
        return []
    found = []
    for child in sorted(out_dir.iterdir()):
        if (child / "LC_MESSAGES" / f"{domain}.po").is_file():
            found.append(child.name)
    return found


def plan_catalogs(
    glossary: Glossary,
    out_dir: str | os.PathLike[str],
    *,
    domain: str = DEFAULT_DOMAIN,
    source_lang: str = "es",
    date: _dt.datetime | None = None,
) -> CatalogPlan:
    """Every file ``build_catalogs`` would write, with its bytes (nothing is written)."""
    out = Path(out_dir)
    when = date or build_date()
    gettext_language(source_lang)  # validates it
    entries, warnings = _template_entries(glossary, source_lang)
    files: dict[Path, bytes] = {}
    template = _catalog(entries, None, source_lang=source_lang, domain=domain, date=when)
    files[out / f"{domain}.pot"] = render_po(
        template, header_comment=_HEADER_COMMENT.format(direction=f"{source_lang}, template")
    )
    source_id = gettext_language(source_lang)
    targets = sorted(lang for lang in glossary.languages if lang != source_lang)
    done = {source_id}
    for language in targets:
        lang_id = gettext_language(language)
        if lang_id in done:
            continue
        done.add(lang_id)
        catalog = _catalog(entries, language, source_lang=source_lang, domain=domain, date=when)
        fields = _header_fields(catalog)
        comment = _HEADER_COMMENT.format(direction=f"{source_lang} -> {language}")
        files[_po_path(out, lang_id, domain, ".po")] = render_po(
            catalog, header_fields=fields, header_comment=comment
        )
        files[_po_path(out, lang_id, domain, ".mo")] = render_mo(catalog, fields)
    for folder in _existing_languages(out, domain):
        if folder in done or _same_language(folder, done):
            continue
        po_path = _po_path(out, folder, domain, ".po")
        old = read_po(po_path)
        catalog, fields, more = _merged_catalog(template, old, folder, when)
        warnings.extend(more)
        files[po_path] = render_po(
            catalog,
            header_fields=fields,
            header_comment=old.header_comment,
            header_fuzzy="fuzzy" in old.header_flags,
        )
        files[_po_path(out, folder, domain, ".mo")] = render_mo(catalog, fields)
    return CatalogPlan(files, tuple(warnings))


def _same_language(folder: str, done: set[str]) -> bool:
    with contextlib.suppress(CatalogError):
        return gettext_language(folder) in done
    return False


def _template_of(template: Catalog) -> list[TemplateEntry]:
    return [
        TemplateEntry(
            context=message.context,
            msgid=str(message.id),
            auto_comments=tuple(message.auto_comments),
            locations=tuple(message.locations),
        )
        for message in template
        if message.id
    ]


def _merged_message(entry: MergedEntry) -> Message:
    msgid: str | tuple[str, str] = entry.msgid
    string: str | tuple[str, ...] = entry.msgstr
    previous: tuple[str, ...] = ()
    if entry.previous_msgid is not None:
        previous = (entry.previous_msgid,)
    if entry.msgid_plural is not None:
        msgid = (entry.msgid, entry.msgid_plural)
        string = entry.msgstr_plural
    return _message(
        msgid,
        string,
        context=entry.context,
        flags=entry.flags,
        locations=entry.locations,
        auto_comments=entry.auto_comments,
        user_comments=entry.tcomment.split("\n") if entry.tcomment else (),
        previous_id=previous,
    )


def _merged_catalog(
    template: Catalog, old: PoFile, folder: str, date: _dt.datetime
) -> tuple[Catalog, list[tuple[str, str]], list[CatalogWarning]]:
    warnings: list[CatalogWarning] = []
    language = old.language or folder
    catalog = Catalog(locale=None, charset="utf-8", fuzzy=False)
    for entry in merge_entries(_template_of(template), old):
        message = _merged_message(entry)
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        key = (msgid, message.context) if message.context is not None else msgid
        if entry.obsolete:
            catalog.obsolete[key] = message
        else:
            catalog[message.id] = message
    fields = [(name, value) for name, value in old.header.items()]
    names = [name for name, _ in fields]
    expected = expected_plural_forms(language)

    def put(name: str, value: str, *, replace: bool = True) -> None:
        if name in names:
            if replace:
                fields[names.index(name)] = (name, value)
        else:
            fields.append((name, value))
            names.append(name)

    put("POT-Creation-Date", _format_date(date))
    put("Language", language, replace=False)
    put("Content-Type", "text/plain; charset=UTF-8")
    put("Content-Transfer-Encoding", "8bit")
    if expected is not None:
        put("Plural-Forms", expected, replace=False)
        warning = plural_forms_warning(old, expected, language)
        if warning is not None:
            warnings.append(warning)
    return catalog, fields, warnings


# -- writing -------------------------------------------------------------------------------


def write_files(files: Mapping[Path, bytes]) -> tuple[list[Path], list[Path]]:
    """Write every file atomically, creating folders; returns (written, unchanged).

    When one cannot be written, the ones this call wrote are restored (or removed)
    and ``CatalogError`` names the file: nothing is left half-written.
    """
    previous: dict[Path, bytes | None] = {}
    written: list[Path] = []
    unchanged: list[Path] = []
    current: Path | None = None
    try:
        for path in files:
            current = path.parent
            path.parent.mkdir(parents=True, exist_ok=True)
        for path, data in files.items():
            current = path
            try:
                previous[path] = path.read_bytes()
            except FileNotFoundError:
                previous[path] = None
            if write_atomic(path, data):
                written.append(path)
            else:
                unchanged.append(path)
    except OSError as exc:
        _restore(written, previous)
        raise CatalogError(f"cannot write: {exc.strerror or exc}", str(current)) from None
    return written, unchanged


def _restore(written: Sequence[Path], previous: Mapping[Path, bytes | None]) -> None:
    for path in written:
        old = previous.get(path)
        with contextlib.suppress(OSError):
            if old is None:
                path.unlink()
            else:
                write_atomic(path, old)


def build_catalogs(
    glossary: Glossary,
    out_dir: str | os.PathLike[str],
    *,
    domain: str = DEFAULT_DOMAIN,
    source_lang: str = "es",
    date: _dt.datetime | None = None,
) -> BuildResult:
    """Write the ``.pot`` and every language's ``.po`` and ``.mo`` under ``out_dir``.

    Raises ``CatalogError`` when a file cannot be written (the files already
    written by this call are then restored).
    """
    with gc_paused(freeze=False):  # hundreds of thousands of short-lived messages
        plan = plan_catalogs(glossary, out_dir, domain=domain, source_lang=source_lang, date=date)
    written, unchanged = write_files(plan.files)
    return BuildResult(tuple(written), tuple(unchanged), plan.warnings)


# -- checking ------------------------------------------------------------------------------


def _first_difference(path: Path, expected: bytes, actual: bytes) -> Difference:
    if path.suffix == ".mo":
        return Difference(path, "changed")
    want = expected.decode("utf-8", "replace").split("\n")
    have = actual.decode("utf-8", "replace").split("\n")
    for index, (a, b) in enumerate(zip(want, have, strict=False)):
        if a != b:
            return Difference(path, "changed", index + 1, a, b)
    index = min(len(want), len(have))
    return Difference(
        path,
        "changed",
        index + 1,
        want[index] if index < len(want) else "<end of file>",
        have[index] if index < len(have) else "<end of file>",
    )


def check_catalogs(
    glossary: Glossary,
    out_dir: str | os.PathLike[str],
    *,
    domain: str = DEFAULT_DOMAIN,
    source_lang: str = "es",
    date: _dt.datetime | None = None,
) -> CheckResult:
    """How ``out_dir`` differs from what ``build_catalogs`` would write (nothing is written)."""
    with gc_paused(freeze=False):
        plan = plan_catalogs(glossary, out_dir, domain=domain, source_lang=source_lang, date=date)
    differences = []
    for path, data in plan.files.items():
        try:
            actual = path.read_bytes()
        except FileNotFoundError:
            differences.append(Difference(path, "missing"))
            continue
        except OSError as exc:
            raise CatalogError(f"cannot read: {exc.strerror or exc}", str(path)) from None
        if actual != data:
            differences.append(_first_difference(path, data, actual))
    return CheckResult(tuple(differences), plan.warnings)


# -- compiling -------------------------------------------------------------------------------


def _po_messages(po: PoFile) -> Iterator[Message]:
    for entry in po.active():
        msgid: str | tuple[str, str] = entry.msgid
        string: str | tuple[str, ...] = entry.msgstr
        if entry.msgid_plural is not None:
            msgid, string = (entry.msgid, entry.msgid_plural), entry.msgstr_plural
        yield _message(msgid, string, context=entry.msgctxt, flags=entry.flags)


def compile_catalogs(
    paths: Sequence[str | os.PathLike[str]],
    *,
    domain: str = DEFAULT_DOMAIN,
    use_fuzzy: bool = False,
) -> BuildResult:
    """Compile ``.po`` files (or every ``*/LC_MESSAGES/<domain>.po`` of a folder) to ``.mo``.

    Each ``.mo`` is written beside its ``.po``; untranslated entries, and fuzzy
    ones unless ``use_fuzzy``, are left out, like ``msgfmt``.
    """
    sources: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            sources += [
                _po_path(path, lang, domain, ".po") for lang in _existing_languages(path, domain)
            ]
        else:
            sources.append(path)
    files: dict[Path, bytes] = {}
    warnings: list[CatalogWarning] = []
    for source in sources:
        po = read_po(source)
        if po.language:
            expected = expected_plural_forms(po.language)
            warning = plural_forms_warning(po, expected, po.language) if expected else None
            if warning is not None:
                warnings.append(warning)
        fields = [
            (name, "text/plain; charset=UTF-8" if name.lower() == "content-type" else value)
            for name, value in po.header.items()
        ]  # the .mo is written in UTF-8 whatever the .po's charset
        files[source.with_suffix(".mo")] = render_mo(_po_messages(po), fields, use_fuzzy=use_fuzzy)
    written, unchanged = write_files(files)
    return BuildResult(tuple(written), tuple(unchanged), tuple(warnings))
