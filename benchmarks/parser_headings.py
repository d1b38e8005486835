"""Benchmark of the text parser's section headings on documents the structure models never saw.

    .venv/bin/python benchmarks/parser_headings.py --data /work/shared/layoutdata

``benchmarks/structure_models.py`` measures the body model's heading label line by line; the
parser decides headings with its rules *and* the model (a rule's heading vetoed where the model is
sure of a table, figure or formula; console output kept out, see ``papersite.parse.console``). This
measures what a reader sees: each held-out fulltext document of GROBID's layout data
(:func:`papersite.structure.data.held_out`, the split the models were trained without) is joined
into line-per-printed-line text, as a PDF's text is, and parsed with
:func:`papersite.parse.parse_paper`; each section heading found is matched by its source line to
the annotators' section heads.

Printed: heading precision, recall and F1 over all documents; for the headings found on no gold
heading, the gold label of their line (what the parser took for a heading: a paragraph's line, a
table, a formula, ...) and a few examples; then the same per document. The documents are GROBID's
body sections only (no title page, no reference list), so the parser's front-matter reading takes
a first line or two as the title: those lines are left out of both sides (a heading above the first
parsed section, or the parsed title's lines, counts neither way).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from papersite.parse import parse_paper
from papersite.structure.data import _printed_lines, fulltext_sequence, held_out, read_docs


def _gold(labels: Sequence[str]) -> list[tuple[int, int]]:
    """The gold headings as (first, last) source line numbers (1-based)."""
    out: list[tuple[int, int]] = []
    for number, label in enumerate(labels, start=1):
        name, _, part = label.partition("/")
        if name != "heading":
            continue
        if part == "I" and out and out[-1][1] == number - 1:
            out[-1] = (out[-1][0], number)
        else:
            out.append((number, number))
    return out


def run_in_heads(doc: dict) -> frozenset[int]:  # type: ignore[type-arg]
    """Source lines (1-based) that open on a head piece of the annotation yet are labelled a
    paragraph's, the head filling under half the line (a run-in heading, "3.2.1.2. Training. Basic
    …", see :func:`papersite.structure.data.fulltext_sequence`): reported apart when the parser
    makes a heading of them."""
    return frozenset(n for n, (_, pieces) in enumerate(_printed_lines(doc), start=1) if pieces and pieces[0][0] == "head")


def measure(texts: Sequence[str], labels: Sequence[str], doc_id: str,
            run_in: frozenset[int] = frozenset()) -> tuple[int, int, int, list[tuple[str, str]]]:
    """(found, gold, matched, misses): headings the parser found, gold headings, matched pairs, and
    the found headings on no gold heading, each with its line's gold label ("run-in head" for a
    paragraph's line in ``run_in``)."""
    paper = parse_paper("\n".join(texts) + "\n", paper_id=doc_id, path=f"{doc_id}.txt")
    sections = [s for s in paper.all_sections() if s.title.strip()]
    start = min((s.span.line for s in sections), default=len(texts) + 1)
    gold = [g for g in _gold(labels) if g[0] >= start]
    owner = {line: index for index, (a, b) in enumerate(gold) for line in range(a, b + 1)}
    matched: set[int] = set()
    misses: list[tuple[str, str]] = []
    for section in sections:
        index = owner.get(section.span.line)
        if index is None or index in matched:
            label = labels[section.span.line - 1].partition("/")[0]
            misses.append(("run-in head" if label == "paragraph" and section.span.line in run_in else label, section.title))
        else:
            matched.add(index)
    return len(sections), len(gold), len(matched), misses


def _f1(found: int, gold: int, matched: int) -> tuple[float, float, float]:
    p = matched / found if found else 1.0
    r = matched / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/layoutdata"))
    parser.add_argument("--training", action="store_true",
                        help="run on the models' training documents (for choosing between rules and model; the models saw these, so their figures are optimistic)")
    parser.add_argument("--examples", type=int, default=3, help="examples of wrong headings to print per gold label")
    args = parser.parse_args(argv)
    totals = [0, 0, 0]
    wrong: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    rows = []
    for doc in read_docs(args.data, "fulltext"):
        if held_out(doc["id"]) == args.training:
            continue
        seq = fulltext_sequence(doc)
        found, gold, matched, misses = measure(seq.texts, seq.labels, seq.doc_id, run_in_heads(doc))
        for index, value in enumerate((found, gold, matched)):
            totals[index] += value
        for label, title in misses:
            wrong[label] += 1
            examples.setdefault(label, []).append(title[:60])
        rows.append((seq.doc_id, len(seq.texts), found, gold, matched))
    p, r, f1 = _f1(*totals)
    split = "training" if args.training else "held-out"
    print(f"PARSER HEADINGS: {len(rows)} {split} fulltext documents; found {totals[0]}, gold {totals[1]}, matched {totals[2]}")
    print(f"precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
    if wrong["run-in head"]:  # the annotators' heads, on lines the line labels give to a paragraph
        p2 = (totals[2] + wrong["run-in head"]) / totals[0]
        print(f"precision {p2:.3f} counting the {wrong['run-in head']} run-in heads found as right (F1 {2 * p2 * r / (p2 + r):.3f})")
    print("\nfound on no gold heading, by the line's gold label")
    for label, count in wrong.most_common():
        print(f"  {label:<12} {count:4d}  e.g. {examples[label][: args.examples]}")
    print("\nper document")
    print(f"  {'id':<44} {'lines':>6} {'found':>6} {'gold':>5} {'match':>6}")
    for doc_id, lines, found, gold, matched in rows:
        print(f"  {doc_id[:44]:<44} {lines:6d} {found:6d} {gold:5d} {matched:6d}")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
