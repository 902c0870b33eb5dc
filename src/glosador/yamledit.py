"""Editing glossary YAML files in place, keeping the curators' comments and layout.

Importers (``catalog import``, TBX and CSV import) change a few terms in files
that people wrote by hand; rewriting those files from the model would lose
their comments, blank lines, key order and quoting. ``GlossaryDocument`` edits
them round-trip with ruamel.yaml instead: open, change, save::

    doc = GlossaryDocument.open("glossary/organizations.yaml")
    doc.set_preferred("clippve", "pt", "Comitê pela Libertação dos Presos Políticos")
    doc.add_terms("clippve", "en", [{"term": "CLIPPVE", "type": "acronym"}])
    doc.save()                      # atomic; False when nothing changed

A file that is not edited is written back byte for byte. The indentation is
detected from the file (``concepts:`` / ``  - id:`` by default). Concept and
term values are plain ``str``/``dict``/``list``; no ruamel object leaks out.
"""

from __future__ import annotations

import enum
import io
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from glosador.errors import GlossaryError, Problem
from glosador.fsutil import write_atomic

__all__ = ["Change", "EditResult", "GlossaryDocument", "TermValue"]

#: a term as the glossary format writes it: a plain string or a mapping with ``term``
TermValue = str | Mapping[str, Any]

_FULL_TYPES = ("full-form", "variant")


class Change(enum.StrEnum):
    """What an edit did to a concept's terms in one language."""

    ADDED = "added"
    CHANGED = "changed"
    UNCHANGED = "unchanged"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class EditResult:
    """The outcome of ``set_preferred``: what changed, and the preferred term before."""

    change: Change
    old: str | None = None


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value) if isinstance(value, str) else value


def _node(value: Any) -> Any:
    """A plain value as a ruamel node (block style)."""
    if isinstance(value, Mapping):
        node = CommentedMap()
        for key, item in value.items():
            node[str(key)] = _node(item)
        return node
    if isinstance(value, (list, tuple)):
        seq = CommentedSeq()
        seq.extend(_node(item) for item in value)
        return seq
    return value


def _text(term: Any) -> str | None:
    if isinstance(term, str):
        return term
    if isinstance(term, Mapping) and isinstance(term.get("term"), str):
        return str(term["term"])
    return None


def _guess_indent(text: str) -> tuple[int, int, int]:
    """(mapping, sequence, offset) indentation of a glossary file, like ``  - id: x``."""
    mapping, sequence, offset = 2, 4, 2
    match = re.search(r"^( *)([A-Za-z_][\w-]*):[ \t]*\n\1( +)[A-Za-z_\"']", text, re.M)
    if match:
        mapping = len(match.group(3))
    match = re.search(r"^( *)[A-Za-z_][\w-]*:[ \t]*\n\1( *)-( +)\S", text, re.M)
    if match:
        offset = len(match.group(2))
        sequence = offset + 1 + len(match.group(3))
    return mapping, sequence, offset


# -- keeping the blank line (or comment) after a concept where it belongs -----------------


def _tail_path(node: Any) -> Iterator[tuple[Any, Any]]:
    """(container, key) along the last item of ``node``, down to a scalar."""
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node):
        key = list(node.keys())[-1] if isinstance(node, CommentedMap) else len(node) - 1
        yield node, key
        node = node[key]


def _slot(container: Any) -> int:
    return 2 if isinstance(container, CommentedMap) else 0


def _detach_tail(node: Any) -> list[Any]:
    """Remove and return the comment tokens after the last item (blank lines, comments)."""
    tokens = []
    for container, key in _tail_path(node):
        entry = container.ca.items.get(key)
        slot = _slot(container)
        if entry and len(entry) > slot and entry[slot] is not None:
            tokens.append(entry[slot])
            entry[slot] = None
    return tokens


def _attach_tail(node: Any, tokens: list[Any]) -> None:
    if not tokens:
        return
    path = list(_tail_path(node))
    if not path:
        return
    container, key = path[-1]
    token = tokens[-1]
    if len(tokens) > 1:
        token.value = "".join(t.value for t in tokens)
    slot = _slot(container)
    entry = container.ca.items.setdefault(key, [None] * (4 if slot == 2 else 2))
    entry[slot] = token


class GlossaryDocument:
    """One glossary YAML file, opened for round-trip editing."""

    def __init__(self, path: Path, text: str, data: Any, yaml: YAML) -> None:
        self.path = path
        self._original = text
        self._data = data
        self._yaml = yaml

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> GlossaryDocument:
        """Read a glossary file; ``GlossaryError`` (GL001, file:line) when it is not one."""
        file = Path(path)
        try:
            text = file.read_bytes().decode("utf-8-sig")
        except OSError as exc:
            raise GlossaryError(
                [Problem(str(file), 1, 1, "GL001", f"cannot read: {exc.strerror or exc}")]
            ) from None
        except UnicodeDecodeError:
            problem = Problem(str(file), 1, 1, "GL001", "file is not valid UTF-8")
            raise GlossaryError([problem]) from None
        return cls.from_text(text, file)

    @classmethod
    def from_text(cls, text: str, path: str | os.PathLike[str] = "<string>") -> GlossaryDocument:
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.width = 4096
        mapping, sequence, offset = _guess_indent(text)
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        try:
            data = yaml.load(text) if text.strip() else None
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            problem = Problem(str(path), line, column, "GL001", f"YAML: {exc.problem}")
            raise GlossaryError([problem]) from None
        except YAMLError as exc:
            raise GlossaryError([Problem(str(path), 1, 1, "GL001", f"YAML: {exc}")]) from None
        if data is None:
            data = CommentedMap()
        if not isinstance(data, CommentedMap):
            problem = Problem(str(path), 1, 1, "GL001", "the glossary file must be a mapping")
            raise GlossaryError([problem])
        if not isinstance(data.get("concepts"), CommentedSeq):
            if "concepts" in data and data["concepts"] is not None:
                problem = Problem(str(path), 1, 1, "GL001", "'concepts' must be a list")
                raise GlossaryError([problem])
            data["concepts"] = CommentedSeq()
        return cls(Path(path), text, data, yaml)

    # -- reading ----------------------------------------------------------------------

    @property
    def source_language(self) -> str:
        return str(self._data.get("source_language") or "es")

    def concept_ids(self) -> list[str]:
        return [str(c["id"]) for c in self._concepts() if "id" in c]

    def __contains__(self, concept_id: object) -> bool:
        return self._find(str(concept_id)) is not None

    def concept(self, concept_id: str) -> dict[str, Any]:
        """A concept as plain values (a copy); ``KeyError`` when the file lacks it."""
        return dict(_plain(self._get(concept_id)))

    def terms(self, concept_id: str, language: str) -> list[TermValue]:
        """A concept's terms in one language, as written (plain copies; [] when none)."""
        terms = self._get(concept_id).get("terms") or {}
        found = terms.get(language)
        if found is None:
            return []
        return list(_plain(found if isinstance(found, list) else [found]))

    # -- editing ----------------------------------------------------------------------

    def set_terms(self, concept_id: str, language: str, terms: Sequence[TermValue]) -> bool:
        """Replace a language's terms (or add the language); True when anything changed."""
        if self.terms(concept_id, language) == [_plain(t) for t in terms]:
            return False
        concept = self._get(concept_id)
        tail = _detach_tail(concept)
        if not isinstance(concept.get("terms"), CommentedMap):
            concept["terms"] = CommentedMap()
        concept["terms"][language] = _node(list(terms))
        _attach_tail(concept, tail)
        return True

    def add_terms(self, concept_id: str, language: str, terms: Sequence[TermValue]) -> bool:
        """Append the terms whose written form the language does not have yet."""
        current = self.terms(concept_id, language)
        have = {_text(t) for t in current}
        new = [t for t in terms if _text(t) not in have]
        if not new:
            return False
        return self.set_terms(concept_id, language, [*current, *new])

    def set_preferred(self, concept_id: str, language: str, term: str) -> EditResult:
        """Make ``term`` the language's preferred full form (added, or replacing the old one).

        Other terms of the language are kept; a term with the same written form is
        removed from its old place, so the form is listed once.
        """
        current = self.terms(concept_id, language)
        if not current:
            self.set_terms(concept_id, language, [term])
            return EditResult(Change.ADDED)
        index = _preferred_index(current)
        old = _text(current[index])
        if old == term:
            return EditResult(Change.UNCHANGED, old)
        concept = self._get(concept_id)
        seq = concept["terms"][language]
        if not isinstance(seq, CommentedSeq):  # a single plain string
            self.set_terms(concept_id, language, [term])
            return EditResult(Change.CHANGED, old)
        tail = _detach_tail(concept)
        entry = seq[index]
        if isinstance(entry, CommentedMap):
            entry["term"] = term
        else:
            seq[index] = term
        for other in reversed(range(len(seq))):  # edited in place: other items keep comments
            if other != index and _text(seq[other]) == term:
                del seq[other]
        _attach_tail(concept, tail)
        return EditResult(Change.CHANGED, old)

    def add_concept(self, concept: Mapping[str, Any]) -> None:
        """Append a concept (``id`` and ``terms`` at least) at the end of the file."""
        concept_id = concept.get("id")
        if not isinstance(concept_id, str) or self._find(concept_id) is not None:
            raise ValueError(f"a new concept needs an id not in {self.path}: {concept_id!r}")
        concepts = self._data["concepts"]
        tail = _detach_tail(concepts[-1]) if len(concepts) else []
        concepts.append(_node(concept))
        if len(concepts) > 1:
            # a blank line between concepts; the old last one's trailing comments move down
            concepts.yaml_set_comment_before_after_key(len(concepts) - 1, before="\n")
        _attach_tail(concepts[-1], tail)

    # -- writing ----------------------------------------------------------------------

    def dumps(self) -> str:
        out = io.StringIO()
        self._yaml.dump(self._data, out)
        return out.getvalue()

    @property
    def changed(self) -> bool:
        return self.dumps() != self._original

    def save(self, path: str | os.PathLike[str] | None = None) -> bool:
        """Write the file atomically (to ``path`` if given); False when its bytes are unchanged."""
        target = Path(path) if path is not None else self.path
        written = write_atomic(target, self.dumps().encode("utf-8"))
        if path is None:
            self._original = self.dumps()
        return written

    # -- internals --------------------------------------------------------------------

    def _concepts(self) -> Iterator[CommentedMap]:
        for item in self._data["concepts"]:
            if isinstance(item, CommentedMap):
                yield item

    def _find(self, concept_id: str) -> CommentedMap | None:
        for concept in self._concepts():
            if str(concept.get("id")) == concept_id:
                return concept
        return None

    def _get(self, concept_id: str) -> CommentedMap:
        concept = self._find(concept_id)
        if concept is None:
            raise KeyError(concept_id)
        return concept


def _preferred_index(terms: Sequence[TermValue]) -> int:
    """Where the preferred full form is (as ``Concept.preferred`` finds it); else 0."""
    for index, term in enumerate(terms):
        status = term.get("status") if isinstance(term, Mapping) else None
        kind = term.get("type") if isinstance(term, Mapping) else None
        preferred = status == "preferred" or (status is None and index == 0)
        if preferred and (kind is None or kind in _FULL_TYPES):
            return index
    return 0
