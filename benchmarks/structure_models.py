"""Benchmark of the structure models on documents they never saw.

    .venv/bin/python benchmarks/structure_models.py --data /work/shared/layoutdata [--train]
    .venv/bin/python benchmarks/structure_models.py --data /work/shared/layoutdata --zones-dev
    .venv/bin/python benchmarks/structure_models.py --data /work/shared/layoutdata --header-dev [--verbose]

The documents of GROBID's layout data are split by id (:func:`papersite.structure.data.held_out`,
one in five, the same split in all four files). The shipped models are trained on the other
four fifths only (see ``scripts/papersite/data/STRUCTURE-MODELS.md``); ``--train`` retrains them
from the training part into a temporary directory first and measures those instead.

Printed, on the held-out documents:

- zones (segmentation model, every printed line, after the cascade's late repairs, which ask the
  header model): accuracy and per-zone precision / recall / F1, and the zone model's own accuracy;
  ``--zones-dev`` instead trains the zone model without a dev quarter of the *training*
  documents and measures it on that quarter: the zone model's features and settings were chosen
  that way, never on the held-out documents;
- header fields (header model on each held-out header document, i.e. given the header zone);
  ``--header-dev`` instead cross-validates the header model over the training documents (4 folds by
  document), the way its features and decoding were chosen:
  per-label P / R / F1 per line; title exact match per document (the first title field: its first
  line and the lines continuing it, case and spacing normalised) and first-author match (the first person of the first author field,
  split by :func:`papersite.structure.authors.split_authors` on both sides, letters only);
- body labels (body model on each held-out fulltext document): per-label P / R / F1 per line,
  and block-start F1 (the first line of each block found);
- reference entries (reference model on each held-out bibliography): F1 of entry-start lines;
- speed: source lines per second of the whole cascade (``label_lines``: features, the four
  models) over the held-out segmentation documents, this process pinned to one CPU, best of 3,
  counted in the process's CPU time (the wall clock, also printed, depends on what else the
  machine runs).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from papersite.structure.authors import name_key, split_authors
from papersite.structure.data import Sequence_, sequences
from papersite.structure.features import document_features
from papersite.structure.labelling import label_document
from papersite.structure.models import Models, Tagger, default_models
from papersite.structure.body_features import tag_body
from papersite.structure.header_features import tag_header
from papersite.structure.train import (
    FEATURES,
    ITERATIONS,
    MAX_DOCS,
    MODEL_FILES,
    REGULARISATION,
    Features,
    subsample,
    train_model,
)
from papersite.structure.features import line_attributes
from papersite.structure.zone_features import late_zones, zone_features

TARGETS = {"zone accuracy": 0.97, "title exact": 0.90, "first author": 0.90, "heading F1": 0.90,
           "entry-start F1": 0.95, "lines/s": 5000.0}


def _prf(gold: Sequence[str], pred: Sequence[str]) -> dict[str, tuple[float, float, float, int]]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    out = {}
    for label in sorted(set(gold) | set(pred)):
        pr = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        rc = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        out[label] = (pr, rc, f1, tp[label] + fn[label])
    return out


def _table(title: str, scores: dict[str, tuple[float, float, float, int]]) -> None:
    print(f"\n{title}\n{'label':<14} {'P':>6} {'R':>6} {'F1':>6} {'gold':>7}")
    for label, (p, r, f, n) in scores.items():
        print(f"{label:<14} {p:6.3f} {r:6.3f} {f:6.3f} {n:7d}")


def _tag_all(tagger: Tagger, docs: list[Sequence_], features: Features = document_features) -> list[list[str]]:
    return [tagger.tag(features(d.texts))[0] for d in docs]


def _base(label: str) -> str:
    return label.partition("/")[0]


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def dev_split(doc_id: str) -> bool:
    """The quarter of the *training* documents set aside to choose the zone model's features and
    settings (a salted hash of the id, independent of the held-out split): the held-out documents
    are measured once, on the final models."""
    return int(hashlib.sha1(b"papersite-dev:" + doc_id.encode("utf-8")).hexdigest(), 16) % 4 == 0


def zones_dev(data: Path, tmp: Path) -> None:
    """Train the zone model on the training documents outside the dev quarter and measure it on
    the dev quarter (``--zones-dev``), the way every zone-model choice was made."""
    training = sequences(data, "segmentation", evaluation=False)
    dev = [d for d in training if dev_split(d.doc_id)]
    kept = subsample([d for d in training if not dev_split(d.doc_id)], MAX_DOCS.get("segmentation"))
    c1, c2 = REGULARISATION["segmentation"]
    train_model(kept, tmp / "zones.crfsuite", iterations=ITERATIONS["segmentation"], features=zone_features, c1=c1, c2=c2)
    tagger = Tagger((tmp / "zones.crfsuite").read_bytes())
    predicted = _late(default_models(), dev, _tag_all(tagger, dev, zone_features))
    gold = [g for d in dev for g in d.labels]
    pred = [p for labels in predicted for p in labels]
    per_doc = [sum(g == p for g, p in zip(d.labels, labels)) / len(d.labels) for d, labels in zip(dev, predicted)]
    print(f"ZONES (dev): trained on {len(kept)} documents, measured on {len(dev)} dev documents, {len(gold)} lines; "
          f"accuracy {sum(g == p for g, p in zip(gold, pred)) / len(gold):.4f}, mean per document "
          f"{sum(per_doc) / len(per_doc):.4f}")
    _table("zone (dev)", _prf(gold, pred))


def header_fold(doc_id: str, folds: int = 4) -> int:
    """The fold of a *training* document in the header model's cross-validation (a salted hash of the id)."""
    return int(hashlib.sha1(b"papersite-header-dev:" + doc_id.encode("utf-8")).hexdigest(), 16) % folds


def _title_author(docs: Sequence[Sequence_], predicted: Sequence[Sequence[str]]) -> tuple[float, float, int]:
    """Title exact match (case and spacing normalised) and first-author match per document."""
    titles = authors = with_authors = 0
    for doc, labels in zip(docs, predicted):
        titles += _norm(_field(doc.texts, labels, "title")) == _norm(_field(doc.texts, doc.labels, "title"))
        gold_people = split_authors(_field(doc.texts, doc.labels, "author"))
        if gold_people:
            with_authors += 1
            people = split_authors(_field(doc.texts, labels, "author"))
            authors += bool(people) and name_key(people[0]) == name_key(gold_people[0])
    return titles / max(len(docs), 1), authors / max(with_authors, 1), with_authors


def header_dev(data: Path, tmp: Path, verbose: bool = False) -> None:
    """Cross-validate the header model over the *training* documents (4 folds by document), the way
    every header-model choice was made (``--header-dev``); ``--verbose`` prints each document whose
    title or first author is wrong, predicted against gold."""
    training = sequences(data, "header", evaluation=False)
    docs: list[Sequence_] = []
    predicted: list[list[str]] = []
    c1, c2 = REGULARISATION.get("header", (0.1, 0.01))
    for fold in range(4):
        train_model([d for d in training if header_fold(d.doc_id) != fold], tmp / "header.crfsuite",
                    iterations=ITERATIONS["header"], features=FEATURES["header"], c1=c1, c2=c2)
        tagger = Tagger((tmp / "header.crfsuite").read_bytes())
        for doc in (d for d in training if header_fold(d.doc_id) == fold):
            docs.append(doc)
            predicted.append(tag_header(tagger, doc.texts)[0])
    if verbose:
        for doc, labels in zip(docs, predicted):
            for name in ("title", "author"):
                gold, got = _field(doc.texts, doc.labels, name), _field(doc.texts, labels, name)
                if _title_author([doc], [labels])[0 if name == "title" else 1] < 1 and (name == "title" or gold):
                    print(f"{doc.doc_id} {name}\n  gold: {gold!r}\n  got:  {got!r}")
    title, author, with_authors = _title_author(docs, predicted)
    print(f"HEADER (dev, 4-fold over {len(docs)} training documents): title exact {title:.4f}, "
          f"first author {author:.4f} (of {with_authors} with authors)")
    _table("header field (dev)", _prf([_base(g) for d in docs for g in d.labels],
                                      [_base(p) for labels in predicted for p in labels]))


def _late(models: Models, docs: list[Sequence_], predicted: list[list[str]]) -> list[list[str]]:
    """The zones after the cascade's repairs (:func:`papersite.structure.zone_features.late_zones`)."""
    def tag(lines: Sequence[str], own: Sequence[list[str]]) -> tuple[list[str], list[float]]:
        return tag_header(models.header, lines, own)

    return [late_zones(d.texts, [line_attributes(t) for t in d.texts], zones, tag) for d, zones in zip(docs, predicted)]


def zones(models: Models, data: Path, results: dict[str, float]) -> None:
    docs = sequences(data, "segmentation", evaluation=True)
    gold = [g for d in docs for g in d.labels]
    first = _tag_all(models.zones, docs, zone_features)
    model_only = sum(g == p for g, p in zip(gold, (p for labels in first for p in labels))) / len(gold)
    pred = [p for labels in _late(models, docs, first) for p in labels]
    results["zone accuracy"] = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    print(f"\nZONES: {len(docs)} held-out documents, {len(gold)} lines; accuracy {results['zone accuracy']:.4f} "
          f"(the zone model alone {model_only:.4f}; with the cascade's late repairs, as the pipeline uses it)")
    _table("zone", _prf(gold, pred))


def _field(texts: Sequence[str], labels: Sequence[str], name: str) -> str:
    """The text of the first ``name`` field: its first line and the lines that continue it."""
    out: list[str] = []
    for text, label in zip(texts, labels):
        if _base(label) == name and (not out or not label.endswith("/B")):
            out.append(text)
        elif out:
            break
    return " ".join(out)


def header(models: Models, data: Path, results: dict[str, float]) -> None:
    docs = sequences(data, "header", evaluation=True)
    predicted = [tag_header(models.header, d.texts)[0] for d in docs]  # as the cascade does: title decoded as one run
    gold = [_base(g) for d in docs for g in d.labels]
    pred = [_base(p) for labels in predicted for p in labels]
    results["title exact"], results["first author"], with_authors = _title_author(docs, predicted)
    print(f"\nHEADER: {len(docs)} held-out documents, {len(gold)} lines; title exact {results['title exact']:.4f}, "
          f"first author {results['first author']:.4f} (of {with_authors} with authors)")
    _table("header field", _prf(gold, pred))


def _starts(labels: Sequence[str]) -> list[bool]:
    return [label.endswith("/B") for label in labels]


def _start_f1(gold: Sequence[bool], pred: Sequence[bool]) -> tuple[float, float, float]:
    tp = sum(g and p for g, p in zip(gold, pred))
    pr = tp / max(sum(pred), 1)
    rc = tp / max(sum(gold), 1)
    return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)


def body(models: Models, data: Path, results: dict[str, float]) -> None:
    docs = sequences(data, "fulltext", evaluation=True)
    predicted = [tag_body(models.body, d.texts)[0] for d in docs]
    gold_full = [g for d in docs for g in d.labels]
    pred_full = [p for labels in predicted for p in labels]
    scores = _prf([_base(g) for g in gold_full], [_base(p) for p in pred_full])
    results["heading F1"] = scores.get("heading", (0, 0, 0.0, 0))[2]
    print(f"\nBODY: {len(docs)} held-out documents, {len(gold_full)} lines")
    _table("body label", scores)
    p, r, f = _start_f1(_starts(gold_full), _starts(pred_full))
    print(f"block starts: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    para_gold = [g == "paragraph/B" for g in gold_full]
    para_pred = [q == "paragraph/B" for q in pred_full]
    p, r, f = _start_f1(para_gold, para_pred)
    print(f"paragraph starts: P {p:.3f} R {r:.3f} F1 {f:.3f}")


def references(models: Models, data: Path, results: dict[str, float]) -> None:
    docs = sequences(data, "reference-segmenter", evaluation=True)
    predicted = _tag_all(models.references, docs)
    gold = [g == "entry/B" for d in docs for g in d.labels]
    pred = [p == "entry/B" for labels in predicted for p in labels]
    p, r, f = _start_f1(gold, pred)
    results["entry-start F1"] = f
    print(f"\nREFERENCE ENTRIES: {len(docs)} held-out bibliographies, {len(gold)} lines, {sum(gold)} entries; "
          f"entry-start P {p:.4f} R {r:.4f} F1 {f:.4f}")


def speed(models: Models, data: Path, results: dict[str, float]) -> None:
    docs = sequences(data, "segmentation", evaluation=True)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    lines = sum(len(d.texts) for d in docs)
    label_document(list(docs[0].texts), models=models)
    best = wall = float("inf")
    for _ in range(3):
        start, start_wall = time.process_time(), time.perf_counter()
        for d in docs:
            label_document(list(d.texts), models=models)
        best = min(best, time.process_time() - start)
        wall = min(wall, time.perf_counter() - start_wall)
    results["lines/s"] = lines / best
    print(f"\nSPEED: {lines} lines in {best:.2f} s of CPU time on one core: {results['lines/s']:.0f} lines/s "
          f"(whole cascade; wall clock {wall:.2f} s on this shared machine)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/layoutdata"))
    parser.add_argument("--train", action="store_true", help="retrain from the training split before measuring")
    parser.add_argument("--models", type=Path, help="measure the models in this directory")
    parser.add_argument("--zones-dev", action="store_true",
                        help="only the zone model: train without the dev quarter of the training documents, measure on it")
    parser.add_argument("--header-dev", action="store_true",
                        help="only the header model: 4-fold cross-validation over the training documents")
    parser.add_argument("--verbose", action="store_true", help="with --header-dev: print each wrong title and first author")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.header_dev:
            header_dev(args.data, Path(tmp), args.verbose)
            return 0
        if args.zones_dev:
            zones_dev(args.data, Path(tmp))
            return 0
        if args.train:
            for name, file in MODEL_FILES.items():
                docs = subsample(sequences(args.data, name, evaluation=False), MAX_DOCS.get(name))
                c1, c2 = REGULARISATION.get(name, (0.1, 0.01))
                train_model(docs, Path(tmp) / file, iterations=ITERATIONS[name],
                            features=FEATURES.get(name, document_features), c1=c1, c2=c2)
            models = Models.from_directory(Path(tmp))
        else:
            models = Models.from_directory(args.models) if args.models else default_models()
        results: dict[str, float] = {}
        for step in (zones, header, body, references, speed):
            step(models, args.data, results)
    print("\nTARGETS (held-out documents)")
    for name, target in TARGETS.items():
        value = results[name]
        print(f"{name:<16} {value:10.3f}  target {target:g}  {'met' if value >= target else 'MISSED'}")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
