from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import glosador

ROOT = Path(__file__).resolve().parents[1]


def test_version_matches_metadata() -> None:
    assert importlib.metadata.version("glosador") == glosador.__version__


def test_py_typed_ships() -> None:
    assert (Path(glosador.__file__).parent / "py.typed").is_file()


def test_all_names_resolve() -> None:
    for name in glosador.__all__:
        assert hasattr(glosador, name), name


def _run(*cmd: str | Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kwargs)  # type: ignore[call-overload]
    assert done.returncode == 0, f"{cmd} failed:\n{done.stdout}\n{done.stderr}"
    return done  # type: ignore[no-any-return]


def test_wheel_ships_the_glossary_and_works_from_a_fresh_venv(tmp_path: Path) -> None:
    """Build the real wheel, install it in a new venv, load the bundled glossary elsewhere."""
    wheels = tmp_path / "wheels"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, ROOT)
    (wheel,) = wheels.glob("glosador-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    bundled = sorted(n for n in names if n.startswith("glosador/_bundled/") and n.endswith(".yaml"))
    in_repo = sorted(p.name for p in (ROOT / "glossary").glob("*.yaml"))
    assert [n.rsplit("/", 1)[1] for n in bundled] == in_repo
    assert "glosador/py.typed" in names
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    _run(python, "-m", "pip", "install", "-q", wheel)
    code = "import glosador; g = glosador.load_glossary(); print(len(g), glosador.__file__)"
    env = {**os.environ, "PYTHONPATH": ""}
    done = _run(python, "-c", code, cwd=tmp_path, env=env)
    count, where = done.stdout.split()
    assert int(count) == len(glosador.load_glossary())
    assert str(venv) in where
