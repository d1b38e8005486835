"""Benchmark of the title and first author a reader sees, on whole documents the models never saw.

    .venv/bin/python benchmarks/parser_front.py --data /work/shared/layoutdata [--training] [--show N]

``benchmarks/structure_models.py`` measures the header model on first pages cut out for it; the
parser reads a whole paper: its zones, then the header model on the front matter it found, then
its own rules for bylines and titles (and an editor's metadata, absent here). This measures what
the page shows. GROBID's layout data holds some documents twice: the whole text, labelled into
zones (``segmentation``), and the first page, labelled into header fields (``header``). For each
document in both, held out from every model's training
(:func:`papersite.structure.data.held_out`), the whole text is joined into line-per-printed-line
text, as a PDF's text is, parsed with :func:`papersite.parse.parse_paper`, and its title and first
author are compared with the header annotation's: the title exactly after normalising case and
spacing (the issue's definition), the first author by its letters
(:func:`papersite.structure.authors.name_key`, as the model benchmark does), with affiliation
letters set apart after a name ("Pritchard a") taken off both sides.

``--training`` runs on the documents the models were trained on (their figures are optimistic for
the models, but the parser's own rules never saw either set): choices about the parser's rules are
made there, and the held-out figure measured once.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from papersite.parse import parse_paper
from papersite.structure.authors import name_key, split_authors
from papersite.structure.data import header_sequence, held_out, read_docs, segmentation_sequence


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _person(name: str) -> str:
    """A name's key with affiliation letters set apart after it taken off, on both sides: the
    annotation's author field keeps them ("Madeleine Pritchard a", "Okram G. Singh a)"), the
    splitter used on it does not know them, and the page rightly shows the name alone."""
    return name_key(re.sub(r"(?:\s+[a-j]\)?)+$", "", name.strip()))


def _field(texts: Sequence[str], labels: Sequence[str], name: str) -> str:
    """The first ``name`` field of an annotation: its first line and the lines that continue it."""
    out: list[str] = []
    for text, label in zip(texts, labels):
        base = label.partition("/")[0]
        if base == name and (not out or not label.endswith("/B")):
            out.append(text)
        elif out:
            break
    return " ".join(out)


def measure(data: Path, training: bool) -> list[tuple[str, bool, bool | None, str, str, str, str]]:
    """Per document: (id, title right, first author right or None, parsed title, gold title, parsed first, gold first)."""
    headers = {d["id"]: header_sequence(d) for d in read_docs(data, "header") if held_out(d["id"]) != training}
    rows = []
    for doc in read_docs(data, "segmentation"):
        if doc["id"] not in headers:
            continue
        whole, first_page = segmentation_sequence(doc), headers[doc["id"]]
        paper = parse_paper("\n".join(whole.texts), paper_id="doc", path=f"{doc['id']}.txt")
        gold_title = _field(first_page.texts, first_page.labels, "title")
        gold_people = split_authors(_field(first_page.texts, first_page.labels, "author"))
        shown = [a.name for a in paper.front.authors]
        author_right = None
        if gold_people:
            author_right = bool(shown) and _person(shown[0]) == _person(gold_people[0])
        rows.append((doc["id"], _norm(paper.front.title) == _norm(gold_title), author_right,
                     paper.front.title, gold_title, shown[0] if shown else "", gold_people[0] if gold_people else ""))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/layoutdata"))
    parser.add_argument("--training", action="store_true", help="the models' training documents (for choosing the parser's rules)")
    parser.add_argument("--show", type=int, default=0, help="print this many wrong titles and first authors")
    args = parser.parse_args(argv)
    rows = measure(args.data, args.training)
    with_authors = [r for r in rows if r[2] is not None]
    titles = sum(r[1] for r in rows) / max(len(rows), 1)
    authors = sum(bool(r[2]) for r in with_authors) / max(len(with_authors), 1)
    split = "training" if args.training else "held-out"
    print(f"PARSER FRONT MATTER: {len(rows)} {split} documents (whole text parsed, compared with the first page's header labels)")
    print(f"title exact {titles:.3f}  first author {authors:.3f} (of {len(with_authors)} with authors)")
    if args.show:
        print("\nwrong titles (parsed | gold)")
        for doc_id, _, _, title, gold, _, _ in [r for r in rows if not r[1]][: args.show]:
            print(f"  {doc_id[:30]:<30} {title[:80]!r}\n  {'':<30} {gold[:80]!r}")
        print("\nwrong first authors (parsed | gold)")
        for doc_id, _, _, _, _, first, gold in [r for r in with_authors if not r[2]][: args.show]:
            print(f"  {doc_id[:30]:<30} {first!r} | {gold!r}")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
