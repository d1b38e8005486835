"""The body model's development variants (benchmarks/body_dev.py --variant) on real text."""

from __future__ import annotations

from types import ModuleType

import pytest

from papersite.structure.body_features import body_features

from .conftest import ROOT, load_benchmark

BUTTS = ROOT / "tests" / "fixtures" / "open" / "butts2008-network" / "paper.raw.txt"


@pytest.fixture(scope="module")
def body_dev() -> ModuleType:
    return load_benchmark("body_dev")


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return [line for line in BUTTS.read_text(encoding="utf-8").split("\n")[60:700] if line.strip()]


def test_robust_typical_width_is_a_running_lines_width_not_a_tables(body_dev: ModuleType, lines: list[str]) -> None:
    """Table cells one a line shrink the 75th percentile of all widths; the width of the lines a
    sentence runs on from does not move."""
    typical = body_dev.robust_typical(lines)
    cells = [f"{n}.{n % 7}" for n in range(3 * len(lines))]  # a long table, one cell a line
    mixed = lines[:200] + cells + lines[200:]
    plain = sorted(len(line.strip()) for line in mixed)[(len(mixed) * 3) // 4]
    assert plain < 10 < typical
    assert abs(body_dev.robust_typical(mixed) - typical) <= 2
    assert body_dev.robust_typical(["x"] * 3) == 1  # too few running lines: the percentile


def test_typical_width_reaches_the_width_features(lines: list[str]) -> None:
    shipped = body_features(lines)
    narrow = body_features(lines, typical=10_000)
    assert shipped != narrow
    assert all("b:w=tiny" in features for features in narrow)
    assert body_features(lines, typical=None) == shipped


def test_the_clause_variant_adds_clause_features_and_nothing_else(body_dev: ModuleType, lines: list[str]) -> None:
    width = body_dev.variant_features("width")(lines)
    clause = body_dev.variant_features("width+clause")(lines)
    assert body_dev.variant_features("shipped") is body_features
    extra = [sorted(set(c) - set(w)) for w, c in zip(width, clause)]
    with_clause = [i for i, e in enumerate(extra) if e]
    assert with_clause and all(extra[i][0] == "b:clause" for i in with_clause)
    assert all(body_dev._CLAUSE.search(lines[i]) for i in with_clause)
    assert not any(body_dev._CLAUSE.search(lines[i]) for i, e in enumerate(extra) if not e)


def test_a_heading_ending_on_a_function_word_is_demoted_unless_it_goes_on(body_dev: ModuleType) -> None:
    """sadeghi2022's Conclusion: a paragraph cut by a page break leaves a line ending on "with",
    which a retrained body model took for a heading; a two-line heading whose first line ends on
    "of" keeps both lines, and a real heading stays."""
    source = (ROOT / "sources" / "sadeghi2022.txt").read_text(encoding="utf-8").split("\n")
    cut = next(line for line in source if line.endswith("cooperation of the West with"))
    after = source[source.index(cut) + 2]
    lines = ["Conclusion", cut, after, "Effects of", "sanctions on trade", "This section measures them."]
    labels = ["heading/B", "heading/B", "paragraph/B", "heading/B", "heading/I", "paragraph/B"]
    out = body_dev.demote_open_ends(labels, lines)
    assert out == ["heading/B", "paragraph/B", "paragraph/B", "heading/B", "heading/I", "paragraph/B"]
