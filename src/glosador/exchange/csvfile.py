"""CSV and TSV glossaries: the exports of Weblate, Crowdin, Phrase, Lokalise, TICO-19...

Reading sniffs the encoding (UTF-8, UTF-16 or UTF-32 with a BOM, UTF-8, else
Windows-1252/Latin-1) and the delimiter (comma, tab, semicolon or bar), then
maps columns by their header names:

* ``source``/``target`` (also ``sourceString``, ``term``, ``translation``...), with
  the languages from ``sourceLang``/``targetLang`` columns or from options;
* a column named by a language code (``en``, ``es``, ``es_XX``, ``es-419``) or
  ``Term [es]`` holds that language's terms; ``es:status``, ``es:note``,
  ``status [es]``, ``es_description``... hold term fields of that language;
* ``id``, ``description``/``definition``, ``note``, ``subject``, ``pos``,
  ``translatable``... fill the concept's and terms' fields;
* any other column is kept in the concept's ``extra``.

``mapping`` (``--map COLUMN=ROLE``) names a column's role by hand. Rows that
share an id are one concept (the second row holds each language's second term,
and so on): this is how ``write_csv`` writes synonyms, so glossary -> CSV ->
glossary gives back equal concepts. ``extra`` travels as JSON.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from glosador.errors import ExchangeError
from glosador.exchange.fields import (
    default_case_sensitive,
    default_status,
    parse_flag,
    parse_status,
    parse_type,
)
from glosador.exchange.ids import IdAllocator
from glosador.exchange.language import is_language_code, normalize_language
from glosador.exchange.result import ImportResult, Notice, languages_of
from glosador.glossary import TERM_KEYS
from glosador.model import Concept, Status, Term, TermType

__all__ = ["ROLES", "decode_bytes", "read_csv", "sniff_delimiter", "write_csv"]

#: concept-level roles a column can have (besides languages and term fields)
CONCEPT_ROLES = ("id", "subject", "definition", "note", "source", "translate", "extra")
#: term fields a language's column can hold (``es:status``)
TERM_ROLES = TERM_KEYS
#: roles of columns whose language comes from another column or an option
ROW_ROLES = (
    "source-term",
    "target-term",
    "source-language",
    "target-language",
    "part_of_speech",
    "case_sensitive",
    "context",
    "ignore",
)
ROLES = CONCEPT_ROLES + ROW_ROLES

_HEADER_ROLES = {
    "id": "id",
    "stringid": "id",
    "conceptid": "id",
    "termid": "id",
    "entryid": "id",
    "key": "id",
    "source": "source-term",
    "sourcestring": "source-term",
    "sourceterm": "source-term",
    "sourcetext": "source-term",
    "term": "source-term",
    "target": "target-term",
    "targetstring": "target-term",
    "targetterm": "target-term",
    "targettext": "target-term",
    "translation": "target-term",
    "sourcelang": "source-language",
    "sourcelanguage": "source-language",
    "sourcelocale": "source-language",
    "srclang": "source-language",
    "targetlang": "target-language",
    "targetlanguage": "target-language",
    "targetlocale": "target-language",
    "tgtlang": "target-language",
    "subject": "subject",
    "subjectfield": "subject",
    "domain": "subject",
    "conceptsubject": "subject",
    "description": "definition",
    "definition": "definition",
    "conceptdefinition": "definition",
    "developercomments": "definition",
    "explanation": "definition",
    "note": "note",
    "notes": "note",
    "comment": "note",
    "comments": "note",
    "conceptnote": "note",
    "translatorcomments": "note",
    "conceptsource": "source",
    "url": "source",
    "sourcereference": "source",
    "reference": "source",
    "translate": "translate",
    "translatable": "translate",
    "pos": "part_of_speech",
    "partofspeech": "part_of_speech",
    "casesensitive": "case_sensitive",
    "context": "context",
    "extra": "extra",
}
_TERM_FIELD_WORDS = {
    "term": "term",
    "status": "status",
    "type": "type",
    "termtype": "type",
    "casesensitive": "case_sensitive",
    "note": "note",
    "notes": "note",
    "context": "context",
    "partofspeech": "part_of_speech",
    "pos": "part_of_speech",
    "source": "source",
    "extra": "extra",
    "description": "definition",
    "definition": "definition",
}
_BRACKETED = re.compile(r"^(?P<field>.+?)\s*[\[(](?P<lang>[A-Za-z0-9_\-]+)[\])]$")
_PREFIXED = re.compile(
    r"^(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)[:\s_](?P<field>[A-Za-z_ ]+)$"
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


#: what reading strips from cells: ASCII white space (a no-break space is content)
_SPACE = " \t\n\r"
#: the header ``write_csv`` gives the concept's ``source`` (``source`` is the source term)
CONCEPT_SOURCE = "concept source"


def _key(header: str) -> str:
    return re.sub(r"[\s_\-.]+", "", header.strip().lower())


def decode_bytes(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of a CSV file and the encoding used (BOM, else UTF-8, else Windows-1252)."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise ExchangeError(f"cannot decode as {encoding}: {exc}", path) from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise ExchangeError(f"not valid {name}: {exc.reason}", path) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str, path: str = "") -> str:
    """The delimiter of the header line: the most frequent of tab, comma, semicolon, bar."""
    if path.lower().endswith((".tsv", ".tab")):
        return "\t"
    header = _first_record(text)
    counts = {d: header.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _first_record(text: str) -> str:
    """The header line, with quoted parts removed (a quoted comma is no delimiter)."""
    line = text.split("\n", 1)[0]
    return re.sub(r'"[^"]*"', "", line)


@dataclass(slots=True)
class _Column:
    index: int
    header: str
    role: str  # a concept role, a row role, or "lang" / "lang-field"
    language: str | None = None
    field: str | None = None


@dataclass(slots=True)
class _Draft:
    """A concept being assembled from one or more rows."""

    line: int
    wanted_id: str
    values: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    terms: dict[str, list[Term]] = field(default_factory=dict)
    definitions: dict[str, str] = field(default_factory=dict)


class _CsvReader:
    def __init__(
        self,
        text: str,
        path: str,
        *,
        delimiter: str | None,
        mapping: Mapping[str, str],
        source_language: str | None,
        target_language: str | None,
        ids: str,
    ) -> None:
        self.text = text
        self.path = path
        self.delimiter = delimiter or sniff_delimiter(text, path)
        self.mapping = dict(mapping)
        self.source_language = normalize_language(source_language) if source_language else None
        self.target_language = normalize_language(target_language) if target_language else None
        self.use_file_ids = ids == "file"
        self.notices: list[Notice] = []
        self._languages: dict[str, str] = {}

    def notice(self, line: int, message: str, column: int = 0) -> None:
        self.notices.append(Notice(self.path, line, message, column))

    def language(self, raw: str, line: int) -> str:
        known = self._languages.get(raw)
        if known is None:
            known = normalize_language(raw)
            if known != raw:
                self.notice(line, f"language {raw!r} read as {known!r}")
            self._languages[raw] = known
        return known

    # -- header -------------------------------------------------------------
    def columns(self, header: Sequence[str]) -> list[_Column]:
        columns: list[_Column] = []
        for index, raw in enumerate(header):
            name = raw.strip().lstrip("\ufeff")
            column = self.column(index, name)
            if column is None:
                self.notice(1, f"column {name!r} kept in extra", index + 1)
                column = _Column(index, name, "extra-column")
            columns.append(column)
        unknown = set(self.mapping) - {c.header for c in columns}
        if unknown:
            raise ExchangeError(f"--map names no column: {', '.join(sorted(unknown))}", self.path)
        return columns

    def column(self, index: int, name: str) -> _Column | None:
        if name in self.mapping:
            return self.mapped(index, name, self.mapping[name])
        if not name:
            return _Column(index, name, "ignore")
        role = _HEADER_ROLES.get(_key(name))
        if role is not None:
            return _Column(index, name, role)
        if is_language_code(name):
            return _Column(index, name, "lang", self.language(name, 1), "term")
        for pattern in (_PREFIXED, _BRACKETED):
            match = pattern.match(name)
            if match and is_language_code(match["lang"]):
                term_field = _TERM_FIELD_WORDS.get(_key(match["field"]))
                if term_field is not None:
                    return _Column(index, name, "lang", self.language(match["lang"], 1), term_field)
        return None

    def mapped(self, index: int, name: str, role: str) -> _Column:
        if role in ROLES:
            return _Column(index, name, role)
        language, _, term_field = role.partition(":")
        term_field = term_field or "term"
        if is_language_code(language) and (term_field in TERM_ROLES or term_field == "definition"):
            return _Column(index, name, "lang", normalize_language(language), term_field)
        roles = ", ".join(ROLES)
        raise ExchangeError(
            f"--map {name}={role}: unknown role (one of {roles}, LANG or LANG:FIELD)", self.path
        )

    # -- rows ---------------------------------------------------------------
    def read(self) -> tuple[list[Concept], str]:
        reader = csv.reader(io.StringIO(self.text, newline=""), delimiter=self.delimiter)
        try:
            header = next(reader)
        except StopIteration:
            raise ExchangeError("the file is empty", self.path) from None
        except csv.Error as exc:
            raise ExchangeError(f"malformed CSV: {exc}", self.path, 1) from None
        columns = self.columns(header)
        self.check_languages(columns)
        drafts: dict[str, _Draft] = {}
        order: list[_Draft] = []
        line = reader.line_num
        try:
            for row in reader:
                start, line = line + 1, reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    self.notice(
                        start,
                        f"row has {len(row)} fields, the header {len(header)}"
                        + (
                            "; missing ones read as empty"
                            if len(row) < len(header)
                            else "; extra ones ignored"
                        ),
                    )
                    row = (row + [""] * len(header))[: len(header)]
                self.row(row, start, columns, drafts, order)
        except csv.Error as exc:
            raise ExchangeError(f"malformed CSV: {exc}", self.path, reader.line_num) from None
        if self.source_language is None:
            first = languages_of_drafts(order)
            self.source_language = first[0] if first else "es"
        return self.build(order), self.source_language

    def check_languages(self, columns: list[_Column]) -> None:
        roles = {c.role for c in columns}
        for side, language in (("source", self.source_language), ("target", self.target_language)):
            if f"{side}-term" in roles and f"{side}-language" not in roles and language is None:
                raise ExchangeError(
                    f"the {side} column's language is unknown: give --{side}-language "
                    f"or --map COLUMN=LANG",
                    self.path,
                    1,
                )
        if self.source_language is None:
            for column in columns:
                if column.role == "lang" and column.field == "term":
                    self.source_language = column.language
                    break

    def row(
        self,
        row: list[str],
        line: int,
        columns: list[_Column],
        drafts: dict[str, _Draft],
        order: list[_Draft],
    ) -> None:
        cells = {c.index: row[c.index].strip(_SPACE) for c in columns}
        by_role = {
            c.role: cells[c.index] for c in columns if c.role not in ("lang", "extra-column")
        }
        wanted = by_role.get("id", "") if self.use_file_ids else ""
        draft = drafts.get(wanted) if wanted else None
        if draft is None:
            draft = _Draft(line, wanted)
            order.append(draft)
            if wanted:
                drafts[wanted] = draft
        source = by_role.get("source-language") or self.source_language
        target = by_role.get("target-language") or self.target_language
        if source and self.source_language is None:
            self.source_language = self.language(source, line)
        for column in columns:
            self.cell(draft, column, cells[column.index], line)
        shared = {
            key: by_role[key]
            for key in ("part_of_speech", "case_sensitive", "context")
            if by_role.get(key)
        }
        wanted_terms: list[tuple[str, dict[str, str]]] = []
        for side, language in (("source-term", source), ("target-term", target)):
            if side in by_role and language:
                wanted_terms.append(
                    (self.language(language, line), {"term": by_role[side], **shared})
                )
        languages: dict[str, dict[str, str]] = {}
        for column in columns:
            if column.role == "lang" and column.language and column.field:
                languages.setdefault(column.language, {})[column.field] = cells[column.index]
        for language, fields in languages.items():
            definition = fields.pop("definition", "")
            if definition:
                draft.definitions.setdefault(language, definition)
            if "term" in fields:
                wanted_terms.append((language, {**shared, **fields}))
        empty = [language for language, fields in wanted_terms if not fields["term"]]
        if empty and len(empty) == len(wanted_terms) and not draft.terms:
            self.notice(line, "row has only empty terms; skipped")
        elif draft.line == line:  # a continuation row may leave cells empty
            for language in empty:
                self.notice(line, f"empty term in {language!r} skipped")
        for language, fields in wanted_terms:
            if fields["term"]:
                self.add_term(draft, language, fields, line)

    def cell(self, draft: _Draft, column: _Column, value: str, line: int) -> None:
        if not value:
            return
        role = column.role
        if role == "extra-column":
            draft.extra.setdefault(column.header, value)
        elif role == "extra":
            try:
                decoded = json.loads(value)
            except ValueError:
                self.notice(line, f"column {column.header!r} is not JSON; kept as text")
                decoded = {column.header: value}
            if isinstance(decoded, dict):
                draft.extra.update(decoded)
        elif role == "translate":
            flag = parse_flag(value)
            if flag is None:
                self.notice(line, f"translate {value!r} is not yes or no; ignored")
            else:
                draft.values.setdefault("translate", flag)
        elif role in ("subject", "definition", "note", "source"):
            if role in draft.values and draft.values[role] != value:
                self.notice(line, f"second {role} {value!r} for the same id ignored")
            draft.values.setdefault(role, value)

    def add_term(self, draft: _Draft, language: str, fields: Mapping[str, str], line: int) -> None:
        text = fields["term"]
        terms = draft.terms.setdefault(language, [])
        position = len(terms)
        status = default_status(position)
        if fields.get("status"):
            parsed = parse_status(fields["status"])
            if parsed is None:
                self.notice(line, f"unknown status {fields['status']!r}; read as {status.value}")
            else:
                status = parsed
        term_type = TermType.FULL_FORM
        if fields.get("type"):
            parsed_type = parse_type(fields["type"])
            if parsed_type is None:
                self.notice(line, f"unknown term type {fields['type']!r}; read as full-form")
            else:
                term_type = parsed_type
        case_sensitive = default_case_sensitive(term_type)
        if fields.get("case_sensitive"):
            flag = parse_flag(fields["case_sensitive"])
            case_sensitive = case_sensitive if flag is None else flag
        extra: dict[str, Any] = {}
        if fields.get("extra"):
            try:
                decoded = json.loads(fields["extra"])
            except ValueError:
                decoded = {"extra": fields["extra"]}
            if isinstance(decoded, dict):
                extra = decoded
        terms.append(
            Term(
                text,
                language,
                status,
                term_type,
                case_sensitive,
                note=fields.get("note") or None,
                context=fields.get("context") or None,
                part_of_speech=fields.get("part_of_speech") or None,
                source=fields.get("source") or None,
                extra=extra,
                path=self.path,
                line=line,
            )
        )

    def build(self, drafts: list[_Draft]) -> list[Concept]:
        allocator = IdAllocator()
        concepts: list[Concept] = []
        source = self.source_language or "es"
        for draft in drafts:
            terms = {lang: tuple(ts) for lang, ts in draft.terms.items() if ts}
            if not terms:
                continue
            if draft.definitions:
                sections = dict(draft.extra.get("langSec", {}))
                for language, text in draft.definitions.items():
                    sections[language] = {**sections.get(language, {}), "definition": text}
                draft.extra["langSec"] = sections
            language = source if source in terms else next(iter(terms))
            label = terms[language][0].term
            for term in terms[language]:
                if term.status is Status.PREFERRED and term.is_full:
                    label = term.term
                    break
            concept_id = allocator.allocate(draft.wanted_id or label, fallback="concept")
            concepts.append(
                Concept(
                    id=concept_id,
                    terms=terms,
                    extra=draft.extra,
                    source_language=source,
                    path=self.path,
                    line=draft.line,
                    **draft.values,
                )
            )
        return concepts


def languages_of_drafts(drafts: Iterable[_Draft]) -> list[str]:
    seen: dict[str, None] = {}
    for draft in drafts:
        for language, terms in draft.terms.items():
            if terms:
                seen.setdefault(language, None)
    return list(seen)


def read_csv(
    data: bytes,
    path: str = "<csv>",
    *,
    delimiter: str | None = None,
    encoding: str | None = None,
    mapping: Mapping[str, str] | None = None,
    source_language: str | None = None,
    target_language: str | None = None,
    ids: str = "file",
) -> ImportResult:
    """Read a CSV/TSV glossary's bytes; raises ``ExchangeError`` when it cannot be used."""
    text, used = decode_bytes(data, path, encoding)
    reader = _CsvReader(
        text,
        path,
        delimiter=delimiter,
        mapping=mapping or {},
        source_language=source_language,
        target_language=target_language,
        ids=ids,
    )
    if used not in ("utf-8", "utf-8-sig") and not encoding:
        reader.notice(0, f"decoded as {used}")
    concepts, source = reader.read()
    if not concepts:
        raise ExchangeError("no row has a term", path)
    return ImportResult(
        path=path,
        format="csv",
        source_language=source,
        concepts=tuple(concepts),
        notices=tuple(reader.notices),
    )


# -- writing ------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _term_value(term: Term, key: str) -> Any:
    if key == "extra":
        return term.extra or None
    value = getattr(term, key)
    return value.value if isinstance(value, (Status, TermType)) else value


def _needs(term: Term, key: str, position: int) -> bool:
    """Whether ``term`` needs a column for ``key`` (a value that is not the default)."""
    if key == "status":
        return term.status is not default_status(position)
    if key == "type":
        return term.type is not TermType.FULL_FORM
    if key == "case_sensitive":
        return term.case_sensitive is not default_case_sensitive(term.type)
    if key == "extra":
        return bool(term.extra)
    return getattr(term, key) is not None


def write_csv(
    concepts: Iterable[Concept],
    out: TextIO,
    *,
    source_language: str = "es",
    delimiter: str = ",",
) -> int:
    """Write ``concepts`` as CSV with a header; returns the number of rows written.

    Columns: ``id``, the concept fields in use, then per language (the source
    language first) the term column (named by the language code) and its term
    fields in use (``es:status``...). A concept with several terms in a language
    takes as many rows, sharing its id.
    """
    items = list(concepts)
    languages = [
        source_language,
        *(code for code in languages_of(items) if code != source_language),
    ]
    concept_keys = [
        key
        for key in ("subject", "definition", "note", "source")
        if any(getattr(c, key) is not None for c in items)
    ]
    if any(not c.translate for c in items):
        concept_keys.append("translate")
    if any(c.extra for c in items):
        concept_keys.append("extra")
    term_keys: dict[str, list[str]] = {}
    for language in languages:
        keys = [
            "status",
            "type",
            "case_sensitive",
            "note",
            "context",
            "part_of_speech",
            "source",
            "extra",
        ]
        term_keys[language] = [
            key
            for key in keys
            if any(
                _needs(t, key, i) for c in items for i, t in enumerate(c.terms.get(language, ()))
            )
        ]
    header = ["id", *(CONCEPT_SOURCE if key == "source" else key for key in concept_keys)]
    for language in languages:
        reserved = _key(language) in _HEADER_ROLES
        header.append(f"{language}:term" if reserved else language)
        header.extend(f"{language}:{key}" for key in term_keys[language])
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    rows = 0
    for concept in items:
        height = max(len(t) for t in concept.terms.values()) if concept.terms else 0
        for index in range(height):
            row = [concept.id]
            for key in concept_keys:
                if index:
                    row.append("")
                elif key == "translate":
                    row.append("" if concept.translate else "false")
                elif key == "extra":
                    row.append(_cell(dict(concept.extra)) if concept.extra else "")
                else:
                    row.append(_cell(getattr(concept, key)))
            for language in languages:
                terms = concept.terms.get(language, ())
                term = terms[index] if index < len(terms) else None
                row.append(term.term if term else "")
                for key in term_keys[language]:
                    row.append(_cell(_term_value(term, key)) if term else "")
            writer.writerow(row)
            rows += 1
    return rows
