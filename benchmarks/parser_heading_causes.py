"""Where the text parser loses the section headings the annotators marked: one cause per missed heading.

    .venv/bin/python benchmarks/parser_heading_causes.py --data /work/shared/layoutdata [--training] [--show N]

For every gold section head (GROBID's fulltext data, line per printed line, as
``benchmarks/parser_headings.py`` measures it) that the parser does not return as a section, the
first step of :func:`papersite.parse.parse_paper` that drops it:

- ``removed``: no unit holds the line (page furniture or a footnote to the layout repair);
- ``joined-before``: the line is inside a unit that starts above it (the paragraph rebuilder,
  ``parse/paragraphs.py``, ran the heading on after the text above);
- ``joined-after``: the unit starts on the heading but runs on into the text after it;
- ``front-matter``: the unit lies before the first body heading (``parse/front_block.py``);
- ``shape``: the heading rules (``parse/headings.py``) and the PDF's type find no heading;
- ``veto``: the model (or the PDF's type) overrules the rules (``parse/structure_hints.py``);
- ``inside-sentence``: taken for a line inside an interrupted sentence (``headings.inside_sentence``);
- ``run``: demoted as one of a run of headings with no text between them;
- ``other``: found by the steps above yet not a section (inside a reference list, or matched twice).

The tracer wraps the parse steps' functions for the run of one document and puts them back
after: a measuring tool, not a way the parser is called.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import papersite.parse.paper as paper_module
from papersite.parse import parse_paper
from papersite.parse.structure_hints import StructureHints
from papersite.parse.units import Unit
from papersite.structure import LineLabel
from papersite.structure.data import fulltext_sequence, held_out, read_docs

sys.path.insert(0, str(Path(__file__).parent))
from parser_headings import _gold  # noqa: E402

_NO = LineLabel("body", "paragraph", 0.0)
CAUSES = ("removed", "joined-before", "joined-after", "front-matter", "shape", "veto", "inside-sentence", "run", "other")


class _Trace:
    """What the parse steps decided about each unit, by the unit's first source line."""

    def __init__(self) -> None:
        self.units: list[Unit] = []
        self.body_start = 0
        self.rules: dict[int, bool] = {}
        self.vetoed: dict[int, bool] = {}
        self.inside: dict[int, bool] = {}
        self.demoted: set[int] = set()
        self.hints: StructureHints | None = None


@contextlib.contextmanager
def _traced(trace: _Trace) -> Iterator[None]:
    saved: list[tuple[Any, str, Any]] = []

    def wrap(owner: Any, name: str, make: Callable[[Any], Any]) -> None:
        original = getattr(owner, name)
        saved.append((owner, name, original))
        setattr(owner, name, make(original))

    def detect(original: Any) -> Any:
        def run(unit: Unit, following: Unit | None, wrapped: bool = False) -> Any:
            found = original(unit, following, wrapped=wrapped)
            trace.rules[unit.line] = found is not None
            return found
        return run

    def heading(original: Any) -> Any:
        def run(self: StructureHints, unit: Unit, found: Any) -> Any:
            got = original(self, unit, found)
            trace.rules[unit.line] = got is not None
            return got
        return run

    def rejects(original: Any) -> Any:
        def run(self: StructureHints, first: int, end: int, numbered: bool) -> bool:
            got: bool = original(self, first, end, numbered)
            trace.vetoed[first] = got
            return got
        return run

    def inside(original: Any) -> Any:
        def run(units: list[Unit], index: int) -> bool:
            got: bool = original(units, index)
            trace.inside[units[index].line] = got
            return got
        return run

    def body_start(original: Any) -> Any:
        def run(units: list[Unit], *args: Any) -> int:
            got: int = original(units, *args)
            trace.units, trace.body_start = list(units), got
            return got
        return run

    def demote(original: Any) -> Any:
        def run(items: list[Any], declared: frozenset[str]) -> list[Any]:
            got: list[Any] = original(items, declared)
            before = {i.unit.line for i in items if hasattr(i, "match")}
            after = {i.unit.line for i in got if hasattr(i, "match")}
            trace.demoted = before - after
            return got
        return run

    def hints(original: Any) -> Any:
        def run(*args: Any) -> StructureHints | None:
            trace.hints = original(*args)
            return trace.hints
        return run

    wrap(paper_module, "structure_hints", hints)
    wrap(paper_module, "detect_heading", detect)
    wrap(StructureHints, "heading", heading)
    wrap(StructureHints, "rejects_heading", rejects)
    wrap(paper_module, "inside_sentence", inside)
    wrap(paper_module, "find_body_start", body_start)
    wrap(paper_module, "_demote_heading_runs", demote)
    try:
        yield
    finally:
        for owner, name, original in reversed(saved):
            setattr(owner, name, original)


def _cause(trace: _Trace, first: int, last: int) -> str:
    holder = next((i for i, u in enumerate(trace.units) if u.line <= first <= u.end_line), None)
    if holder is None:
        return "removed"
    unit = trace.units[holder]
    if unit.line < first:
        return "joined-before"
    if unit.end_line > last:
        return "joined-after"
    if holder < trace.body_start:
        return "front-matter"
    if not trace.rules.get(unit.line, False):
        return "shape"
    if trace.vetoed.get(unit.line, False):
        return "veto"
    if trace.inside.get(unit.line, False):
        return "inside-sentence"
    if unit.line in trace.demoted:
        return "run"
    return "other"


def causes(texts: Sequence[str], labels: Sequence[str], doc_id: str) -> tuple[int, int, list[tuple[str, str]]]:
    """(gold, found on gold, missed): the missed gold headings, each with its cause and text."""
    trace = _Trace()
    with _traced(trace):
        paper = parse_paper("\n".join(texts) + "\n", paper_id=doc_id, path=f"{doc_id}.txt")
    sections = [s for s in paper.all_sections() if s.title.strip()]
    start = min((s.span.line for s in sections), default=len(texts) + 1)
    gold = [g for g in _gold(labels) if g[0] >= start]
    lines = {s.span.line for s in sections}
    missed = []
    for first, last in gold:
        if first in lines:
            continue
        said = trace.hints is not None and trace.hints.calls_heading(first) and (trace.hints.label(first) or _NO).start
        missed.append((_cause(trace, first, last) + ("+model" if said else ""), " / ".join(texts[first - 1 : last])))
    return len(gold), len(gold) - len(missed), missed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/layoutdata"))
    parser.add_argument("--training", action="store_true", help="the models' training documents (for choices), not the held-out ones")
    parser.add_argument("--show", type=int, default=4, help="examples to print per cause")
    parser.add_argument("--doc", default="", help="only documents whose id starts so, every miss printed")
    args = parser.parse_args(argv)
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    per_doc = []
    for doc in read_docs(args.data, "fulltext"):
        if held_out(doc["id"]) == args.training or not doc["id"].startswith(args.doc):
            continue
        seq = fulltext_sequence(doc)
        gold, hit, missed = causes(seq.texts, seq.labels, seq.doc_id)
        per_doc.append((seq.doc_id, gold, hit, Counter(c for c, _ in missed)))
        for cause, text in missed:
            counts[cause] += 1
            examples.setdefault(cause, []).append(f"{seq.doc_id[:12]}: {text[:70]}")
    split = "training" if args.training else "held-out"
    print(f"MISSED GOLD HEADINGS by cause: {len(per_doc)} {split} fulltext documents, {sum(c.total() for *_, c in per_doc)} missed of {sum(g for _, g, _, _ in per_doc)}")
    for cause in (c + m for c in CAUSES for m in ("", "+model")):
        if counts[cause]:
            shown = examples[cause] if args.doc else examples[cause][: args.show]
            print(f"  {cause:<16} {counts[cause]:4d}")
            for example in shown:
                print(f"      {example}")
    print("\nper document (gold, found, then misses by cause)")
    for doc_id, gold, hit, by in per_doc:
        if gold != hit:
            print(f"  {doc_id[:44]:<44} {gold:4d} {hit:4d}  " + ", ".join(f"{c} {n}" for c, n in by.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
