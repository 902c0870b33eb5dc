from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test gets its own cache folder, so no test sees another's cache."""
    monkeypatch.setenv("GLOSADOR_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def write_glossary(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write YAML text into a fresh glossary folder and return the folder."""

    def write(text: str, name: str = "g.yaml") -> Path:
        folder = tmp_path / "glossary"
        folder.mkdir(exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
        return folder

    return write


def corpus_dir() -> Path | None:
    """The shared corpus: $GLOSADOR_CORPUS or ../shared/corpus beside the checkout."""
    env = os.environ.get("GLOSADOR_CORPUS")
    candidates = [Path(env)] if env else []
    candidates.append(ROOT.parent / "shared" / "corpus")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus; skips without it, fails without it under CI=true."""
    found = corpus_dir()
    if found is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("the shared corpus is missing (set GLOSADOR_CORPUS or put shared/ beside)")
        pytest.skip("the shared corpus is not available")
    return found
