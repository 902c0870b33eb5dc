from __future__ import annotations

import http.server
import io
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from lxml import etree

from exchange_strategies import glossaries
from glosador.errors import ExchangeError, GlosadorError
from glosador.exchange import TbxReader, read_tbx, write_tbx
from glosador.exchange.categories import ALLOWED, KIND, MODULE_NS, PICKLISTS
from glosador.exchange.fields import without_place
from glosador.glossary import load_glossary
from glosador.model import Concept, Status, Term, TermType

NS = "urn:iso:std:iso:30042:ed-2"


def _read(text: str, **kwargs: str) -> tuple[list[Concept], list[str]]:
    result = read_tbx(io.BytesIO(text.encode("utf-8")), "t.tbx", **kwargs)
    return list(result.concepts), [str(n) for n in result.notices]


def _round(concepts: list[Concept], **kwargs: str) -> list[Concept]:
    out = io.StringIO()
    write_tbx(concepts, out, **kwargs)
    back, _ = _read(out.getvalue())
    return [without_place(c) for c in back]


V3_DCA = f"""<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="es" xmlns="{NS}">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="Foro_Penal">
      <descrip type="subjectField">organización</descrip>
      <descripGrp>
        <descrip type="definition">ONG venezolana &amp; de derechos humanos.</descrip>
      </descripGrp>
      <descrip type="reliabilityCode">3</descrip>
      <langSec xml:lang="es_XX">
        <descrip type="definition">Definición en español</descrip>
        <termSec>
          <term>Foro   Penal
            Venezolano</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          <termNote type="partOfSpeech">properNoun</termNote>
        </termSec>
        <termSec>
          <term>FPV</term>
          <termNote type="termType">acronym</termNote>
        </termSec>
        <termSec><term>  </term></termSec>
      </langSec>
      <langSec xml:lang="eng">
        <termSec><term>Penal Forum</term>
          <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
        <termSec><term id="t-en-2">Foro Penal</term>
          <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
          <descrip type="context">Foro Penal said on Monday...</descrip>
          <note>Usual in English-language press.</note></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry>
      <langSec xml:lang="es-419"><termSec><term>Asamblea Nacional</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""

V3_DCT = f"""<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="{NS}"
  xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <text><body><conceptEntry id="c1">
    <min:subjectField>law</min:subjectField>
    <basic:definition>A court.</basic:definition>
    <langSec xml:lang="en"><termSec><term>Supreme Court</term>
      <min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus>
      <basic:termType>fullForm</basic:termType>
      <basic:grammaticalGender>neuter</basic:grammaticalGender></termSec>
      <termSec><term>TSJ</term>
      <min:administrativeStatus>deprecatedTerm-admn-sts</min:administrativeStatus>
      <basic:termType>acronym</basic:termType></termSec></langSec>
    <langSec xml:lang="spa"><termSec><term>Tribunal Supremo de Justicia</term></termSec></langSec>
  </conceptEntry></body></text></tbx>"""

V2_MARTIF = """<?xml version="1.0"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc>
  </fileDesc></martifHeader><text><body>
  <termEntry id="e1">
    <descrip type="subjectField">health</descrip>
    <langSet xml:lang="en"><tig><term>face mask</term>
      <termNote type="partOfSpeech">noun</termNote></tig>
      <ntig><termGrp><term>mask</term><termNote type="termType">shortForm</termNote></termGrp>
        <admin type="source">WHO</admin></ntig></langSet>
    <langSet xml:lang="es"><tig><term>mascarilla</term></tig><tig><term/></tig></langSet>
  </termEntry>
  <termEntry><langSet xml:lang="en"><tig><term>Glyph</term></tig></langSet>
    <langSet xml:lang="es"><tig><term/></tig></langSet></termEntry>
</body></text></martif>"""

HYBRID = f"""<martif xmlns="{NS}" xml:lang="en" type="TBX"><text><body>
  <termEntry id="e002">
    <descrip type="definition">An internal code.</descrip>
    <descrip type="Translation needed">No</descrip>
    <langSet xml:lang="en"><tig><term id="e002-en">SYS_ERR</term>
      <termNote type="administrativeStatus">obsolete</termNote>
      <note from="developer">Do not translate.</note></tig></langSet>
  </termEntry></body></text></martif>"""


class TestRead:
    def test_v3_dca(self) -> None:
        concepts, notices = _read(V3_DCA)
        assert [c.id for c in concepts] == ["foro-penal", "asamblea-nacional"]
        foro = concepts[0]
        assert foro.subject == "organización"
        assert foro.definition == "ONG venezolana & de derechos humanos."
        assert foro.extra["reliabilityCode"] == "3"
        assert foro.extra["langSec"] == {"es": {"definition": "Definición en español"}}
        assert list(foro.terms) == ["es", "en"]
        es, acronym = foro.terms["es"]
        assert es.term == "Foro Penal Venezolano"  # white space collapsed
        assert es.status is Status.PREFERRED and es.part_of_speech == "properNoun"
        assert acronym.type is TermType.ACRONYM and acronym.case_sensitive
        assert acronym.status is Status.ADMITTED  # the default for a later term
        penal, foro_en = foro.terms["en"]
        assert penal.status is Status.DEPRECATED
        assert penal.extra == {"administrativeStatus": "supersededTerm-admn-sts"}
        assert foro_en.status is Status.ADMITTED and foro_en.extra == {"id": "t-en-2"}
        assert foro_en.context == "Foro Penal said on Monday..."
        assert foro_en.note == "Usual in English-language press."
        assert concepts[1].source_language == "es" and list(concepts[1].terms) == ["es-419"]
        assert "t.tbx:23: empty term in 'es' skipped" in notices
        assert "t.tbx:11: language 'es_XX' read as 'es'" in notices
        assert any("'eng' read as 'en'" in n for n in notices)

    def test_v3_dct(self) -> None:
        (concept,), _ = _read(V3_DCT)
        assert concept.subject == "law" and concept.definition == "A court."
        court, tsj = concept.terms["en"]
        assert court.extra == {"grammaticalGender": "neuter"}
        assert tsj.status is Status.DEPRECATED and tsj.type is TermType.ACRONYM
        assert concept.terms["es"][0].term == "Tribunal Supremo de Justicia"
        assert concept.source_language == "en"

    def test_v2_martif_tig_ntig(self) -> None:
        concepts, notices = _read(V2_MARTIF)
        assert [c.id for c in concepts] == ["e1", "glyph"]
        face, mask = concepts[0].terms["en"]
        assert face.part_of_speech == "noun"
        assert mask.type is TermType.SHORT_FORM and mask.source == "WHO"
        assert [t.term for t in concepts[0].terms["es"]] == ["mascarilla"]
        assert list(concepts[1].terms) == ["en"]
        assert sum("empty term" in n for n in notices) == 2

    def test_weblate_hybrid(self) -> None:
        (concept,), _ = _read(HYBRID)
        assert concept.translate is False
        term = concept.terms["en"][0]
        assert term.status is Status.DEPRECATED
        assert term.note == "Do not translate."
        assert term.extra == {
            "id": "e002-en",
            "administrativeStatus": "obsolete",
            "note.from": "developer",
        }

    def test_ids_made_valid_and_unique(self) -> None:
        entries = "".join(
            f'<conceptEntry{attr}><langSec xml:lang="en"><termSec><term>{term}</term>'
            "</termSec></langSec></conceptEntry>"
            for attr, term in [
                ("", "Cell"),
                ("", "cell"),
                (' id="_1918-flu"', "1918 flu"),
                ("", "Кремль"),
                (' id="Cell"', "x"),
            ]
        )
        text = f'<tbx xmlns="{NS}" xml:lang="en"><text><body>{entries}</body></text></tbx>'
        concepts, _ = _read(text)
        assert [c.id for c in concepts] == ["cell", "cell-2", "1918-flu", "concept-4", "cell-3"]
        concepts, _ = _read(text, ids="slug")
        assert concepts[4].id == "x"

    def test_language_fallbacks(self) -> None:
        text = f"""<tbx xmlns="{NS}"><text><body><conceptEntry>
            <langSec xml:lang="en"><termSec><term>x</term></termSec></langSec>
            <langSec><termSec><term>y</term></termSec></langSec>
            <langSec xml:lang="qqq"><termSec><term>z</term></termSec></langSec>
          </conceptEntry></body></text></tbx>"""
        (concept,), notices = _read(text)
        assert concept.source_language == "en" and list(concept.terms) == ["en", "qqq"]
        assert any("without xml:lang" in n for n in notices)
        assert any("unknown language code 'qqq'" in n for n in notices)

    def test_bom_and_encoding(self) -> None:
        data = "\ufeff<?xml version='1.0' encoding='UTF-8'?>" + V2_MARTIF.split("?>", 1)[1]
        result = read_tbx(io.BytesIO(data.encode("utf-8")), "bom.tbx")
        assert len(result.concepts) == 2
        latin = V2_MARTIF.replace(
            '<?xml version="1.0"?>', '<?xml version="1.0" encoding="ISO-8859-1"?>'
        )
        latin = latin.replace("mascarilla", "máscara")
        result = read_tbx(io.BytesIO(latin.encode("latin-1")), "latin.tbx")
        assert result.concepts[0].terms["es"][0].term == "máscara"


class TestBadInput:
    def test_malformed_xml_points_at_line_and_column(self) -> None:
        text = f'<tbx xmlns="{NS}">\n<text><body>\n<conceptEntry></body></text></tbx>'
        with pytest.raises(ExchangeError) as info:
            _read(text)
        assert str(info.value).startswith("t.tbx:3:")
        assert info.value.line == 3 and info.value.column > 0
        assert isinstance(info.value, GlosadorError)

    def test_not_tbx(self) -> None:
        with pytest.raises(ExchangeError, match="not a TBX file"):
            _read("<html><body>x</body></html>")
        with pytest.raises(ExchangeError, match="not a TBX file"):
            _read("<html><conceptEntry/></html>")

    def test_no_languages(self) -> None:
        text = f'<tbx xmlns="{NS}"><text><body><conceptEntry id="a"><note>n</note>'
        text += "</conceptEntry></body></text></tbx>"
        reader = TbxReader(io.BytesIO(text.encode()), "t.tbx")
        with pytest.raises(ExchangeError, match="none of the 1 entries has a term"):
            list(reader)
        assert [str(n) for n in reader.notices] == [
            "t.tbx:1: entry has no language section; skipped"
        ]

    def test_only_empty_terms(self) -> None:
        text = f'<tbx xmlns="{NS}"><text><body><conceptEntry><langSec xml:lang="en">'
        text += "<termSec><term/></termSec></langSec></conceptEntry></body></text></tbx>"
        with pytest.raises(ExchangeError, match="has a term"):
            _read(text)

    def test_empty_body_is_no_error(self) -> None:
        concepts, _ = _read(f'<tbx xmlns="{NS}"><text><body/></text></tbx>')
        assert concepts == []


# -- security -------------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []  # noqa: RUF012

    def do_GET(self) -> None:
        _Handler.requests.append(self.path)
        body = b'<!ENTITY leak "LEAKED">'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def dtd_server() -> Iterator[str]:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Handler.requests = []
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


_BODY = f"""<tbx xmlns="{NS}" xml:lang="en"><text><body><conceptEntry id="a">
<langSec xml:lang="en"><termSec><term>{{term}}</term></termSec></langSec>
</conceptEntry></body></text></tbx>"""


class TestSecurity:
    def test_xxe_file_is_refused(self) -> None:
        text = '<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        text += _BODY.format(term="&x;")
        with pytest.raises(ExchangeError, match="declares entities") as info:
            _read(text)
        assert "root:" not in str(info.value)

    def test_network_dtd_is_not_fetched(self, dtd_server: str) -> None:
        text = f'<!DOCTYPE tbx SYSTEM "{dtd_server}/tbx.dtd">\n' + _BODY.format(term="safe")
        concepts, _ = _read(text)
        assert concepts[0].terms["en"][0].term == "safe"
        time.sleep(0.1)
        assert _Handler.requests == []

    def test_external_parameter_entity_is_not_fetched(self, dtd_server: str) -> None:
        text = f'<!DOCTYPE tbx [<!ENTITY % p SYSTEM "{dtd_server}/p.dtd"> %p;]>\n'
        text += _BODY.format(term="safe")
        with pytest.raises(ExchangeError):
            _read(text)
        time.sleep(0.1)
        assert _Handler.requests == []

    def test_network_entity_is_not_fetched(self, dtd_server: str) -> None:
        text = f'<!DOCTYPE tbx [<!ENTITY x SYSTEM "{dtd_server}/x.txt">]>\n' + _BODY.format(
            term="&x;"
        )
        with pytest.raises(ExchangeError, match="declares entities"):
            _read(text)
        time.sleep(0.1)
        assert _Handler.requests == []

    def test_billion_laughs_is_refused_quickly(self) -> None:
        lol = ['<!ENTITY lol0 "lol">']
        lol += [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
        text = f"<!DOCTYPE tbx [{''.join(lol)}]>\n" + _BODY.format(term="&lol9;")
        started = time.perf_counter()
        with pytest.raises(ExchangeError, match="declares entities"):
            _read(text)
        assert time.perf_counter() - started < 2

    def test_undeclared_entity_is_malformed(self) -> None:
        with pytest.raises(ExchangeError, match="malformed XML"):
            _read(_BODY.format(term="&x;"))


# -- streaming ------------------------------------------------------------------------

_STREAM_CHILD = """
import resource, sys
from glosador.exchange import TbxReader
def rss():  # VmHWM: ru_maxrss would carry the parent's peak over fork and exec
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
from glosador.exchange.language import is_language_code
is_language_code("es")  # Babel's locale data: a fixed cost, not the file's
before = rss()
count = 0
with open(sys.argv[1], "rb") as handle:
    for concept in TbxReader(handle, sys.argv[1]):
        count += 1
print(count, rss() - before)
"""


def write_big_tbx(path: Path, concepts: int) -> None:
    """A generated TBX-Basic file: each concept with es and en terms and a definition."""
    with path.open("w", encoding="utf-8") as out:
        out.write(f'<tbx type="TBX-Basic" style="dca" xml:lang="es" xmlns="{NS}"><text><body>\n')
        for i in range(concepts):
            out.write(
                f'<conceptEntry id="c{i}"><descrip type="subjectField">tema {i % 97}</descrip>'
                f'<descrip type="definition">Definición número {i} del concepto, con acentos.</descrip>'
                f'<langSec xml:lang="es"><termSec><term>Término número {i}</term>'
                '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>'
                '<termNote type="partOfSpeech">noun</termNote></termSec>'
                f"<termSec><term>TN{i}</term>"
                '<termNote type="termType">acronym</termNote></termSec></langSec>'
                f'<langSec xml:lang="en"><termSec><term>Term number {i}</term>'
                "</termSec></langSec></conceptEntry>\n"
            )
        out.write("</body></text></tbx>\n")


def test_streaming_import_memory_stays_small(tmp_path: Path) -> None:
    big = tmp_path / "big.tbx"
    write_big_tbx(big, 45_000)
    size = big.stat().st_size
    assert size > 20_000_000
    child = subprocess.run(
        [sys.executable, "-c", _STREAM_CHILD, str(big)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    count, grown = map(int, child.stdout.split())
    assert count == 45_000
    # about a fifth (most of it the set of ids handed out); a parsed tree would be several times
    assert grown < size / 3, f"peak memory grew by {grown} bytes for a {size}-byte file"


# -- writing --------------------------------------------------------------------------


def check_dialect(text: str, dialect: str, style: str) -> None:
    """The TBX-Basic/Min/Core schema rules that apply to an exported file."""
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == f"{{{NS}}}tbx"
    assert root.get("type") == {"basic": "TBX-Basic", "min": "TBX-Min", "core": "TBX-Core"}[dialect]
    assert root.get("style") == style
    allowed = ALLOWED[dialect]
    ids: set[str] = set()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        namespace, _, name = element.tag[1:].partition("}")
        if element.get("id") is not None:
            assert etree.QName(element).localname in ("conceptEntry", "termSec")
            assert element.get("id") not in ids
            ids.add(element.get("id"))
        if namespace != NS:
            assert style == "dct", f"DCT element {name} in DCA"
            category, kind = name, KIND[name]
            assert (
                namespace
                == MODULE_NS[
                    "min"
                    if category in ALLOWED["min"]["termSec"] | ALLOWED["min"]["conceptEntry"]
                    else "basic"
                ]
            )
        elif name in ("descrip", "admin", "termNote", "ref", "xref"):
            assert style == "dca", f"DCA element {name} in DCT"
            category, kind = element.get("type"), name
            assert KIND[category] == kind
        else:
            continue
        parent = etree.QName(element.getparent()).localname
        assert category in allowed[parent], f"{category} not allowed in {parent} ({dialect})"
        if category in PICKLISTS:
            assert element.text in PICKLISTS[category]
        if kind in ("ref", "xref"):
            assert element.get("target", "").startswith(("http://", "https://"))
        if kind == "termNote":
            assert parent == "termSec"
    for entry in root.iter(f"{{{NS}}}conceptEntry"):
        assert entry.findall(f"{{{NS}}}langSec")
        for section in entry.findall(f"{{{NS}}}langSec"):
            assert section.findall(f"{{{NS}}}termSec")
            for term_section in section.findall(f"{{{NS}}}termSec"):
                children = [etree.QName(c).localname for c in term_section]
                assert children[0] == "term"
                notes = [
                    i
                    for i, c in enumerate(term_section)
                    if (c.get("type") and etree.QName(c).localname == "termNote")
                    or (
                        etree.QName(c).namespace != NS
                        and KIND.get(etree.QName(c).localname) == "termNote"
                    )
                ]
                assert notes == list(range(1, len(notes) + 1)), "termNotes come right after term"


CLIPPVE = Concept(
    "1clippve",
    {
        "es": (
            Term("Comité por la Liberación de los Presos Políticos", "es", part_of_speech="noun"),
            Term("CLIPPVE", "es", Status.ADMITTED, TermType.ACRONYM, True),
        ),
        "en": (
            Term("Committee <for> the Freedom & Release", "en", context="The committee said"),
            Term("Political Prisoners Committee", "en", Status.DEPRECATED, note="glosador: odd"),
        ),
    },
    subject="organization",
    definition="Venezuelan committee.",
    note="Founded 2024.",
    source="https://clippve.org",
    translate=False,
)


@pytest.mark.parametrize("dialect", ["basic", "min", "core"])
@pytest.mark.parametrize("style", ["dca", "dct"])
def test_export_follows_dialect_and_round_trips(dialect: str, style: str) -> None:
    out = io.StringIO()
    write_tbx([CLIPPVE], out, dialect=dialect, style=style)
    check_dialect(out.getvalue(), dialect, style)
    assert _round([CLIPPVE], dialect=dialect, style=style) == [CLIPPVE]


def test_export_basic_dca_layout() -> None:
    out = io.StringIO()
    write_tbx([CLIPPVE], out)
    text = out.getvalue()
    assert '<conceptEntry id="_1clippve">' in text
    assert '<descrip type="subjectField">organization</descrip>' in text
    assert '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>' in text
    assert '<termNote type="termType">acronym</termNote>' in text
    assert "<term>Committee &lt;for&gt; the Freedom &amp; Release</term>" in text
    assert 'glosador:{"translate": false}' in text


def test_export_refuses_what_xml_cannot_hold() -> None:
    bad = Concept("x", {"en": (Term("bell \x07", "en"),)})
    with pytest.raises(ExchangeError, match="concept 'x': character U\\+0007"):
        write_tbx([bad], io.StringIO())


def test_unknown_dialect() -> None:
    with pytest.raises(ExchangeError, match="dialect"):
        write_tbx([CLIPPVE], io.StringIO(), dialect="tbx-max")


def test_bundled_glossary_round_trips() -> None:
    glossary = load_glossary()
    concepts = [without_place(c) for c in glossary]
    assert _round(concepts, source_language=glossary.source_language) == concepts


@settings(max_examples=40, deadline=None)
@given(glossaries())
@pytest.mark.parametrize(
    ("dialect", "style"), [("basic", "dca"), ("basic", "dct"), ("min", "dca"), ("core", "dca")]
)
def test_round_trip_generated(dialect: str, style: str, concepts: list[Concept]) -> None:
    out = io.StringIO()
    write_tbx(concepts, out, dialect=dialect, style=style)
    check_dialect(out.getvalue(), dialect, style)
    assert _round(concepts, dialect=dialect, style=style) == concepts
