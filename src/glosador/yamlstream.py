"""Composing a glossary file's YAML one concept at a time.

``yaml.compose`` builds the node tree of the whole file before anything reads it:
for a 100,000-concept file (21 MB) that is about 1.5 million nodes, each with two
marks and a ``__dict__``, some 650 MB that live only until the concepts are built.
``compose_streaming`` composes the top-level mapping itself and hands each item of
its ``concepts`` list to a callback as soon as that item is composed, so only one
concept's nodes exist at a time. Everything else is composed as ``yaml.compose``
would, with PyYAML's own ``Composer`` on top of its C parser when available.

Only anchored nodes can be reached twice (through an alias), so only their ids are
kept (``anchored``): the ids of dropped nodes are reused by CPython and must not be
mistaken for aliases.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml
from yaml.composer import Composer, ComposerError
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import Resolver

__all__ = ["StreamedSequence", "compose_streaming", "plain_key"]

#: PyYAML's C parser (libyaml) when it was built with it, else its pure-Python loader
_Parser: Any = getattr(getattr(yaml, "cyaml", None), "CParser", None) or yaml.SafeLoader


class _Loader(_Parser, Composer, Resolver):  # type: ignore[misc]
    """Events from PyYAML's parser, nodes from PyYAML's composer, tags resolved as SafeLoader."""

    def __init__(self, text: str, anchored: set[int]) -> None:
        _Parser.__init__(self, text)
        Composer.__init__(self)
        Resolver.__init__(self)
        self.anchored = anchored

    def compose_node(self, parent: Any, index: Any) -> Any:
        event: Any = self.peek_event()
        anchored = not isinstance(event, AliasEvent) and event.anchor is not None
        node = Composer.compose_node(self, parent, index)
        if anchored:
            self.anchored.add(id(node))  # kept alive by self.anchors: the id stays its own
        return node


class StreamedSequence(SequenceNode):
    """The ``concepts`` list, composed item by item: its ``value`` is left empty and
    ``handled`` counts the items given to the callback."""

    handled: int = 0


def _mapping_start(loader: Any) -> MappingNode:
    event = loader.get_event()
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(MappingNode, None, event.implicit)
    node = MappingNode(tag, [], event.start_mark, None, flow_style=event.flow_style)
    if event.anchor is not None:
        loader.anchors[event.anchor] = node
        loader.anchored.add(id(node))
    return node


def _streamed_sequence(
    loader: Any, root: MappingNode, on_item: Callable[[MappingNode, Any], None]
) -> StreamedSequence:
    event = loader.get_event()
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(SequenceNode, None, event.implicit)
    node = StreamedSequence(tag, [], event.start_mark, None, flow_style=event.flow_style)
    index = 0
    while not loader.check_event(SequenceEndEvent):
        on_item(root, loader.compose_node(node, index))
        index += 1
        node.handled = index
    node.end_mark = loader.get_event().end_mark
    return node


def plain_key(node: Any, name: str) -> bool:
    """Whether ``node`` is the plain string key ``name``."""
    return isinstance(node, ScalarNode) and node.value == name and node.tag.endswith(":str")


def compose_streaming(
    text: str, key: str, on_item: Callable[[MappingNode, Any], None], anchored: set[int]
) -> Any:
    """Compose ``text``'s single document; each item of the top-level mapping's ``key``
    list goes to ``on_item`` as it is composed, with the root mapping as composed so
    far (the items before that list), and the list's node is a ``StreamedSequence``.
    The ids of anchored nodes are added to ``anchored`` as they are composed. Returns
    the root node (``None`` for an empty stream); raises ``yaml.YAMLError`` as
    ``yaml.compose`` would.
    """
    loader: Any = _Loader(text, anchored)
    try:
        loader.get_event()  # StreamStart
        if loader.check_event(StreamEndEvent):
            loader.get_event()
            return None
        document = loader.get_event()  # DocumentStart
        if loader.check_event(MappingStartEvent) and loader.peek_event().anchor is None:
            root: Any = _mapping_start(loader)
            while not loader.check_event(MappingEndEvent):
                item_key = loader.compose_node(root, None)
                if plain_key(item_key, key) and (
                    loader.check_event(SequenceStartEvent) and loader.peek_event().anchor is None
                ):
                    item_value: Any = _streamed_sequence(loader, root, on_item)
                else:
                    item_value = loader.compose_node(root, item_key)
                root.value.append((item_key, item_value))
            root.end_mark = loader.get_event().end_mark
        else:
            root = loader.compose_node(None, None)
        loader.get_event()  # DocumentEnd
        if not loader.check_event(StreamEndEvent):
            event = loader.get_event()
            raise ComposerError(
                "expected a single document in the stream",
                document.start_mark,
                "but found another document",
                event.start_mark,
            )
        return root
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose is not None:
            dispose()
