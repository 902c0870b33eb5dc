"""The lint hook against the shared material: the seed article (fixed in a temp copy,
never copied into the project) and the SARIF 2.1.0 JSON schema (read in place)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, corpus_dir
from glosador.cli import main

SEED = "000_d494b4d8bbc00a13.txt"


def _shared(*parts: str) -> Path:
    corpus = corpus_dir()
    path = corpus.parent.joinpath(*parts) if corpus is not None else None
    if path is None or not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the shared folder is missing ({'/'.join(parts)}; set GLOSADOR_CORPUS)")
        pytest.skip("the shared folder is not here (set GLOSADOR_CORPUS)")
    return path


def test_fix_seed_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = _shared("corpus", "seeds", SEED)
    monkeypatch.chdir(tmp_path)
    copy = tmp_path / SEED
    shutil.copyfile(seed, copy)
    before = copy.read_bytes()
    assert b"(Memoria, Justice and Democracy)" in before
    assert main(["check", "--no-progress", SEED]) == 1
    assert "GL101" in capsys.readouterr().out
    main(["check", "--no-progress", "--fix", SEED])
    capsys.readouterr()
    after = copy.read_text(encoding="utf-8")
    assert "especially on Memory, Justice and Democracy (Memoria, Justicia y Democracia)" in after
    assert main(["check", "--no-progress", "--format", "json", SEED]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []
    # only the parenthetical changed, and a second --fix changes nothing
    assert after.encode() == before.replace(
        b"(Memoria, Justice and Democracy)", b"(Memoria, Justicia y Democracia)"
    )
    mtime = copy.stat().st_mtime_ns
    main(["check", "--no-progress", "--fix", SEED])
    assert copy.stat().st_mtime_ns == mtime


def test_sarif_validates_against_the_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(_shared("schemas", "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    hook = FIXTURES / "hook"
    Path("mixed.md").write_text((hook / "mixed.md").read_text(encoding="utf-8"), encoding="utf-8")
    Path("gloss.txt").write_text(
        "# glosador: ignore[GL105]\nThe National Council of Rivers (Liga de Lectores Independientes) met.\n",
        encoding="utf-8",
    )
    main(["check", "--glossary", str(hook / "glossary"), "--format", "sarif", "."])
    sarif = json.loads(capsys.readouterr().out)
    results = sarif["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"GL101", "GL103", "GL107", "GL109"}
    validator = jsonschema.validators.validator_for(schema)(schema)  # draft-04
    errors = sorted(validator.iter_errors(sarif), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    # an empty run validates too
    Path("mixed.md").unlink()
    Path("gloss.txt").unlink()
    main(["check", "--glossary", str(hook / "glossary"), "--format", "sarif", "."])
    validator.validate(json.loads(capsys.readouterr().out))
