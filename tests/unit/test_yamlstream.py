from __future__ import annotations

import gc
import weakref
from typing import Any

import pytest
import yaml

from glosador.glossary import parse_glossary
from glosador.yamlstream import StreamedSequence, compose_streaming

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _shape(node: Any) -> Any:
    """A node tree as plain data, with tags and positions, to compare two composers."""
    if node is None:
        return None
    where = (node.tag, node.start_mark.line, node.start_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return (*where, node.value)
    if isinstance(node, yaml.SequenceNode):
        return (*where, [_shape(item) for item in node.value])
    return (*where, [(_shape(k), _shape(v)) for k, v in node.value])


def _stream(text: str) -> tuple[Any, list[Any], set[int]]:
    items: list[Any] = []
    anchored: set[int] = set()
    root = compose_streaming(text, "concepts", lambda _root, item: items.append(item), anchored)
    return root, items, anchored


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: [x, {c: d}]\n",
        "- one\n- two: 2\n",
        "just a scalar\n",
        "---\nx: !!str 5\ny: null\nz: true\n",
        "concepts: not a list\n",
        "k: &a [1, 2]\nl: *a\n",
    ],
)
def test_what_is_not_streamed_is_composed_as_yaml_compose_does(text: str) -> None:
    root, items, _ = _stream(text)
    assert items == []
    assert _shape(root) == _shape(yaml.compose(text, Loader=_LOADER))


def test_the_concepts_items_are_handed_over_in_order_with_the_keys_before_them() -> None:
    text = "source_language: en\nconcepts:\n  - id: a\n  - id: b\n  - [x]\nafter: 1\n"
    seen: list[tuple[list[str], Any]] = []
    anchored: set[int] = set()

    def on_item(root: Any, item: Any) -> None:
        seen.append(([k.value for k, _ in root.value], _shape(item)))

    root = compose_streaming(text, "concepts", on_item, anchored)
    whole = yaml.compose(text, Loader=_LOADER)
    assert [keys for keys, _ in seen] == [["source_language"]] * 3
    assert [item for _, item in seen] == [_shape(item) for item in whole.value[1][1].value]
    concepts = root.value[1][1]
    assert isinstance(concepts, StreamedSequence)
    assert (concepts.value, concepts.handled) == ([], 3)
    assert [_shape(n) for n in root.value[2]] == [_shape(n) for n in whole.value[2]]


def test_a_streamed_item_is_not_kept() -> None:
    text = "concepts:\n" + "".join(f"  - {{id: c{i}, terms: {{es: [x]}}}}\n" for i in range(50))
    refs: list[weakref.ref[Any]] = []
    compose_streaming(text, "concepts", lambda _r, item: refs.append(weakref.ref(item)), set())
    gc.collect()
    assert len(refs) == 50
    assert all(ref() is None for ref in refs)


def test_only_anchored_nodes_are_recorded_and_an_alias_returns_the_same_node() -> None:
    text = "concepts:\n  - &t {id: a}\n  - *t\n  - {id: b}\n"
    _root, items, anchored = _stream(text)
    assert items[0] is items[1]
    assert anchored == {id(items[0])}
    assert id(items[2]) not in anchored


def test_an_empty_stream_is_none_and_a_second_document_is_an_error() -> None:
    assert _stream("# nothing\n")[0] is None
    with pytest.raises(yaml.YAMLError, match="single document") as info:
        _stream("concepts: []\n---\nconcepts: []\n")
    with pytest.raises(yaml.YAMLError) as expected:
        yaml.compose("concepts: []\n---\nconcepts: []\n", Loader=_LOADER)
    assert str(info.value) == str(expected.value)


def test_a_syntax_error_after_good_concepts_leaves_only_the_error() -> None:
    parsed = parse_glossary(
        "concepts:\n  - id: a\n    terms: {es: [x], en: [y]}\n  - id: b\n    terms: {es: [\n",
        "g.yaml",
    )
    assert parsed.concepts == ()
    assert [(p.line, p.code) for p in parsed.problems] == [(6, "GL001")]
    assert parsed.problems[0].message.startswith("YAML:")


def test_source_language_after_the_concepts_still_applies() -> None:
    parsed = parse_glossary(
        "concepts:\n  - id: a\n    terms: {es: [x], en: [y]}\nsource_language: en\n", "g.yaml"
    )
    assert parsed.problems == ()
    assert [c.source_language for c in parsed.concepts] == ["en"]


def test_a_repeated_concepts_list_is_reported_and_not_read() -> None:
    parsed = parse_glossary(
        "concepts:\n  - id: a\n    terms: {es: [x], en: [y]}\n"
        "concepts:\n  - id: b\n    terms: {es: [x], en: [y]}\n  - id: c\n",
        "g.yaml",
    )
    assert [c.id for c in parsed.concepts] == ["a"]
    assert [(p.line, p.message) for p in parsed.problems] == [
        (4, "duplicate key 'concepts' in the glossary file")
    ]


def test_parsing_a_large_glossary_never_holds_its_whole_node_tree() -> None:
    import tracemalloc

    text = "source_language: es\nconcepts:\n" + "".join(
        f"  - id: c{i}\n    terms:\n      es:\n        - Comisión Número {i}\n"
        f"        - {{term: CN{i}, type: acronym}}\n      en:\n        - Commission {i}\n"
        for i in range(3000)
    )
    tracemalloc.start()
    tree = yaml.compose(text, Loader=_LOADER)
    whole = tracemalloc.get_traced_memory()[1]
    del tree
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    parsed = parse_glossary(text, "big.yaml")
    streamed = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    assert len(parsed.concepts) == 3000 and parsed.problems == ()
    assert streamed < whole / 2, (streamed, whole)
