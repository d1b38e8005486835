"""Cutting a paragraph's inline nodes at plain-text offsets, for the block carving
(:mod:`papersite.parse.blocks`): nothing is lost or reordered, pieces are cut from the nodes themselves."""

from __future__ import annotations

from dataclasses import replace

from ..model import Emphasis, Inline, Text, plain_text


def sliced(inlines: tuple[Inline, ...], start: int, stop: int) -> tuple[Inline, ...]:
    """The inline nodes covering plain-text offsets [start, stop): text nodes cut at the offsets,
    any other node kept whole in the piece its first character falls in (a note marker, which has
    no text, in the piece before it)."""
    out: list[Inline] = []
    at = 0
    for node in inlines:
        length = len(plain_text((node,)))
        if length == 0:
            if start < at <= stop or at == start == 0:
                out.append(node)
        elif isinstance(node, (Text, Emphasis)):
            a, b = max(start, at), min(stop, at + length)
            if a < b:
                out.append(replace(node, text=node.text[a - at : b - at]))
        elif start <= at < stop:
            out.append(node)
        at += length
    return tuple(out)


def trimmed(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """``inlines`` without the spaces at their two ends (none left when they are all space)."""
    nodes = list(inlines)
    while nodes and isinstance(nodes[0], Text) and not nodes[0].text.strip():
        nodes.pop(0)
    while nodes and isinstance(nodes[-1], Text) and not nodes[-1].text.strip():
        nodes.pop()
    if not nodes:
        return ()
    if isinstance(nodes[0], Text):
        nodes[0] = Text(nodes[0].text.lstrip())
    if isinstance(nodes[-1], Text):
        nodes[-1] = Text(nodes[-1].text.rstrip())
    return tuple(nodes)


def joined(parts: list[tuple[Inline, ...]]) -> tuple[Inline, ...]:
    """The lines of a block as one run of nodes, a line break between lines."""
    out: list[Inline] = []
    for part in parts:
        if out:
            out.append(Text("\n"))
        out.extend(part)
    return tuple(out)
