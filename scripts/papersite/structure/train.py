"""Training the structure models: ``python -m papersite.structure.train --data DIR [--out DIR]``.

``DIR`` holds GROBID's layout data converted to JSON Lines (``segmentation.jsonl.gz``,
``header.jsonl.gz``, ``fulltext.jsonl.gz``, ``reference-segmenter.jsonl.gz``; see
``papersite/data/STRUCTURE-MODELS.md``). Each model is a linear-chain CRF (python-crfsuite,
L-BFGS with L1 + L2 regularisation) over :func:`papersite.structure.features.document_features`
(the header and body models over :func:`~papersite.structure.header_features.header_features` and
:func:`~papersite.structure.body_features.body_features`, which add their own to those).
By default only the training documents are used (the held-out fifth, chosen by
:func:`papersite.structure.data.held_out`, is what the benchmark measures on); ``--all`` trains
on every document. The segmentation file is large: a deterministic subsample of its training
documents (``--max-docs``) keeps one run to a few minutes on one core.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import MappingProxyType

import pycrfsuite

from .body_features import body_features
from .data import Sequence_, sequences
from .features import document_features
from .header_features import header_features
from .zone_features import zone_features

Features = Callable[[Sequence[str]], list[list[str]]]
MODELS = ("segmentation", "header", "fulltext", "reference-segmenter")
MODEL_FILES = MappingProxyType({  # by training file; the same names as papersite.structure.models.MODEL_FILES
    "segmentation": "structure-zones.crfsuite",
    "header": "structure-header.crfsuite",
    "fulltext": "structure-body.crfsuite",
    "reference-segmenter": "structure-references.crfsuite",
})
ITERATIONS = MappingProxyType({"segmentation": 80, "header": 150, "fulltext": 120, "reference-segmenter": 150})
MAX_DOCS: MappingProxyType[str, int] = MappingProxyType({})  # no cap: on the dev split 314 zone documents beat 240
#: Each model's features: the shared ones, or the zone, header and body models' own (which add to them).
FEATURES: MappingProxyType[str, Features] = MappingProxyType(
    {"segmentation": zone_features, "header": header_features, "fulltext": body_features}
)
#: (c1, c2) by training file, where not the default (0.1, 0.01): more L2 is better for the body, zone
#: and header models on their dev splits (whole documents' quirks are easy to learn).
REGULARISATION = MappingProxyType({"fulltext": (0.1, 0.1), "segmentation": (0.1, 0.1), "header": (0.1, 0.1)})


def subsample(docs: list[Sequence_], limit: int | None) -> list[Sequence_]:
    """At most ``limit`` documents, spread evenly over the id-sorted list (deterministic)."""
    docs = sorted(docs, key=lambda d: d.doc_id)
    if limit is None or len(docs) <= limit:
        return docs
    step = len(docs) / limit
    return [docs[int(i * step)] for i in range(limit)]


def train_model(
    docs: Sequence[Sequence_],
    out: Path,
    *,
    iterations: int,
    verbose: bool = False,
    features: Features = document_features,
    c1: float = 0.1,
    c2: float = 0.01,
) -> None:
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for doc in docs:
        trainer.append(features(doc.texts), list(doc.labels))
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True,
         "feature.minfreq": 2}
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m papersite.structure.train", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="directory with the four .jsonl.gz files")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "data")
    parser.add_argument("--all", action="store_true", help="train on every document (default: the training split)")
    parser.add_argument("--model", choices=MODELS, action="append", help="only this model (repeatable)")
    parser.add_argument("--max-docs", type=int, default=None, help="cap the segmentation model's documents")
    args = parser.parse_args(argv)
    for model in args.model or MODELS:
        docs = sequences(args.data, model, evaluation=None if args.all else False)
        limit = args.max_docs if args.max_docs is not None else MAX_DOCS.get(model)
        docs = subsample(docs, limit)
        out = args.out / MODEL_FILES[model]
        print(f"{model}: {len(docs)} documents, {sum(len(d.texts) for d in docs)} lines -> {out}", file=sys.stderr)
        c1, c2 = REGULARISATION.get(model, (0.1, 0.01))
        train_model(docs, out, iterations=ITERATIONS[model], features=FEATURES.get(model, document_features), c1=c1, c2=c2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
