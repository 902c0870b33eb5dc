from __future__ import annotations

import os
import time
import tracemalloc
from pathlib import Path

import pytest

import glosador
from glosador.errors import GlossaryError
from glosador.glossary import bundled_glossary_path, parse_glossary
from glosador.model import Status, TermType

SAMPLE = """\
source_language: es
concepts:
  - id: clippve
    subject: organization
    definition: Venezuelan committee of relatives of political prisoners.
    source: https://example.org/clippve
    terms:
      es:
        - Comité por la Liberación de los Presos Políticos
        - term: CLIPPVE
          type: acronym
      en:
        - Committee for the Freedom of Political Prisoners in Venezuela
        - term: Committee for the Release of Political Prisoners
        - term: Political Prisoners Committee
          status: deprecated
          source: A newspaper, 2025
        - term: CLIPPVE
          type: acronym
"""


def test_parse_full_format_with_defaults_and_positions() -> None:
    parsed = parse_glossary(SAMPLE, "org.yaml")
    assert parsed.problems == ()
    (concept,) = parsed.concepts
    assert (concept.id, concept.subject, concept.source) == (
        "clippve",
        "organization",
        "https://example.org/clippve",
    )
    assert (concept.path, concept.line, concept.column) == ("org.yaml", 3, 5)
    es = concept.terms["es"]
    assert es[0].status == "preferred" and es[0].type == "full-form"
    assert es[0].case_sensitive is False
    assert es[1].type is TermType.ACRONYM and es[1].case_sensitive is True
    en = concept.terms["en"]
    assert [t.status for t in en] == [
        Status.PREFERRED,
        Status.ADMITTED,
        Status.DEPRECATED,
        Status.ADMITTED,
    ]
    assert en[2].source == "A newspaper, 2025"
    assert (en[1].line, en[1].column) == (14, 11)
    assert concept.translate is True


def test_load_merges_files_and_looks_up_by_id_and_form(write_glossary) -> None:  # type: ignore[no-untyped-def]
    folder = write_glossary(SAMPLE, "a.yaml")
    (folder / "b.yaml").write_text(
        "concepts:\n  - id: foro-penal\n    translate: false\n"
        "    terms: {es: [Foro Penal], en: [Foro Penal]}\n",
        encoding="utf-8",
    )
    g = glosador.load_glossary(folder)
    assert len(g) == 2 and "clippve" in g and "nope" not in g
    assert [c.id for c in g] == ["clippve", "foro-penal"]
    assert g["foro-penal"].translate is False
    found = g.lookup("comite por la liberacion de los presos politicos", "es")
    assert [t.term for t in found] == ["Comité por la Liberación de los Presos Políticos"]
    assert g.concept_of(found[0]).id == "clippve"
    assert {t.language for t in g.lookup("CLIPPVE")} == {"es", "en"}
    assert g.get("nope") is None


def test_later_glossary_replaces_concept_by_id(write_glossary, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base = write_glossary(SAMPLE)
    override = tmp_path / "ours.yaml"
    override.write_text(
        "concepts:\n  - id: clippve\n    terms: {es: [CLIPPVE], en: [CLIPPVE]}\n", encoding="utf-8"
    )
    g = glosador.load_glossary([base, override])
    assert g["clippve"].preferred("en").term == "CLIPPVE"  # type: ignore[union-attr]


def test_bundled_glossary_loads_from_any_directory(tmp_path: Path) -> None:
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        g = glosador.load_glossary()
    finally:
        os.chdir(cwd)
    assert len(g) > 0
    assert bundled_glossary_path().is_dir()
    assert all(c.path.startswith("glossary/") for c in g)


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("concepts:\n  - id: x\n    terms: [unclosed\n", 4, 1, "YAML"),
        ("", 1, 1, "empty"),
        ("# only a comment\n", 1, 1, "empty"),
        ("concepts:\n  - id: x\n    subject: y\n", 2, 5, "no 'terms'"),
        (
            "concepts:\n  - id: x\n    terms: {es: [a], en: [b]}\n    colour: red\n",
            4,
            5,
            "'colour'",
        ),
        ("concepts:\n  - id: x\n    terms: !!python/object:os.system {}\n", 3, 12, "tag"),
        ("concepts:\n  - id: x\n    terms: {es: [''], en: [b]}\n", 3, 18, "empty"),
        (
            "concepts:\n  - id: x\n    translate: maybe\n    terms: {es: [a]}\n",
            3,
            16,
            "true or false",
        ),
        ("concepts:\n  - id: x\n    terms: {es: [{term: a, status: nope}]}\n", 3, 36, "status"),
        ("concepts: {}\n", 1, 11, "list"),
    ],
)
def test_bad_glossary_names_file_line_and_column(
    write_glossary,  # type: ignore[no-untyped-def]
    text: str,
    line: int,
    column: int,
    words: str,
) -> None:
    folder = write_glossary(text)
    with pytest.raises(GlossaryError) as info:
        glosador.load_glossary(folder)
    first = info.value.problems[0]
    assert (first.line, first.column, first.code) == (line, column, "GL001"), str(first)
    assert words in first.message
    assert str(info.value).startswith(f"{folder / 'g.yaml'}:{line}:{column}: GL001")


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("concepts:\n  - id: x\n    terms: {es: [Comité]}\n".encode("latin-1"))
    with pytest.raises(GlossaryError) as info:
        glosador.load_glossary(path)
    problem = info.value.problems[0]
    assert (problem.line, problem.column) == (3, 23)
    assert "UTF-8" in problem.message


def test_every_problem_is_collected_in_one_pass(write_glossary) -> None:  # type: ignore[no-untyped-def]
    folder = write_glossary(
        "concepts:\n"
        "  - id: a\n    terms: {es: [x], en: [y]}\n    colr: 1\n"
        "  - id: b\n    terms: {es: [{term: z, tipe: acronym}], en: [w]}\n"
        "  - id: c\n"
    )
    with pytest.raises(GlossaryError) as info:
        glosador.load_glossary(folder)
    assert [(p.line, p.code) for p in info.value.problems] == [
        (4, "GL001"),
        (6, "GL001"),
        (7, "GL001"),
    ]


def test_alias_bomb_is_refused_quickly_in_bounded_memory(write_glossary) -> None:  # type: ignore[no-untyped-def]
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    bomb = "\n".join(lines) + "\nconcepts:\n  - id: x\n    terms: {es: *a9}\n"
    folder = write_glossary(bomb)
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(GlossaryError) as info:
        glosador.load_glossary(folder)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert any("alias" in p.message or "unknown key" in p.message for p in info.value.problems)
    assert elapsed < 5 and peak < 50 * 2**20


def test_alias_inside_concepts_is_refused(write_glossary) -> None:  # type: ignore[no-untyped-def]
    folder = write_glossary(
        "concepts:\n  - id: a\n    terms: &t {es: [x], en: [y]}\n  - id: b\n    terms: *t\n"
    )
    with pytest.raises(GlossaryError) as info:
        glosador.load_glossary(folder)
    assert "aliases are not allowed" in str(info.value)


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="no such glossary"):
        glosador.load_glossary(tmp_path / "nowhere")


def test_large_generated_glossary_loads_and_is_cached(tmp_path: Path) -> None:
    lines = ["concepts:"]
    for i in range(100_000):
        lines.append(f"  - id: c{i}\n    terms: {{es: [Término {i}], en: [Term {i}]}}")
    path = tmp_path / "big.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    g = glosador.load_glossary(path)
    assert len(g) == 100_000
    again = glosador.load_glossary(path)  # from the cache
    assert again["c99999"].terms["es"][0].term == "Término 99999"
    path.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")  # changed: cache invalid
    assert len(glosador.load_glossary(path)) == 2


def test_bundled_name_merges_the_bundled_glossary_with_a_newsroom_one(tmp_path: Path) -> None:
    ours = tmp_path / "ours.yaml"
    ours.write_text(
        "concepts:\n"
        "  - id: foro-penal\n    translate: false\n"
        "    terms: {es: [Foro Penal], en: [Foro Penal, {term: FP, type: acronym, status: deprecated}]}\n"
        "  - id: diario-del-sur\n    terms: {es: [Diario del Sur], en: [Southern Daily]}\n",
        encoding="utf-8",
    )
    bundled = glosador.load_glossary()
    merged = glosador.load_glossary(["bundled", ours])
    assert len(merged) == len(bundled) + 1
    assert [t.term for t in merged["foro-penal"].terms["en"]] == ["Foro Penal", "FP"]
    assert merged["ve-tsj"] == bundled["ve-tsj"]


def test_a_check_with_a_warm_cache_never_imports_the_yaml_reader(tmp_path: Path) -> None:
    """Start-up: every glossary file, however small, is cached once parsed, so a later
    check (a new process) reads only pickles and never imports PyYAML (~0.02 s)."""
    import subprocess
    import sys

    tiny = tmp_path / "tiny.yaml"  # well under a kilobyte
    tiny.write_text(
        "concepts:\n  - id: fp\n    terms: {es: [Foro Penal], en: [Penal Forum]}\n",
        encoding="utf-8",
    )
    script = (
        "import sys, glosador\n"
        f"report = glosador.check_text('El Foro Penal informó.', glossary=[{str(tiny)!r}, 'bundled'])\n"
        "print(len(report.findings), 'yaml' in sys.modules, 'glosador.pofile' in sys.modules)\n"
    )
    env = {**os.environ, "GLOSADOR_CACHE_DIR": str(tmp_path / "cache")}

    def run() -> str:
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    assert run() == "0 True False"  # cold: the files are parsed
    assert run() == "0 False False"  # warm: nothing parsed, no YAML, no .po reader
    tiny.write_text(tiny.read_text(encoding="utf-8") + "  # changed\n", encoding="utf-8")
    assert run() == "0 True False"  # a changed file is parsed again


def test_a_value_that_cannot_be_cached_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from glosador.glossary import cache_read, cache_write

    folder = tmp_path / "cache"
    monkeypatch.setenv("GLOSADOR_CACHE_DIR", str(folder))
    cache_write("compiled", "k1", lambda: None)  # a lambda cannot be pickled
    assert cache_read("compiled", "k1") is None
    assert [p.name for p in folder.iterdir()] == []  # no entry, no stray temporary file
    cache_write("compiled", "k2", {"ok": 1})
    assert cache_read("compiled", "k2") == {"ok": 1}


def test_the_parsed_file_cache_keeps_the_least_recently_used_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from glosador import glossary as module

    monkeypatch.setattr(module, "_CACHE_KEEP", {"glossary": 2})
    folder = tmp_path / "cache"
    monkeypatch.setenv("GLOSADOR_CACHE_DIR", str(folder))
    module.cache_write("glossary", "a", 1)
    module.cache_write("glossary", "b", 2)
    stamp = (folder / "glossary-b.pickle").stat().st_mtime_ns - 10**9
    os.utime(folder / "glossary-a.pickle", ns=(stamp - 10**9, stamp - 10**9))
    os.utime(folder / "glossary-b.pickle", ns=(stamp, stamp))
    assert module.cache_read("glossary", "a") == 1  # read now: the most recently used
    module.cache_write("glossary", "c", 3)
    assert sorted(p.name for p in folder.iterdir()) == ["glossary-a.pickle", "glossary-c.pickle"]
