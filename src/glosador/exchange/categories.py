"""TBX data categories: which element carries each, and which a dialect allows where.

The tables follow the TBX-Basic, TBX-Min and TBX-Core dialects of TBX v3
(ISO 30042:2019): ``ALLOWED[dialect][level]`` is the set of data categories a
dialect permits at ``conceptEntry``, ``langSec`` or ``termSec`` level, and
``PICKLISTS`` the values permitted for the closed ones.
"""

from __future__ import annotations

__all__ = [
    "ALLOWED",
    "CONCEPT_FIELDS",
    "DIALECTS",
    "KIND",
    "MODULE",
    "MODULE_NS",
    "PICKLISTS",
    "TERM_FIELDS",
]

#: the DCA element (``<descrip type=...>`` etc.) that carries each data category
KIND: dict[str, str] = {
    "subjectField": "descrip",
    "definition": "descrip",
    "context": "descrip",
    "source": "admin",
    "customerSubset": "admin",
    "projectSubset": "admin",
    "administrativeStatus": "termNote",
    "partOfSpeech": "termNote",
    "termType": "termNote",
    "geographicalUsage": "termNote",
    "grammaticalGender": "termNote",
    "termLocation": "termNote",
    "crossReference": "ref",
    "externalCrossReference": "xref",
    "xGraphic": "xref",
}

#: the DCT module (namespace prefix) of each data category
MODULE: dict[str, str] = {
    "subjectField": "min",
    "administrativeStatus": "min",
    "partOfSpeech": "min",
    "customerSubset": "min",
    "externalCrossReference": "min",
}
MODULE_NS = {
    "min": "http://www.tbxinfo.net/ns/min",
    "basic": "http://www.tbxinfo.net/ns/basic",
}

_MIN = {
    "conceptEntry": frozenset({"subjectField", "customerSubset", "externalCrossReference"}),
    "langSec": frozenset({"externalCrossReference"}),
    "termSec": frozenset(
        {"administrativeStatus", "partOfSpeech", "customerSubset", "externalCrossReference"}
    ),
}
_BASIC = {
    "conceptEntry": _MIN["conceptEntry"]
    | {"definition", "source", "projectSubset", "crossReference", "xGraphic"},
    "langSec": _MIN["langSec"] | {"definition", "source", "xGraphic"},
    "termSec": _MIN["termSec"]
    | {
        "context",
        "source",
        "projectSubset",
        "crossReference",
        "geographicalUsage",
        "grammaticalGender",
        "termLocation",
        "termType",
    },
}
_CORE: dict[str, frozenset[str]] = {
    "conceptEntry": frozenset(),
    "langSec": frozenset(),
    "termSec": frozenset(),
}

ALLOWED: dict[str, dict[str, frozenset[str]]] = {"basic": _BASIC, "min": _MIN, "core": _CORE}
DIALECTS = {"basic": "TBX-Basic", "min": "TBX-Min", "core": "TBX-Core"}

PICKLISTS: dict[str, frozenset[str]] = {
    "administrativeStatus": frozenset(
        {
            "preferredTerm-admn-sts",
            "admittedTerm-admn-sts",
            "deprecatedTerm-admn-sts",
            "supersededTerm-admn-sts",
        }
    ),
    "partOfSpeech": frozenset({"noun", "verb", "adjective", "adverb", "other"}),
    "grammaticalGender": frozenset({"masculine", "feminine", "neuter", "other"}),
    "termType": frozenset(
        {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"}
    ),
    "termLocation": frozenset(
        {
            "checkBox",
            "comboBox",
            "comboBoxElement",
            "dialogBox",
            "groupBox",
            "informativeMessage",
            "interactiveMessage",
            "menuItem",
            "progressBar",
            "pushButton",
            "radioButton",
            "slider",
            "spinBox",
            "tab",
            "tableText",
            "textBox",
            "toolTip",
            "user-definedType",
        }
    ),
}

#: data categories read into a concept field, and the field
CONCEPT_FIELDS = {
    "subjectField": "subject",
    "definition": "definition",
    "note": "note",
    "source": "source",
}
#: data categories read into a term field, and the field
TERM_FIELDS = {
    "administrativeStatus": "status",
    "termType": "type",
    "partOfSpeech": "part_of_speech",
    "note": "note",
    "context": "context",
    "source": "source",
}
