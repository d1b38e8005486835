"""Reading labelled reference strings (AnyStyle's and GROBID's, as JSON lines) into token/label sequences.

Each line of a file (``.jsonl`` or ``.jsonl.gz``) is one reference: ``raw``
(the string as printed), ``segments`` (``[[label, text], ...]`` in order; their
texts, joined, give ``raw`` up to whitespace) and ``subset`` (AnyStyle's core,
gold, good, bad, ugly; for GROBID the corpus file the string comes from).

Segments need not break where tokens do, so labels are aligned by character:
each non-space character of ``raw`` gets its segment's label, and a token the
label of its first letter or digit. GROBID's labels are mapped to AnyStyle's
(:data:`GROBID_LABELS`; a journal is AnyStyle's ``journal``, a book holding
a chapter its ``container-title``; the issue goes with the volume, as
AnyStyle has no issue label), and its untagged words ("In", "pp.", "editors", "and") join
the field they lead into, or the one before for role words and "et al.".
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .assemble import segments_of
from .tokens import Token, tokenize

_NOT_WORD = re.compile(r"\W+")
_CORE = re.compile(r"[^\W_]")

#: GROBID's ``element@attribute=value`` labels in AnyStyle's terms (anything else: ``note``).
GROBID_LABELS = MappingProxyType({
    "author": "author",
    "authors": "author",
    "orgName@type=collaboration": "author",
    "editor": "editor",
    "date": "date",
    "biblScope@unit=date": "date",
    "title@level=a": "title",
    "title@level=j": "journal",
    "title@level=s": "collection-title",
    "biblScope@unit=volume": "volume",
    "biblScope@type=vol": "volume",
    "volumes": "volume",
    "biblScope@unit=issue": "volume",
    "biblScope@type=issue": "volume",
    "biblScope@unit=page": "pages",
    "biblScope@unit=pages": "pages",
    "biblScope@type=pp": "pages",
    "page": "pages",
    "pubPlace": "location",
    "publisher": "publisher",
    "publishe": "publisher",
    "orgName": "publisher",
    "note@type=report": "genre",
    "idno@type=DOI": "doi",
    "ptr@type=web": "url",
    "idno@type=ISBN": "isbn",
    "idno@type=isbn": "isbn",
})
_BOOK_TITLES = ("title@level=m", "title@type=m")
MIXED_COLLECTION = "citations.xml"
_BACKWARD_WORDS = frozenset("ed eds editor editors hrsg hg coord coords dir dirs et al".split())


@dataclass(frozen=True)
class Example:
    """One labelled reference: its tokens and one label per token."""

    id: str
    subset: str
    raw: str
    tokens: tuple[Token, ...]
    labels: tuple[str, ...]
    source: str = "anystyle"
    overlap: tuple[str, ...] = ()


def _mapped(segments: Sequence[tuple[str | None, str]], grobid: bool) -> list[tuple[str | None, str]]:
    if not grobid:
        return [(label or None, text) for label, text in segments]
    has_article = any(label == "title@level=a" for label, _ in segments)
    out: list[tuple[str | None, str]] = []
    for label, text in segments:
        if label is None:
            out.append((None, text))
        elif label in _BOOK_TITLES:
            out.append(("container-title" if has_article else "title", text))
        else:
            out.append((GROBID_LABELS.get(label, "note"), text))
    return out


def _char_labels(raw: str, segments: Sequence[tuple[str | None, str]]) -> list[str | None] | None:
    """The label of each character of ``raw`` (spaces: ``None``); ``None`` when the segments do not spell ``raw``."""
    labels: list[str | None] = [None] * len(raw)
    position = 0
    for label, text in segments:
        for char in text:
            if char.isspace():
                continue
            while position < len(raw) and raw[position].isspace():
                position += 1
            if position >= len(raw) or raw[position] != char:
                return None
            labels[position] = label
            position += 1
    if raw[position:].strip():
        return None
    return labels


def token_labels(raw: str, tokens: Sequence[Token], segments: Sequence[tuple[str | None, str]]) -> list[str] | None:
    """One label per token (see the module's description), or ``None`` when the segments do not spell ``raw``."""
    chars = _char_labels(raw, segments)
    if chars is None:
        return None
    found: list[str | None] = []
    for token in tokens:
        core = _CORE.search(token.text)
        found.append(chars[token.start + (core.start() if core else 0)])
    # untagged tokens: punctuation and role words go back, other words forward
    out: list[str | None] = list(found)
    for index, label in enumerate(found):
        if label is not None:
            continue
        text = tokens[index].text
        backward = not _CORE.search(text) or _NOT_WORD.sub("", text.lower()) in _BACKWARD_WORDS
        before = next((out[j] for j in range(index - 1, -1, -1) if out[j] is not None), None)
        after = next((found[j] for j in range(index + 1, len(found)) if found[j] is not None), None)
        out[index] = (before or after) if backward else (after or before)
    if any(label is None for label in out):
        return None
    return [label for label in out if label is not None]


def _example(record: dict[str, Any]) -> Example | None:
    raw = str(record["raw"])
    source = str(record.get("source", "anystyle"))
    segments = _mapped([(label, str(text)) for label, text in record["segments"]], grobid=source == "grobid")
    tokens = tokenize(raw)
    labels = token_labels(raw, tokens, segments)
    if not tokens or labels is None:
        return None
    overlap = tuple(str(name) for name in record.get("overlap") or ())
    return Example(str(record.get("id", "")), str(record.get("subset", "")), raw, tokens, tuple(labels), source, overlap)


def read_examples(path: Path) -> Iterator[Example]:
    """The usable examples in a JSON-lines file (gzip-compressed if it ends in ``.gz``), in file order
    (records whose segments do not spell their string are skipped)."""
    opened = gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8")
    with opened as handle:
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


def segments_of_example(example: Example) -> tuple[tuple[str, str], ...]:
    """The example's gold labelling as ``(label, text)`` runs, texts verbatim from ``raw``."""
    return segments_of(example.raw, example.tokens, example.labels)


def corpus_part(example: Example) -> str:
    """Where a GROBID corpus file goes in the benchmark: ``"test"``, ``"dev"`` or ``"train"``.

    Decided by the file's name alone (its SHA-256, modulo 10: 0 and 1 test,
    2 and 3 dev), so every string of one paper lands on the same side, the split is
    the same on every machine, and a file added later does not move the
    others. The one exception is ``citations.xml``, GROBID's large mixed
    collection (2,451 strings from many sources, 40 % of the data): it always
    trains, as holding it out would leave training without most of the
    variety the corpus adds. AnyStyle's strings are ``"test"`` for its
    ``gold`` subset; of the others, a tenth (by the SHA-256 of the string's id)
    are ``"dev"``, the rest ``"train"``.
    """
    if example.source != "grobid":
        if example.subset == "gold":
            return "test"
        return "dev" if int(hashlib.sha256(example.id.encode("utf-8")).hexdigest(), 16) % 10 == 0 else "train"
    if example.subset == MIXED_COLLECTION:
        return "train"
    bucket = int(hashlib.sha256(example.subset.encode("utf-8")).hexdigest(), 16) % 10
    return "test" if bucket < 2 else "dev" if bucket < 4 else "train"
