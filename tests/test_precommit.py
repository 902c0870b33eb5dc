"""The real pre-commit framework runs the ``glosador`` hook of this checkout.

The hook is installed from this repository at its committed HEAD (a ``repo:`` path
and ``rev:``), so the test works from a fresh clone. pre-commit builds a virtual
environment for it (30-60 s); ``PRE_COMMIT_HOME`` is a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOOK = ROOT / "tests" / "fixtures" / "hook"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _pre_commit() -> list[str]:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        _unavailable("pre-commit is not installed")
    return [sys.executable, "-m", "pre_commit"]


def _git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    clean.update(
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
        GIT_CONFIG_NOSYSTEM="1",
        NO_COLOR="1",
    )
    clean.pop("GLOSADOR_CACHE_DIR", None)
    clean["GLOSADOR_CACHE_DIR"] = str(tmp_path / "glosador-cache")
    return clean


def test_manifest_is_valid() -> None:
    done = subprocess.run(
        [*_pre_commit(), "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_hook_fails_on_a_mixed_rendering_and_passes_when_clean(
    tmp_path: Path, env: dict[str, str]
) -> None:
    command = _pre_commit()
    if shutil.which("git") is None:
        _unavailable("git is not installed")
    try:
        rev = _git("rev-parse", "HEAD", cwd=ROOT, env=env)
        committed = _git("ls-tree", "--name-only", rev, ".pre-commit-hooks.yaml", cwd=ROOT, env=env)
    except subprocess.CalledProcessError:
        _unavailable("this checkout is not a git repository")
    if not committed:
        _unavailable(".pre-commit-hooks.yaml is not committed yet")
    site = tmp_path / "site"
    site.mkdir()
    _git("init", "-q", cwd=site, env=env)
    shutil.copytree(HOOK / "glossary", site / "glossary")
    (site / "glosador.toml").write_text(
        'glossary = ["glossary"]\nexclude = ["glossary/", "*.toml", "*.yaml"]\n', encoding="utf-8"
    )
    (site / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: glosador\n",
        encoding="utf-8",
    )
    (site / "mixed.md").write_text(
        (HOOK / "mixed.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (site / "clean.md").write_text(
        (HOOK / "clean.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    _git("add", ".", cwd=site, env=env)

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, "run", "--all-files", "--color", "never"],
            cwd=site,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )

    failing = run()
    output = failing.stdout + failing.stderr
    assert failing.returncode == 1, output
    assert "check terminology consistency" in output and "Failed" in output
    assert "mixed.md:3:33: GL101 [mixed-rendering]" in output
    assert "clean.md" not in output

    (site / "mixed.md").write_text(
        (HOOK / "clean.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    _git("add", ".", cwd=site, env=env)
    passing = run()
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout
