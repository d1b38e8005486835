"""Training the reference labeller.

    python -m papersite.refparse.train --data anystyle.jsonl --data grobid-citations.jsonl.gz --out model.crfsuite

A linear-chain CRF (python-crfsuite, L-BFGS with L1 + L2 regularisation) over
the tokens of :mod:`papersite.refparse.tokens`, on the features in
:mod:`papersite.refparse.features`. The shipped model
(``papersite/data/refparse.crfsuite``) is trained on all of both files, in
that order; ``--exclude-subset gold`` holds a subset (AnyStyle's gold set, or
a GROBID corpus file) out, with every other string that duplicates one of
it. ``benchmarks/reference_parser.py`` trains its own held-out models with
:func:`train_model` and the split of :func:`papersite.refparse.data.corpus_part`.
Training is deterministic: the same data and options give the same file.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from .data import Example, read_examples, without_subsets
from .features import sequence_features
from .lexicon import learn_lexicon, lexicon_path, write_lexicon


@dataclass(frozen=True)
class TrainingOptions:
    """CRF training parameters (defaults are the ones the shipped model used)."""

    c1: float = 0.5
    c2: float = 0.001
    max_iterations: int = 150
    min_freq: float = 1.0
    lexicon: bool = True


def train_model(
    examples: Sequence[Example], out: Path, options: TrainingOptions = TrainingOptions(), *, verbose: bool = False
) -> None:
    """Train a CRF on ``examples`` and write it to ``out``, and its lexicon (learnt from the same
    examples, :mod:`papersite.refparse.lexicon`) beside it; without ``options.lexicon`` an empty one."""
    lexicon = learn_lexicon((e.tokens, e.labels) for e in examples) if options.lexicon else {}
    out.parent.mkdir(parents=True, exist_ok=True)
    write_lexicon(lexicon, lexicon_path(out))
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for example in examples:
        trainer.append(sequence_features(example.tokens, lexicon), list(example.labels))
    trainer.set_params(
        {
            "c1": options.c1,
            "c2": options.c2,
            "max_iterations": options.max_iterations,
            "feature.minfreq": options.min_freq,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(out))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m papersite.refparse.train", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data", type=Path, action="append", required=True, help="labelled references, JSON lines (repeatable)"
    )
    parser.add_argument("--out", type=Path, required=True, help="where to write the model")
    parser.add_argument(
        "--exclude-subset", action="append", default=[], metavar="NAME", help="leave this subset out (repeatable)"
    )
    defaults = TrainingOptions()
    parser.add_argument("--c1", type=float, default=defaults.c1)
    parser.add_argument("--c2", type=float, default=defaults.c2)
    parser.add_argument("--max-iterations", type=int, default=defaults.max_iterations)
    parser.add_argument("--min-freq", type=float, default=defaults.min_freq)
    parser.add_argument("--verbose", action="store_true", help="print crfsuite's progress")
    args = parser.parse_args(argv)
    examples = without_subsets([e for path in args.data for e in read_examples(path)], args.exclude_subset)
    options = TrainingOptions(args.c1, args.c2, args.max_iterations, args.min_freq)
    started = time.perf_counter()
    train_model(examples, args.out, options, verbose=args.verbose)
    size = args.out.stat().st_size
    print(
        f"trained on {len(examples)} references in {time.perf_counter() - started:.0f} s; "
        f"wrote {args.out} ({size / 1e6:.2f} MB)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
