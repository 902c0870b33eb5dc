"""Catalog figures: build and check for a generated 100k-concept glossary; reading git-es.po.

A script, not a test: ``python benchmarks/bench_catalog.py [--concepts N]``.
Peak memory is the process's maximum resident set size (``ru_maxrss``).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from glosador.catalog import build_catalogs, check_catalogs, compile_catalogs
from glosador.model import Concept, Glossary, Status, Term, TermType
from glosador.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]


def generated(count: int) -> Glossary:
    concepts = {}
    for i in range(count):
        cid = f"concept-{i}"
        path = f"glossary/generated-{i // 10_000}.yaml"
        terms = {
            "es": (
                Term(f"Comisión Nacional número {i} de Derechos Humanos", "es", path=path, line=i),
                Term(f"CNDH{i}", "es", Status.ADMITTED, TermType.ACRONYM, True, path=path),
            ),
            "en": (
                Term(f"National Human Rights Commission number {i}", "en", path=path, line=i),
                Term(f"Human Rights Commission {i}", "en", Status.ADMITTED, path=path),
            ),
        }
        concepts[cid] = Concept(
            cid,
            terms,
            subject="institution",
            definition=f"A generated concept number {i} with a definition long enough to matter.",
            path=path,
            line=i * 12 + 4,
        )
    return Glossary(concepts)


def peak_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def timed(label: str, func):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = func()
    print(f"{label:<44} {time.perf_counter() - start:8.2f} s   peak RSS {peak_mb():7.0f} MB")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--concepts", type=int, default=100_000)
    args = parser.parse_args()
    print(
        f"python {sys.version.split()[0]}, {args.concepts} concepts; start RSS {peak_mb():.0f} MB"
    )
    glossary = timed("generate glossary (model objects)", lambda: generated(args.concepts))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "locales"
        result = timed(
            "catalog build (.pot, en .po, en .mo)", lambda: build_catalogs(glossary, out)
        )
        sizes = {p.name: p.stat().st_size for p in result.written}
        print(f"{'':<44} files: " + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sizes.items()))
        timed("catalog build again (all unchanged)", lambda: build_catalogs(glossary, out))
        check = timed("catalog check (in sync)", lambda: check_catalogs(glossary, out))
        assert check.in_sync
        mo = out / "en" / "LC_MESSAGES" / "glossary.mo"
        mo.unlink()
        timed("catalog compile (en .po -> .mo)", lambda: compile_catalogs([out]))
    corpus = Path(os.environ.get("GLOSADOR_CORPUS", ROOT.parent / "shared" / "corpus"))
    git_es = corpus / "real" / "po" / "git-es.po"
    if git_es.is_file():
        po = timed("read git-es.po (polib + line numbers)", lambda: read_po(git_es))
        print(f"{'':<44} {len(po)} entries")
        try:
            import glosador

            check_catalog = getattr(glosador, "check_catalog", None)
        except ImportError:  # pragma: no cover
            check_catalog = None
        if check_catalog is not None:
            bundled = glosador.load_glossary()
            report = timed(
                "check git-es.po against the bundled glossary",
                lambda: check_catalog(git_es, bundled),
            )
            print(f"{'':<44} {len(report.findings)} findings")
        else:
            print("check git-es.po: glosador.check_catalog not available yet")
    else:
        print(f"git-es.po not found under {corpus}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
