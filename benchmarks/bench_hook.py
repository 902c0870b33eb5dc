"""Lint-hook benchmark: ``glosador check`` on many generated articles, as CI runs it.

Run ``python benchmarks/bench_hook.py`` (``--articles 200`` for a quick run). It
generates articles of about 1,000 words each in a temporary folder: English prose
from a small vocabulary of our own, with the bundled glossary's English names,
some Spanish glosses in parentheses, and a few mistakes (half-translated glosses,
deprecated terms). Then, each in a fresh process with a warm glossary cache:

1. start-up: ``glosador check`` on one small file (median of several runs) and a
   bare ``python -c "import glosador"`` for comparison; target under 0.3 s;
2. wall time of ``glosador check --jobs 1`` and ``--jobs 2`` on every article
   (the outputs must be identical);
3. per-file cost: (wall time with ``--jobs 1`` - start-up) / articles.

Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_VOCABULARY = (
    "the a of and to in on for with by from at as that this it was were is are has had "
    "have been will would said says after before during while since new old local "
    "national regional public private government committee members report reports "
    "reported official officials people relatives families prisoners lawyers court "
    "hearing city country state week month year today yesterday morning evening "
    "statement meeting agreement decision release released arrest arrested detained "
    "rights human political policy election elections vote voted campaign protest "
    "protests march street streets water river bridge school hospital market price "
    "prices budget money workers union strike press journalists newspaper radio "
    "television interview question answer history memory justice truth peace"
)
WORDS = _VOCABULARY.split()


def glossary_names() -> list[tuple[str, str]]:
    """(English, Spanish) preferred full forms of the bundled glossary."""
    import glosador

    names = []
    for concept in glosador.load_glossary():
        en, es = concept.preferred("en"), concept.preferred("es")
        if en is not None and es is not None and en.term != es.term:
            names.append((en.term, es.term))
    return names


def article(rng: random.Random, names: list[tuple[str, str]], words: int = 1000) -> str:
    out: list[str] = [f"# Report {rng.randrange(10_000)}", ""]
    count = 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            body = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
            if rng.random() < 0.35:
                en, es = rng.choice(names)
                roll = rng.random()
                if roll < 0.05:  # a half-translated gloss
                    es_words = es.split()
                    es_words[-1] = en.split()[-1]
                    mention = f"{en} ({' '.join(es_words)})"
                elif roll < 0.4:
                    mention = f"{en} ({es})"
                else:
                    mention = en
                body.insert(rng.randrange(len(body)), mention)
            sentence = " ".join(body)
            sentences.append(sentence[0].upper() + sentence[1:] + ".")
            count += len(sentence.split())
        out.append(" ".join(sentences))
        out.append("")
    return "\n".join(out)


def timed(command: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr}")
    return elapsed, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5, help="start-up runs (median)")
    args = parser.parse_args()

    glosador = [sys.executable, "-m", "glosador"]
    rng = random.Random(20260116)
    names = glossary_names()
    with tempfile.TemporaryDirectory(prefix="glosador-bench-") as tmp:
        root = Path(tmp)
        folder = root / "articles"
        folder.mkdir()
        total_words = 0
        for i in range(args.articles):
            text = article(rng, names, args.words)
            total_words += len(text.split())
            (folder / f"a{i:04}.md").write_text(text, encoding="utf-8")
        small = root / "small.md"
        small.write_text("# Note\n\nThe Foro Penal counted the prisoners.\n", encoding="utf-8")
        print(f"articles: {args.articles} x ~{total_words // max(args.articles, 1)} words")
        print(f"glossary: bundled, {len(names)} bilingual concepts; CPUs: {os.cpu_count()}")

        timed([*glosador, "check", str(small)], root)  # warm the caches
        startup = statistics.median(
            timed([*glosador, "check", str(small)], root)[0] for _ in range(args.runs)
        )
        bare = statistics.median(
            timed([sys.executable, "-c", "import glosador"], root)[0] for _ in range(args.runs)
        )
        print(f"start-up, glosador check on one small file: {startup:.3f} s (target < 0.3 s)")
        print(f"  of which python + import glosador: {bare:.3f} s")

        outputs = {}
        walls = {}
        for jobs in (1, 2):
            command = [*glosador, "check", "--no-progress", "--jobs", str(jobs), "articles"]
            walls[jobs], outputs[jobs] = timed(command, root)
            print(
                f"--jobs {jobs}: {walls[jobs]:.2f} s wall, "
                f"{args.articles / walls[jobs]:.0f} articles/s"
            )
        per_file = (walls[1] - startup) / max(args.articles, 1)
        print(f"per-file cost (jobs 1, start-up excluded): {per_file * 1000:.1f} ms")
        print(f"speed-up with 2 jobs: {walls[1] / walls[2]:.2f}x")
        print(f"identical output: {outputs[1] == outputs[2]}")
        summary = outputs[1].strip().splitlines()[-1] if outputs[1].strip() else ""
        print(f"report: {summary}")


if __name__ == "__main__":
    main()
