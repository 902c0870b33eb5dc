"""TBX (ISO 30042) import and export.

Reading takes TBX v3 (``<tbx>``, DCA and DCT styles, any dialect: Core, Min,
Basic, IATE, Linguist...), TBX v2 (``<martif>``, ``termEntry/langSet/tig|ntig``)
and the v2-in-v3-namespace hybrid Weblate writes. Elements are matched by local
name, so namespaces do not matter. The file is parsed streaming (lxml
``iterparse``; each entry is dropped once read) with entity expansion, DTD
loading and network access off; a DOCTYPE that declares entities is refused.

Data categories map to glosador's fields (``administrativeStatus`` -> ``status``,
``termType`` -> ``type``, ``subjectField`` -> ``subject`` ...). What has no field
is kept in ``extra`` (language-section data under ``extra["langSec"][language]``)
so that export can write it back.

Writing produces TBX v3 for a dialect (``basic``, ``min`` or ``core``) in DCA or
DCT style, using only the data categories and values the dialect allows where it
allows them. Whatever the dialect cannot carry goes into one ``<note>`` per
level whose text is ``glosador:`` and a JSON object, which reading decodes: so
glossary -> TBX -> glossary gives back equal concepts in every dialect.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO, Any, TextIO

from lxml import etree  # type: ignore[import-untyped]

from glosador.errors import ExchangeError
from glosador.exchange.categories import (
    ALLOWED,
    CONCEPT_FIELDS,
    DIALECTS,
    KIND,
    MODULE,
    MODULE_NS,
    PICKLISTS,
    TERM_FIELDS,
)
from glosador.exchange.fields import (
    TBX_STATUS,
    TBX_TYPE,
    default_case_sensitive,
    default_status,
    parse_flag,
    parse_status,
    parse_type,
)
from glosador.exchange.ids import IdAllocator, is_valid_id
from glosador.exchange.language import is_language_code, normalize_language
from glosador.exchange.result import ImportResult, Notice
from glosador.model import Concept, Status, Term, TermType

__all__ = ["ENCODED_PREFIX", "TBX_NS", "TbxReader", "read_tbx", "write_tbx"]

TBX_NS = "urn:iso:std:iso:30042:ed-2"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: a ``<note>`` whose text starts with this holds, as JSON, what the dialect cannot carry
ENCODED_PREFIX = "glosador:"

_ROOTS = frozenset({"tbx", "martif"})
_ENTRIES = frozenset({"conceptEntry", "termEntry"})
_LANG_SECTIONS = frozenset({"langSec", "langSet"})
_TERM_SECTIONS = frozenset({"termSec", "tig", "ntig"})
_TRANSLATE_CATEGORIES = {"translationneeded": False, "translatable": False, "donottranslate": True}
_SPACE = re.compile(r"[ \t\n\r]+")
#: the white space XML knows; other spaces (no-break...) are content
_XML_SPACE = " \t\n\r"
_NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
_HTTP = re.compile(r"https?://\S+")
_BAD_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# -- reading ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Item:
    """One data category read from a TBX element: its name, value and line."""

    category: str
    value: str | dict[str, str]
    line: int

    @property
    def text(self) -> str:
        return self.value if isinstance(self.value, str) else self.value.get("text", "")

    @property
    def attributes(self) -> dict[str, str]:
        if isinstance(self.value, str):
            return {}
        return {k: v for k, v in self.value.items() if k != "text"}


def _local(tag: object) -> str:
    if not isinstance(tag, str):
        return ""  # a comment, processing instruction or entity
    return tag.rsplit("}", 1)[-1]


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _text(element: Any) -> str:
    return "".join(element.itertext()).strip(_XML_SPACE)


def _add(extra: dict[str, Any], key: str, value: Any) -> None:
    """Add ``value`` under ``key``; a second value makes a list."""
    if key not in extra:
        extra[key] = value
    elif isinstance(extra[key], list):
        extra[key].append(value)
    else:
        extra[key] = [extra[key], value]


def _decode(item: _Item) -> dict[str, Any] | None:
    """The JSON object of a ``glosador:`` note, or ``None`` for an ordinary note."""
    if item.category != "note" or not isinstance(item.value, str):
        return None
    if not item.value.startswith(ENCODED_PREFIX):
        return None
    try:
        value = json.loads(item.value[len(ENCODED_PREFIX) :])
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


class TbxReader:
    """Reads a TBX file entry by entry; iterate it for concepts, then read ``notices``.

    ``ids="file"`` takes concept ids from the entries' ``id`` attributes (made
    valid and unique); ``ids="slug"`` always derives them from the preferred
    source-language term.
    """

    def __init__(
        self,
        fileobj: IO[bytes],
        path: str = "<tbx>",
        *,
        source_language: str | None = None,
        ids: str = "file",
    ) -> None:
        self.path = path
        self.notices: list[Notice] = []
        self.source_language = normalize_language(source_language) if source_language else None
        self.dialect = ""
        self.entries = 0
        self._file = fileobj
        self._use_file_ids = ids == "file"
        self._ids = IdAllocator()
        self._languages: dict[str, str] = {}

    def notice(self, line: int | None, message: str) -> None:
        self.notices.append(Notice(self.path, line or 0, message))

    def __iter__(self) -> Iterator[Concept]:
        context = etree.iterparse(
            self._file,
            events=("start", "end"),
            tag=("{*}tbx", "{*}martif", "{*}conceptEntry", "{*}termEntry"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
        started = False
        imported = 0
        try:
            for event, element in context:
                if not started:
                    self._start(element)
                    started = True
                if event != "end" or _local(element.tag) not in _ENTRIES:
                    continue
                self.entries += 1
                concept = self._entry(element)
                element.clear()
                parent = element.getparent()
                if parent is not None:
                    while element.getprevious() is not None:
                        del parent[0]
                if concept is not None:
                    imported += 1
                    yield concept
        except etree.XMLSyntaxError as exc:
            line, column = exc.position
            if "amplification" in (exc.msg or ""):
                # newer libxml2 stops an entity bomb while parsing the DOCTYPE, before
                # ``_start`` sees it: the same refusal
                raise ExchangeError(
                    "the DOCTYPE declares entities; refused (entities are not expanded)",
                    self.path,
                    1,
                ) from None
            raise ExchangeError(f"malformed XML: {exc.msg}", self.path, line, column) from None
        root = getattr(context, "root", None)
        if not started and (root is None or _local(root.tag) not in _ROOTS):
            name = _local(root.tag) if root is not None else "?"
            raise ExchangeError(f"not a TBX file (root element <{name}>)", self.path, 1)
        if self.entries and not imported:
            raise ExchangeError(
                f"none of the {self.entries} entries has a term in any language", self.path, 1
            )

    # -- structure ------------------------------------------------------------
    def _start(self, element: Any) -> None:
        tree = element.getroottree()
        root = tree.getroot()
        if _local(root.tag) not in _ROOTS:
            raise ExchangeError(
                f"not a TBX file (root element <{_local(root.tag)}>)", self.path, root.sourceline
            )
        dtd = tree.docinfo.internalDTD
        if dtd is not None and any(True for _ in dtd.entities()):
            raise ExchangeError(
                "the DOCTYPE declares entities; refused (entities are not expanded)", self.path, 1
            )
        self.dialect = root.get("type", "")
        language = root.get(_XML_LANG) or root.get("lang")
        if self.source_language is None and language:
            self.source_language = self._language(language, root.sourceline)

    def _language(self, raw: str, line: int | None) -> str:
        known = self._languages.get(raw)
        if known is not None:
            return known
        code = normalize_language(raw)
        if code != raw:
            self.notice(line, f"language {raw!r} read as {code!r}")
        if not is_language_code(code):
            self.notice(line, f"unknown language code {raw!r} kept as {code!r}")
        self._languages[raw] = code
        return code

    def _entry(self, element: Any) -> Concept | None:
        line = element.sourceline or 0
        concept_items: list[_Item] = []
        sections: dict[str, list[Term]] = {}
        section_items: dict[str, list[_Item]] = {}
        for child in element:
            name = _local(child.tag)
            if name not in _LANG_SECTIONS:
                concept_items.extend(self._items(child))
                continue
            raw = child.get(_XML_LANG) or child.get("lang") or ""
            if not raw.strip():
                self.notice(child.sourceline, "language section without xml:lang skipped")
                continue
            language = self._language(raw.strip(), child.sourceline)
            terms = sections.setdefault(language, [])
            items = section_items.setdefault(language, [])
            for sub in child:
                if _local(sub.tag) in _TERM_SECTIONS:
                    term = self._term(sub, language, len(terms))
                    if term is not None:
                        terms.append(term)
                else:
                    items.extend(self._items(sub))
        terms_by_language = {lang: tuple(terms) for lang, terms in sections.items() if terms}
        if not terms_by_language:
            what = "no language section" if not sections else "no term that is not empty"
            self.notice(line, f"entry has {what}; skipped")
            return None
        if self.source_language is None:
            self.source_language = next(iter(terms_by_language))
        values, extra = self._concept_values(concept_items)
        lang_extra = {
            lang: self._plain_items(items)
            for lang, items in section_items.items()
            if items and lang in terms_by_language
        }
        for lang, items in section_items.items():
            if items and lang not in terms_by_language:
                self.notice(line, f"data of language {lang!r} dropped: it has no terms")
        if lang_extra:
            extra["langSec"] = _merge(lang_extra, extra.get("langSec", {}))
        wanted = element.get("id", "") if self._use_file_ids else ""
        if wanted.startswith("_") and is_valid_id(wanted[1:]):
            wanted = wanted[1:]  # how write_tbx makes an id that starts with a digit an XML ID
        concept_id = self._ids.allocate(
            wanted or self._label(terms_by_language), fallback=f"concept-{self.entries}"
        )
        return Concept(
            id=concept_id,
            terms=terms_by_language,
            extra=extra,
            source_language=self.source_language,
            path=self.path,
            line=line,
            **values,
        )

    def _label(self, terms: Mapping[str, tuple[Term, ...]]) -> str:
        """The preferred source-language term (else the first term): the id's stem."""
        source = self.source_language
        language = source if source is not None and source in terms else next(iter(terms))
        chosen = terms[language]
        for term in chosen:
            if term.status is Status.PREFERRED and term.is_full:
                return term.term
        return chosen[0].term

    def _items(self, element: Any) -> list[_Item]:
        """The data categories of one element (groups are flattened)."""
        name = _local(element.tag)
        if not name or name in _TERM_SECTIONS or name in _LANG_SECTIONS:
            return []
        line = element.sourceline or 0
        if name == "transacGrp":
            value = {
                (child.get("type") or _local(child.tag)): _text(child)
                for child in element
                if _local(child.tag)
            }
            return [_Item("transacGrp", value, line)]
        if name.endswith("Grp"):
            return [item for child in element for item in self._items(child)]
        category = name
        if _namespace(element.tag) in ("", TBX_NS):
            category = element.get("type") or name
        text = _text(element)
        attributes = {
            _local(k): v for k, v in element.attrib.items() if _local(k) not in ("type", "id")
        }
        if not attributes:
            return [_Item(category, text, line)] if text else []
        if text:
            attributes["text"] = text
        return [_Item(category, attributes, line)]

    def _plain_items(self, items: list[_Item]) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        for item in items:
            _add(extra, item.category, item.value)
        return extra

    def _concept_values(self, items: list[_Item]) -> tuple[dict[str, Any], dict[str, Any]]:
        values: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        encoded: list[dict[str, Any]] = []
        for item in items:
            decoded = _decode(item)
            if decoded is not None:
                encoded.append(decoded)
                continue
            field = CONCEPT_FIELDS.get(item.category)
            flag_key = re.sub(r"[\s_\-]+", "", item.category.lower())
            if field is not None and field not in values and item.text:
                values[field] = item.text
                for key, value in item.attributes.items():
                    extra[f"{item.category}.{key}"] = value
            elif flag_key in _TRANSLATE_CATEGORIES and "translate" not in values:
                flag = parse_flag(item.text)
                if flag is None:
                    _add(extra, item.category, item.value)
                else:
                    values["translate"] = flag ^ _TRANSLATE_CATEGORIES[flag_key]
            else:
                _add(extra, item.category, item.value)
        for decoded in encoded:
            _apply_encoded(decoded, values, extra, ("subject", "definition", "note", "source"))
            if isinstance(decoded.get("translate"), bool):
                values["translate"] = decoded["translate"]
        return values, extra

    def _term(self, section: Any, language: str, position: int) -> Term | None:
        element = section.find(".//{*}term")
        line = section.sourceline or 0
        text = _SPACE.sub(" ", _text(element)) if element is not None else ""
        items = self._term_items(section)
        encoded = [d for d in (_decode(i) for i in items) if d is not None]
        exact = next((d["term"] for d in encoded if isinstance(d.get("term"), str)), None)
        if exact is not None:
            text = exact
        if not text:
            self.notice(line, f"empty term in {language!r} skipped")
            return None
        values: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        term_id = section.get("id") or (element.get("id") if element is not None else None)
        if term_id:
            extra["id"] = term_id
        for item in items:
            if _decode(item) is not None:
                continue
            field = TERM_FIELDS.get(item.category)
            if field is None or field in values or not item.text:
                _add(extra, item.category, item.value)
                continue
            if field == "status":
                status = parse_status(item.text)
                if status is None:
                    self.notice(item.line, f"unknown administrativeStatus {item.text!r} kept")
                    _add(extra, item.category, item.value)
                    continue
                values[field] = status
                if item.text != TBX_STATUS[status]:
                    extra[item.category] = item.text
            elif field == "type":
                term_type = parse_type(item.text)
                if term_type is None:
                    _add(extra, item.category, item.value)
                    continue
                values[field] = term_type
                if item.text != TBX_TYPE[term_type]:
                    extra[item.category] = item.text
            else:
                values[field] = item.text
                for key, value in item.attributes.items():
                    extra[f"{item.category}.{key}"] = value
        for decoded in encoded:
            _apply_encoded(decoded, values, extra, ("note", "context", "part_of_speech", "source"))
            if isinstance(decoded.get("status"), str):
                values["status"] = Status(decoded["status"])
            if isinstance(decoded.get("type"), str):
                values["type"] = TermType(decoded["type"])
            if isinstance(decoded.get("case_sensitive"), bool):
                values["case_sensitive"] = decoded["case_sensitive"]
        values.setdefault("status", default_status(position))
        values.setdefault("type", TermType.FULL_FORM)
        values.setdefault("case_sensitive", default_case_sensitive(values["type"]))
        return Term(text, language, extra=extra, path=self.path, line=line, **values)

    def _term_items(self, section: Any) -> list[_Item]:
        items: list[_Item] = []
        for child in section:
            name = _local(child.tag)
            if name == "term":
                continue
            if name == "termGrp":
                items.extend(self._term_items(child))
            else:
                items.extend(self._items(child))
        return items


def _apply_encoded(
    decoded: Mapping[str, Any],
    values: dict[str, Any],
    extra: dict[str, Any],
    fields: Iterable[str],
) -> None:
    for field in fields:
        if isinstance(decoded.get(field), str):
            values[field] = decoded[field]
    more = decoded.get("extra")
    if isinstance(more, dict):
        for key, value in more.items():
            if key == "langSec" and isinstance(value, dict) and isinstance(extra.get(key), dict):
                extra[key] = _merge(extra[key], value)
            else:
                extra[key] = value


def _merge(first: Mapping[str, Any], second: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(first)
    for key, value in second.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def read_tbx(
    fileobj: IO[bytes],
    path: str = "<tbx>",
    *,
    source_language: str | None = None,
    ids: str = "file",
) -> ImportResult:
    """Read a whole TBX file; raises ``ExchangeError`` for malformed or unsafe XML."""
    reader = TbxReader(fileobj, path, source_language=source_language, ids=ids)
    concepts = tuple(reader)
    return ImportResult(
        path=path,
        format="tbx",
        source_language=reader.source_language or "es",
        concepts=concepts,
        notices=tuple(reader.notices),
    )


# -- writing ------------------------------------------------------------------


def _escape(text: str, *, attribute: bool = False) -> str:
    bad = _BAD_XML_CHAR.search(text)
    if bad:
        raise ExchangeError(f"character U+{ord(bad.group()):04X} cannot be written in XML")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("\r", "&#13;")
    if attribute:
        text = text.replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")
    return text


def _clean(value: object) -> bool:
    """Whether a string survives reading unchanged (reading strips element text)."""
    return isinstance(value, str) and value != "" and value == value.strip(_XML_SPACE)


class _Writer:
    def __init__(self, dialect: str, style: str) -> None:
        if dialect not in ALLOWED:
            raise ExchangeError(f"unknown TBX dialect {dialect!r} (basic, core or min)")
        if style not in ("dca", "dct"):
            raise ExchangeError(f"unknown TBX style {style!r} (dca or dct)")
        self.dialect = dialect
        self.style = style
        self.allowed = ALLOWED[dialect]
        self.ids: set[str] = set()

    def head(self, source_language: str) -> str:
        namespaces = f' xmlns="{TBX_NS}"'
        if self.style == "dct":
            modules = ["min"] if self.dialect == "min" else ["min", "basic"]
            if self.dialect != "core":
                namespaces += "".join(f' xmlns:{m}="{MODULE_NS[m]}"' for m in modules)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<tbx type="{DIALECTS[self.dialect]}" style="{self.style}"'
            f' xml:lang="{_escape(source_language, attribute=True)}"{namespaces}>\n'
            "  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n"
            "        <p>Exported by glosador</p>\n"
            "      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n"
            "  <text>\n    <body>\n"
        )

    @staticmethod
    def tail() -> str:
        return "    </body>\n  </text>\n</tbx>\n"

    # -- data categories ----------------------------------------------------
    def fits(self, level: str, category: str, value: Any) -> bool:
        """Whether ``value`` can be written as its own element at ``level``."""
        if category not in self.allowed[level]:
            return False
        if KIND[category] in ("ref", "xref"):
            if not isinstance(value, Mapping) or not set(value) <= {"target", "text"}:
                return False
            target, text = value.get("target"), value.get("text")
            return (
                isinstance(target, str)
                and _HTTP.fullmatch(target) is not None
                and (text is None or _clean(text))
            )
        if not _clean(value):
            return False
        return category not in PICKLISTS or value in PICKLISTS[category]

    def element(self, category: str, value: Any, indent: int) -> str:
        pad = " " * indent
        kind = KIND[category]
        attributes = ""
        text = value
        if isinstance(value, Mapping):
            attributes = f' target="{_escape(value["target"], attribute=True)}"'
            text = value.get("text", "")
        if self.style == "dct":
            name = f"{MODULE.get(category, 'basic')}:{category}"
        else:
            name = kind
            attributes = f' type="{category}"' + attributes
        if not text:
            return f"{pad}<{name}{attributes}/>\n"
        return f"{pad}<{name}{attributes}>{_escape(text)}</{name}>\n"

    def values(self, level: str, category: str, value: Any, indent: int) -> str | None:
        """Elements for an ``extra`` value (one, or a list of two or more), else ``None``."""
        if isinstance(value, list) and len(value) >= 2:
            if all(self.fits(level, category, v) for v in value):
                return "".join(self.element(category, v, indent) for v in value)
            return None
        if self.fits(level, category, value):
            return self.element(category, value, indent)
        return None

    @staticmethod
    def note(text: str, indent: int) -> str:
        return f"{' ' * indent}<note>{_escape(text)}</note>\n"

    @staticmethod
    def encoded(values: Mapping[str, Any], indent: int) -> str:
        if not values:
            return ""
        text = json.dumps(values, ensure_ascii=False, sort_keys=True)
        return f"{' ' * indent}<note>{_escape(ENCODED_PREFIX + text)}</note>\n"

    def text_note(self, text: str | None, encoded: dict[str, Any], indent: int) -> str:
        if text is None:
            return ""
        if _clean(text) and not text.startswith(ENCODED_PREFIX):
            return self.note(text, indent)
        encoded["note"] = text
        return ""

    # -- levels ---------------------------------------------------------------
    def concept(self, concept: Concept) -> str:
        if not concept.terms:
            return ""
        xml_id = concept.id if _NCNAME.fullmatch(concept.id) else f"_{concept.id}"
        self.ids.add(xml_id)
        out = [f'      <conceptEntry id="{_escape(xml_id, attribute=True)}">\n']
        encoded: dict[str, Any] = {}
        more: dict[str, Any] = {}
        for category, field in (
            ("subjectField", "subject"),
            ("definition", "definition"),
            ("source", "source"),
        ):
            value = getattr(concept, field)
            if value is None:
                continue
            if self.fits("conceptEntry", category, value):
                out.append(self.element(category, value, 8))
            else:
                encoded[field] = value
        if not concept.translate:
            encoded["translate"] = False
        sections: dict[str, Any] = {}
        for key, value in concept.extra.items():
            if key == "langSec" and isinstance(value, Mapping):
                sections = dict(value)
                continue
            written = None if key in CONCEPT_FIELDS else self.values("conceptEntry", key, value, 8)
            if written is None:
                more[key] = value
            else:
                out.append(written)
        out.append(self.text_note(concept.note, encoded, 8))
        section_out: dict[str, str] = {}
        leftover: dict[str, Any] = {}
        if "langSec" in concept.extra and not sections:
            more["langSec"] = concept.extra["langSec"]
        for language, data in sections.items():
            if language not in concept.terms or not isinstance(data, Mapping) or not data:
                leftover[language] = data
                continue
            written_here, kept = self.section_extra(data)
            section_out[language] = written_here
            if kept:
                leftover[language] = kept
        if leftover:
            more["langSec"] = leftover
        if more:
            encoded["extra"] = more
        out.append(self.encoded(encoded, 8))
        for language, terms in concept.terms.items():
            out.append(f'        <langSec xml:lang="{_escape(language, attribute=True)}">\n')
            out.append(section_out.get(language, ""))
            for position, term in enumerate(terms):
                out.append(self.term(term, position))
            out.append("        </langSec>\n")
        out.append("      </conceptEntry>\n")
        return "".join(out)

    def section_extra(self, data: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        written: list[str] = []
        kept: dict[str, Any] = {}
        for key, value in data.items():
            if key == "note" and _clean(value) and not str(value).startswith(ENCODED_PREFIX):
                written.append(self.note(str(value), 10))
                continue
            elements = self.values("langSec", key, value, 10)
            if elements is None:
                kept[key] = value
            else:
                written.append(elements)
        return "".join(written), kept

    def term(self, term: Term, position: int) -> str:
        encoded: dict[str, Any] = {}
        more: dict[str, Any] = {}
        extra = dict(term.extra)
        id_attribute = ""
        term_id = extra.pop("id", None)
        if isinstance(term_id, str) and _NCNAME.fullmatch(term_id) and term_id not in self.ids:
            self.ids.add(term_id)
            id_attribute = f' id="{_escape(term_id, attribute=True)}"'
        elif term_id is not None:
            more["id"] = term_id
        text = term.term
        if _SPACE.sub(" ", text.strip(_XML_SPACE)) != text or not text:
            encoded["term"] = text
        notes: list[str] = []
        status_value = self.original(extra, "administrativeStatus", TBX_STATUS[term.status])
        if "administrativeStatus" in self.allowed["termSec"]:
            if status_value != TBX_STATUS[term.status]:
                extra.pop("administrativeStatus")
            notes.append(self.element("administrativeStatus", status_value, 12))
        elif term.status is not default_status(position):
            encoded["status"] = term.status.value
        type_value = self.original(extra, "termType", TBX_TYPE[term.type])
        if "termType" in self.allowed["termSec"]:
            if type_value != TBX_TYPE[term.type]:
                extra.pop("termType")
            notes.append(self.element("termType", type_value, 12))
        elif term.type is not TermType.FULL_FORM:
            encoded["type"] = term.type.value
        if term.case_sensitive is not default_case_sensitive(term.type):
            encoded["case_sensitive"] = term.case_sensitive
        aux: list[str] = []
        for category, field, target in (
            ("partOfSpeech", "part_of_speech", notes),
            ("context", "context", aux),
            ("source", "source", aux),
        ):
            value = getattr(term, field)
            if value is None:
                continue
            if self.fits("termSec", category, value):
                target.append(self.element(category, value, 12))
            else:
                encoded[field] = value
        for key, value in extra.items():
            written = None if key in TERM_FIELDS else self.values("termSec", key, value, 12)
            if written is None:
                more[key] = value
            elif KIND[key] == "termNote":
                notes.append(written)
            else:
                aux.append(written)
        aux.append(self.text_note(term.note, encoded, 12))
        if more:
            encoded["extra"] = more
        aux.append(self.encoded(encoded, 12))
        return (
            f"          <termSec{id_attribute}>\n"
            f"            <term>{_escape(text)}</term>\n"
            + "".join(notes)
            + "".join(aux)
            + "          </termSec>\n"
        )

    def original(self, extra: Mapping[str, Any], category: str, canonical: str) -> str:
        """The value a termbase gave (kept in ``extra``) when it means the same and fits."""
        value = extra.get(category)
        if not isinstance(value, str) or value == canonical or value not in PICKLISTS[category]:
            return canonical
        if category == "administrativeStatus":
            status = parse_status(value)
            same = status is not None and TBX_STATUS[status] == canonical
        else:
            term_type = parse_type(value)
            same = term_type is not None and TBX_TYPE[term_type] == canonical
        return value if same else canonical


def write_tbx(
    concepts: Iterable[Concept],
    out: TextIO,
    *,
    source_language: str = "es",
    dialect: str = "basic",
    style: str = "dca",
) -> int:
    """Write ``concepts`` to ``out`` as TBX v3; returns the number of concepts written.

    ``dialect`` is ``basic``, ``min`` or ``core`` and ``style`` ``dca`` or ``dct``.
    """
    writer = _Writer(dialect, style)
    out.write(writer.head(source_language))
    count = 0
    for concept in concepts:
        try:
            text = writer.concept(concept)
        except ExchangeError as exc:
            raise ExchangeError(f"concept {concept.id!r}: {exc.message}") from None
        if text:
            out.write(text)
            count += 1
    out.write(writer.tail())
    return count
