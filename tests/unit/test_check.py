"""Bad input for the checker: every case through ``check_text``/``check_paths`` and the CLI.

The article texts are written for these tests. The small glossary has one concept
with a deprecated English form ("Commission of Truth", GL103) and a Spanish form
with an accent ("Comisión de la Verdad", GL104 when it is stripped).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from glosador import load_glossary
from glosador.check import check_paths, check_text
from glosador.cli import main
from glosador.model import Finding, Glossary, Report

GLOSSARY = """\
source_language: es
concepts:
  - id: comision-verdad
    subject: organization
    terms:
      es:
        - Comisión de la Verdad
      en:
        - Truth Commission
        - term: Commission of Truth
          status: deprecated
  - id: asamblea-nacional
    subject: institution
    terms:
      es:
        - Asamblea Nacional
        - term: AN
          type: acronym
      en:
        - National Assembly
"""

DEPRECATED = "Commission of Truth"

EN_PARAGRAPH = (
    "The hearing was postponed again on Monday, and the relatives waited outside the "
    "court building for most of the afternoon without any news about the detainees."
)
EN_PLANTED = (
    "A lawyer who advises the Commission of Truth said that the files had not been "
    "shared with the defence before the hearing."
)


@pytest.fixture
def glossary_dir(write_glossary) -> Path:  # type: ignore[no-untyped-def]
    folder: Path = write_glossary(GLOSSARY)
    return folder


@pytest.fixture
def glossary(glossary_dir: Path) -> Glossary:
    return load_glossary(glossary_dir)


def editor_lines(path: Path) -> list[str]:
    """The file's lines as an editor shows them: BOM dropped; \\r\\n, \\r and \\n end lines."""
    return re.split(r"\r\n|\r|\n", path.read_bytes().decode("utf-8-sig"))


def text_at(lines: list[str], finding: Finding) -> str:
    """The text between a finding's (line, column) and (end_line, end_column)."""
    if finding.line == finding.end_line:
        return lines[finding.line - 1][finding.column - 1 : finding.end_column - 1]
    parts = [lines[finding.line - 1][finding.column - 1 :]]
    parts += lines[finding.line : finding.end_line - 1]
    parts.append(lines[finding.end_line - 1][: finding.end_column - 1])
    return "\n".join(parts)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def cli_json(capsys: pytest.CaptureFixture[str], glossary_dir: Path, *paths: Path) -> dict:  # type: ignore[type-arg]
    code, out, err = run_cli(
        capsys, "check", "--glossary", str(glossary_dir), "--format", "json", *map(str, paths)
    )
    data: dict = json.loads(out)  # type: ignore[type-arg]
    data["exit"] = code
    data["stderr"] = err
    return data


# -- empty and letterless documents ------------------------------------------------------


@pytest.mark.parametrize("text", ["", "1234 --- !!!", "\n\n \t\n", "\ufeff", "… — ¡¿!? 42 %"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_text_without_words_has_no_findings(glossary: Glossary, text: str, fmt: str) -> None:
    report = check_text(text, glossary, format=fmt)
    assert report.findings == ()
    assert report.files == 1
    assert report.languages == {"<string>": "und"}


@pytest.mark.parametrize("content", [b"", b"1234 --- !!!\n"])
def test_empty_and_letterless_files(
    glossary_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    report = check_paths([path], load_glossary(glossary_dir))
    assert (report.findings, report.files, report.errors_reading) == ((), 1, ())
    code, out, err = run_cli(capsys, "check", "--glossary", str(glossary_dir), str(path))
    assert code == 0, err
    assert err == ""
    assert "0 errors, 0 warnings in 1 file" in out


# -- a 50 MB document ------------------------------------------------------------------------


def test_50_mb_document_completes_with_every_planted_finding(
    glossary: Glossary, tmp_path: Path
) -> None:
    size = 50 * 1024 * 1024
    block = (EN_PARAGRAPH + "\n\n") * 9 + EN_PLANTED + "\n\n"
    repeats = size // len(block.encode("utf-8")) + 1
    path = tmp_path / "huge.txt"
    path.write_text(block * repeats, encoding="utf-8")
    assert path.stat().st_size >= size
    report = check_paths([path], glossary)
    assert report.errors_reading == ()
    assert len(report.findings) == repeats
    assert {f.rule for f in report.findings} == {"GL103"}
    assert {f.text for f in report.findings} == {DEPRECATED}
    assert report.languages == {str(path): "en"}
    last = report.findings[-1]
    assert last.line == 20 * repeats - 1  # 10 paragraphs a block, each with a blank line


# -- broken markup: best effort, never a crash -----------------------------------------------

BROKEN_MARKDOWN = [
    f"# Heading\n\n{EN_PLANTED}\n\nThe **bold never ends and [a link (never closed\n",
    f"{EN_PLANTED}\n\n```python\nprint('a fence that never closes')\n",
    f"{EN_PLANTED}\n\n| a | table\n|---\n| broken | row | extra |\n<div>\n*[`x\n",
    f"---\ntitle: front matter never closed\n\n{EN_PLANTED}\n\n> quote\n>> deeper\n- [",
    f"<!-- a comment that never closes\n\n{EN_PLANTED}\n",
    f"{EN_PLANTED}\n\n[ref]: <https://example.org\n\n![alt text *open](x\n\n" + "[" * 500,
]


@pytest.mark.parametrize("text", BROKEN_MARKDOWN)
def test_unbalanced_markdown_is_checked_best_effort(glossary: Glossary, text: str) -> None:
    report = check_text(text, glossary, format="markdown")
    for finding in report.findings:
        assert text[finding.start_offset : finding.end_offset] == finding.text
    if not text.startswith(("---", "<!--")):  # front matter / a comment may swallow the rest
        assert [f.text for f in report.findings] == [DEPRECATED]


BROKEN_HTML = [
    f"<p>{EN_PLANTED}<div><b>bold <i>italic</b></p></i><script>var x = '",
    f"<html><body><p>{EN_PLANTED}</span></td></tr></table><p title='never closed>",
    f"<p>The <em>{DEPRECATED}</p> met &eacute &#99999999; &bogus; <<>><!-- open",
    f"<p>{EN_PLANTED}</p><style>p {{ color: red",
    f'{EN_PLANTED} <img alt="{DEPRECATED}" src=x',
    "<" * 300 + f"<p>{EN_PLANTED}",
]


@pytest.mark.parametrize("text", BROKEN_HTML)
def test_broken_html_is_checked_best_effort(glossary: Glossary, text: str) -> None:
    report = check_text(text, glossary, format="html")
    assert report.findings, "the deprecated form before the damage is still found"
    for finding in report.findings:
        assert text[finding.start_offset : finding.end_offset] == finding.text
        assert finding.rule == "GL103"


def test_broken_markup_files_through_the_cli(
    glossary_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.md").write_text(BROKEN_MARKDOWN[0], encoding="utf-8")
    (tmp_path / "b.html").write_text(BROKEN_HTML[0], encoding="utf-8")
    data = cli_json(capsys, glossary_dir, tmp_path / "a.md", tmp_path / "b.html")
    assert data["exit"] == 1, data["stderr"]  # GL103 is an error
    assert data["stderr"] == ""
    assert sorted(Path(f["path"]).name for f in data["findings"]) == ["a.md", "b.html"]


# -- line endings and BOM: columns still right --------------------------------------------------


def _line_endings_file(tmp_path: Path) -> Path:
    text = (
        "\ufeffFirst line ends with CRLF.\r\n"
        "Second ends with a lone CR.\r"
        f"Third names the {DEPRECATED} and ends with LF.\n"
        "\r\n"
        f"  Then the {DEPRECATED}\r\nagain, and once more the {DEPRECATED}.\r"
        "\r"
        f"Last: the {DEPRECATED} split\nover a line end is {DEPRECATED[:10]}\r\n"
        f"{DEPRECATED[11:]}, the end."
    )
    path = tmp_path / "endings.txt"
    path.write_bytes(text.encode("utf-8"))
    return path


def test_mixed_line_endings_and_bom_keep_columns_right(glossary: Glossary, tmp_path: Path) -> None:
    path = _line_endings_file(tmp_path)
    report = check_paths([path], glossary)
    lines = editor_lines(path)
    assert len(report.findings) == 5
    for finding in report.findings:
        assert re.sub(r"\s+", " ", text_at(lines, finding)) == re.sub(r"\s+", " ", finding.text)
        assert finding.rule == "GL103"
    positions = [(f.line, f.column) for f in report.findings]
    assert positions[:4] == [(3, 17), (5, 12), (6, 26), (8, 11)]
    last = report.findings[-1]
    assert (last.line, last.end_line) == (9, 10)  # the span crosses the CRLF
    # and the offsets point into the text as decoded (BOM dropped)
    decoded = path.read_bytes().decode("utf-8-sig")
    for finding in report.findings:
        assert decoded[finding.start_offset : finding.end_offset] == finding.text


def test_mixed_line_endings_and_bom_through_the_cli(
    glossary_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _line_endings_file(tmp_path)
    data = cli_json(capsys, glossary_dir, path)
    lines = editor_lines(path)
    assert data["exit"] == 1
    assert len(data["findings"]) == 5
    for item in data["findings"]:
        assert item["text"].startswith("Commission")
        if item["line"] == item["end_line"]:
            assert (
                lines[item["line"] - 1][item["column"] - 1 : item["end_column"] - 1]
                == (item["text"])
            )


# -- a third language ----------------------------------------------------------------------------

FRENCH = (
    "Le Foro Penal a publié cette semaine un nouveau bilan des arrestations dans le pays. "
    "Selon les avocats de l'organisation, les familles des personnes arrêtées ne sont pas "
    "informées des accusations. L'Asamblea Nacional ne s'est pas encore prononcée sur la "
    "question, et les députés de l'opposition demandent une enquête sérieuse."
)
# the same kind of paragraph; "conditions de détention" is French prose, not a rendering
FRENCH_DETENTION = (
    "Les députés de l'opposition demandent une enquête indépendante sur les conditions de "
    "détention, et le Foro Penal publiera la liste complète des noms la semaine prochaine."
)


def test_french_document_has_no_invented_findings(tmp_path: Path) -> None:
    bundled = load_glossary()
    report = check_text(FRENCH, bundled)
    assert report.findings == ()
    assert report.languages == {"<string>": "fr"}
    path = tmp_path / "article.txt"
    path.write_text(FRENCH + "\n\n" + FRENCH.replace("cette semaine", "hier") + "\n", "utf-8")
    report = check_paths([path], bundled)
    assert report.findings == ()
    assert report.languages == {str(path): "fr"}


def test_french_de_detention_is_not_a_mixed_rendering() -> None:
    report = check_text(FRENCH_DETENTION, load_glossary())
    assert report.languages == {"<string>": "fr"}
    assert [(f.rule, f.text) for f in report.findings] == []


# -- emoji and combining characters: columns in code points ---------------------------------------


@pytest.mark.parametrize(
    "prefix",
    [
        "🎉 ",
        "👩\u200d👩\u200d👧 family, ",  # a ZWJ sequence: five code points, one glyph
        "Cafe\u0301 y crème bru\u0302le\u0301e, ",  # decomposed accents
        "🇻🇪🇪🇸 flags, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and ",  # astral-plane letters (two UTF-16 units each)
        "e\u0301\u0301\u0301 Z\u0351\u0352\u0353algo and \u200b\ufeff ",
    ],
)
def test_emoji_and_combining_marks_before_a_match(
    glossary_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], prefix: str
) -> None:
    line = f"{prefix}the {DEPRECATED} met."
    text = f"An opening line.\n{line}\n"
    expected_column = line.index(DEPRECATED) + 1  # code points, 1-based
    report = check_text(text, load_glossary(glossary_dir))
    assert [(f.line, f.column, f.end_column, f.text) for f in report.findings] == [
        (2, expected_column, expected_column + len(DEPRECATED), DEPRECATED)
    ]
    path = tmp_path / "emoji.txt"
    path.write_text(text, encoding="utf-8")
    data = cli_json(capsys, glossary_dir, path)
    [item] = data["findings"]
    assert (item["line"], item["column"]) == (2, expected_column)
    assert editor_lines(path)[1][item["column"] - 1 : item["end_column"] - 1] == DEPRECATED


def test_decomposed_accents_in_a_match_are_not_missing_diacritics(glossary: Glossary) -> None:
    text = "Ayer la Comisio\u0301n de la Verdad se reunió con la Asamblea Nacional en Caracas."
    report = check_text(text, glossary)
    assert report.findings == ()
    stripped = check_text(text.replace("o\u0301", "o"), glossary)
    assert [(f.rule, f.column, f.text) for f in stripped.findings] == [
        ("GL104", 9, "Comision de la Verdad")
    ]


# -- undecodable and binary files ------------------------------------------------------------


def _bad_files(tmp_path: Path) -> tuple[Path, Path, Path]:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes(f"La Comisión de la Verdad y el {DEPRECATED}.\n".encode("latin-1"))
    binary = tmp_path / "binary.txt"
    binary.write_bytes(f"{DEPRECATED}\nsecond line\x00 with a NUL\n".encode())
    good = tmp_path / "good.txt"
    good.write_text(EN_PLANTED + "\n", encoding="utf-8")
    return latin1, binary, good


def test_latin1_and_nul_files_are_reported_and_the_rest_checked(
    glossary: Glossary, tmp_path: Path
) -> None:
    latin1, binary, good = _bad_files(tmp_path)
    report: Report = check_paths([latin1, binary, good], glossary)
    assert report.files == 1
    assert [(Path(f.path).name, f.text) for f in report.findings] == [("good.txt", DEPRECATED)]
    assert len(report.errors_reading) == 2
    latin1_error, binary_error = report.errors_reading
    assert "latin1.txt" in latin1_error and "UTF-8" in latin1_error
    assert "line 1" in latin1_error
    assert "binary.txt" in binary_error and "NUL" in binary_error and "line 2" in binary_error


def test_latin1_and_nul_files_through_the_cli(
    glossary_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _bad_files(tmp_path)
    code, out, err = run_cli(capsys, "check", "--glossary", str(glossary_dir), str(tmp_path))
    assert code == 2
    assert "Traceback" not in err
    assert "latin1.txt" in err and "binary.txt" in err
    assert len(err.strip().splitlines()) == 2
    assert "good.txt:1:26: GL103" in out
    assert "in 1 file" in out
    data = cli_json(capsys, glossary_dir, tmp_path)
    assert data["exit"] == 2
    assert [Path(f["path"]).name for f in data["findings"]] == ["good.txt"]
