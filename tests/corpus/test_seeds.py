"""Acceptance on the seed articles and the annotated development set, bundled glossary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import glosador
from glosador.check import check_paths
from glosador.cli import main


def test_seed_000_reports_exactly_the_half_translated_gloss(corpus: Path) -> None:
    report = check_paths([corpus / "seeds" / "000_d494b4d8bbc00a13.txt"])
    (finding,) = report.findings
    assert finding.rule == "GL101"
    assert finding.text == "Memoria, Justice and Democracy"
    assert finding.suggestions[0] == "Memoria, Justicia y Democracia"
    assert finding.concept == "memoria-justicia-democracia"
    assert finding.language == "es"


def test_seed_001_reports_nothing(corpus: Path) -> None:
    assert check_paths([corpus / "seeds" / "001_930c02a8a9c51ca6.txt"]).findings == ()


def test_seed_000_through_the_cli(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = corpus / "seeds" / "000_d494b4d8bbc00a13.txt"
    assert main(["check", "--format", "json", str(path)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["summary"] == {"files": 1, "findings": 1, "errors": 1, "warnings": 0, "infos": 0}
    finding = data["findings"][0]
    lines = path.read_text(encoding="utf-8").splitlines()
    line = lines[finding["line"] - 1]
    assert line[finding["column"] - 1 : finding["end_column"] - 1] == finding["text"]


def _expected(corpus: Path) -> dict[str, list[dict[str, str]]]:
    data = json.loads((corpus / "dev" / "expected.json").read_text(encoding="utf-8"))
    return data["articles"]  # type: ignore[no-any-return]


def test_dev_set_matches_the_annotations(corpus: Path) -> None:
    expected = _expected(corpus)
    glossary = glosador.load_glossary()
    for name, items in expected.items():
        report = check_paths([corpus / "dev" / "articles" / name], glossary)
        got = {(f.rule, f.text) for f in report.findings}
        want = {(item["rule"], item["text"]) for item in items}
        assert got == want, name
        for item in items:
            (finding,) = [
                f for f in report.findings if (f.rule, f.text) == (item["rule"], item["text"])
            ]
            if "suggest" in item:
                assert finding.suggestions[0] == item["suggest"], (name, item)
