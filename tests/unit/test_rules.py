from __future__ import annotations

import re

import pytest

from glosador.errors import ConfigError
from glosador.rules import REQUIRED_HEADINGS, all_rules, get_rule, resolve_codes


def test_codes_and_names_are_unique_and_well_formed() -> None:
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
    for rule in rules:
        assert re.fullmatch(r"GL[0-9]{3}", rule.code)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)


def test_glossary_rules_are_registered() -> None:
    codes = {r.code for r in all_rules()}
    assert {"GL001", "GL002", "GL003", "GL004", "GL005", "GL006"} <= codes


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_rule_has_a_ruff_style_doc(rule: type) -> None:
    doc = rule.doc()  # type: ignore[attr-defined]
    for heading in REQUIRED_HEADINGS:
        assert heading in doc, f"{rule.code} lacks {heading}"  # type: ignore[attr-defined]
    assert "Use instead:" in doc
    assert rule.summary  # type: ignore[attr-defined]


def test_lookup_by_code_or_name() -> None:
    assert get_rule("GL003") is get_rule("ambiguous-term") is get_rule("gl003")
    with pytest.raises(ConfigError, match="GL999"):
        get_rule("GL999")


def test_resolve_codes_accepts_prefixes_names_and_all() -> None:
    assert resolve_codes("GL001,unknown-language") == {"GL001", "GL005"}
    assert {"GL001", "GL006"} <= resolve_codes("GL0")
    assert resolve_codes("ALL") == {r.code for r in all_rules()}
    with pytest.raises(ConfigError):
        resolve_codes("GL001,nonsense")
