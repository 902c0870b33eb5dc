"""Glossary load benchmark: generate 1k/10k/100k-concept glossaries, time cold and warm loads.

Run ``python benchmarks/bench_load.py`` (``--quick`` for 1k/5k/20k). Every size runs in
its own subprocess so its peak RSS (VmHWM) is that size's. Each child:

1. cold load: ``load_glossary`` with an empty ``$GLOSADOR_CACHE_DIR`` (YAML parse + lint);
   a third process repeats it with ``tracemalloc`` for the peak of Python allocations;
2. warm load: a new process, ``load_glossary`` with the parse cache filled;
3. the peak RSS (VmHWM, else ``ru_maxrss``) of the child.

Target (issue 2): 100k concepts in under 3 s and 500 MB.

``generate_glossary(n, seed)`` is also used by ``bench_check.py``. The generated
glossary looks like a real one: Spanish and English full forms of 3-8 words built
from a bilingual institutional vocabulary plus place and person names (a Zipf-like
mix of common and rare words), accents, acronyms, admitted variants and deprecated
literal translations. Every form is unique in its language (GL003), so the
glossary is valid.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

# -- vocabulary (our own; a bilingual institutional lexicon) -------------------------

HEADS = [
    ("Comisión", "Commission"),
    ("Consejo", "Council"),
    ("Tribunal", "Court"),
    ("Fundación", "Foundation"),
    ("Asociación", "Association"),
    ("Instituto", "Institute"),
    ("Observatorio", "Observatory"),
    ("Comité", "Committee"),
    ("Frente", "Front"),
    ("Movimiento", "Movement"),
    ("Red", "Network"),
    ("Centro", "Centre"),
    ("Coordinadora", "Coordinating Board"),
    ("Federación", "Federation"),
    ("Unión", "Union"),
    ("Colectivo", "Collective"),
    ("Alianza", "Alliance"),
    ("Oficina", "Office"),
    ("Defensoría", "Ombudsman"),
    ("Fiscalía", "Prosecutor's Office"),
    ("Secretaría", "Secretariat"),
    ("Junta", "Board"),
    ("Sindicato", "Union of Workers"),
    ("Agencia", "Agency"),
    ("Plataforma", "Platform"),
]
ADJECTIVES = [
    ("Nacional", "National"),
    ("Regional", "Regional"),
    ("Municipal", "Municipal"),
    ("Popular", "Popular"),
    ("Independiente", "Independent"),
    ("Permanente", "Permanent"),
    ("Democrática", "Democratic"),
    ("Ciudadana", "Citizens'"),
    ("Especial", "Special"),
    ("Superior", "Higher"),
    ("Electoral", "Electoral"),
    ("Autónoma", "Autonomous"),
    ("Pública", "Public"),
    ("Técnica", "Technical"),
    ("Jurídica", "Legal"),
]
TOPICS = [
    ("Derechos Humanos", "Human Rights"),
    ("Víctimas", "Victims"),
    ("Presos Políticos", "Political Prisoners"),
    ("Justicia", "Justice"),
    ("Memoria Histórica", "Historical Memory"),
    ("Libertad de Expresión", "Freedom of Expression"),
    ("Periodistas", "Journalists"),
    ("Defensa de la Constitución", "Defence of the Constitution"),
    ("Pueblos Indígenas", "Indigenous Peoples"),
    ("Migrantes", "Migrants"),
    ("Trabajadores Petroleros", "Oil Workers"),
    ("Educación Rural", "Rural Education"),
    ("Salud Pública", "Public Health"),
    ("Vivienda Digna", "Decent Housing"),
    ("Transparencia Electoral", "Electoral Transparency"),
    ("Mujeres Campesinas", "Peasant Women"),
    ("Madres Buscadoras", "Searching Mothers"),
    ("Acceso a la Información", "Access to Information"),
    ("Reforma Agraria", "Agrarian Reform"),
    ("Paz y Reconciliación", "Peace and Reconciliation"),
    ("Desaparecidos", "the Disappeared"),
    ("Estudiantes Universitarios", "University Students"),
    ("Economía Solidaria", "Solidarity Economy"),
    ("Ambiente", "the Environment"),
    ("Cultura", "Culture"),
]
DEPRECATED_HEADS = {  # literal or calqued renderings that glossaries mark deprecated
    "Commission": "Comission",
    "Council": "Counsel",
    "Court": "Tribunal",
    "Foundation": "Fundation",
    "Committee": "Comittee",
    "Office": "Bureau",
    "Ombudsman": "Defensory",
    "Prosecutor's Office": "Fiscal Office",
    "Board": "Junta",
}
_SYLLABLES = [
    "ma",
    "ra",
    "lo",
    "ve",
    "ca",
    "ta",
    "pe",
    "ño",
    "la",
    "ri",
    "me",
    "sa",
    "to",
    "ba",
    "na",
    "do",
    "gu",
    "ti",
    "ro",
    "za",
    "ju",
    "be",
    "li",
    "co",
    "que",
    "al",
    "mon",
    "tal",
    "ver",
    "gar",
    "zu",
    "ay",
    "cor",
    "can",
    "sol",
    "mar",
    "val",
    "fer",
    "del",
    "bre",
    "ga",
    "ro",
    "ya",
]
_ACCENTED = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}


def _name(rng: random.Random) -> str:
    """An invented place or family name: 2-4 syllables, sometimes with an accent or ñ."""
    parts = [rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 2, 3, 3, 4)))]
    word = "".join(parts)
    if rng.random() < 0.3:
        vowels = [i for i, c in enumerate(word) if c in _ACCENTED]
        if vowels:
            i = vowels[-1] if rng.random() < 0.7 else rng.choice(vowels)
            word = word[:i] + _ACCENTED[word[i]] + word[i + 1 :]
    return word.capitalize()


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", text.lower())
    kept = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(kept.split())


@dataclass
class GenConcept:
    """One generated concept, with the forms the article generator plants."""

    id: str
    es: str
    en: str
    es_words: list[str]  #: capitalised content words of the Spanish form
    en_words: list[str]
    head: tuple[str, str] = ("", "")  #: the Spanish and English head nouns
    acronym: str | None = None
    admitted_en: str | None = None
    deprecated_en: str | None = None
    extra: list[str] = field(default_factory=list)


def generate_concepts(
    n: int, seed: int = 1, include: Sequence[GenConcept] = ()
) -> list[GenConcept]:
    """``n`` concepts with unique forms per language (by folded text).

    ``include``: concepts to start with (a smaller generated glossary), so that a
    larger glossary contains every concept of a smaller one.
    """
    rng = random.Random(seed * 1_000_003 + n)
    pool = [_name(rng) for _ in range(max(200, n // 3))]  # each name in ~3 concepts on average
    taken: dict[str, set[str]] = {"es": set(), "en": set()}
    acronyms: set[str] = set()
    concepts: list[GenConcept] = list(include[:n])
    for c in concepts:
        taken["es"].add(_fold(c.es))
        taken["en"].update(_fold(t) for t in (c.en, c.admitted_en, c.deprecated_en) if t)
        if c.acronym:
            acronyms.add(c.acronym)
    attempt = 0
    while len(concepts) < n:
        attempt += 1
        head_es, head_en = rng.choice(HEADS)
        adj = rng.choice(ADJECTIVES) if rng.random() < 0.6 else None
        topic = rng.choice(TOPICS) if rng.random() < 0.85 else None
        places = [rng.choice(pool)] + ([rng.choice(pool)] if rng.random() < 0.2 else [])
        place = " ".join(places)
        es_parts = [head_es] + ([adj[0]] if adj else [])
        en_parts = ([adj[1]] if adj else []) + [head_en]
        if topic:
            es_parts += ["de", topic[0]]
            en_parts += ["for" if rng.random() < 0.5 else "of", topic[1]]
        es_parts += ["de", place]
        en_parts += ["of", place]
        es, en = " ".join(es_parts), " ".join(en_parts)
        words = len(es.split())
        if not 3 <= words <= 8:
            continue
        kes, ken = _fold(es), _fold(en)
        if kes in taken["es"] or ken in taken["en"] or kes == ken:
            continue
        taken["es"].add(kes)
        taken["en"].add(ken)
        concept = GenConcept(
            id=f"c{len(concepts):06d}",
            es=es,
            en=en,
            es_words=[w for w in es.split() if w[:1].isupper()],
            en_words=[w for w in en.split() if w[:1].isupper()],
            head=(head_es, head_en),
        )
        r = rng.random()
        if r < 0.3:
            letters = "".join(w[0] for w in es.split() if w[:1].isupper()).upper()
            letters = _fold(letters).upper().replace(" ", "")
            if len(letters) >= 3 and letters not in acronyms and letters.lower() not in taken["es"]:
                acronyms.add(letters)
                concept.acronym = letters
        if rng.random() < 0.15 and adj:  # admitted English variant: "Commission National ..."
            variant = en.replace(f"{adj[1]} {head_en}", f"{head_en} {adj[1]}", 1)
            if _fold(variant) not in taken["en"] and variant != en:
                taken["en"].add(_fold(variant))
                concept.admitted_en = variant
        if rng.random() < 0.12 and head_en in DEPRECATED_HEADS:
            wrong = en.replace(head_en, DEPRECATED_HEADS[head_en], 1)
            if _fold(wrong) not in taken["en"]:
                taken["en"].add(_fold(wrong))
                concept.deprecated_en = wrong
        concepts.append(concept)
    return concepts


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars


def glossary_yaml(concepts: list[GenConcept]) -> str:
    out = ["# generated by benchmarks/bench_load.py", "source_language: es", "concepts:"]
    for c in concepts:
        out.append(f"  - id: {c.id}")
        out.append("    subject: organization")
        out.append("    terms:")
        out.append("      es:")
        out.append(f"        - {_q(c.es)}")
        if c.acronym:
            out.append(f"        - term: {_q(c.acronym)}")
            out.append("          type: acronym")
        out.append("      en:")
        out.append(f"        - {_q(c.en)}")
        if c.admitted_en:
            out.append(f"        - term: {_q(c.admitted_en)}")
            out.append("          status: admitted")
        if c.deprecated_en:
            out.append(f"        - term: {_q(c.deprecated_en)}")
            out.append("          status: deprecated")
        if c.acronym:
            out.append(f"        - term: {_q(c.acronym)}")
            out.append("          type: acronym")
    return "\n".join(out) + "\n"


def generate_glossary(
    folder: Path, n: int, seed: int = 1, include: Sequence[GenConcept] = ()
) -> list[GenConcept]:
    """Write a ``n``-concept glossary as ``folder/generated.yaml``; returns its concepts."""
    concepts = generate_concepts(n, seed, include)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "generated.yaml").write_text(glossary_yaml(concepts), encoding="utf-8")
    return concepts


# -- measuring -------------------------------------------------------------------------


def maxrss_mb() -> float:
    """This process's peak resident memory in MB.

    ``VmHWM`` where there is ``/proc``: Linux keeps ``ru_maxrss`` across fork and exec,
    so a child would report its parent's peak when that is higher.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def child(folder: str, traced: bool) -> None:
    """Load once in this (fresh) process; prints one JSON line.

    Imports happen before the clock starts, as they would for any command.
    """
    import tracemalloc

    import glosador.lint
    import glosador.rules  # noqa: F401
    from glosador import load_glossary

    if traced:
        tracemalloc.start()
    start = time.perf_counter()
    glossary = load_glossary(folder)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if traced else 0
    print(
        json.dumps(
            {
                "concepts": len(glossary),
                "terms": sum(1 for c in glossary for _ in c.all_terms()),
                "seconds": elapsed,
                "traced_peak_mb": peak / 1e6,
                "maxrss_mb": maxrss_mb(),
            }
        )
    )


def _run_child(folder: Path, cache: Path, traced: bool = False) -> dict[str, float]:
    env = dict(os.environ, GLOSADOR_CACHE_DIR=str(cache))
    env.pop("GLOSADOR_NO_CACHE", None)
    command = [sys.executable, __file__, "--child", str(folder)]
    done = subprocess.run(
        command + (["--traced"] if traced else []),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(1)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="sizes 1k, 5k, 20k")
    parser.add_argument("--sizes", help="comma-separated concept counts (overrides --quick)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.traced)
        return 0
    if args.sizes:
        sizes = [int(s) for s in args.sizes.split(",")]
    else:
        sizes = [1000, 5000, 20000] if args.quick else [1000, 10000, 100000]
    rows = []
    with tempfile.TemporaryDirectory(prefix="glosador-bench-load-") as tmp:
        for n in sizes:
            folder = Path(tmp) / f"g{n}"
            start = time.perf_counter()
            generate_glossary(folder, n)
            generated = time.perf_counter() - start
            size_mb = (folder / "generated.yaml").stat().st_size / 1e6
            cache = Path(tmp) / f"cache{n}"
            cold = _run_child(folder, cache)  # empty cache: parse, fill the cache
            warm = _run_child(folder, cache)  # cache filled
            traced = _run_child(folder, Path(tmp) / f"cache{n}-traced", traced=True)
            rows.append(
                {
                    "n": n,
                    "concepts": cold["concepts"],
                    "terms": cold["terms"],
                    "size_mb": size_mb,
                    "generated_s": generated,
                    "cold_s": cold["seconds"],
                    "warm_s": warm["seconds"],
                    "maxrss_cold_mb": cold["maxrss_mb"],
                    "maxrss_warm_mb": warm["maxrss_mb"],
                    "traced_peak_mb": traced["traced_peak_mb"],
                }
            )
            sys.stderr.write(f"  {n} concepts done\n")
    header = (
        f"{'concepts':>9} {'terms':>7} {'YAML MB':>8} {'cold s':>7} {'warm s':>7} "
        f"{'rss cold MB':>12} {'rss warm MB':>12} {'traced MB':>10}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        print(
            f"{r['concepts']:>9} {r['terms']:>7} {r['size_mb']:>8.1f} {r['cold_s']:>7.2f} "
            f"{r['warm_s']:>7.2f} {r['maxrss_cold_mb']:>12.0f} {r['maxrss_warm_mb']:>12.0f} "
            f"{r['traced_peak_mb']:>10.0f}"
        )
    big = rows[-1]
    peak = max(big["maxrss_cold_mb"], big["maxrss_warm_mb"])
    ok = big["cold_s"] < 3 and peak < 500
    print(
        f"\ntarget (100k concepts: < 3 s, < 500 MB): {big['concepts']} concepts "
        f"cold {big['cold_s']:.2f} s, warm {big['warm_s']:.2f} s, peak {peak:.0f} MB "
        f"-> {'OK' if ok else 'MISSED'}"
    )
    print(
        "cold = empty cache folder (YAML parse + lint + merge, fills the cache); "
        "warm = new process, cache filled;\nrss = peak RSS (VmHWM) of that child process "
        "(interpreter and imports included); traced = tracemalloc peak of a cold load"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
