"""Bringing a translation (``.po``) back into the glossary: ``glosador catalog import``.

Each translated entry whose ``msgctxt`` is a concept id and whose ``msgid`` is
that concept's preferred source term becomes the concept's preferred term in
the catalog's language (``glosador.yamledit`` edits the YAML round-trip, so the
curators' comments and ordering stay). Fuzzy entries are skipped unless
``include_fuzzy``; obsolete ones are ignored.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from glosador.catalog import gettext_language, write_files
from glosador.errors import CatalogError
from glosador.glossary import bundled_glossary_path, glossary_files, load_glossary
from glosador.model import Glossary
from glosador.pofile import PoFile, read_po
from glosador.yamledit import Change, GlossaryDocument

__all__ = ["ImportItem", "ImportResult", "import_catalog"]


@dataclass(frozen=True, slots=True)
class ImportItem:
    """One entry of the catalog and what the import did with it."""

    concept: str
    term: str
    line: int = 0
    old: str | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import added, changed and skipped, and the glossary files it wrote."""

    language: str
    added: tuple[ImportItem, ...] = ()
    changed: tuple[ImportItem, ...] = ()
    unchanged: tuple[ImportItem, ...] = ()
    skipped: tuple[ImportItem, ...] = ()
    written: tuple[Path, ...] = ()


def _glossary_language(code: str, glossary: Glossary) -> str:
    """A gettext locale (``pt_BR``) as the glossary writes it (``pt-BR``)."""
    gettext_language(code)  # unknown codes raise CatalogError
    wanted = code.replace("_", "-")
    for existing in glossary.languages:
        if existing.lower() == wanted.lower():
            return existing
    return wanted


def _files_by_display(paths: Sequence[str | os.PathLike[str]] | None) -> dict[str, Path]:
    """How ``load_glossary`` names each file (``Concept.path``) -> the file itself."""
    found: dict[str, Path] = {}
    if paths is None:
        root = bundled_glossary_path()
        for file in glossary_files(root):
            found[f"glossary/{file.relative_to(root).as_posix()}"] = file
        return found
    for given in paths:
        root = Path(given)
        for file in glossary_files(root):
            shown = str(root) if file == root else str(root / file.relative_to(root))
            found[shown] = file
    return found


def _plan(
    po: PoFile, glossary: Glossary, language: str, include_fuzzy: bool
) -> tuple[list[tuple[ImportItem, str]], list[ImportItem]]:
    wanted: list[tuple[ImportItem, str]] = []
    skipped: list[ImportItem] = []
    for entry in po.active():
        line = entry.msgstr_line
        concept = glossary.get(entry.msgctxt) if entry.msgctxt else None
        text = entry.translations[0] if entry.translations else ""
        label = entry.msgctxt or entry.msgid
        if concept is None:
            reason = "no msgctxt" if not entry.msgctxt else "no concept with this id"
            skipped.append(ImportItem(label, text, line, reason=reason))
        elif not text.strip():
            skipped.append(ImportItem(label, text, line, reason="untranslated"))
        elif entry.fuzzy and not include_fuzzy:
            skipped.append(ImportItem(label, text, line, reason="fuzzy"))
        elif (source := concept.preferred(concept.source_language)) is None or (
            source.term != entry.msgid
        ):
            reason = "msgid is no longer the concept's source term"
            skipped.append(ImportItem(label, text, line, reason=reason))
        else:
            wanted.append((ImportItem(concept.id, text.strip(), line), concept.path))
    return wanted, skipped


def import_catalog(
    po_path: str | os.PathLike[str],
    glossary_paths: Sequence[str | os.PathLike[str]] | None = None,
    *,
    language: str | None = None,
    include_fuzzy: bool = False,
    dry_run: bool = False,
) -> ImportResult:
    """Import a ``.po``'s translations into the glossary as ``language``'s preferred terms.

    ``language`` defaults to the catalog's ``Language`` header. Every glossary
    file is written atomically, and none is written when one cannot be.
    """
    po = read_po(po_path)
    glossary = load_glossary(glossary_paths)
    code = language or po.language
    if not code:
        raise CatalogError("no Language header: give the language (--lang)", po.path)
    lang = _glossary_language(code, glossary)
    if lang == glossary.source_language:
        raise CatalogError(f"{lang!r} is the glossary's source language", po.path)
    wanted, skipped = _plan(po, glossary, lang, include_fuzzy)
    files = _files_by_display(glossary_paths)
    documents: dict[str, GlossaryDocument] = {}
    added: list[ImportItem] = []
    changed: list[ImportItem] = []
    unchanged: list[ImportItem] = []
    for item, shown in wanted:
        if shown not in files:
            skipped.append(
                ImportItem(item.concept, item.term, item.line, reason="glossary file not found")
            )
            continue
        if shown not in documents:
            documents[shown] = GlossaryDocument.open(files[shown])
        result = documents[shown].set_preferred(item.concept, lang, item.term)
        done = ImportItem(item.concept, item.term, item.line, result.old)
        if result.change is Change.ADDED:
            added.append(done)
        elif result.change is Change.CHANGED:
            changed.append(done)
        else:
            unchanged.append(done)
    written: tuple[Path, ...] = ()
    if not dry_run:
        contents = {doc.path: doc.dumps().encode("utf-8") for doc in documents.values()}
        written = tuple(write_files(contents)[0])
    return ImportResult(
        lang, tuple(added), tuple(changed), tuple(unchanged), tuple(skipped), written
    )
