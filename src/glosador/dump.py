"""Writing concepts as glossary YAML (SPEC section 3), deterministically.

``dump_glossary(concepts)`` returns the text of one glossary file;
``iter_dump(concepts)`` yields it piece by piece, so a large import never holds
the whole text twice. A term whose fields are all at their defaults is written
as a plain string; the mapping form lists only the fields that differ. The text
re-loads with ``load_glossary`` to equal concepts.

>>> from glosador.model import Concept, Term, Status
>>> c = Concept("onu", {"es": (Term("Naciones Unidas", "es"),),
...                     "en": (Term("United Nations", "en"), Term("UN", "en", Status.ADMITTED))})
>>> print(dump_glossary([c]), end="")
source_language: es
concepts:
  - id: onu
    terms:
      es:
        - Naciones Unidas
      en:
        - United Nations
        - UN
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import yaml

from glosador.exchange.fields import default_case_sensitive, default_status, term_is_default
from glosador.model import Concept, Term, TermType

__all__ = [
    "concept_mapping",
    "dump_concept",
    "dump_glossary",
    "iter_dump",
    "term_value",
    "yaml_scalar",
]

_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"
#: characters a plain (unquoted) scalar may hold: printable, no line breaks
_PLAIN_OK = re.compile(
    r"[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*"
)
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
#: characters a double-quoted scalar must escape (not printable in YAML, or line breaks)
_ESCAPE = re.compile(
    r"[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_NAMED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0"}


def yaml_scalar(value: object) -> str:
    """``value`` as a YAML scalar that loads back as the same string: plain if safe, else quoted."""
    text = value if isinstance(value, str) else _scalar_text(value)
    if _is_plain(text):
        return text
    return '"' + _ESCAPE.sub(_escape_char, text.replace("\\", "\\\\").replace('"', '\\"')) + '"'


def _scalar_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return str(value)


def _escape_char(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _is_plain(text: str) -> bool:
    if not text or text != text.strip() or not _PLAIN_OK.fullmatch(text):
        return False
    if text[0] in _INDICATORS or text.startswith(("...", "---")):
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    tag: object = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag == _STR_TAG


def _block(value: Any, indent: int) -> list[str]:
    """Lines for a mapping or list value (``extra``), nested at ``indent`` spaces."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, Mapping):
        for key, item in value.items():
            lines.extend(_item(f"{pad}{yaml_scalar(str(key))}:", item, indent))
    else:
        for item in value:
            lines.extend(_item(f"{pad}-", item, indent))
    return lines


def _item(head: str, value: Any, indent: int) -> list[str]:
    if isinstance(value, Mapping):
        return [head + " {}"] if not value else [head, *_block(value, indent + 2)]
    if isinstance(value, (list, tuple)):
        return [head + " []"] if not value else [head, *_block(value, indent + 2)]
    return [f"{head} {yaml_scalar(value)}"]


def _term_lines(term: Term, position: int, indent: int) -> list[str]:
    pad = " " * indent
    if term_is_default(term, position):
        return [f"{pad}- {yaml_scalar(term.term)}"]
    lines = [f"{pad}- term: {yaml_scalar(term.term)}"]
    inner = " " * (indent + 2)
    if term.status is not default_status(position):
        lines.append(f"{inner}status: {term.status.value}")
    if term.type is not TermType.FULL_FORM:
        lines.append(f"{inner}type: {term.type.value}")
    if term.case_sensitive is not default_case_sensitive(term.type):
        lines.append(f"{inner}case_sensitive: {'true' if term.case_sensitive else 'false'}")
    for key in ("note", "context", "part_of_speech", "source"):
        value = getattr(term, key)
        if value is not None:
            lines.append(f"{inner}{key}: {yaml_scalar(value)}")
    if term.extra:
        lines.extend(_item(f"{inner}extra:", term.extra, indent + 2))
    return lines


def dump_concept(concept: Concept, indent: int = 2) -> str:
    """One concept as an item of the ``concepts:`` list (ends with a newline)."""
    pad = " " * indent
    inner = pad + "  "
    lines = [f"{pad}- id: {yaml_scalar(concept.id)}"]
    for key in ("subject", "definition", "note", "source"):
        value = getattr(concept, key)
        if value is not None:
            lines.append(f"{inner}{key}: {yaml_scalar(value)}")
    if not concept.translate:
        lines.append(f"{inner}translate: false")
    if concept.extra:
        lines.extend(_item(f"{inner}extra:", concept.extra, indent + 2))
    lines.append(f"{inner}terms:")
    for language, terms in concept.terms.items():
        lines.append(f"{inner}  {yaml_scalar(language)}:")
        for position, term in enumerate(terms):
            lines.extend(_term_lines(term, position, indent + 6))
    return "\n".join(lines) + "\n"


def iter_dump(
    concepts: Iterable[Concept],
    *,
    source_language: str = "es",
    header: Sequence[str] = (),
) -> Iterator[str]:
    """The glossary file's text in pieces: header comments, then one piece per concept."""
    for line in header:
        yield f"# {line}\n" if line else "#\n"
    yield f"source_language: {yaml_scalar(source_language)}\n"
    first = True
    for concept in concepts:
        if first:
            yield "concepts:\n"
        else:
            yield "\n"
        first = False
        yield dump_concept(concept)
    if first:
        yield "concepts: []\n"


def dump_glossary(
    concepts: Iterable[Concept],
    *,
    source_language: str = "es",
    header: Sequence[str] = (),
) -> str:
    """The text of a glossary file holding ``concepts`` (see ``iter_dump``)."""
    return "".join(iter_dump(concepts, source_language=source_language, header=header))


def term_value(term: Term, position: int) -> str | dict[str, Any]:
    if term_is_default(term, position):
        return term.term
    value: dict[str, Any] = {"term": term.term}
    if term.status is not default_status(position):
        value["status"] = term.status.value
    if term.type is not TermType.FULL_FORM:
        value["type"] = term.type.value
    if term.case_sensitive is not default_case_sensitive(term.type):
        value["case_sensitive"] = term.case_sensitive
    for key in ("note", "context", "part_of_speech", "source"):
        if getattr(term, key) is not None:
            value[key] = getattr(term, key)
    if term.extra:
        value["extra"] = _plain(term.extra)
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def concept_mapping(concept: Concept) -> dict[str, Any]:
    """A concept as the plain mapping its YAML holds (for round-trip editors)."""
    value: dict[str, Any] = {"id": concept.id}
    for key in ("subject", "definition", "note", "source"):
        if getattr(concept, key) is not None:
            value[key] = getattr(concept, key)
    if not concept.translate:
        value["translate"] = False
    if concept.extra:
        value["extra"] = _plain(concept.extra)
    value["terms"] = {
        language: [term_value(term, i) for i, term in enumerate(terms)]
        for language, terms in concept.terms.items()
    }
    return value
