from __future__ import annotations

from pathlib import Path

import pytest

from glosador.errors import CatalogError
from glosador.pofile import (
    normalize_plural_forms,
    parse_po,
    plural_forms_agree,
    plural_forms_warning,
    read_po,
)

HEADER = (
    '# Translator header comment.\nmsgid ""\nmsgstr ""\n'
    '"Language: es\\n"\n"Content-Type: text/plain; charset={charset}\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)

BODY = """\
# translator says hi
#. extracted
#: src/a.py:3
#, fuzzy, c-format
#| msgid "Old %s"
msgctxt "ctx"
msgid "New %s"
msgstr "Nuevo %s"

msgid "one file"
msgid_plural "%d files"
msgstr[0] "un archivo"
msgstr[1] ""
"%d archivos"

#~ msgctxt "gone"
#~ msgid "Removed"
#~ msgstr "Quitado"
"""


def write(tmp_path: Path, text: str | bytes, name: str = "x.po") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


class TestParse:
    def test_everything_is_kept(self) -> None:
        po = parse_po(HEADER.format(charset="UTF-8") + BODY, "x.po")
        assert po.language == "es"
        assert po.plural_forms == "nplurals=2; plural=(n != 1);"
        assert po.plural_forms_line == 6
        assert po.header_comment == "Translator header comment."
        first, plural, gone = po.entries
        assert (first.msgctxt, first.msgid, first.msgstr) == ("ctx", "New %s", "Nuevo %s")
        assert first.fuzzy and "c-format" in first.flags
        assert first.previous_msgid == "Old %s"
        assert first.tcomment == "translator says hi"
        assert first.comment == "extracted"
        assert first.occurrences == (("src/a.py", "3"),)
        assert not first.translated
        assert first.msgstr_lines == (15,)
        assert plural.msgid_plural == "%d files"
        assert plural.msgstr_plural == ("un archivo", "%d archivos")
        assert plural.msgstr_lines == (19, 20)
        assert plural.translated
        assert gone.obsolete and gone.msgctxt == "gone" and gone.msgstr == "Quitado"
        assert [e.msgid for e in po.active()] == ["New %s", "one file"]

    def test_msgstr_line_points_at_msgstr(self) -> None:
        text = HEADER.format(charset="UTF-8") + BODY
        lines = text.split("\n")
        for entry in parse_po(text):
            for line in entry.msgstr_lines:
                assert "msgstr" in lines[line - 1]

    def test_adjacent_strings_read_like_gettext(self) -> None:
        po = parse_po('msgid "pat" "ch"\nmsgstr ""\n')
        assert po.entries[0].msgid == "patch"

    def test_syntax_error_names_the_line(self) -> None:
        with pytest.raises(CatalogError) as info:
            parse_po('msgid "a"\nmsgstr "b"\n\nmsgid "c\nmsgstr "d"\n', "bad.po")
        assert str(info.value).startswith("bad.po:4: syntax error")
        assert info.value.line == 4

    def test_garbage_line(self) -> None:
        with pytest.raises(CatalogError, match=r"bad.po:3: syntax error"):
            parse_po('msgid "a"\nmsgstr "b"\nwhat is this\n', "bad.po")


class TestCharsets:
    def test_latin1(self, tmp_path: Path) -> None:
        data = (HEADER.format(charset="iso-8859-1") + 'msgid "ok"\nmsgstr "Aceptación"\n').encode(
            "latin-1"
        )
        po = read_po(write(tmp_path, data))
        assert po.charset == "iso-8859-1"
        assert po.entries[0].msgstr == "Aceptación"

    def test_unknown_charset(self, tmp_path: Path) -> None:
        path = write(tmp_path, HEADER.format(charset="KLINGON-8") + 'msgid "a"\nmsgstr "b"\n')
        with pytest.raises(CatalogError, match=r"x.po:5: unknown charset 'KLINGON-8'"):
            read_po(path)

    def test_bytes_not_in_declared_charset(self, tmp_path: Path) -> None:
        data = (HEADER.format(charset="UTF-8") + 'msgid "a"\nmsgstr "Aceptación"\n').encode(
            "latin-1"
        )
        with pytest.raises(CatalogError, match=r"x.po:9: bytes not valid in charset 'UTF-8'"):
            read_po(write(tmp_path, data))

    def test_template_placeholder_reads_as_utf8(self, tmp_path: Path) -> None:
        po = read_po(write(tmp_path, HEADER.format(charset="CHARSET") + 'msgid "é"\nmsgstr ""\n'))
        assert po.entries[0].msgid == "é"

    def test_bom(self, tmp_path: Path) -> None:
        po = read_po(write(tmp_path, b"\xef\xbb\xbf" + b'msgid "a"\nmsgstr "b"\n'))
        assert po.entries[0].msgstr == "b"

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(CatalogError, match="cannot read"):
            read_po(tmp_path / "nope.po")


class TestPluralForms:
    def test_normalize(self) -> None:
        assert normalize_plural_forms("nplurals=2; plural=n != 1;") == (2, "n!=1")
        assert normalize_plural_forms("nplurals=2; plural=(n != 1)") == (2, "n!=1")

    def test_warning_names_both(self) -> None:
        po = parse_po(
            'msgid ""\nmsgstr ""\n"Language: es\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n',
            "fr-rule.po",
        )
        warning = plural_forms_warning(po, "nplurals=2; plural=(n != 1);", "es")
        assert warning is not None
        assert str(warning).startswith("fr-rule.po:4: warning: Plural-Forms")
        assert "(n > 1)" in warning.message and "(n != 1)" in warning.message

    def test_agree_when_one_rule_refines_the_other(self) -> None:
        classic = "nplurals=2; plural=(n != 1);"
        cldr_47 = "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);"
        assert plural_forms_agree(classic, cldr_47) and plural_forms_agree(cldr_47, classic)
        assert plural_forms_agree(
            "nplurals=2; plural=(n > 1);",
            "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;",
        )
        assert plural_forms_agree("nplurals=1; plural=0;", "nplurals=1; plural=0;")

    def test_disagree(self) -> None:
        classic = "nplurals=2; plural=(n != 1);"
        assert not plural_forms_agree("nplurals=2; plural=(n > 1);", classic)
        assert not plural_forms_agree(
            "nplurals=2; plural=(n > 1);",
            "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);",
        )
        assert not plural_forms_agree(
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
            classic,
        )
        assert not plural_forms_agree("nplurals=1; plural=n;", classic)  # a form out of range
        assert not plural_forms_agree("nplurals=2; plural=(n !=;", classic)  # broken
        assert not plural_forms_agree("plural=(n != 1);", classic)  # no nplurals

    def test_no_warning_when_equivalent(self) -> None:
        po = parse_po('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=n != 1;\\n"\n')
        assert plural_forms_warning(po, "nplurals=2; plural=(n != 1);", "es") is None
