from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import glosador
from glosador.cli import main

BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "glossaries" / "broken"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"glosador {glosador.__version__}"


def test_python_dash_m_is_the_same_program() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "glosador", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.startswith("glosador ")


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["frobnicate"]) == 2


def test_validate_bundled_glossary_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "validate", "--strict"]) == 0
    assert capsys.readouterr().out == ""


def test_validate_broken_glossary_lists_every_problem(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "validate", str(BROKEN)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 7
    assert lines[0] == (
        f"{BROKEN / 'buggy.yaml'}:11:11: GL001 unknown key 'staus' in a term "
        "(did you mean 'status'?) [error]"
    )


def test_validate_warnings_pass_unless_strict(write_glossary, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = write_glossary('concepts:\n  - id: a\n    terms: {es: ["x "], en: [y]}\n')
    assert main(["glossary", "validate", str(folder)]) == 0
    assert main(["glossary", "validate", "--strict", str(folder)]) == 1
    assert "GL006" in capsys.readouterr().out


def test_validate_missing_folder_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["glossary", "validate", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such glossary" in err and "Traceback" not in err


def test_stats_counts(write_glossary, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = write_glossary(
        "concepts:\n"
        "  - id: a\n    subject: law\n    terms: {es: [x, {term: X, type: acronym}], en: [y]}\n"
        "  - id: b\n    subject: law\n    translate: false\n"
        "    terms: {es: [z], en: [z, {term: w, status: deprecated}]}\n"
    )
    assert main(["glossary", "stats", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "concepts: 2\n" in out and "terms: 6\n" in out and "translate: false: 1\n" in out
    assert "  law " in out and "  deprecated " in out and "  acronym " in out


def test_stats_of_bundled_glossary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "stats"]) == 0
    out = capsys.readouterr().out
    assert "concepts by language:\n" in out and "\n  en " in out and "\n  es " in out


def test_rule_list_and_doc(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule"]) == 0
    listing = capsys.readouterr().out
    assert "GL001  invalid-glossary" in listing and "GL006  unnormalized-term" in listing
    assert main(["rule", "ambiguous-term"]) == 0
    doc = capsys.readouterr().out
    assert doc.startswith("# GL003 ambiguous-term") and "## What it does" in doc
    assert main(["rule", "GL999"]) == 2
    assert "unknown rule" in capsys.readouterr().err


def test_an_internal_error_is_one_line_unless_debugging(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import glosador.cli

    def broken(args: object) -> int:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(glosador.cli, "_cmd_rule", broken)
    assert main(["rule"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error: ZeroDivisionError: boom" in err
    monkeypatch.setenv("GLOSADOR_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        main(["rule"])
