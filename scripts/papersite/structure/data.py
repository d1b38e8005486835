"""GROBID's layout data (``/work/shared/layoutdata``-style files) as training sequences.

The four files share document ids; :func:`held_out` splits by id, the same way in all four, so
a document that is held out of one model is held out of every model. Labels are mapped onto this
package's zone and label vocabularies (:mod:`papersite.structure.types`).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

ZONE_OF = MappingProxyType({
    "front": "header", "body": "body", "headnote": "furniture", "page": "furniture", "titlePage": "furniture",
    "footnote": "footnote", "listBibl": "references", "annex": "annex", "acknowledgement": "annex",
    "availability": "annex", "funding": "annex", "toc": "annex", "other": "other", None: "other",
})
HEADER_OF = MappingProxyType({
    "titlePart": "title", "docAuthor": "author", "affiliation": "affiliation", "address": "address",
    "email": "email", "abstract": "abstract", "keyword": "keyword", "note@submission": "submission",
    "date": "date", "note@copyright": "copyright", "reference": "journal", "title@j": "journal",
    "meeting": "journal", "publisher": "journal", "idno": "idno", "idno@orcid": "idno", "note@doctype": "doctype",
    "note@funding": "funding", "note@availability": "note", "note@group": "note", "editor": "note",
    "degree": "note", "phone": "note", "ptr@web": "note", "page": "other", None: "other",
})
BODY_OF = MappingProxyType({"head": "heading", "p": "paragraph", "item": "item", "figure": "figure", "table": "table",
           "formula": "formula", None: "paragraph"})
FILES = MappingProxyType({
    "segmentation": "segmentation.jsonl.gz", "header": "header.jsonl.gz", "fulltext": "fulltext.jsonl.gz",
    "reference-segmenter": "reference-segmenter.jsonl.gz",
})


@dataclass(frozen=True)
class Sequence_:
    """One training document: its lines' texts and one model label per line."""

    doc_id: str
    texts: tuple[str, ...]
    labels: tuple[str, ...]


def held_out(doc_id: str) -> bool:
    """True for the documents kept back for evaluation (one in five, by a salted hash of the id).

    Salted because the shared files already lack the documents whose plain SHA-1 is 0 modulo 5
    (the data's maintainers keep those back), so an unsalted split would hold nothing out.
    """
    return int(hashlib.sha1(b"papersite-structure:" + doc_id.encode("utf-8")).hexdigest(), 16) % 5 == 0


def read_docs(directory: Path, model: str) -> Iterator[dict]:  # type: ignore[type-arg]
    with gzip.open(directory / FILES[model], "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def _printed_lines(doc: dict) -> list[tuple[str, list[tuple[str | None, str, bool]]]]:  # type: ignore[type-arg]
    """Entries joined into printed lines (by ``eol``): the text and its pieces (label, text, start)."""
    out: list[tuple[str, list[tuple[str | None, str, bool]]]] = []
    pieces: list[tuple[str | None, str, bool]] = []
    for entry, eol, start in zip(doc["lines"], doc["eol"], doc["start"]):
        pieces.append((entry[0], entry[1], start))
        if eol:
            out.append((" ".join(p[1] for p in pieces), pieces))
            pieces = []
    if pieces:
        out.append((" ".join(p[1] for p in pieces), pieces))
    return out


def segmentation_sequence(doc: dict) -> Sequence_:  # type: ignore[type-arg]
    texts, labels = [], []
    for text, pieces in _printed_lines(doc):
        main = max(pieces, key=lambda p: len(p[1]))
        texts.append(text)
        labels.append(ZONE_OF.get(main[0], "other"))
    return Sequence_(doc["id"], tuple(texts), tuple(labels))


def header_sequence(doc: dict) -> Sequence_:  # type: ignore[type-arg]
    texts, labels = [], []
    for text, pieces in _printed_lines(doc):
        labelled = [p for p in pieces if p[0] is not None] or pieces
        main = max(labelled, key=lambda p: len(p[1]))
        label = HEADER_OF.get(main[0], "note")
        start = next(p[2] for p in pieces if p[0] == main[0])
        texts.append(text)
        labels.append(label + ("/B" if start else "/I"))
    return Sequence_(doc["id"], tuple(texts), tuple(labels))


def fulltext_sequence(doc: dict) -> Sequence_:  # type: ignore[type-arg]
    """Body lines; a heading that shares its printed line with a paragraph's first words (a run-in
    heading, "3.2. Training. Basic computer …") labels the line only if it fills half of it: such a
    line is read as the start of a paragraph, as the parser keeps it."""
    texts, labels = [], []
    for text, pieces in _printed_lines(doc):
        main = max(pieces, key=lambda p: len(p[1]))
        head = sum(len(p[1]) for p in pieces if p[0] == "head")
        label = "heading" if head * 2 >= len(text) else BODY_OF.get(main[0], "paragraph")
        start = any(p[2] for p in pieces)
        texts.append(text)
        labels.append(label + ("/B" if start else "/I"))
    return Sequence_(doc["id"], tuple(texts), tuple(labels))


def reference_sequence(doc: dict) -> Sequence_:  # type: ignore[type-arg]
    texts, labels = [], []
    for text, pieces in _printed_lines(doc):
        if any(p[0] == "bibl" and p[2] for p in pieces):
            label = "entry/B"
        elif any(p[0] == "bibl" for p in pieces):
            label = "entry/I"
        else:
            label = "other"
        texts.append(text)
        labels.append(label)
    return Sequence_(doc["id"], tuple(texts), tuple(labels))


SEQUENCE_OF = MappingProxyType({
    "segmentation": segmentation_sequence, "header": header_sequence, "fulltext": fulltext_sequence,
    "reference-segmenter": reference_sequence,
})


def sequences(directory: Path, model: str, *, evaluation: bool | None) -> list[Sequence_]:
    """The documents of ``model``'s file: training ones (``evaluation=False``), held-out ones (``True``) or all (``None``)."""
    make = SEQUENCE_OF[model]
    return [make(doc) for doc in read_docs(directory, model) if evaluation is None or held_out(doc["id"]) == evaluation]
