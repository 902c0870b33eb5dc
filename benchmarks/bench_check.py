"""Checker benchmark: end-to-end throughput at 1k/10k/100k concepts, compile, memory, start-up.

Run ``python benchmarks/bench_check.py`` (about 5-10 minutes on 2 cores) or with
``--quick`` (1k/5k/20k concepts, ~2 MB of text). It

1. generates glossaries (``bench_load.generate_glossary``) and ~10 MB of articles, half
   plain text and half Markdown, in ~64 KB files, with planted occurrences: correct
   Spanish and English forms, English names glossed in Spanish, acronyms after the
   full form, hybrid renderings (a Spanish name with one word in English), Spanish
   names with their accents stripped, deprecated English forms;
2. for every size, in a fresh process (so its peak RSS, VmHWM, is per size): loads the
   glossary with an empty cache, compiles it (cold), loads and compiles it again in a
   new ``Glossary`` (parse and compile caches filled: "cached"), then checks every
   article end to end - read, decode, parse, segment, detect languages, normalise,
   match, rules, JSON formatting (as ``glosador check --format json``) - and reports
   MB/s, findings per rule and its peak RSS;
3. times the naive baseline (one regex alternation of all the largest glossary's
   terms) on a 1 MB slice, stopping after ``--naive-budget`` seconds;
4. times ``glosador check FILE`` of a 1,000-word article with the bundled glossary
   as a subprocess (``python -m glosador`` and the console script), wall time with
   start-up, median of 5 runs after one first run.

Targets (issue 3): >= 5 MB/s at 100k concepts (aim 20); time(100k) <= 1.5 x time(1k);
compile <= 1 s for 100k (cached); peak < 1 GB; a single check < 0.3 s wall.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_load import GenConcept, generate_glossary, maxrss_mb

# -- article text (our own filler sentences) ---------------------------------------------

ES_FILLER = [
    "La situación en la región sigue siendo grave según los datos más recientes.",
    "Los familiares de los detenidos esperan desde hace meses una respuesta oficial.",
    "El informe fue presentado ante la prensa el martes por la mañana.",
    "Durante la audiencia, la defensa pidió que se revisaran las pruebas del caso.",
    "Las cifras muestran que el número de denuncias aumentó en {n} por ciento.",
    "La organización también pidió garantías para los testigos y sus abogados.",
    "Hasta ahora no hay una fecha para la próxima reunión entre las partes.",
    "Varios periodistas locales fueron citados a declarar sin explicación alguna.",
    "Los vecinos del sector dijeron que la calle estuvo cerrada durante {n} horas.",
    "El gobierno no ha respondido a las preguntas que le envió este medio.",
    "En la ciudad, las protestas se repitieron cada semana desde el mes de marzo.",
    "La decisión fue recibida con cautela por los grupos de la sociedad civil.",
]
EN_FILLER = [
    "The situation in the region remains serious according to the latest figures.",
    "Relatives of the detainees have been waiting for months for an official answer.",
    "The report was presented to the press on Tuesday morning.",
    "During the hearing, the defence asked for the evidence in the case to be reviewed.",
    "The figures show that the number of complaints rose by {n} per cent.",
    "The organisation also asked for guarantees for the witnesses and their lawyers.",
    "So far there is no date for the next meeting between the parties.",
    "Several local journalists were summoned to testify without any explanation.",
    "Residents said the street had been closed for {n} hours.",
    "The government has not answered the questions this outlet sent to it.",
    "In the city, the protests were repeated every week from March onwards.",
    "The decision was received with caution by civil society groups.",
]
ES_SLOTS = [
    "Según {X}, las detenciones aumentaron durante el último trimestre.",
    "Un portavoz de {X} dijo que el proceso no tiene garantías.",
    "La denuncia fue presentada por {X} ante la fiscalía.",
    "Los representantes de {X} se reunieron con las familias el jueves.",
]
EN_SLOTS = [
    "According to {X}, arrests rose during the last quarter.",
    "A spokesperson for {X} said the process had no guarantees.",
    "The complaint was filed by {X} with the prosecutors.",
    "Representatives of {X} met the families on Thursday.",
]
KINDS = ("correct", "gloss", "acronym", "hybrid", "stripped", "deprecated")


def _strip(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c == "\u0303")
    return unicodedata.normalize("NFC", kept)  # keeps ñ, drops the acute accents


def _plant(rng: random.Random, concept: GenConcept, lang: str, planted: Counter[str]) -> str:
    """A rendering of ``concept`` to put in a ``lang`` paragraph, counting what it is."""
    r = rng.random()
    if r < 0.45:
        planted["correct"] += 1
        return concept.es if lang == "es" else concept.en
    if r < 0.6:
        planted["gloss"] += 1
        return f"{concept.en} ({concept.es})" if lang == "en" else f"{concept.es} ({concept.en})"
    if r < 0.68 and concept.acronym:
        planted["acronym"] += 1
        full = concept.es if lang == "es" else concept.en
        return f"{full} ({concept.acronym})"
    if r < 0.8 and " " not in concept.head[1]:
        planted["hybrid"] += 1  # a Spanish name with its head noun in English
        return concept.head[1] + concept.es[len(concept.head[0]) :]
    if r < 0.9 and _strip(concept.es) != concept.es:
        planted["stripped"] += 1
        return _strip(concept.es)
    if concept.deprecated_en:
        planted["deprecated"] += 1
        return concept.deprecated_en
    planted["correct"] += 1
    return concept.es if lang == "es" else concept.en


def _paragraph(
    rng: random.Random, concepts: list[GenConcept], lang: str, planted: Counter[str]
) -> str:
    filler, slots = (ES_FILLER, ES_SLOTS) if lang == "es" else (EN_FILLER, EN_SLOTS)
    sentences = [rng.choice(filler).format(n=rng.randint(2, 90)) for _ in range(rng.randint(3, 6))]
    for _ in range(rng.randint(1, 2)):
        slot = rng.choice(slots).replace("{X}", _plant(rng, rng.choice(concepts), lang, planted))
        sentences.insert(rng.randint(0, len(sentences)), slot)
    return " ".join(sentences)


def _markdown_block(rng: random.Random, paragraph: str, index: int) -> str:
    r = rng.random()
    if index % 12 == 0:
        return "## " + paragraph.split(".")[0]
    if r < 0.1:
        return "\n".join("- " + s.strip() for s in paragraph.split(". ") if s.strip())
    if r < 0.15:
        return "```\nglosador check article.md --format json\n```"
    if r < 0.3:
        first, _, rest = paragraph.partition(" ")
        return f"*{first}* {rest} See [the report](https://example.org/r/{index}) and `code`."
    return paragraph


def generate_articles(
    folder: Path, concepts: list[GenConcept], total_bytes: int, file_bytes: int, seed: int = 2
) -> Counter[str]:
    """Write plain and Markdown articles (half each) totalling ``total_bytes``."""
    rng = random.Random(seed)
    planted: Counter[str] = Counter()
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    number = 0
    while written < total_bytes:
        markdown = number % 2 == 1
        lang = "es" if rng.random() < 0.5 else "en"
        blocks: list[str] = []
        size = 0
        while size < file_bytes:
            paragraph = _paragraph(rng, concepts, lang, planted)
            block = _markdown_block(rng, paragraph, len(blocks)) if markdown else paragraph
            blocks.append(block)
            size += len(block.encode("utf-8")) + 2
        text = "\n\n".join(blocks) + "\n"
        suffix = ".md" if markdown else ".txt"
        sub = folder / ("markdown" if markdown else "plain")
        sub.mkdir(exist_ok=True)
        (sub / f"article{number:04d}{suffix}").write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
        number += 1
    return planted


# -- measuring one size in a child process -------------------------------------------------


def _tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def child(glossary_folder: str, articles: str, phase: str = "warm") -> None:
    """One phase in its own process, so its peak RSS is its own.

    ``cold``: load and compile with an empty cache (which fills it). ``warm``: load
    and compile from the cache, then check every article, as ``glosador check`` does
    on any run after the first.
    """
    import glosador.lint  # noqa: F401  (imports before the clock, as for any command)
    from glosador import load_glossary
    from glosador.check import check_paths
    from glosador.matcher import compile_glossary
    from glosador.report import format_json

    result: dict[str, object] = {}
    if phase == "cold":
        start = time.perf_counter()
        cold_glossary = load_glossary(glossary_folder)
        result["load_cold_s"] = time.perf_counter() - start
        start = time.perf_counter()
        compiled = compile_glossary(cold_glossary)
        result["compile_cold_s"] = time.perf_counter() - start
        result["forms"] = len(compiled.forms)
        result["cold_rss_mb"] = maxrss_mb()
        print(json.dumps(result))
        return
    start = time.perf_counter()
    glossary = load_glossary(glossary_folder)
    result["load_warm_s"] = time.perf_counter() - start
    start = time.perf_counter()
    compile_glossary(glossary)
    result["compile_cached_s"] = time.perf_counter() - start
    rules: Counter[str] = Counter()
    for kind in ("plain", "markdown"):
        folder = Path(articles) / kind
        start = time.perf_counter()
        report = check_paths([folder], glossary)
        # as ``glosador check --format json``: the sources place the fixes
        sources = {path: Path(path).read_bytes().decode("utf-8-sig") for path in report.languages}
        output = format_json(report, sources=sources)
        elapsed = time.perf_counter() - start
        result[f"{kind}_s"] = elapsed
        result[f"{kind}_bytes"] = _tree_bytes(folder)
        result[f"{kind}_files"] = report.files
        result[f"{kind}_json_bytes"] = len(output)
        rules.update(f.rule for f in report.findings)
        result[f"{kind}_languages"] = dict(Counter(report.languages.values()))
    result["rules"] = dict(sorted(rules.items()))
    result["maxrss_mb"] = maxrss_mb()
    print(json.dumps(result))


def naive_child(glossary_folder: str, articles: str, budget: float) -> None:
    """One regex alternation of every term, on a 1 MB slice; stops after ``budget`` s."""
    import re

    from glosador import load_glossary

    glossary = load_glossary(glossary_folder)
    terms = sorted({t.term for c in glossary for t in c.all_terms()}, key=len, reverse=True)
    text = "".join(
        p.read_text(encoding="utf-8") for p in sorted((Path(articles) / "plain").glob("*.txt"))
    )
    text = text.encode("utf-8")[:1_000_000].decode("utf-8", "ignore")
    start = time.perf_counter()
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, terms)) + r")\b", re.IGNORECASE)
    compile_s = time.perf_counter() - start
    done = matches = 0
    chunk = 20_000
    start = time.perf_counter()
    while done < len(text) and time.perf_counter() - start < budget:
        piece = text[done : done + chunk]
        matches += sum(1 for _ in pattern.finditer(piece))
        done += len(piece)
    elapsed = time.perf_counter() - start
    print(
        json.dumps(
            {
                "terms": len(terms),
                "compile_s": compile_s,
                "scanned_mb": len(text[:done].encode("utf-8")) / 1e6,
                "seconds": elapsed,
                "matches": matches,
            }
        )
    )


def _run(args: list[str], env: dict[str, str], timeout: float) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, __file__, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"child {args[:2]} failed")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- one article with the bundled glossary, as a subprocess ---------------------------------


def bundled_article(path: Path, words: int = 1000, seed: int = 3) -> None:
    """An English article of ``words`` words naming concepts of the bundled glossary."""
    from glosador import load_glossary

    rng = random.Random(seed)
    glossary = load_glossary()
    names = []
    for concept in glossary:
        terms = concept.terms.get("en", ())
        full = [t for t in terms if t.is_full and t.status.value == "preferred"]
        if full:
            names.append(full[0].term)
    sentences: list[str] = []
    count = 0
    while count < words:
        if rng.random() < 0.3:
            sentence = rng.choice(EN_SLOTS).replace("{X}", rng.choice(names))
        else:
            sentence = rng.choice(EN_FILLER).format(n=rng.randint(2, 90))
        sentences.append(sentence)
        count += len(sentence.split())
        if len(sentences) % 6 == 0:
            sentences.append("\n\n")
    path.write_text(" ".join(sentences).replace(" \n\n ", "\n\n") + "\n", encoding="utf-8")


def time_command(command: list[str], env: dict[str, str], runs: int = 5) -> tuple[float, float]:
    """(first run, median of ``runs`` more) wall seconds."""

    def once() -> float:
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=False)
        return time.perf_counter() - start

    first = once()
    return first, statistics.median(once() for _ in range(runs))


# -- driver --------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1k/5k/20k concepts, ~2 MB of text")
    parser.add_argument("--sizes", help="comma-separated concept counts")
    parser.add_argument("--mb", type=float, help="MB of article text (default 10, quick 2)")
    parser.add_argument("--file-kb", type=int, default=64, help="size of one article file")
    parser.add_argument("--naive-budget", type=float, default=60.0, help="seconds")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--naive", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], args.child[1], args.child[2])
        return 0
    if args.naive:
        naive_child(args.naive[0], args.naive[1], args.naive_budget)
        return 0
    sizes = [1000, 5000, 20000] if args.quick else [1000, 10000, 100000]
    if args.sizes:
        sizes = [int(s) for s in args.sizes.split(",")]
    megabytes = args.mb or (2.0 if args.quick else 10.0)
    log = sys.stderr
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="glosador-bench-check-") as tmp_name:
        tmp = Path(tmp_name)
        all_concepts: dict[int, list[GenConcept]] = {}
        smaller: list[GenConcept] = []
        for n in sorted(sizes):
            all_concepts[n] = smaller = generate_glossary(tmp / f"g{n}", n, include=smaller)
        # the articles name concepts of the smallest glossary, which every larger one
        # contains, so every size finds the same things
        articles = tmp / "articles"
        planted = generate_articles(
            articles, all_concepts[sizes[0]], int(megabytes * 1e6), args.file_kb * 1024
        )
        log.write(f"generated {_tree_bytes(articles) / 1e6:.1f} MB of articles: {dict(planted)}\n")
        for n in sizes:
            env = dict(os.environ, GLOSADOR_CACHE_DIR=str(tmp / f"cache{n}"))
            env.pop("GLOSADOR_NO_CACHE", None)
            row = _run(["--child", str(tmp / f"g{n}"), str(articles), "cold"], env, 1200)
            row.update(_run(["--child", str(tmp / f"g{n}"), str(articles), "warm"], env, 1200))
            row["n"] = n
            rows.append(row)
            log.write(f"  {n} concepts: {json.dumps(row)}\n")
        naive = _run(
            [
                "--naive",
                str(tmp / f"g{sizes[-1]}"),
                str(articles),
                "--naive-budget",
                str(args.naive_budget),
            ],
            dict(os.environ, GLOSADOR_CACHE_DIR=str(tmp / f"cache{sizes[-1]}")),
            timeout=args.naive_budget * 4 + 600,
        )
        log.write(f"  naive: {json.dumps(naive)}\n")
        # a single check with the bundled glossary, as a user runs it
        article = tmp / "article.txt"
        bundled_article(article)
        env = dict(os.environ, GLOSADOR_CACHE_DIR=str(tmp / "cache-cli"))
        env.pop("GLOSADOR_NO_CACHE", None)
        # as a user's Python runs it: with its bytecode cache (a sandbox that sets
        # PYTHONDONTWRITEBYTECODE compiles glosador's source on every start, ~0.05 s)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        module = time_command([sys.executable, "-m", "glosador", "check", str(article)], env)
        script = shutil.which("glosador", path=str(Path(sys.executable).parent)) or shutil.which(
            "glosador"
        )
        console = time_command([script, "check", str(article)], env) if script else None
        words = len(article.read_text(encoding="utf-8").split())
    _print_table(rows, naive, module, console, words, planted)
    print(f"\nmachine reference: {machine_reference():.0f} ns per step of a pure-Python loop")
    return 0


def machine_reference(runs: int = 3) -> float:
    """Nanoseconds per step of a fixed pure-Python loop (best of ``runs``): how fast this
    machine runs Python today, so figures from different sessions can be compared (the
    same code has measured 1.6 x slower on one day's machine than on another's)."""
    steps = 5_000_000

    def once() -> float:
        start = time.perf_counter()
        total = 0
        for i in range(steps):
            total += i
        return time.perf_counter() - start

    return min(once() for _ in range(runs)) / steps * 1e9


def _print_table(
    rows: list[dict[str, object]],
    naive: dict[str, object],
    module: tuple[float, float],
    console: tuple[float, float] | None,
    words: int,
    planted: Counter[str],
) -> None:
    def f(row: dict[str, object], key: str) -> float:
        return float(row[key])  # type: ignore[arg-type]

    print("\nend to end (read, parse, segment, languages, match, rules, JSON), one process")
    header = (
        f"{'concepts':>9} {'forms':>7} {'load cold':>9} {'load warm':>9} {'compile':>8} "
        f"{'cached':>7} {'text MB/s':>9} {'md MB/s':>8} {'all MB/s':>8} {'check s':>8} "
        f"{'RSS MB':>7} {'cold RSS':>8}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        total_s = f(row, "plain_s") + f(row, "markdown_s")
        total_mb = (f(row, "plain_bytes") + f(row, "markdown_bytes")) / 1e6
        print(
            f"{row['n']:>9} {row['forms']:>7} {f(row, 'load_cold_s'):>9.2f} "
            f"{f(row, 'load_warm_s'):>9.2f} {f(row, 'compile_cold_s'):>8.2f} "
            f"{f(row, 'compile_cached_s'):>7.2f} "
            f"{f(row, 'plain_bytes') / 1e6 / f(row, 'plain_s'):>9.2f} "
            f"{f(row, 'markdown_bytes') / 1e6 / f(row, 'markdown_s'):>8.2f} "
            f"{total_mb / total_s:>8.2f} {total_s:>8.1f} {f(row, 'maxrss_mb'):>7.0f} "
            f"{f(row, 'cold_rss_mb'):>8.0f}"
        )
    first, last = rows[0], rows[-1]
    t_first = f(first, "plain_s") + f(first, "markdown_s")
    t_last = f(last, "plain_s") + f(last, "markdown_s")
    total_mb = (f(last, "plain_bytes") + f(last, "markdown_bytes")) / 1e6
    files = int(f(last, "plain_files") + f(last, "markdown_files"))
    print(f"\ntext: {total_mb:.1f} MB in {files} files; planted: {dict(planted)}")
    for row in rows:
        print(f"findings at {row['n']} concepts: {row['rules']}")
    print(f"document languages at {last['n']}: {last['plain_languages']} (plain), ", end="")
    print(f"{last['markdown_languages']} (markdown)")
    naive_mbs = f(naive, "scanned_mb") / f(naive, "seconds") if f(naive, "seconds") else 0.0
    print(
        f"\nnaive baseline ({naive['terms']} terms, one regex alternation): compile "
        f"{f(naive, 'compile_s'):.1f} s, scanned {f(naive, 'scanned_mb'):.3f} MB in "
        f"{f(naive, 'seconds'):.1f} s = {naive_mbs:.4f} MB/s"
    )
    glosador_mbs = total_mb / t_last
    ratio = glosador_mbs / naive_mbs if naive_mbs else float("inf")
    print(f"glosador at {last['n']} concepts: {glosador_mbs:.2f} MB/s = {ratio:,.0f} x the naive")
    print(f"\nsingle check of a {words}-word article with the bundled glossary (wall, start-up):")
    print(
        f"  python -m glosador check: first {module[0]:.3f} s, median of 5 after {module[1]:.3f} s"
    )
    if console:
        print(
            f"  glosador check (script):  first {console[0]:.3f} s, "
            f"median of 5 after {console[1]:.3f} s"
        )
    print("  (the first run fills the parse, compile and bytecode caches; later runs read them)")
    compile_cached = f(last, "compile_cached_s")
    checks = [
        (f"MB/s at {last['n']} >= 5 (aim 20)", glosador_mbs >= 5, f"{glosador_mbs:.2f}"),
        (f"time({last['n']}) <= 1.5 x time({first['n']})", t_last <= 1.5 * t_first,
         f"{t_last / t_first:.2f} x"),
        ("compile <= 1 s, cached", compile_cached <= 1, f"{compile_cached:.2f} s"),
        (
            "peak < 1 GB (checking; caches filled)",
            f(last, "maxrss_mb") < 1024,
            f"{f(last, 'maxrss_mb'):.0f} MB (cold load+compile: {f(last, 'cold_rss_mb'):.0f} MB)",
        ),
        ("single check < 0.3 s", module[1] < 0.3, f"{module[1]:.3f} s"),
    ]  # fmt: skip
    print("\ntargets:")
    for name, ok, value in checks:
        print(f"  {'OK    ' if ok else 'MISSED'} {name}: {value}")


if __name__ == "__main__":
    sys.exit(main())
