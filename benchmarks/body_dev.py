"""The body model's development benchmark: cross-validation on the *training* documents only.

    .venv/bin/python benchmarks/body_dev.py --data /work/shared/layoutdata [--errors]
        [--variant width|width+clause] [--c1 C1] [--c2 C2] [--iterations N]

The fulltext documents outside the held-out fifth (:func:`papersite.structure.data.held_out`) are
split by document into three folds (:func:`dev_fold`, a salted hash of the id, independent of the
held-out split); each fold is tagged by a body model trained, with the shipped features and
settings, on the other two. Printed: section-heading precision / recall / F1 for several
promotion thresholds (the shipped one marked), paragraph-start F1, and the heading errors by
class (:func:`error_class`), and the line F1 of the other body labels (a heading gain must not be
bought with formulas or list items); ``--variant`` and the training options try other features or
settings (:func:`variant_features`); ``--errors`` also prints every wrong line with two lines on each
side (gold label, predicted label, heading marginal). Every body-model choice is made on these
figures; the held-out documents are measured once, on the final model
(``benchmarks/structure_models.py``).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from papersite.structure.body_features import (
    HEADING_THRESHOLD,
    _MINOR,
    _ending,
    body_features,
    heading_marginals,
    legend_headings,
    promote,
)
from papersite.structure.data import Sequence_, sequences
from papersite.structure.models import Tagger
from papersite.structure.train import ITERATIONS, REGULARISATION, train_model

FOLDS = 3
THRESHOLDS = (0.3, 0.4, 0.5, 1.01)  # 1.01: Viterbi's labels alone
_NAMED_COMPOUND = re.compile(r"\(\d{1,3}[a-z]?\)|\(\d{1,3}[a-z]?,|-yl\b|-yl\)|ylamino|\d-[a-z]{3,}|\bmmol\b")
_NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}|[IVX]{1,5}|[A-H])[.)|]?\s")
_SENTENCE_BREAK = re.compile(r"[.:](?=\s+[A-Z(\[])")

_CLAUSE = re.compile(r"\b(?:is|are|was|were|we|this|that|which|these|has|have|had|be|been|can|may|our)\b", re.IGNORECASE)
LABELS = ("formula", "item", "table", "figure", "paragraph")  # per-label line F1 printed beside the headings
VARIANTS = ("shipped", "width", "width+clause")

Prediction = tuple[Sequence_, list[str], list[float]]  # document, Viterbi labels, heading marginals


def robust_typical(lines: Sequence[str]) -> int:
    """A variant's typical line width: the median width of the lines another line continues (no
    sentence stop at the end, the next line opening in lower case); the 75th percentile of all
    lines where there are fewer than five such lines."""
    widths = sorted(
        len(a.strip()) for a, b in zip(lines, lines[1:]) if a.strip() and _ending(a.strip()) != "stop" and b.strip()[:1].islower()
    )
    if len(widths) >= 5:
        return widths[len(widths) // 2]
    lengths = sorted(len(line.strip()) for line in lines)
    return lengths[(len(lengths) * 3) // 4] if lengths else 1


def variant_features(variant: str) -> Callable[[Sequence[str]], list[list[str]]]:
    """The body features of a development variant (``VARIANTS``): the shipped ones; with the robust
    typical width; and with a clause word in the line joined with its neighbours' ending and start."""
    if variant == "shipped":
        return body_features

    def features(lines: Sequence[str]) -> list[list[str]]:
        out = body_features(lines, typical=robust_typical(lines))
        if variant == "width+clause":
            for i, line in enumerate(lines):
                if _CLAUSE.search(line):
                    before = _ending(lines[i - 1].strip()) if i > 0 and lines[i - 1].strip() else "none"
                    after = lines[i + 1].strip()[:1].isupper() and "A" or "x" if i + 1 < len(lines) else "none"
                    out[i] += ["b:clause", "b:clause|" + before + "|" + after]
        return out

    return features


def dev_fold(doc_id: str) -> int:
    """The development fold (0 … FOLDS - 1) of a training document: a salted hash of its id."""
    return int(hashlib.sha1(b"papersite-body-dev:" + doc_id.encode("utf-8")).hexdigest(), 16) % FOLDS


def _base(label: str) -> str:
    return label.partition("/")[0]


def error_class(texts: Sequence[str], gold: Sequence[str], pred: Sequence[str], i: int) -> str:
    """What kind of heading error line ``i`` is (``gold`` and ``pred`` disagree on heading there):

    ``named compound`` (a chemical name or a labelled compound "(3a)": the annotators call such a
    paragraph's lead a heading in some documents and not in others), ``continuation`` (the second
    or later line of a heading), ``graphic`` (a figure, table or formula line on either side),
    ``numbered``, ``capitals``, ``run-in`` (a sentence ends inside the line: "Data. We …") or ``other``."""
    text = texts[i].strip()
    missed = _base(gold[i]) == "heading"
    other = _base(pred[i]) if missed else _base(gold[i])
    if _NAMED_COMPOUND.search(text):
        return "named compound"
    if missed and gold[i].endswith("/I"):
        return "continuation"
    if other in ("figure", "table", "formula", "item"):
        return "graphic"
    if _NUMBERED.match(text):
        return "numbered"
    if text.isupper():
        return "capitals"
    if len(text) > 40 and _SENTENCE_BREAK.search(text):
        return "run-in"
    return "other"


def cross_validate(
    data: Path, tmp: Path, *, variant: str = "shipped", c1: float | None = None, c2: float | None = None,
    iterations: int | None = None,
) -> list[Prediction]:
    """Each training document tagged by a model trained on the other folds (shipped settings unless
    a variant, c1, c2 or an iteration count is given)."""
    docs = sequences(data, "fulltext", evaluation=False)
    shipped_c1, shipped_c2 = REGULARISATION["fulltext"]
    c1 = shipped_c1 if c1 is None else c1
    c2 = shipped_c2 if c2 is None else c2
    iterations = ITERATIONS["fulltext"] if iterations is None else iterations
    features = variant_features(variant)
    print(f"variant {variant}, c1 {c1}, c2 {c2}, {iterations} iterations")
    out: list[Prediction] = []
    for fold in range(FOLDS):
        model = tmp / f"body-{fold}.crfsuite"
        train_model([d for d in docs if dev_fold(d.doc_id) != fold], model, iterations=iterations,
                    features=features, c1=c1, c2=c2)
        tagger = Tagger(model.read_bytes())
        for doc in (d for d in docs if dev_fold(d.doc_id) == fold):
            labels, _ = tagger.tag(features(doc.texts))
            out.append((doc, labels, heading_marginals(tagger, len(labels))))
    return out


def decode(prediction: Prediction, threshold: float, open_ends: bool = False) -> list[str]:
    """The labels the cascade gives (promotion at ``threshold``, then the legend rule); with
    ``open_ends``, also :func:`demote_open_ends` (tried, not in the cascade)."""
    doc, labels, heading = prediction
    out = legend_headings(promote(labels, heading, threshold), doc.texts)
    return demote_open_ends(out, doc.texts) if open_ends else out


def demote_open_ends(labels: Sequence[str], lines: Sequence[str]) -> list[str]:
    """A heading's last line that ends on a function word ("… cooperation of the West with") is
    a sentence running on into the next line, not a heading: paragraph text."""
    out = list(labels)
    for i, label in enumerate(labels):
        words = lines[i].split()
        goes_on = i + 1 < len(labels) and labels[i + 1] == "heading/I"
        if _base(label) == "heading" and not goes_on and words and words[-1].lower() in _MINOR:
            out[i] = "paragraph/" + label.partition("/")[2]
    return out


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(predictions: Sequence[Prediction], errors: bool = False, open_ends: bool = False) -> dict[str, float]:
    """Print the dev figures; returns heading P / R / F1 at the shipped threshold."""
    result: dict[str, float] = {}
    print(f"BODY (dev): {len(predictions)} training documents, {FOLDS}-fold cross-validation by document, "
          f"{sum(len(p[0].texts) for p in predictions)} lines")
    for threshold in THRESHOLDS:
        counts: Counter[str] = Counter()
        for prediction in predictions:
            for g, q in zip(prediction[0].labels, decode(prediction, threshold, open_ends)):
                gh, qh = _base(g) == "heading", _base(q) == "heading"
                counts["tp"] += gh and qh
                counts["fp"] += qh and not gh
                counts["fn"] += gh and not qh
                counts["ptp"] += g == q == "paragraph/B"
                counts["pfp"] += q == "paragraph/B" != g
                counts["pfn"] += g == "paragraph/B" != q
        p, r, f = _f1(counts["tp"], counts["fp"], counts["fn"])
        para = _f1(counts["ptp"], counts["pfp"], counts["pfn"])[2]
        mark = "  (shipped)" if threshold == HEADING_THRESHOLD else ""
        print(f"threshold {threshold:4.2f}: heading P {p:.3f} R {r:.3f} F1 {f:.3f} "
              f"(tp {counts['tp']}, fp {counts['fp']}, fn {counts['fn']}); paragraph starts F1 {para:.3f}{mark}")
        if threshold == HEADING_THRESHOLD:
            result = {"P": p, "R": r, "F1": f}
    _label_figures(predictions)
    classes: Counter[tuple[str, str]] = Counter()
    for prediction in predictions:
        doc = prediction[0]
        pred = decode(prediction, HEADING_THRESHOLD, open_ends)
        for i, (g, q) in enumerate(zip(doc.labels, pred)):
            if (_base(g) == "heading") != (_base(q) == "heading"):
                kind = "missed" if _base(g) == "heading" else "false"
                classes[kind, error_class(doc.texts, doc.labels, pred, i)] += 1
                if errors:
                    _print_error(prediction, pred, i, kind)
    print("\nheading errors by class (shipped threshold)")
    for (kind, name), n in sorted(classes.items(), key=lambda item: -item[1]):
        print(f"{kind:<7} {name:<15} {n:5d}")
    return result


def _label_figures(predictions: Sequence[Prediction]) -> None:
    """Line-level P / R / F1 of the other body labels (at the shipped threshold): a heading gain
    must not be bought with formulas or list items."""
    counts: Counter[tuple[str, str]] = Counter()
    for prediction in predictions:
        for g, q in zip(prediction[0].labels, decode(prediction, HEADING_THRESHOLD)):
            for label in LABELS:
                gl, ql = _base(g) == label, _base(q) == label
                counts[label, "tp"] += gl and ql
                counts[label, "fp"] += ql and not gl
                counts[label, "fn"] += gl and not ql
    print("lines by label (shipped threshold): " + "; ".join(
        f"{label} P {p:.3f} R {r:.3f} F1 {f:.3f}"
        for label in LABELS
        for p, r, f in [_f1(counts[label, "tp"], counts[label, "fp"], counts[label, "fn"])]
    ))


def _print_error(prediction: Prediction, pred: Sequence[str], i: int, kind: str) -> None:
    doc, _, heading = prediction
    print(f"=== {kind} {doc.doc_id}:{i} P(heading) {heading[i]:.2f}")
    for j in range(max(0, i - 2), min(len(pred), i + 3)):
        print(f"  {'>' if j == i else ' '} {doc.labels[j]:<12} {pred[j]:<12} {doc.texts[j][:100]}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/layoutdata"))
    parser.add_argument("--errors", action="store_true", help="print every wrong heading line with its neighbours")
    parser.add_argument("--variant", choices=VARIANTS, default="shipped", help="features to try (default: shipped)")
    parser.add_argument("--c1", type=float, default=None, help="L1 weight (default: shipped)")
    parser.add_argument("--c2", type=float, default=None, help="L2 weight (default: shipped)")
    parser.add_argument("--open-ends", action="store_true", help="also demote headings ending on a function word")
    parser.add_argument("--iterations", type=int, default=None, help="L-BFGS iterations (default: shipped)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        predictions = cross_validate(args.data, Path(tmp), variant=args.variant, c1=args.c1, c2=args.c2,
                                     iterations=args.iterations)
    report(predictions, errors=args.errors, open_ends=args.open_ends)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
