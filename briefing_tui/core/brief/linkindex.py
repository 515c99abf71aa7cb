"""The index of a brief's links and backlinks, built once when the brief loads.

For every item it knows the links going out (a position's actor and issue, a quote's speaker, a
question's ``bears_on``, ``[[id]]`` mentions in its Markdown, ...) and the links coming in (an
actor's positions, quotes and events, an issue's positions, a position's questions), and for
every paragraph of the source the items that cite it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cache

from .fields import Kind, specs
from .fieldtext import citations
from .model import Item, Link, LinkIndex


def cited_paragraphs(item: Item) -> tuple[int, ...]:
    """The source paragraphs an item points at (its evidence, or a quote's paragraph): the
    paragraphs its fields declared with ``cites`` quote from."""
    found = citations(item)
    if len(found) < 2:  # most items: no need to drop repeats
        return (found[0][0],) if found else ()
    return tuple(dict.fromkeys(para for para, _ in found))


def build_index(items: Iterable[Item], mentions: Mapping[str, list[tuple[str, str]]]) -> LinkIndex:
    """Index the links of ``items``; ``mentions`` maps a source id to its (field, target) pairs
    found as ``[[id]]`` in Markdown (the brief's own id for its summary)."""
    outgoing: dict[str, list[Link]] = defaultdict(list)
    incoming: dict[str, list[Link]] = defaultdict(list)
    citing: dict[int, list[str]] = defaultdict(list)
    cited: dict[str, tuple[int, ...]] = {}

    def add(link: Link) -> None:
        outgoing[link.source].append(link)
        incoming[link.target].append(link)

    for item in items:
        kind: type = type(item)  # typed as a class: see fields.specs
        for name in _ref_fields(kind):
            value = getattr(item, name)
            for target in (value,) if isinstance(value, str) else value:
                add(Link(item.id, target, name))
        paragraphs = cited_paragraphs(item)
        if paragraphs:
            cited[item.id] = paragraphs
            for number in paragraphs:
                citing[number].append(item.id)
    for source, pairs in mentions.items():
        for field_name, target in dict.fromkeys(pairs):
            add(Link(source, target, field_name, mention=True))
    return LinkIndex(
        outgoing={k: tuple(v) for k, v in outgoing.items()},
        incoming={k: tuple(v) for k, v in incoming.items()},
        citing={k: tuple(v) for k, v in citing.items()},
        cited=cited,
    )


@cache
def _ref_fields(cls: type) -> tuple[str, ...]:
    return tuple(name for name, spec in specs(cls).items() if spec.kind in (Kind.REF, Kind.REFS))
