"""The glossary's YAML reader: one file's text to concepts and problems, with positions.

YAML is composed (not constructed) with PyYAML's C loader when available, so no tag
ever builds an object; aliases are refused, which also defuses alias bombs. Every
problem names the line and column of the node it is about (GL001 and the per-term
checks of SPEC section 2). ``glosador.glossary.parse_glossary`` is the public entry;
this module is imported only when a file is actually parsed (not read from the cache).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import yaml

from glosador.errors import Problem
from glosador.glossary import CONCEPT_KEYS, TERM_KEYS, TOP_KEYS, ParsedFile
from glosador.model import Concept, Status, Term, TermType
from glosador.yamlstream import StreamedSequence, compose_streaming, plain_key

__all__ = ["parse"]

_T = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_T + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_MAP, _SEQ, _STR, _BOOL, _NULL = _T + "map", _T + "seq", _T + "str", _T + "bool", _T + "null"
_CONCEPT_TEXT = ("subject", "definition", "note", "source")
_TERM_TEXT = ("note", "context", "part_of_speech", "source")


class _Reader:
    """Turns composed YAML nodes into concepts, collecting every problem."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.damaged: set[str] = set()
        self._seen: set[int] = set()
        #: ids of anchored nodes, the only ones an alias can reach a second time
        self.anchored: set[int] = set()
        #: concepts read while the ``concepts`` list was composed, and the
        #: ``source_language`` they were read with
        self.streamed: list[Concept] = []
        self.streamed_language = "es"
        self._root_items = -1
        self._reading = False

    def problem(self, node: Any, message: str, code: str = "GL001") -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, code, message))

    # -- node helpers -------------------------------------------------------
    def visit(self, node: Any) -> bool:
        """Refuse aliases (a node seen twice) and object-building tags."""
        if id(node) in self.anchored:
            if id(node) in self._seen:
                self.problem(node, "YAML aliases are not allowed in a glossary")
                return False
            self._seen.add(id(node))
        tag = node.tag
        if tag not in _SCALAR_TAGS and tag not in (_MAP, _SEQ):
            self.problem(node, f"YAML tag {tag!r} is not allowed in a glossary")
            return False
        return True

    def mapping(self, node: Any, what: str, allowed: Sequence[str]) -> dict[str, tuple[Any, Any]]:
        """A mapping node's items by key, reporting unknown and repeated keys."""
        if not isinstance(node, yaml.MappingNode) or node.tag != _MAP:
            self.problem(node, f"{what} must be a mapping")
            return {}
        items: dict[str, tuple[Any, Any]] = {}
        for key_node, value_node in node.value:
            if not self.visit(key_node):
                continue
            if not self.visit(value_node):
                value_node = None  # refused (alias or tag): reported, and not "missing"
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.problem(key_node, f"{what} keys must be strings")
            elif key in items:
                self.problem(key_node, f"duplicate key {key!r} in {what}")
            elif key not in allowed:
                hint = _closest(key, allowed)
                self.problem(
                    key_node,
                    f"unknown key {key!r} in {what}"
                    + (f" (did you mean {hint!r}?)" if hint else ""),
                )
            else:
                items[key] = (key_node, value_node)
        return items

    def text(self, node: Any, what: str, *, required: bool = False) -> str | None:
        if node is None:
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL and not required:
            return None
        if not isinstance(node, yaml.ScalarNode) or node.tag == _NULL:
            self.problem(node, f"{what} must be a string")
            return None
        value = str(node.value)
        if required and not value.strip():
            self.problem(node, f"{what} must not be empty")
            return None
        return value

    def flag(self, node: Any, what: str) -> bool | None:
        if node is None:
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL:
            return str(node.value).lower() in ("true", "yes", "on", "y")
        self.problem(node, f"{what} must be true or false")
        return None

    def extra(self, node: Any) -> dict[str, Any]:
        if node is None:
            return {}
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, "extra must be a mapping")
            return {}
        return {str(k.value): _plain(v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}

    # -- document -----------------------------------------------------------
    def document(self, root: Any) -> tuple[list[Concept], str]:
        items = self.mapping(root, "the glossary file", TOP_KEYS)
        source_language = "es"
        if "source_language" in items:
            source_language = self.text(items["source_language"][1], "source_language") or "es"
        if "concepts" not in items:
            if items or isinstance(root, yaml.MappingNode):
                self.problem(root, "a glossary file needs a 'concepts' list")
            return [], source_language
        node = items["concepts"][1]
        if node is None:
            return [], source_language
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, "'concepts' must be a list")
            return [], source_language
        if isinstance(node, StreamedSequence):
            if source_language == self.streamed_language:
                return self.streamed, source_language
            relabelled = [replace(c, source_language=source_language) for c in self.streamed]
            return relabelled, source_language
        concepts = []
        for item in node.value:
            if self.visit(item):
                concept = self.concept(item, source_language)
                if concept is not None:
                    concepts.append(concept)
        return concepts, source_language

    def stream_item(self, root: Any, node: Any) -> None:
        """One item of the ``concepts`` list, as soon as it is composed; ``root`` holds
        the top-level items before the list. A repeated ``concepts`` list is not read
        (``mapping`` reports the key)."""
        if len(root.value) != self._root_items:
            self._root_items = len(root.value)
            self._reading = not any(plain_key(key, "concepts") for key, _ in root.value)
            if self._reading:
                self.streamed_language = "es"
                for key, value in root.value:
                    if plain_key(key, "source_language") and isinstance(value, yaml.ScalarNode):
                        self.streamed_language = str(value.value) or "es"
        if self._reading and self.visit(node):
            concept = self.concept(node, self.streamed_language)
            if concept is not None:
                self.streamed.append(concept)

    def concept(self, node: Any, source_language: str) -> Concept | None:
        """A concept; one read with problems is noted in ``damaged`` (lint skips GL004 there)."""
        before = len(self.problems)
        items = self.mapping(node, "a concept", CONCEPT_KEYS)
        if not items and not isinstance(node, yaml.MappingNode):
            return None
        concept_id = self.text(items["id"][1], "id", required=True) if "id" in items else None
        if "id" not in items:
            self.problem(node, "a concept needs an 'id'")
        label = f"concept {concept_id!r}" if concept_id else "concept"
        values: dict[str, Any] = {}
        for key in _CONCEPT_TEXT:
            if key in items:
                values[key] = self.text(items[key][1], key)
        if "translate" in items:
            flag = self.flag(items["translate"][1], "translate")
            if flag is not None:
                values["translate"] = flag
        if "extra" in items:
            values["extra"] = self.extra(items["extra"][1])
        terms: dict[str, tuple[Term, ...]] = {}
        if "terms" not in items:
            self.problem(node, f"{label} has no 'terms'")
        else:
            terms = self.terms(items["terms"][1], label)
            if not terms and isinstance(items["terms"][1], yaml.MappingNode):
                self.problem(items["terms"][1], f"{label} has no terms")
        if not concept_id or not terms:
            return None
        if len(self.problems) > before:
            self.damaged.add(concept_id)
        mark = node.start_mark
        return Concept(
            id=concept_id,
            terms=terms,
            source_language=source_language,
            path=self.path,
            line=mark.line + 1,
            column=mark.column + 1,
            **values,
        )

    def terms(self, node: Any, label: str) -> dict[str, tuple[Term, ...]]:
        if node is None:
            return {}
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"'terms' of {label} must map languages to lists of terms")
            return {}
        result: dict[str, tuple[Term, ...]] = {}
        for key_node, value_node in node.value:
            if not self.visit(key_node) or not self.visit(value_node):
                continue
            language = str(key_node.value)
            if language in result:
                self.problem(key_node, f"duplicate language {language!r} in {label}")
                continue
            if isinstance(value_node, yaml.ScalarNode) and value_node.tag != _NULL:
                entries = [value_node]  # a single plain string is a one-term list
            elif isinstance(value_node, yaml.SequenceNode) and value_node.value:
                entries = list(value_node.value)
            else:
                self.problem(value_node, f"{label} has no terms in {language!r}")
                continue
            parsed: list[Term] = []
            for entry in entries:
                if entry is not value_node and not self.visit(entry):
                    continue
                term = self.term(entry, language, first=not parsed)
                if term is not None:
                    parsed.append(term)
            if parsed:
                result[language] = tuple(parsed)
        return result

    def term(self, node: Any, language: str, *, first: bool) -> Term | None:
        mark = node.start_mark
        place = {"path": self.path, "line": mark.line + 1, "column": mark.column + 1}
        default_status = Status.PREFERRED if first else Status.ADMITTED
        if isinstance(node, yaml.ScalarNode):
            text = self.text(node, "a term", required=True)
            if text is None:
                return None
            return Term(text, language, default_status, **place)
        items = self.mapping(node, "a term", TERM_KEYS)
        if not items:
            return None
        if "term" not in items:
            self.problem(node, "a term mapping needs a 'term'")
            return None
        text = self.text(items["term"][1], "term", required=True)
        if text is None:
            return None
        status = self.choice(items, "status", Status, default_status)
        term_type = self.choice(items, "type", TermType, TermType.FULL_FORM)
        case_sensitive = term_type is TermType.ACRONYM
        if "case_sensitive" in items:
            flag = self.flag(items["case_sensitive"][1], "case_sensitive")
            case_sensitive = case_sensitive if flag is None else flag
        values: dict[str, Any] = {}
        for key in _TERM_TEXT:
            if key in items:
                values[key] = self.text(items[key][1], key)
        if "extra" in items:
            values["extra"] = self.extra(items["extra"][1])
        return Term(
            text,
            language,
            status,
            term_type,
            case_sensitive,
            **values,
            **place,
        )

    def choice(self, items: dict[str, tuple[Any, Any]], key: str, enum: Any, default: Any) -> Any:
        if key not in items:
            return default
        node = items[key][1]
        value = self.text(node, key)
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(member.value for member in enum)
            self.problem(node, f"{key} must be one of {allowed}, not {value!r}")
            return default


def _closest(key: str, allowed: Sequence[str]) -> str | None:
    import difflib

    matches = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _plain(node: Any) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return {str(k.value): _plain(v) for k, v in node.value}
    return None


def parse(text: str, path: str = "<string>") -> ParsedFile:
    """Read one glossary file's text; problems are collected, never raised."""
    reader = _Reader(path)
    if not text.strip():
        return ParsedFile(path, (), (Problem(path, 1, 1, "GL001", "the glossary file is empty"),))
    try:
        root = compose_streaming(text, "concepts", reader.stream_item, reader.anchored)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = exc.problem or exc.context or "YAML syntax error"
        return ParsedFile(path, (), (Problem(path, line, column, "GL001", f"YAML: {reason}"),))
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        return ParsedFile(path, (), (Problem(path, 1, 1, "GL001", f"YAML: {exc}"),))
    if root is None:
        return ParsedFile(path, (), (Problem(path, 1, 1, "GL001", "the glossary file is empty"),))
    reader.visit(root)
    concepts, source_language = reader.document(root)
    problems = sorted(reader.problems, key=lambda p: (p.line, p.column))
    return ParsedFile(
        path, tuple(concepts), tuple(problems), source_language, frozenset(reader.damaged)
    )
