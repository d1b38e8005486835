"""The body model's decoding and its development benchmark (benchmarks/body_dev.py) on real text."""

from __future__ import annotations

from types import ModuleType

import pytest

from papersite.structure.body_features import (
    body_features,
    heading_marginals,
    legend_headings,
    promote,
    tag_body,
)
from papersite.structure.data import held_out
from papersite.structure.models import default_models

from .conftest import ROOT, load_benchmark

BUTTS = ROOT / "tests" / "fixtures" / "open" / "butts2008-network" / "paper.raw.txt"


@pytest.fixture(scope="module")
def body_dev() -> ModuleType:
    return load_benchmark("body_dev")


def test_promotion_makes_a_likely_heading_and_starts_a_block_after_it() -> None:
    labels = ["paragraph/B", "paragraph/I", "paragraph/I", "paragraph/I"]
    assert promote(labels, [0.0, 0.45, 0.1, 0.0], 0.4) == ["paragraph/B", "heading/B", "paragraph/B", "paragraph/I"]
    # a second likely line continues the heading; below the threshold nothing changes
    assert promote(labels, [0.0, 0.5, 0.6, 0.0], 0.4)[1:4] == ["heading/B", "heading/I", "paragraph/B"]
    assert promote(labels, [0.0, 0.39, 0.0, 0.0], 0.4) == labels


def test_the_cascade_decodes_as_the_benchmark_does() -> None:
    """tag_body (the cascade) and promote over stored marginals (the dev benchmark) agree, line for
    line, on a real paper's body; and the decoding does promote lines Viterbi left out."""
    lines = [line for line in BUTTS.read_text(encoding="utf-8").split("\n")[60:700] if line.strip()]
    tagger = default_models().body
    labels, _ = tag_body(tagger, lines)
    viterbi, _ = tagger.tag(body_features(lines))
    marginals = heading_marginals(tagger, len(lines))
    assert labels == legend_headings(promote(viterbi, marginals), lines)
    assert any(label.startswith("heading/") for label in labels)
    assert len(marginals) == len(lines) and all(0.0 <= p <= 1.0 + 1e-9 for p in marginals)


def test_dev_folds_split_by_document_independently_of_the_held_out_split(body_dev: ModuleType) -> None:
    ids = [f"PMC{n}" for n in range(3000)]
    folds = [body_dev.dev_fold(doc_id) for doc_id in ids]
    assert folds == [body_dev.dev_fold(doc_id) for doc_id in ids]  # deterministic
    for fold in range(body_dev.FOLDS):
        share = folds.count(fold) / len(ids)
        assert 0.28 < share < 0.39
        kept = [doc_id for doc_id, f in zip(ids, folds) if f == fold and held_out(doc_id)]
        assert 0.12 < len(kept) / folds.count(fold) < 0.28  # a different salt: every fold holds some of each


def test_heading_errors_are_classified(body_dev: ModuleType) -> None:
    texts = [
        "were measured twice.",
        "Association between AR expression with patient chemotherapy",
        "response and outcome",
        "No significant association was observed between AR expression",
        "2-((1E,3E)-9,9-Dimethoxy-3,7-dimethylnona-1,3-dien-1-yl) acetate (6):",
        "2.1 Study design",
        "DISCUSSION",
        "Data collection and sampling. We sampled 40 plots at random in the",
        "Study Period",
    ]
    gold = ["paragraph/I", "heading/B", "heading/I", "paragraph/B", "heading/B", "heading/B", "heading/B",
            "heading/B", "heading/B"]
    pred = ["paragraph/I", "heading/B", "paragraph/I", "paragraph/B", "paragraph/B", "paragraph/B", "table/I",
            "paragraph/B", "paragraph/I"]
    kinds = [body_dev.error_class(texts, gold, pred, i) for i in (2, 4, 5, 6, 7, 8)]
    assert kinds == ["continuation", "named compound", "numbered", "graphic", "run-in", "other"]
