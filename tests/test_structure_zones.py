"""The zone model's own features (papersite.structure.zone_features) on real text: page edges
inferred without page marks, supplementary-material cues, and the shipped model on a fixture."""

from __future__ import annotations

from collections import Counter

from papersite.structure import label_lines
from papersite.structure.zone_features import page_breaks, running_heads, zone_features

from .conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "open"


def _printed_lines(name: str) -> tuple[list[str], list[int]]:
    """A fixture's non-blank lines as the zone model sees them, and where its form feeds (real
    page breaks) fall: the index of each page's first line."""
    lines: list[str] = []
    pages: list[int] = []
    for raw in (FIXTURES / name / "paper.raw.txt").read_text(encoding="utf-8").split("\n"):
        if raw.startswith("\f"):
            pages.append(len(lines))
        text = " ".join(raw.replace("\f", " ").split())
        if text:
            lines.append(text)
    return lines, pages


def _features_of(lines: list[str], i: int, prefix: str) -> list[str]:
    return [f for f in zone_features(lines)[i] if f.startswith(prefix)]


def test_page_edges_inferred_from_the_text_match_the_real_page_breaks() -> None:
    # the model never sees form feeds (its training text has none): page edges come from running
    # heads and page numbers; on a paper that has form feeds, compare with them
    for name in ("zeileis2008-pscl-countreg", "oksanen2022-vegan-diversity"):
        lines, pages = _printed_lines(name)
        marks = page_breaks(lines, running_heads(lines))
        near = [i for i in marks if any(-2 <= i - page <= 1 for page in pages)]
        assert len(near) >= 0.6 * len(marks), name
        assert len({min(pages, key=lambda p: abs(p - i)) for i in near}) >= 0.4 * len(pages), name


def test_page_numbers_are_a_chain_counting_up_a_page_apart() -> None:
    lines, _ = _printed_lines("zeileis2008-pscl-countreg")
    body = [line for line in lines if not line.isdigit()]
    # bare numbers 2, 3, 4, 5 spaced a page apart are page numbers ...
    paged = [line for k in range(4) for line in (*body[40 * k : 40 * k + 40], str(k + 2))]
    assert [paged[i] for i in page_breaks(paged, set())] == ["2", "3", "4", "5"]
    # ... the same numbers on consecutive lines (a table's column, an axis) are not
    table = body[:40] + ["2", "3", "4", "5"] + body[40:80]
    assert page_breaks(table, set()) == []


def test_lines_next_to_an_inferred_page_edge_say_so() -> None:
    lines, _ = _printed_lines("zeileis2008-pscl-countreg")
    head = next(i for i, line in enumerate(lines) if line == "4 Regression Models for Count Data in R")
    assert "pbnext=0" in _features_of(lines, head, "pbnext=")
    assert "pbprev=1" in _features_of(lines, head + 1, "pbprev=")
    middle = len(lines) // 2
    far = [i for i in range(middle, middle + 200) if not _features_of(lines, i, "pb")]
    assert far, "most lines are not at a page edge"


def test_captions_after_the_references_tell_figures_from_supplementary_material() -> None:
    lines, _ = _printed_lines("zeileis2008-pscl-countreg")
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
