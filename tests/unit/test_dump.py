from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exchange_strategies import glossaries, texts
from glosador.dump import concept_mapping, dump_concept, dump_glossary, yaml_scalar
from glosador.exchange.fields import without_place
from glosador.glossary import load_glossary, parse_glossary
from glosador.model import Concept, Status, Term, TermType


def _reload(text: str, tmp_path: Path) -> list[Concept]:
    file = tmp_path / "g.yaml"
    file.write_text(text, encoding="utf-8")
    return [without_place(c) for c in load_glossary(file, strict=False)]


CLIPPVE = Concept(
    "clippve",
    {
        "es": (
            Term("Comité por la Liberación de los Presos Políticos", "es"),
            Term("CLIPPVE", "es", Status.ADMITTED, TermType.ACRONYM, True),
        ),
        "en": (
            Term("Committee for the Freedom of Political Prisoners in Venezuela", "en"),
            Term("Political Prisoners Committee", "en", Status.DEPRECATED),
        ),
    },
    subject="organization",
    definition="Venezuelan committee: relatives of political prisoners.",
    translate=False,
)


class TestScalar:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("Foro Penal", "Foro Penal"),
            ("yes", '"yes"'),
            ("no", '"no"'),
            ("1918", '"1918"'),
            ("", '""'),
            (" padded", '" padded"'),
            ("a: b", '"a: b"'),
            ("- dash", '"- dash"'),
            ("# hash", '"# hash"'),
            ('say "hi"', 'say "hi"'),
            ("line\nbreak", '"line\\nbreak"'),
            ("Comité", "Comité"),
        ],
    )
    def test_quoting(self, value: str, expected: str) -> None:
        assert yaml_scalar(value) == expected

    @given(st.text(st.characters(blacklist_categories=("Cs",))))
    def test_loads_back(self, value: str) -> None:
        assert yaml.safe_load(f"key: {yaml_scalar(value)}") == {"key": value}


class TestDump:
    def test_spec_layout(self) -> None:
        text = dump_glossary([CLIPPVE])
        assert text == (
            "source_language: es\n"
            "concepts:\n"
            "  - id: clippve\n"
            "    subject: organization\n"
            '    definition: "Venezuelan committee: relatives of political prisoners."\n'
            "    translate: false\n"
            "    terms:\n"
            "      es:\n"
            "        - Comité por la Liberación de los Presos Políticos\n"
            "        - term: CLIPPVE\n"
            "          type: acronym\n"
            "      en:\n"
            "        - Committee for the Freedom of Political Prisoners in Venezuela\n"
            "        - term: Political Prisoners Committee\n"
            "          status: deprecated\n"
        )

    def test_deterministic(self) -> None:
        assert dump_glossary([CLIPPVE, CLIPPVE]) == dump_glossary([CLIPPVE, CLIPPVE])

    def test_empty(self) -> None:
        parsed = parse_glossary(dump_glossary([]))
        assert parsed.concepts == ()
        assert parsed.problems == ()

    def test_header_comments(self) -> None:
        text = dump_glossary([CLIPPVE], header=["Imported from x.tbx", ""])
        assert text.startswith("# Imported from x.tbx\n#\nsource_language: es\n")

    def test_reloads_equal(self, tmp_path: Path) -> None:
        assert _reload(dump_glossary([CLIPPVE]), tmp_path) == [CLIPPVE]

    def test_loads_strict(self, tmp_path: Path) -> None:
        file = tmp_path / "g.yaml"
        file.write_text(dump_glossary([CLIPPVE]), encoding="utf-8")
        assert [without_place(c) for c in load_glossary(file)] == [CLIPPVE]

    def test_extra_nested(self, tmp_path: Path) -> None:
        concept = Concept(
            "x",
            {"en": (Term("x", "en", extra={"a": ["1", "2"], "b": {}, "c": []}),)},
            extra={"langSec": {"en": {"definition": "d"}}, "no": "yes"},
        )
        assert _reload(dump_glossary([concept]), tmp_path) == [concept]

    def test_concept_mapping(self) -> None:
        mapping = concept_mapping(CLIPPVE)
        assert mapping["terms"]["es"][1] == {"term": "CLIPPVE", "type": "acronym"}
        assert mapping["translate"] is False
        assert yaml.safe_load(dump_concept(CLIPPVE, indent=0))[0] == mapping

    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(glossaries(), texts)
    def test_round_trip(self, tmp_path: Path, concepts: list[Concept], _text: str) -> None:
        assert _reload(dump_glossary(concepts), tmp_path) == concepts
