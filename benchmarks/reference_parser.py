"""Benchmark of the reference parser on AnyStyle's gold set, held out from training.

    /work/main/.venv/bin/python benchmarks/reference_parser.py --data /work/shared/refdata/anystyle.jsonl

1. Trains a CRF (the shipped model's settings) on every subset except ``gold``,
   also dropping any training string that duplicates a gold one (AnyStyle's
   files overlap), so no gold reference is ever seen in training.
2. Parses each gold string with that model and compares the resulting fields
   with the fields the gold labels give.

How the fields are compared (token precision / recall / F1, micro-averaged
over all gold references):

- Both sides go through the same post-processing
  (:func:`papersite.refparse.assemble.assemble`): the parser's side from the
  CRF's labels, the gold side from the hand-made labels. The scores therefore
  measure what the labeller gets right or wrong as seen through the final
  fields; a rule that misreads a gold segment misreads it on both sides.
- A field's tokens are its whitespace-separated words, lower-cased, with
  punctuation at their edges removed; per reference, matched tokens are the
  multiset intersection of predicted and gold tokens.
- author: the family-name tokens of all authors (names split by
  :mod:`papersite.refparse.names`; gold family names come from splitting the
  gold ``author`` segment with the same rules — the data has no per-name labels).
- year: the 4-digit year from the first ``date`` segment (one token; a letter
  suffix such as 2001a is ignored).
- title: the ``title`` segment(s), quotes and final stop removed.
- container: ``journal`` + ``container-title`` segments ("In:" removed).
- volume / issue: there is no issue label in the data — the ``volume``
  segment holds "vol. 36, no. 9" or "36(9)". Both sides split it with
  :func:`papersite.refparse.fields.volume_parts`; volume and issue are one token each.
- pages: the ``pages`` segment as a range ("pp. 9–34" -> "9-34"), one token
  (author-year mode: no locator split).
- publisher: the ``publisher`` segment(s).

"exact" is the share of references where the predicted field equals the gold
one, among those where either side has the field.

A second table gives the CRF's own per-token scores (each token's predicted
label against its gold label, journal and container-title counted as one
"container" class), before any post-processing.

Speed: references per second for the whole ``parse`` (tokenise, features,
CRF, post-processing), in this one process pinned to one CPU, after a
warm-up pass; best of three passes over the gold strings.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from papersite.refparse.assemble import assemble  # noqa: E402
from papersite.refparse.data import Example, read_examples, without_subsets  # noqa: E402
from papersite.refparse.parser import ReferenceParser  # noqa: E402
from papersite.refparse.reference import ParsedReference  # noqa: E402
from papersite.refparse.train import TrainingOptions, train_model  # noqa: E402

_EDGE = re.compile(r"^\W+|\W+$")
HELD_OUT = "gold"


def _words(text: str | None) -> list[str]:
    if not text:
        return []
    words = (_EDGE.sub("", word.lower()) for word in text.split())
    return [word for word in words if word]


def _one(text: str | None) -> list[str]:
    return [text.lower()] if text else []


FIELDS: tuple[tuple[str, Callable[[ParsedReference], list[str]]], ...] = (
    ("author (family names)", lambda r: [w for p in r.authors for w in _words(p.family)]),
    ("year", lambda r: _one(r.year[:4] if r.year else None)),
    ("title", lambda r: _words(r.title)),
    ("container", lambda r: _words(r.container)),
    ("volume", lambda r: _one(r.volume)),
    ("issue", lambda r: _one(r.issue)),
    ("pages", lambda r: _one(r.pages)),
    ("publisher", lambda r: _words(r.publisher)),
)

CRF_CLASSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("author", frozenset({"author"})),
    ("date", frozenset({"date"})),
    ("title", frozenset({"title"})),
    ("container", frozenset({"journal", "container-title"})),
    ("volume", frozenset({"volume"})),
    ("pages", frozenset({"pages"})),
    ("publisher", frozenset({"publisher"})),
    ("location", frozenset({"location"})),
    ("editor", frozenset({"editor"})),
)


@dataclass(frozen=True)
class Score:
    name: str
    matched: int
    predicted: int
    gold: int
    exact: int
    either: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_fields(pairs: Sequence[tuple[ParsedReference, ParsedReference]]) -> list[Score]:
    scores: list[Score] = []
    for name, get in FIELDS:
        matched = predicted = gold = exact = either = 0
        for guess, truth in pairs:
            g, t = get(guess), get(truth)
            matched += sum((Counter(g) & Counter(t)).values())
            predicted += len(g)
            gold += len(t)
            if g or t:
                either += 1
                exact += g == t
        scores.append(Score(name, matched, predicted, gold, exact, either))
    return scores


def score_labels(examples: Sequence[Example], predicted: Sequence[Sequence[str]]) -> list[Score]:
    scores: list[Score] = []
    for name, members in CRF_CLASSES:
        matched = guessed = gold = 0
        for example, labels in zip(examples, predicted, strict=True):
            for truth, guess in zip(example.labels, labels, strict=True):
                t, g = truth in members, guess in members
                matched += t and g
                guessed += g
                gold += t
        scores.append(Score(name, matched, guessed, gold, 0, 0))
    return scores


def _pin_to_one_cpu() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def references_per_second(parser: ReferenceParser, raws: Sequence[str]) -> float:
    for raw in raws[:200]:
        parser.parse(raw)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for raw in raws:
            parser.parse(raw)
        best = min(best, time.perf_counter() - started)
    return len(raws) / best


def report(
    field_scores: Sequence[Score],
    label_scores: Sequence[Score],
    speed: float,
    *,
    n_train: int,
    n_dropped: int,
    n_test: int,
    train_seconds: float,
    model_bytes: int,
    pinning: str,
    options: TrainingOptions,
) -> str:
    lines = [
        "Reference parser benchmark — AnyStyle gold set held out",
        "",
        f"training: {n_train} references (all subsets but '{HELD_OUT}'; "
        f"{n_dropped} duplicates of gold strings dropped), "
        f"CRF c1={options.c1} c2={options.c2} max_iterations={options.max_iterations} min_freq={options.min_freq}, "
        f"{train_seconds:.0f} s, model {model_bytes / 1e6:.2f} MB",
        f"test: {n_test} '{HELD_OUT}' references, never seen in training",
        "",
        "Fields after post-processing (token-level, micro-averaged):",
        "",
        f"{'field':<24}{'precision':>10}{'recall':>9}{'F1':>8}{'exact':>8}{'gold tokens':>13}",
    ]
    for s in field_scores:
        exact = s.exact / s.either if s.either else 0.0
        lines.append(f"{s.name:<24}{s.precision:>10.3f}{s.recall:>9.3f}{s.f1:>8.3f}{exact:>8.3f}{s.gold:>13}")
    lines += [
        "",
        "CRF labels per token, before post-processing:",
        "",
        f"{'label':<24}{'precision':>10}{'recall':>9}{'F1':>8}{'gold tokens':>13}",
    ]
    for s in label_scores:
        lines.append(f"{s.name:<24}{s.precision:>10.3f}{s.recall:>9.3f}{s.f1:>8.3f}{s.gold:>13}")
    lines += [
        "",
        f"speed: {speed:,.0f} references/second (parse only: tokenise + features + CRF + post-processing; "
        f"one process {pinning}; after warm-up; best of 3 passes over {n_test} references)",
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
    ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="anystyle.jsonl")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "results" / "reference_parser.txt")
    parser.add_argument("--keep-model", type=Path, help="also save the held-out model here")
    args = parser.parse_args(argv)

    examples = list(read_examples(args.data))
    test = [e for e in examples if e.subset == HELD_OUT]
    train = without_subsets(examples, [HELD_OUT])
    dropped = sum(1 for e in examples if e.subset != HELD_OUT) - len(train)
    options = TrainingOptions()

    with tempfile.TemporaryDirectory() as tmp:
        model = args.keep_model or Path(tmp) / "heldout.crfsuite"
        print(f"training on {len(train)} references ...", file=sys.stderr)
        started = time.perf_counter()
        train_model(train, model, options)
        train_seconds = time.perf_counter() - started
        model_bytes = model.stat().st_size
        refparser = ReferenceParser.from_model(model)

    parsed = [refparser.parse(e.raw) for e in test]
    gold = [assemble(e.raw, e.segments) for e in test]
    predicted_labels = [[label for label, text in p.labels for _ in text.split()] for p in parsed]
    field_scores = score_fields(list(zip(parsed, gold, strict=True)))
    label_scores = score_labels(test, predicted_labels)

    pinning = _pin_to_one_cpu()
    speed = references_per_second(refparser, [e.raw for e in test])

    table = report(
        field_scores,
        label_scores,
        speed,
        n_train=len(train),
        n_dropped=dropped,
        n_test=len(test),
        train_seconds=train_seconds,
        model_bytes=model_bytes,
        pinning=pinning,
        options=options,
    )
    print(table, end="")
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
