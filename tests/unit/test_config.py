from __future__ import annotations

from pathlib import Path

import pytest

from glosador.check import check_paths
from glosador.config import Config, config_from_options, find_config, load_config, parse_config
from glosador.errors import ConfigError
from glosador.model import Severity

HOOK = Path(__file__).resolve().parents[1] / "fixtures" / "hook"
GLOSSARY = HOOK / "glossary"
MIXED = (HOOK / "mixed.md").read_text(encoding="utf-8")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


class TestFind:
    def test_walks_up_to_a_pyproject_with_a_glosador_table(self, tmp_path: Path) -> None:
        config = write(tmp_path / "pyproject.toml", '[tool.glosador]\nlang = "en"\n')
        article = write(tmp_path / "a" / "b" / "x.md", "text")
        assert find_config(article) == config
        assert find_config(article.parent) == config

    def test_a_pyproject_without_the_table_is_skipped(self, tmp_path: Path) -> None:
        outer = write(tmp_path / "glosador.toml", 'lang = "es"\n')
        write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
        assert find_config(tmp_path / "sub" / "x.md") == outer

    def test_glosador_toml_wins_in_the_same_folder(self, tmp_path: Path) -> None:
        write(tmp_path / "pyproject.toml", '[tool.glosador]\nlang = "en"\n')
        own = write(tmp_path / "glosador.toml", 'lang = "es"\n')
        assert find_config(tmp_path / "x.md") == own
        assert load_config(own).lang == "es"

    def test_glosador_toml_may_use_a_tool_table(self, tmp_path: Path) -> None:
        own = write(tmp_path / "glosador.toml", '[tool.glosador]\nlang = "en"\n')
        assert load_config(own).lang == "en"


class TestKeys:
    def test_every_key(self, tmp_path: Path) -> None:
        path = write(
            tmp_path / "pyproject.toml",
            """
[tool.glosador]
glossary = ["terms", "../house"]
lang = "auto"
select = ["GL1"]
ignore = ["near-miss"]
extend-select = ["GL109"]
severity = { GL106 = "error", wrong-case = "info" }
per-file-ignores = { "drafts/**" = ["GL102"], "*.html" = ["deprecated-term"] }
exclude = ["archive/"]
fail-on = "warning"
format = "json"
""",
        )
        config = load_config(path)
        assert config.glossary == (str(tmp_path / "terms"), str(tmp_path.parent / "house"))
        assert config.lang is None
        assert config.select is not None and "GL101" in config.select
        assert config.ignore == {"GL108"}
        assert config.severity == {"GL106": Severity.ERROR, "GL105": Severity.INFO}
        assert config.fail_on is Severity.WARNING and config.threshold is Severity.WARNING
        assert config.format == "json"
        assert config.rules(tmp_path / "drafts" / "a" / "x.md")[1] == {"GL108", "GL102"}
        assert config.rules(tmp_path / "deep" / "x.html")[1] == {"GL108", "GL103"}
        assert config.rules(tmp_path / "x.md")[1] == {"GL108"}
        assert config.is_excluded(tmp_path / "archive" / "old.md")
        assert not config.is_excluded(tmp_path / "current" / "new.md")

    def test_underscores_are_hyphens(self) -> None:
        assert parse_config({"fail_on": "info"}).fail_on is Severity.INFO

    def test_unknown_key_is_named(self, tmp_path: Path) -> None:
        path = write(tmp_path / "pyproject.toml", '[tool.glosador]\nselekt = ["GL101"]\n')
        with pytest.raises(ConfigError, match=r"unknown key 'tool.glosador.selekt'.*'select'"):
            load_config(path)

    def test_unknown_rule_code_is_named(self, tmp_path: Path) -> None:
        path = write(tmp_path / "glosador.toml", 'ignore = ["GL101", "GL999"]\n')
        with pytest.raises(ConfigError, match=r"glosador.toml: 'ignore': unknown rule 'GL999'"):
            load_config(path)

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ('fail-on = "fatal"', "'fail-on' must be error, warning or info"),
            ("select = 3", "'select' must be a list of strings"),
            ('severity = "error"', "'severity' must be a table"),
            ('severity = { GL101 = "loud" }', "'severity.GL101' must be error"),
            ('per-file-ignores = { "*.md" = ["GL9"] }', "unknown rule 'GL9'"),
            ('format = "xml"', "'format' must be one of"),
        ],
    )
    def test_bad_values(self, tmp_path: Path, text: str, message: str) -> None:
        path = write(tmp_path / "glosador.toml", text + "\n")
        with pytest.raises(ConfigError, match=message):
            load_config(path)

    def test_toml_syntax_error_names_file_and_line(self, tmp_path: Path) -> None:
        path = write(tmp_path / "pyproject.toml", '[tool.glosador]\nlang = "en"\nselect = [GL101\n')
        with pytest.raises(ConfigError) as info:
            load_config(path)
        assert str(info.value).startswith(f"{path}:3: TOML syntax error")
        assert info.value.line == 3


class TestMerge:
    def test_command_line_wins(self, tmp_path: Path) -> None:
        file = parse_config({"lang": "es", "select": ["GL101"], "fail-on": "info"})
        cli = config_from_options(lang="en", select="GL103,GL104")
        merged = file.merge(cli)
        assert merged.lang == "en"
        assert merged.select == {"GL103", "GL104"}
        assert merged.fail_on is Severity.INFO  # not given on the command line

    def test_extend_select_adds(self) -> None:
        merged = parse_config({"select": ["GL101"]}).merge(
            config_from_options(extend_select="GL103")
        )
        assert merged.rules()[0] == {"GL101", "GL103"}

    def test_unknown_code_on_the_command_line(self) -> None:
        with pytest.raises(ConfigError, match="'--select': unknown rule 'GL999'"):
            config_from_options(select="GL999")


class TestLibrary:
    def project(self, tmp_path: Path, config: str) -> Path:
        write(tmp_path / "glosador.toml", config)
        write(tmp_path / "docs" / "mixed.md", MIXED)
        write(tmp_path / "archive" / "old.md", MIXED)
        return tmp_path

    def test_check_paths_finds_the_config(self, tmp_path: Path) -> None:
        root = self.project(
            tmp_path,
            f'glossary = ["{GLOSSARY.as_posix()}"]\nignore = ["GL103"]\nexclude = ["archive/"]\n',
        )
        report = check_paths([root])
        assert [f.rule for f in report.findings] == ["GL101"]
        assert report.files == 1

    def test_check_paths_with_a_config_object(self, tmp_path: Path) -> None:
        root = self.project(tmp_path, 'select = ["GL109"]\n')
        config = Config(glossary=(str(GLOSSARY),), select=frozenset({"GL103"}))
        report = check_paths([root / "docs"], config=config)
        assert [f.rule for f in report.findings] == ["GL103"]

    def test_check_paths_with_a_config_path(self, tmp_path: Path) -> None:
        root = self.project(tmp_path, f'glossary = ["{GLOSSARY.as_posix()}"]\nselect = ["GL101"]\n')
        report = check_paths([root / "docs"], config=root / "glosador.toml")
        assert [f.rule for f in report.findings] == ["GL101"]

    def test_bad_config_raises(self, tmp_path: Path) -> None:
        root = self.project(tmp_path, "colour = 1\n")
        with pytest.raises(ConfigError, match="unknown key 'colour'"):
            check_paths([root / "docs"])
