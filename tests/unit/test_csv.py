from __future__ import annotations

import codecs
import io

import pytest
from hypothesis import given, settings

from exchange_strategies import glossaries
from glosador.errors import ExchangeError
from glosador.exchange.csvfile import decode_bytes, read_csv, sniff_delimiter, write_csv
from glosador.exchange.fields import without_place
from glosador.glossary import load_glossary
from glosador.model import Concept, Status, Term, TermType


def _read(text: str, path: str = "g.csv", **kwargs: object) -> tuple[list[Concept], list[str]]:
    result = read_csv(text.encode("utf-8"), path, **kwargs)  # type: ignore[arg-type]
    return list(result.concepts), [str(n) for n in result.notices]


def _round(concepts: list[Concept], delimiter: str = ",") -> list[Concept]:
    out = io.StringIO()
    write_csv(concepts, out, source_language="es", delimiter=delimiter)
    back = read_csv(out.getvalue().encode("utf-8"), "r.csv", delimiter=delimiter)
    return [without_place(c) for c in back.concepts]


TICO = (
    "stringID,sourceLang,targetLang,pos,description,sourceString,targetString\n"
    '1,en,es-419,adjective,"Spreads by contact, directly or not.",contagious,contagioso\n'
    "2,en,es-419,noun,Known cases.,active cases,casos activos\n"
    "3,en,es-419,noun,,lockdown,\n"
)


class TestRead:
    def test_tico_columns(self) -> None:
        concepts, notices = _read(TICO)
        assert [c.id for c in concepts] == ["1", "2", "3"]
        first = concepts[0]
        assert first.definition == "Spreads by contact, directly or not."
        assert first.source_language == "en"
        assert [t.term for t in first.terms["en"]] == ["contagious"]
        assert first.terms["es-419"][0].part_of_speech == "adjective"
        assert list(concepts[2].terms) == ["en"]
        assert notices == ["g.csv:4: empty term in 'es-419' skipped"]

    def test_ids_from_terms(self) -> None:
        concepts, _ = _read(TICO, ids="slug")
        assert [c.id for c in concepts] == ["contagious", "active-cases", "lockdown"]

    def test_facebook_es_xx_and_empty_rows(self) -> None:
        text = "id,sourceLang,targetLang,sourceString,targetString\n"
        text += "1,en,es_XX,1918 flu,La gripe de 1918\n,,es_XX,,\n"
        concepts, notices = _read(text)
        assert list(concepts[0].terms) == ["en", "es"]
        assert notices == [
            "g.csv:2: language 'es_XX' read as 'es'",
            "g.csv:3: row has only empty terms; skipped",
        ]

    def test_language_columns_and_fields(self) -> None:
        text = (
            "Term [en];Description [en];Term [es];Part of Speech [es];es:status;Tags\n"
            "United Nations;World body;Naciones Unidas;noun;preferred;un\n"
            "UN;;ONU;noun;admittedTerm-admn-sts;\n"
        )
        concepts, notices = _read(text)
        assert len(concepts) == 2  # no id column: one concept per row
        un = concepts[0]
        assert un.extra == {"Tags": "un", "langSec": {"en": {"definition": "World body"}}}
        assert un.terms["es"][0].part_of_speech == "noun"
        assert concepts[1].terms["es"][0].status is Status.ADMITTED
        assert notices == ["g.csv:1:6: column 'Tags' kept in extra"]

    def test_weblate_source_target_needs_languages(self) -> None:
        text = "source,target,context,developer_comments\nFoo,Fu,menu,A label\n"
        with pytest.raises(ExchangeError, match="--source-language"):
            _read(text)
        (concept,), _ = _read(text, source_language="en", target_language="es")
        assert concept.definition == "A label"
        assert concept.terms["en"][0].context == "menu"
        assert concept.terms["es"][0].term == "Fu"

    def test_map(self) -> None:
        text = "English,Spanish,Comments,Junk\nHello,Hola,greeting,x\n"
        (concept,), notices = _read(
            text, mapping={"English": "en", "Spanish": "es", "Comments": "note", "Junk": "ignore"}
        )
        assert concept.note == "greeting" and concept.extra == {}
        assert concept.terms["es"][0].term == "Hola" and notices == []
        with pytest.raises(ExchangeError, match="unknown role"):
            _read(text, mapping={"English": "english"})
        with pytest.raises(ExchangeError, match="names no column"):
            _read(text, mapping={"Nope": "en"})

    def test_ragged_rows_reported(self) -> None:
        text = "id,en,es\n1,a\n2,b,c,d\n3,e,f\n"
        concepts, notices = _read(text)
        assert [c.id for c in concepts] == ["1", "2", "3"]
        assert notices == [
            "g.csv:2: row has 2 fields, the header 3; missing ones read as empty",
            "g.csv:2: empty term in 'es' skipped",
            "g.csv:3: row has 4 fields, the header 3; extra ones ignored",
        ]

    def test_quoted_newlines_keep_line_numbers(self) -> None:
        text = 'id,en,es,note\n1,a,b,"two\nlines"\n2,c,\n'
        concepts, notices = _read(text)
        assert concepts[0].note == "two\nlines"
        assert "g.csv:4: row has 3 fields, the header 4; missing ones read as empty" in notices

    def test_rows_with_one_id_are_one_concept(self) -> None:
        text = "id,es,es:type,en\nonu,Naciones Unidas,,United Nations\nonu,ONU,acronym,\n"
        (concept,), notices = _read(text)
        assert [t.term for t in concept.terms["es"]] == ["Naciones Unidas", "ONU"]
        assert concept.terms["es"][1].type is TermType.ACRONYM
        assert concept.terms["es"][1].case_sensitive and notices == []

    def test_nothing_to_import(self) -> None:
        with pytest.raises(ExchangeError, match="empty"):
            _read("")
        with pytest.raises(ExchangeError, match="no row has a term"):
            _read("id,en\n1,\n")


class TestEncodingAndDelimiter:
    TEXT = "id\ten\tes\n1\tcountry\tpaís\n"

    @pytest.mark.parametrize(
        ("data", "encoding"),
        [
            (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
            (TEXT.encode("utf-16"), "utf-16"),
            (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
            (TEXT.encode("latin-1"), "cp1252"),
            (TEXT.encode("utf-8"), "utf-8"),
        ],
    )
    def test_decoding(self, data: bytes, encoding: str) -> None:
        assert decode_bytes(data, "x") == (self.TEXT, encoding)
        result = read_csv(data, "x.csv")
        assert result.concepts[0].terms["es"][0].term == "país"

    def test_latin1_is_reported(self) -> None:
        result = read_csv(self.TEXT.encode("latin-1"), "x.csv")
        assert [str(n) for n in result.notices] == ["x.csv: decoded as cp1252"]

    def test_explicit_encoding(self) -> None:
        with pytest.raises(ExchangeError, match="cannot decode as utf-8"):
            read_csv(self.TEXT.encode("latin-1"), "x.csv", encoding="utf-8")

    @pytest.mark.parametrize(
        ("header", "delimiter"),
        [
            ("a,b,c", ","),
            ("a\tb\tc", "\t"),
            ("a;b;c", ";"),
            ("a|b", "|"),
            ('"a;b",c', ","),
            ("a", ","),
        ],
    )
    def test_sniff(self, header: str, delimiter: str) -> None:
        assert sniff_delimiter(header + "\n1,2,3\n") == delimiter

    def test_tsv_by_name(self) -> None:
        assert sniff_delimiter("a,b\n", "x.tsv") == "\t"


class TestWrite:
    def test_layout(self) -> None:
        concept = Concept(
            "onu",
            {
                "es": (
                    Term("Naciones Unidas", "es"),
                    Term("ONU", "es", Status.ADMITTED, TermType.ACRONYM, True),
                ),
                "en": (Term("United Nations", "en"),),
            },
            definition='World body, "UN"',
            source="https://un.org",
        )
        out = io.StringIO()
        assert write_csv([concept], out) == 2
        assert out.getvalue() == (
            "id,definition,concept source,es,es:type,en\r\n"
            'onu,"World body, ""UN""",https://un.org,Naciones Unidas,full-form,United Nations\r\n'
            "onu,,,ONU,acronym,\r\n"
        )
        assert _round([concept]) == [concept]

    def test_language_named_like_a_column(self) -> None:
        concept = Concept("x", {"es": (Term("Indonesia", "es"),), "id": (Term("Indonesia", "id"),)})
        out = io.StringIO()
        write_csv([concept], out)
        assert out.getvalue().splitlines()[0] == "id,es,id:term"
        assert _round([concept]) == [concept]

    def test_bundled_glossary_round_trips(self) -> None:
        glossary = load_glossary()
        concepts = [without_place(c) for c in glossary]
        assert _round(concepts) == concepts


@settings(max_examples=60, deadline=None)
@given(glossaries())
@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_round_trip_generated(delimiter: str, concepts: list[Concept]) -> None:
    assert _round(concepts, delimiter) == concepts
