"""Benchmark TBX import and export: time and peak memory.

    python benchmarks/bench_exchange.py [--concepts 100000] [--big-mb 200] [--keep DIR]

1. Export: a generated glossary of N concepts (es + en, acronyms, a definition,
   a subject) written as TBX-Basic v3 with ``write_tbx``.
2. Import: that file read back with ``read_tbx`` (all concepts kept in memory),
   and with ``glosador glossary import FILE --into NEW.yaml`` (streaming).
3. Streaming: a generated TBX of ``--big-mb`` megabytes read with ``TbxReader``
   (concepts consumed, not kept), and imported into a new YAML file.

Every measurement runs in a fresh Python process; "peak" is the growth of the
process's peak resident set size (``VmHWM``) over its size after imports,
so it counts lxml's C memory as well as Python objects.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

NS = "urn:iso:std:iso:30042:ed-2"


def _rss() -> int:
    """The process's peak resident set size (VmHWM; ``ru_maxrss`` survives fork and exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def generate_concepts(count: int) -> Iterator[object]:
    from glosador.model import Concept, Status, Term, TermType

    for i in range(count):
        yield Concept(
            f"concepto-{i}",
            {
                "es": (
                    Term(f"Comité número {i} de derechos humanos", "es"),
                    Term(f"CDH{i}", "es", Status.ADMITTED, TermType.ACRONYM, True),
                ),
                "en": (
                    Term(f"Human Rights Committee number {i}", "en"),
                    Term(f"HRC{i}", "en", Status.ADMITTED, TermType.ACRONYM, True),
                ),
            },
            subject=f"organization {i % 50}",
            definition=f"Generated concept {i}: a committee & its acronym <test>.",
        )


def write_big_tbx(path: Path, megabytes: int) -> int:
    """A TBX-Basic file of about ``megabytes`` MB, written streaming; returns concepts."""
    target = megabytes * 1_000_000
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(f'<tbx type="TBX-Basic" style="dca" xml:lang="es" xmlns="{NS}">\n')
        out.write(
            "<tbxHeader><fileDesc><sourceDesc><p>bench</p></sourceDesc></fileDesc></tbxHeader>\n<text><body>\n"
        )
        while out.tell() < target:
            chunk = []
            for _ in range(1000):
                i = count
                count += 1
                chunk.append(
                    f'<conceptEntry id="c{i}"><descrip type="subjectField">tema {i % 97}</descrip>'
                    '<descrip type="definition">'
                    f"Definición número {i} del concepto, con acentos.</descrip>"
                    f'<langSec xml:lang="es"><termSec><term>Término número {i}</term>'
                    '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>'
                    '<termNote type="partOfSpeech">noun</termNote></termSec>'
                    f"<termSec><term>TN{i}</term>"
                    '<termNote type="termType">acronym</termNote></termSec>'
                    f'</langSec><langSec xml:lang="en"><termSec><term>Term number {i}</term>'
                    "</termSec></langSec></conceptEntry>\n"
                )
            out.write("".join(chunk))
        out.write("</body></text></tbx>\n")
    return count


# -- children: each runs in its own process ---------------------------------------


def child_export(path: str, count: int) -> dict[str, float]:
    from glosador.exchange.tbx import write_tbx

    concepts = list(generate_concepts(count))
    base = _rss()
    start = time.perf_counter()
    with open(path, "w", encoding="utf-8") as out:
        write_tbx(concepts, out, source_language="es")
    return {"seconds": time.perf_counter() - start, "peak_bytes": _rss() - base}


def child_read(path: str) -> dict[str, float]:
    from glosador.exchange.tbx import read_tbx

    base = _rss()
    start = time.perf_counter()
    with open(path, "rb") as handle:
        result = read_tbx(handle, path)
    return {
        "seconds": time.perf_counter() - start,
        "peak_bytes": _rss() - base,
        "concepts": len(result.concepts),
    }


def child_stream(path: str) -> dict[str, float]:
    from glosador.exchange.tbx import TbxReader

    base = _rss()
    start = time.perf_counter()
    count = 0
    with open(path, "rb") as handle:
        for _concept in TbxReader(handle, path):
            count += 1
    return {"seconds": time.perf_counter() - start, "peak_bytes": _rss() - base, "concepts": count}


def child_cli(path: str, into: str) -> dict[str, float]:
    from glosador.cli import main

    base = _rss()
    start = time.perf_counter()
    code = main(["glossary", "import", "-q", path, "--into", into])
    return {
        "seconds": time.perf_counter() - start,
        "peak_bytes": _rss() - base,
        "exit": code,
        "yaml_bytes": os.path.getsize(into),
    }


CHILDREN = {"export": child_export, "read": child_read, "stream": child_stream, "cli": child_cli}


def run_child(name: str, *args: object) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", name, *map(str, args)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _mb(value: float) -> str:
    return f"{value / 1_000_000:8.1f} MB"


def report(title: str, figures: dict[str, float], size: int | None = None) -> None:
    line = f"{title:<46} {figures['seconds']:7.2f} s   peak +{_mb(figures['peak_bytes'])}"
    if size:
        line += f"   ({figures['peak_bytes'] / size:5.1%} of the file)"
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concepts", type=int, default=100_000)
    parser.add_argument("--big-mb", type=int, default=200)
    parser.add_argument("--keep", help="folder for the generated files (default: a temp folder)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        name, *rest = args.child
        function = CHILDREN[name]
        values = [int(v) if v.isdigit() else v for v in rest]
        print(json.dumps(function(*values)))
        return
    folder = Path(args.keep or tempfile.mkdtemp(prefix="glosador-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"python {sys.version.split()[0]}, files in {folder}")

    tbx = folder / f"generated-{args.concepts}.tbx"
    figures = run_child("export", tbx, args.concepts)
    size = tbx.stat().st_size
    print(f"\n{args.concepts} concepts, 4 terms each; TBX file {_mb(size).strip()}")
    report("export (write_tbx, TBX-Basic DCA)", figures)
    report("import (read_tbx, all concepts kept)", run_child("read", tbx), size)
    report("import (TbxReader, streaming, none kept)", run_child("stream", tbx), size)
    cli = run_child("cli", tbx, folder / "imported.yaml")
    report("glosador glossary import --into new.yaml", cli, size)

    big = folder / f"big-{args.big_mb}mb.tbx"
    count = write_big_tbx(big, args.big_mb)
    size = big.stat().st_size
    print(f"\nstreaming: {count} concepts, TBX file {_mb(size).strip()}")
    stream = run_child("stream", big)
    report("import (TbxReader, streaming, none kept)", stream, size)
    cli = run_child("cli", big, folder / "big.yaml")
    report("glosador glossary import --into new.yaml", cli, size)
    print(f"{'':<46} YAML written: {_mb(cli['yaml_bytes']).strip()}")
    if not args.keep:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
