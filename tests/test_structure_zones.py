"""The zone model's own features (papersite.structure.zone_features) on real text: cues of
appendices and supplementary material, and the shipped zone model on a fixture."""

from __future__ import annotations

from collections import Counter

from papersite.structure import label_lines
from papersite.structure.zone_features import zone_features

from .conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "open"


def _printed_lines(name: str) -> list[str]:
    """A fixture's non-blank lines as the zone model sees them (form feeds dropped)."""
    lines: list[str] = []
    for raw in (FIXTURES / name / "paper.raw.txt").read_text(encoding="utf-8").split("\n"):
        text = " ".join(raw.replace("\f", " ").split())
        if text:
            lines.append(text)
    return lines


def test_an_appendix_after_the_references_is_cued() -> None:
    lines = _printed_lines("zeileis2008-pscl-countreg")
    features = zone_features(lines)
    refs = lines.index("References")
    appendix = lines.index("A. Technical details for hurdle models")
    assert "letterhead|afterrefs" in features[appendix]
    # the same shape before the references heading is not marked as coming after it
    assert "letterhead" in zone_features(["A. Technical details for hurdle models"])[0]
    assert not any(f == "letterhead|afterrefs" for f in features[refs - 1])
    # a numbered section heading is not a lettered appendix heading
    assert not any(f.startswith("letterhead") for f in features[lines.index("1. Introduction")])


def test_captions_after_the_references_tell_figures_from_supplementary_material() -> None:
    lines = _printed_lines("zeileis2008-pscl-countreg")
    refs = next(i for i, line in enumerate(lines) if line == "References")
    text = [*lines[: refs + 5], "Figure 3: Fitted and observed counts.", "Observed", "Supplementary Figure S1: Residuals.",
            "Residual", "Table S2. Model fit per data set.", "Estimate"]
    features = zone_features(text)
    end = len(text)
    assert "lastcap=main|afterrefs" in features[end - 5]
    assert "suppitem" in features[end - 4] and "lastcap=supp|afterrefs" in features[end - 3]
    assert "lastcap=supp|afterrefs" in features[end - 1]
    assert "lastcap=main" in zone_features(lines[:refs])[refs - 1] or "lastcap=none" in zone_features(lines[:refs])[refs - 1]


def test_the_shipped_zone_model_on_a_fixture_it_never_saw() -> None:
    raw = (FIXTURES / "zeileis2008-pscl-countreg" / "paper.raw.txt").read_text(encoding="utf-8").split("\n")
    labels = label_lines(raw)
    zones = Counter(label.zone for text, label in zip(raw, labels) if text.strip())
    assert zones.most_common(1)[0][0] == "body"
    refs = raw.index("References")
    appendix = raw.index("A. Technical details for hurdle models")
    between = [label.zone for text, label in zip(raw[refs + 1 : appendix], labels[refs + 1 : appendix]) if text.strip()]
    assert Counter(between)["references"] > 0.8 * len(between)
    heads = [label.zone for text, label in zip(raw, labels) if text.strip().endswith(" Regression Models for Count Data in R")]
    assert Counter(heads)["furniture"] >= 0.8 * len(heads)
