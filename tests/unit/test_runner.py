"""The file runner (``glosador.runner``): what it does around each file's check."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

import glosador
from glosador import check as check_module
from glosador import runner
from glosador.runner import YOUNG_COLLECTION_THRESHOLD

GLOSSARY = glosador.load_glossary(Path(__file__).resolve().parents[2] / "glossary")


@pytest.fixture
def thresholds() -> Iterator[None]:
    saved = gc.get_threshold()
    yield
    gc.set_threshold(*saved)


def checked_under(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[tuple[int, ...]], glosador.Report]:
    """The collector thresholds each file was checked under, and the report."""
    seen: list[tuple[int, ...]] = []
    real = check_module.check_document

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)

    monkeypatch.setattr(check_module, "check_document", spy)
    article = tmp_path / "a.txt"
    article.write_text("El Foro Penal (Penal Forum) pidió la libertad de los presos.\n")
    report = glosador.check_paths([article], GLOSSARY)
    return seen, report


@pytest.mark.usefixtures("thresholds")
def test_young_collections_are_rarer_while_a_file_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gc.set_threshold(700, 10, 10)
    seen, report = checked_under(tmp_path, monkeypatch)
    assert seen == [(YOUNG_COLLECTION_THRESHOLD, 10, 10)]
    assert report.findings  # the check itself ran as usual
    assert gc.get_threshold() == (700, 10, 10)  # and the thresholds are put back


@pytest.mark.usefixtures("thresholds")
@pytest.mark.parametrize("young", [0, 50_000])
def test_a_collector_off_or_already_rarer_is_left_as_it_is(
    young: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gc.set_threshold(young, 10, 10)
    seen, _ = checked_under(tmp_path, monkeypatch)
    assert seen == [(young, 10, 10)]
    assert gc.get_threshold() == (young, 10, 10)


@pytest.mark.usefixtures("thresholds")
def test_thresholds_are_put_back_when_the_check_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gc.set_threshold(700, 10, 10)

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    monkeypatch.setattr(check_module, "check_document", broken)
    article = tmp_path / "a.txt"
    article.write_text("El Foro Penal.\n")
    with pytest.raises(RuntimeError):
        glosador.check_paths([article], GLOSSARY)
    assert gc.get_threshold() == (700, 10, 10)
    assert runner.YOUNG_COLLECTION_THRESHOLD > 700
