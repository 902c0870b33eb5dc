"""``glosador check`` end to end, in process: formats (golden files), options, bad input."""

from __future__ import annotations

import io
import json
import os
import re
import stat
import sys
from pathlib import Path

import pytest

import glosador
from glosador.cli import main

TESTS = Path(__file__).resolve().parents[1]
GOLDEN = TESTS / "golden"
HOOK = TESTS / "fixtures" / "hook"
GLOSSARY = HOOK / "glossary"
MIXED = (HOOK / "mixed.md").read_text(encoding="utf-8")
CLEAN = (HOOK / "clean.md").read_text(encoding="utf-8")
UPDATE = bool(os.environ.get("GLOSADOR_UPDATE_GOLDEN"))


def check(*args: str) -> list[str]:
    return ["check", "--glossary", str(GLOSSARY), "--no-progress", *args]


def redact(text: str) -> str:
    text = text.replace(str(TESTS), "[TESTS]").replace(TESTS.as_posix(), "[TESTS]")
    return re.sub(r'"version": "(?!2\.1\.0)[^"]*"', '"version": "[VERSION]"', text)


def golden(case: str, name: str, actual: str) -> None:
    path = GOLDEN / case / name
    actual = redact(actual)
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run the tests with GLOSADOR_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", ["mixed", "suppressed"])
@pytest.mark.parametrize(
    ("fmt", "name"),
    [("text", "expected.txt"), ("json", "expected.json"), ("sarif", "expected.sarif")],
)
def test_golden(
    case: str,
    fmt: str,
    name: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(GOLDEN / case)
    (source,) = [p.name for p in (GOLDEN / case).iterdir() if p.stem == "input"]
    status = main(check("--format", fmt, source))
    assert status == 1
    golden(case, name, capsys.readouterr().out)


def test_json_columns_point_into_the_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(GOLDEN / "mixed")
    main(check("--format", "json", "input.md"))
    lines = (GOLDEN / "mixed" / "input.md").read_text(encoding="utf-8").splitlines()
    for finding in json.loads(capsys.readouterr().out)["findings"]:
        line = lines[finding["line"] - 1]
        assert line[finding["column"] - 1 : finding["end_column"] - 1] == finding["text"]


def test_github_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text(MIXED, encoding="utf-8")
    assert main(check("--format", "github", "a.md")) == 1
    assert capsys.readouterr().out.splitlines() == [
        "::error file=a.md,line=3,col=33,endLine=3,endColumn=59,title=GL101 [mixed-rendering]::"
        "'Consejo Nacional de Rivers' mixes the English and Spanish forms of consejo-rios "
        '(use "Consejo Nacional de Ríos")',
        "::error file=a.md,line=4,col=25,endLine=4,endColumn=39,title=GL103 [deprecated-term]::"
        "'Readers League' is deprecated; use 'League of Independent Readers' "
        '(use "League of Independent Readers")',
    ]


def test_text_on_a_terminal_shows_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FORCE_COLOR", "1")
    Path("a.md").write_text(MIXED, encoding="utf-8")
    main(check("a.md"))
    out = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out)
    assert "3 | The National Council of Rivers (Consejo Nacional de Rivers) met on Monday to" in out
    assert 'help: use "Consejo Nacional de Ríos"' in out
    monkeypatch.setenv("NO_COLOR", "1")
    main(check("a.md"))
    assert "\x1b[" not in capsys.readouterr().out


class TestExitStatus:
    @pytest.fixture(autouse=True)
    def _here(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(tmp_path)
        Path("mixed.md").write_text(MIXED, encoding="utf-8")
        Path("clean.md").write_text(CLEAN, encoding="utf-8")
        Path("stale.md").write_text("<!-- glosador: ignore[GL101] -->\nQuiet.\n", encoding="utf-8")

    def test_clean_is_0_findings_1(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(check("clean.md")) == 0
        assert capsys.readouterr().out == "0 errors, 0 warnings in 1 file\n"
        assert main(check("mixed.md")) == 1
        assert main(check("--exit-zero", "mixed.md")) == 0

    def test_fail_on(self) -> None:
        assert main(check("stale.md")) == 0  # an info
        assert main(check("--fail-on", "info", "stale.md")) == 1
        Path("glosador.toml").write_text('fail-on = "info"\n', encoding="utf-8")
        assert main(check("stale.md")) == 1
        assert main(check("--fail-on", "error", "stale.md")) == 0

    def test_select_ignore_and_extend_select(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(check("--select", "GL103", "--format", "json", "mixed.md")) == 1
        assert [f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["GL103"]
        assert main(check("--ignore", "GL101,deprecated-term", "mixed.md")) == 0
        capsys.readouterr()
        assert (
            main(
                check(
                    "--select", "GL101", "--extend-select", "GL103", "--format", "json", "mixed.md"
                )
            )
            == 1
        )
        assert [f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]] == [
            "GL101",
            "GL103",
        ]

    def test_config_file_and_cli_wins(self, capsys: pytest.CaptureFixture[str]) -> None:
        Path("pyproject.toml").write_text(
            '[tool.glosador]\nignore = ["GL101"]\nformat = "github"\n'
            'per-file-ignores = { "mixed.md" = ["GL103"] }\n',
            encoding="utf-8",
        )
        assert main(check("mixed.md")) == 0
        assert main(check("--ignore", "GL109", "--format", "text", "mixed.md")) == 1
        assert "GL101" in capsys.readouterr().out
        assert main(check("--isolated", "mixed.md")) == 1
        assert main(check("--config", "pyproject.toml", "mixed.md")) == 0

    def test_glossary_from_config(self, capsys: pytest.CaptureFixture[str]) -> None:
        Path("glosador.toml").write_text(
            f'glossary = ["{GLOSSARY.as_posix()}"]\n', encoding="utf-8"
        )
        assert main(["check", "--no-progress", "mixed.md"]) == 1
        assert "consejo-rios" in capsys.readouterr().out


class TestBadInput:
    @pytest.fixture(autouse=True)
    def _here(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(tmp_path)

    def test_missing_path_others_still_checked(self, capsys: pytest.CaptureFixture[str]) -> None:
        Path("mixed.md").write_text(MIXED, encoding="utf-8")
        assert main(check("nope.md", "mixed.md")) == 2
        out, err = capsys.readouterr()
        assert "mixed.md:3:33: GL101" in out
        assert err == "glosador: nope.md: no such file or folder\n"

    def test_directory_of_binary_files(self, capsys: pytest.CaptureFixture[str]) -> None:
        Path("bin").mkdir()
        Path("bin/image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
        Path("bin/blob.txt").write_bytes(bytes(range(256)) * 4)
        Path("bin/notes.md").write_text(CLEAN, encoding="utf-8")
        assert main(check("bin")) == 2
        out, err = capsys.readouterr()
        assert err == "glosador: bin/blob.txt: binary file (NUL byte on line 1)\n"
        assert out.endswith("in 1 file\n") and "Traceback" not in err

    def test_latin1_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        Path("latin.txt").write_bytes("Año nuevo.\nLa Liga de Lectores\nCañón".encode("latin-1"))
        assert main(check("latin.txt")) == 2
        assert capsys.readouterr().err == (
            "glosador: latin.txt: not valid UTF-8 at line 1, column 2 (convert the file to UTF-8)\n"
        )

    def test_empty_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        Path("empty.md").write_bytes(b"")
        assert main(check("empty.md")) == 0
        assert capsys.readouterr().out == "0 errors, 0 warnings in 1 file\n"

    def test_nul_byte(self, capsys: pytest.CaptureFixture[str]) -> None:
        Path("nul.txt").write_bytes(b"one\ntwo\x00three\n")
        assert main(check("nul.txt")) == 2
        assert "nul.txt: binary file (NUL byte on line 2)" in capsys.readouterr().err

    def test_select_unknown_code(self, capsys: pytest.CaptureFixture[str]) -> None:
        Path("a.md").write_text(CLEAN, encoding="utf-8")
        assert main(check("--select", "GL101,GL999", "a.md")) == 2
        assert capsys.readouterr().err == "glosador: '--select': unknown rule 'GL999'\n"

    def test_config_syntax_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        Path("a.md").write_text(CLEAN, encoding="utf-8")
        Path("pyproject.toml").write_text(
            '[tool.glosador]\nselect = ["GL101"\nlang = "en"\n', encoding="utf-8"
        )
        assert main(check("a.md")) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"glosador: {Path.cwd() / 'pyproject.toml'}:3: TOML syntax error")
        assert err.count("\n") == 1

    def test_config_unknown_key(self, capsys: pytest.CaptureFixture[str]) -> None:
        Path("a.md").write_text(CLEAN, encoding="utf-8")
        Path("glosador.toml").write_text("fail_level = 'info'\n", encoding="utf-8")
        assert main(check("a.md")) == 2
        assert "unknown key 'fail_level'" in capsys.readouterr().err

    def test_fix_read_only(self, capsys: pytest.CaptureFixture[str]) -> None:
        path = Path("ro.md")
        path.write_text(MIXED, encoding="utf-8")
        path.chmod(stat.S_IRUSR)
        try:
            assert main(check("--fix", "ro.md")) == 2
        finally:
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)
        out, err = capsys.readouterr()
        assert "ro.md: cannot write the fixes" in err
        assert "GL101" in out
        assert path.read_text(encoding="utf-8") == MIXED

    def test_two_suppressions_on_one_line(self, capsys: pytest.CaptureFixture[str]) -> None:
        text = MIXED.replace(
            "met on Monday to",
            "met on Monday to <!-- glosador: ignore[GL103] --> <!-- glosador: ignore[GL101] -->",
        )
        Path("a.md").write_text(text, encoding="utf-8")
        assert main(check("a.md")) == 0
        assert capsys.readouterr().out == "0 errors, 0 warnings in 1 file\n"

    def test_large_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        paragraph = (
            "The weather was calm and people walked along quiet streets while shops "
            "opened late in spring, with bread and coffee for everyone.\n"
        ) * 4 + "\n"
        marker = "The National Council of Rivers (Consejo Nacional de Rivers) met.\n\n"
        block = paragraph * 99 + marker
        repeat = 50 * 1024 * 1024 // len(block) + 1
        with open("big.txt", "w", encoding="utf-8") as handle:
            for _ in range(repeat):
                handle.write(block)
        assert Path("big.txt").stat().st_size >= 50 * 1024 * 1024
        assert main(check("--format", "json", "big.txt")) == 1
        data = json.loads(capsys.readouterr().out)
        assert data["summary"]["errors"] == repeat
        last = data["findings"][-1]
        assert last["line"] == repeat * block.count("\n") - 1
        assert last["text"] == "Consejo Nacional de Rivers"


class TestFix:
    @pytest.fixture(autouse=True)
    def _here(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(tmp_path)
        Path("mixed.md").write_text(MIXED, encoding="utf-8")

    def test_fix_then_remaining_findings(self, capsys: pytest.CaptureFixture[str]) -> None:
        text = MIXED + "\nThe Council met the Consejo Nacional de Ríos in the morning today.\n"
        Path("mixed.md").write_text(text, encoding="utf-8")
        assert main(check("--fix", "--lang", "en", "mixed.md")) == 0
        out, err = capsys.readouterr()
        assert err == "glosador: fixed 2 findings in 1 file\n"
        assert "GL106" in out and "GL101" not in out
        fixed = Path("mixed.md").read_text(encoding="utf-8")
        assert "(Consejo Nacional de Ríos)" in fixed and "League of Independent Readers" in fixed
        assert main(check("--fix", "--unsafe-fixes", "--lang", "en", "mixed.md")) == 0
        assert "the National Council of Rivers in the morning" in Path("mixed.md").read_text(
            encoding="utf-8"
        )

    def test_diff_changes_nothing(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(check("--diff", "mixed.md")) == 1
        out, err = capsys.readouterr()
        assert out.startswith("--- a/mixed.md\n+++ b/mixed.md\n")
        assert (
            "+The National Council of Rivers (Consejo Nacional de Ríos) met on Monday to\n" in out
        )
        assert err == "glosador: would fix 2 findings in 1 file\n"
        assert Path("mixed.md").read_text(encoding="utf-8") == MIXED
        Path("clean.md").write_text(CLEAN, encoding="utf-8")
        assert main(check("--diff", "clean.md")) == 0
        assert capsys.readouterr().out == ""

    def test_stdin(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MIXED.encode())))
        assert main(check("--stdin-filename", "story.md", "-")) == 1
        assert capsys.readouterr().out.startswith("story.md:3:33: GL101")
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MIXED.encode())))
        assert main(check("--fix", "--stdin-filename", "story.md", "-")) == 0
        assert capsys.readouterr().out == MIXED.replace("de Rivers", "de Ríos").replace(
            "Readers League", "League of Independent Readers"
        )

    def test_stdin_uses_the_config_of_its_name(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        Path("docs").mkdir()
        Path("docs/glosador.toml").write_text('select = ["GL103"]\n', encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MIXED.encode())))
        assert main(check("--stdin-filename", "docs/story.md", "-")) == 1
        out = capsys.readouterr().out
        assert "GL103" in out and "GL101" not in out


class TestManyFiles:
    @pytest.fixture(autouse=True)
    def _tree(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(tmp_path)
        for i in range(40):
            folder = Path("site") / f"s{i % 4}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"a{i:02}.md").write_text(MIXED if i % 3 else CLEAN, encoding="utf-8")
        for skipped in ("node_modules", ".git", "build", "drafts", "ignored"):
            Path("site", skipped).mkdir()
            Path("site", skipped, "x.md").write_text(MIXED, encoding="utf-8")
        Path("site/notes.py").write_text("x = 1\n", encoding="utf-8")
        Path("site/.gitignore").write_text("ignored/\n", encoding="utf-8")
        Path("glosador.toml").write_text('exclude = ["drafts/"]\n', encoding="utf-8")

    def test_recursive_with_excludes(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(check("--jobs", "1", "site")) == 1
        out = capsys.readouterr().out
        assert out.endswith("in 40 files\n")
        for skipped in ("node_modules", ".git", "build", "drafts", "ignored", "notes.py"):
            assert skipped not in out

    def test_parallel_output_is_identical(self, capsys: pytest.CaptureFixture[str]) -> None:
        main(check("--jobs", "1", "--format", "json", "site"))
        serial = capsys.readouterr().out
        main(check("--jobs", "3", "--format", "json", "site"))
        assert capsys.readouterr().out == serial
        assert json.loads(serial)["summary"]["files"] == 40

    def test_parallel_fix(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(check("--jobs", "2", "--fix", "site")) == 0
        assert capsys.readouterr().err == "glosador: fixed 52 findings in 26 files\n"
        assert main(check("--jobs", "2", "site")) == 0

    def test_library_check_paths_parallel(self) -> None:
        glossary = glosador.load_glossary(GLOSSARY)
        from glosador.check import check_paths

        serial = check_paths(["site"], glossary, jobs=1)
        parallel = check_paths(["site"], glossary, jobs=2)
        assert serial == parallel and serial.files == 40

    def test_progress_bar_on_a_terminal(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.delenv("CI", raising=False)
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
        main(["check", "--glossary", str(GLOSSARY), "--jobs", "1", "site"])
        err = capsys.readouterr().err
        assert "] 40/40 files" in err and err.endswith("\r\x1b[2K")
        main(check("--jobs", "1", "site"))  # --no-progress
        assert capsys.readouterr().err == ""

    def test_jobs_must_be_positive(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(check("--jobs", "0", "site")) == 2
