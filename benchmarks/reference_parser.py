"""Benchmark of the reference parser on references it never saw: held-out GROBID corpus files and AnyStyle's gold set.

    .venv/bin/python benchmarks/reference_parser.py \
        --data /work/shared/refdata/anystyle.jsonl --data /work/shared/refdata/grobid-citations.jsonl.gz

1. Splits the data (:func:`papersite.refparse.data.corpus_part`): GROBID's
   corpus files go whole to test (20 % of the files, by a hash of the file
   name), dev (20 %) or train, so no paper has references on two sides;
   AnyStyle's ``gold`` subset is test, a tenth of its other strings dev, the rest train.
2. Trains a CRF (the shipped model's settings) on train + dev, dropping every
   training string that duplicates a test string (ignoring case, spacing and
   punctuation) and leaving out of the GROBID test set the strings GROBID
   shares with AnyStyle (``overlap``), which AnyStyle's training subsets may hold.
3. Parses each test string with that model and compares the resulting fields
   with the fields the gold labels give, per data set.

``--dev`` instead trains on train only and measures on the dev files (GROBID's
and AnyStyle's): that is where the CRF's c1/c2 (``--c1``/``--c2``) and the
features (``--no-lexicon`` for the comparison) were chosen, never on the test files.

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

"first author": the first author's family name, one token (so its "exact" is the
exact-match rate of the first author).

"exact" is the share of references where the predicted field equals the gold
one, among those where either side has the field.

A second table gives the CRF's own per-token scores (each token's predicted
label against its gold label, journal and container-title counted as one
"container" class), before any post-processing.

Speed: references per second for the whole ``parse`` (tokenise, features,
CRF, post-processing), in this one process pinned to one CPU, after a
warm-up pass; best of three passes over the gold strings.

A change made for speed alone must not change any parse. ``--save-parses FILE``
writes the parse of every test string (JSON lines, :func:`papersite.refparse.reference.to_json`)
and ``--check-parses FILE`` compares against such a file and fails on any difference;
with ``--shipped`` both use the shipped model (no training), so a speed-up is checked in
seconds:

    .venv/bin/python benchmarks/reference_parser.py --data ... --shipped --save-parses /tmp/before.jsonl
    (change the code)
    .venv/bin/python benchmarks/reference_parser.py --data ... --shipped --check-parses /tmp/before.jsonl
"""

from __future__ import annotations

import argparse
import json
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
from papersite.refparse.data import Example, corpus_part, fingerprint, read_examples, segments_of_example  # noqa: E402
from papersite.refparse.parser import ReferenceParser  # noqa: E402
from papersite.refparse.reference import ParsedReference, to_json  # noqa: E402
from papersite.refparse.tokens import tokenize  # noqa: E402
from papersite.refparse.train import TrainingOptions, train_model  # noqa: E402

_EDGE = re.compile(r"^\W+|\W+$")


def _words(text: str | None) -> list[str]:
    if not text:
        return []
    words = (_EDGE.sub("", word.lower()) for word in text.split())
    return [word for word in words if word]


def _one(text: str | None) -> list[str]:
    return [text.lower()] if text else []


FIELDS: tuple[tuple[str, Callable[[ParsedReference], list[str]]], ...] = (
    ("author (family names)", lambda r: [w for p in r.authors for w in _words(p.family)]),
    ("first author", lambda r: _one(" ".join(_words(r.authors[0].family)) if r.authors else None)),
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


@dataclass(frozen=True)
class Evaluation:
    name: str
    n: int
    fields: list[Score]
    labels: list[Score]


def evaluate(name: str, refparser: ReferenceParser, test: Sequence[Example]) -> Evaluation:
    parsed = [refparser.parse(e.raw) for e in test]
    gold = [assemble(e.raw, segments_of_example(e)) for e in test]
    predicted_labels = [_token_labels(e, p) for e, p in zip(test, parsed, strict=True)]
    return Evaluation(
        name, len(test), score_fields(list(zip(parsed, gold, strict=True))), score_labels(test, predicted_labels)
    )


def _token_labels(example: Example, parsed: ParsedReference) -> list[str]:
    """The parser's label for each of the example's tokens (the segments cover them in order)."""
    labels: list[str] = []
    for label, text in parsed.labels:
        labels.extend(label for _ in tokenize(text))
    return labels


def render(evaluation: Evaluation) -> list[str]:
    lines = [
        f"{evaluation.name}: {evaluation.n} references",
        "",
        "Fields after post-processing (token-level, micro-averaged):",
        "",
        f"{'field':<24}{'precision':>10}{'recall':>9}{'F1':>8}{'exact':>8}{'gold tokens':>13}",
    ]
    for s in evaluation.fields:
        exact = s.exact / s.either if s.either else 0.0
        lines.append(f"{s.name:<24}{s.precision:>10.3f}{s.recall:>9.3f}{s.f1:>8.3f}{exact:>8.3f}{s.gold:>13}")
    lines += [
        "",
        "CRF labels per token, before post-processing:",
        "",
        f"{'label':<24}{'precision':>10}{'recall':>9}{'F1':>8}{'gold tokens':>13}",
    ]
    for s in evaluation.labels:
        lines.append(f"{s.name:<24}{s.precision:>10.3f}{s.recall:>9.3f}{s.f1:>8.3f}{s.gold:>13}")
    return lines + [""]


def split(examples: Sequence[Example], dev: bool) -> tuple[list[Example], dict[str, list[Example]], int]:
    """Training examples, the test sets by name, and how many training strings were dropped as duplicates."""
    held = "dev" if dev else "test"
    grobid_test = [e for e in examples if e.source == "grobid" and corpus_part(e) == held and not e.overlap]
    tests = {f"GROBID held-out {held} files": grobid_test}
    tests["AnyStyle gold" if not dev else "AnyStyle dev (a tenth of the non-gold strings)"] = [
        e for e in examples if e.source != "grobid" and corpus_part(e) == held
    ]
    held_prints = {fingerprint(e.raw) for group in tests.values() for e in group}
    candidates = [e for e in examples if corpus_part(e) == "train" or (corpus_part(e) == "dev" and not dev)]
    train = [e for e in candidates if fingerprint(e.raw) not in held_prints]
    return train, tests, len(candidates) - len(train)


def parse_lines(refparser: ReferenceParser, raws: Sequence[str]) -> list[str]:
    """Each string's parse as one line of JSON (keys sorted), for :func:`check_parses`."""
    return [json.dumps(to_json(refparser.parse(raw)), sort_keys=True, ensure_ascii=False) for raw in raws]


def check_parses(lines: Sequence[str], saved: Path) -> int:
    """0 when ``lines`` equal the parses saved in ``saved``, else 1, printing the first differences."""
    before = saved.read_text("utf-8").splitlines()
    if len(before) != len(lines):
        print(f"{saved}: {len(before)} parses saved, {len(lines)} made now", file=sys.stderr)
        return 1
    differing = [i for i, (old, new) in enumerate(zip(before, lines)) if old != new]
    for i in differing[:5]:
        print(f"string {i}:\n  before {before[i]}\n  now    {lines[i]}", file=sys.stderr)
    print(f"{len(lines) - len(differing)} of {len(lines)} parses identical to {saved}", file=sys.stderr)
    return 1 if differing else 0


def _parses_only(args: argparse.Namespace, refparser: ReferenceParser, raws: Sequence[str]) -> int:
    lines = parse_lines(refparser, raws)
    if args.save_parses:
        args.save_parses.write_text("".join(line + "\n" for line in lines), "utf-8")
        print(f"wrote {len(lines)} parses to {args.save_parses}", file=sys.stderr)
    return check_parses(lines, args.check_parses) if args.check_parses else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, action="append", required=True, help="anystyle.jsonl, grobid-citations.jsonl.gz")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "results" / "reference_parser.txt")
    parser.add_argument("--keep-model", type=Path, help="also save the held-out model here")
    parser.add_argument(
        "--model", type=Path, help="measure this model (one --keep-model saved from the same split) instead of training"
    )
    parser.add_argument("--dev", action="store_true", help="train on the train files, measure on the dev files")
    parser.add_argument("--shipped", action="store_true", help="use the shipped model (no training; with the two below)")
    parser.add_argument("--save-parses", type=Path, help="write the parses of the test strings here (JSON lines) and stop")
    parser.add_argument("--check-parses", type=Path, help="compare the parses of the test strings with this file and stop")
    defaults = TrainingOptions()
    parser.add_argument("--c1", type=float, default=defaults.c1)
    parser.add_argument("--c2", type=float, default=defaults.c2)
    parser.add_argument("--max-iterations", type=int, default=defaults.max_iterations)
    parser.add_argument("--no-lexicon", action="store_true", help="train without the word-class lexicon (for comparison)")
    args = parser.parse_args(argv)

    examples = [e for path in args.data for e in read_examples(path)]
    train, tests, dropped = split(examples, args.dev)
    options = TrainingOptions(args.c1, args.c2, args.max_iterations, defaults.min_freq, lexicon=not args.no_lexicon)
    if args.save_parses or args.check_parses:
        shipped = ReferenceParser() if args.shipped or args.model is None else ReferenceParser.from_model(args.model)
        return _parses_only(args, shipped, [e.raw for test in tests.values() for e in test])

    with tempfile.TemporaryDirectory() as tmp:
        model = args.model or args.keep_model or Path(tmp) / "heldout.crfsuite"
        started = time.perf_counter()
        if args.model is None:
            print(f"training on {len(train)} references ...", file=sys.stderr)
            train_model(train, model, options)
        train_seconds = time.perf_counter() - started
        model_bytes = model.stat().st_size
        refparser = ReferenceParser.from_model(model)

    evaluations = [evaluate(name, refparser, test) for name, test in tests.items()]
    pinning = _pin_to_one_cpu()
    speed_set = [e.raw for test in tests.values() for e in test]
    speed = references_per_second(refparser, speed_set)
    sources = Counter(e.source for e in train)
    lines = [
        "Reference parser benchmark — references from sources never seen in training",
        "",
        f"training: {len(train)} references ({sources['anystyle']} AnyStyle, all subsets but 'gold'; "
        f"{sources['grobid']} GROBID, {'train' if args.dev else 'train + dev'} files; "
        f"{dropped} duplicates of test strings dropped), "
        f"CRF c1={options.c1} c2={options.c2} max_iterations={options.max_iterations} min_freq={options.min_freq} "
        f"lexicon={'yes' if options.lexicon else 'no'}, "
        + (f"{train_seconds:.0f} s" if args.model is None else f"model {args.model.name} trained earlier")
        + f", model {model_bytes / 1e6:.2f} MB",
        "",
    ]
    for evaluation in evaluations:
        lines += render(evaluation)
    lines += [
        f"speed: {speed:,.0f} references/second (parse only: tokenise + features + CRF + post-processing; "
        f"one process {pinning}; after warm-up; best of 3 passes over the {len(speed_set)} test references)",
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
    ]
    table = "\n".join(lines) + "\n"
    print(table, end="")
    if not args.dev:
        args.results.parent.mkdir(parents=True, exist_ok=True)
        args.results.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
