"""Reading the labelled training data (AnyStyle's, as JSON lines) into token/label sequences.

Each line of the file is one reference: ``raw`` (the string as printed),
``segments`` (``[[label, text], ...]`` in order, cut at whitespace) and
``subset`` (core, gold, good, bad, ugly). A segment's label is given to each of
its whitespace tokens.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .tokens import Token, tokenize

_NOT_WORD = re.compile(r"\W+")


@dataclass(frozen=True)
class Example:
    """One labelled reference: its tokens and one label per token."""

    id: str
    subset: str
    raw: str
    tokens: tuple[Token, ...]
    labels: tuple[str, ...]
    segments: tuple[tuple[str, str], ...]


def _example(record: dict[str, Any]) -> Example | None:
    raw = str(record["raw"])
    segments = tuple((str(label), str(text)) for label, text in record["segments"])
    labels: list[str] = []
    for label, text in segments:
        labels.extend(label for _ in text.split())
    tokens = tokenize(raw)
    if len(tokens) != len(labels) or [t.text for t in tokens] != [w for _, s in segments for w in s.split()]:
        return None
    return Example(str(record.get("id", "")), str(record.get("subset", "")), raw, tokens, tuple(labels), segments)


def read_examples(path: Path) -> Iterator[Example]:
    """The usable examples in a JSON-lines file, in file order (misaligned records are skipped)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                example = _example(json.loads(line))
                if example is not None:
                    yield example


def fingerprint(raw: str) -> str:
    """A reference string reduced to lower-case letters and digits, for finding duplicates."""
    return _NOT_WORD.sub("", raw.lower())


def without_subsets(examples: Iterable[Example], excluded: Iterable[str]) -> list[Example]:
    """The examples outside ``excluded``, minus any whose text duplicates one inside it.

    AnyStyle's files overlap: some strings of one subset reappear in another.
    Dropping those keeps a held-out subset really unseen.
    """
    every = list(examples)
    held = set(excluded)
    held_prints = {fingerprint(e.raw) for e in every if e.subset in held}
    return [e for e in every if e.subset not in held and fingerprint(e.raw) not in held_prints]
