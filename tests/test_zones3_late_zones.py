"""The zone model's late repairs (``zone_features.late_zones``) on the real fixture papers' text
and the shipped models: what a reader would see go wrong without them.

- zeileis2004-sandwich ends with an address block under "Affiliation:" after its appendix, which
  the zone model alone reads as an annex (its lines then become headings);
- zeileis2008-pscl-countreg has a short "Computational details" section between its summary and
  its references, which the zone model alone reads as an abstract in the header zone (its heading
  is then lost).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from papersite.parse.structure_hints import structure_hints
from papersite.structure import label_lines
from papersite.structure.features import line_attributes
from papersite.structure.header_features import tag_header
from papersite.structure.models import default_models
from papersite.structure.zone_features import late_zones, zone_features

from .conftest import ROOT

OPEN = ROOT / "tests" / "fixtures" / "open"


def _lines(slug: str) -> list[str]:
    return (OPEN / slug / "paper.raw.txt").read_text(encoding="utf-8").split("\n")


def _zones(texts: list[str]) -> tuple[list[str], list[str]]:
    """The zone model's own zones of ``texts`` (non-blank lines) and the repaired ones."""
    models = default_models()
    own = [line_attributes(t) for t in texts]
    first, _ = models.zones.tag(zone_features(texts, own))
    return first, late_zones(texts, own, first, lambda lines, attrs: tag_header(models.header, lines, attrs))


@pytest.fixture(scope="module")
def sandwich() -> list[str]:
    return _lines("zeileis2004-sandwich")


@pytest.fixture(scope="module")
def countreg() -> list[str]:
    return _lines("zeileis2008-pscl-countreg")


def _at(lines: list[str], text: str) -> int:
    return next(i for i, line in enumerate(lines) if line.strip() == text)


def test_an_address_block_after_the_appendix_is_header_not_headings(sandwich: list[str]) -> None:
    labels = label_lines(sandwich)
    label = _at(sandwich, "Affiliation:")
    email = next(i for i in range(label, len(sandwich)) if sandwich[i].startswith("E-mail:"))
    block = [i for i in range(label, email + 1) if sandwich[i].strip() and labels[i].zone != "furniture"]
    assert [labels[i].zone for i in block] == ["header"] * len(block)
    assert {labels[i].label for i in block} >= {"author", "affiliation", "email"}
    hints = structure_hints("\n".join(sandwich))
    assert hints is not None
    assert not any(hints.calls_heading(i + 1) for i in block)


def test_a_label_over_code_is_not_an_address_block(sandwich: list[str]) -> None:
    # "Visualization:" in the appendix's R code: a label alone on its line, then code lines
    at = _at(sandwich, "Visualization:")
    assert label_lines(sandwich)[at].zone in ("body", "annex")


def test_the_repairs_are_needed_and_touch_nothing_before_the_body(sandwich: list[str], countreg: list[str]) -> None:
    for lines, text in ((sandwich, "Affiliation:"), (countreg, "Computational details")):
        texts = [" ".join(line.replace("\f", " ").split()) for line in lines]
        texts = [t for t in texts if t]
        first, repaired = _zones(texts)
        at = texts.index(text)
        assert first[at] != repaired[at]  # the zone model alone gets it wrong
        body = next(i for i, zone in enumerate(first) if zone == "body")
        assert repaired[:body] == first[:body]


def test_a_closing_section_read_as_an_abstract_is_body(countreg: list[str]) -> None:
    labels = label_lines(countreg)
    at = _at(countreg, "Computational details")
    following = [i for i in range(at, at + 4) if countreg[i].strip()]
    assert [labels[i].zone for i in following] == ["body"] * len(following)
    assert labels[at].label == "heading"


def test_a_late_header_run_is_kept_when_it_reads_as_a_byline() -> None:
    """A synthetic check of the header-run rule itself: the same text, once as a byline and once
    as a paragraph, both put in the header zone after body text."""
    models = default_models()
    body = [f"This is the body text of the paper, sentence {n} of many, and it goes on." for n in range(120)]
    byline = ["Achim Zeileis", "Department of Statistics", "Universität Innsbruck", "6020 Innsbruck, Austria",
              "E-mail: Achim.Zeileis@R-project.org"]
    prose = ["The results in this paper were obtained using R 4.0.3 with the packages",
             "pscl 1.5.5, sandwich 2.5-1, car 3.0-6, lmtest 0.9-38. R itself and all packages used",
             "are available from CRAN at http://CRAN.R-project.org/ and the code is in the",
             "supplement, which also holds the data and the scripts for every figure shown here."]
    for tail, kept in ((byline, True), (prose, False)):
        texts = body + tail
        own = [line_attributes(t) for t in texts]
        zones = ["body"] * len(body) + ["header"] * len(tail)
        tag = lambda lines, attrs: tag_header(models.header, lines, attrs)  # noqa: E731
        got = late_zones(texts + ["References"], own + [line_attributes("References")], zones + ["references"], tag)
        assert got[len(body) : -1] == (["header"] * len(tail) if kept else ["body"] * len(tail)), tail[0]
        # after the references, a header run is left as it is (an address block, or notes)
        after = body + ["References"] + tail
        after_zones = ["body"] * len(body) + ["references"] + ["header"] * len(tail)
        assert late_zones(after, [line_attributes(t) for t in after], after_zones, tag) == after_zones


def test_the_zone_model_file_is_the_only_one() -> None:
    data = Path(ROOT / "scripts" / "papersite" / "data")
    assert sorted(p.name for p in data.glob("structure-zones*.crfsuite")) == ["structure-zones.crfsuite"]


def test_a_table_row_the_model_doubts_inside_a_table_block_is_no_heading(countreg: list[str]) -> None:
    """zeileis2008's table of coefficients: its third header row ("Method ML adjusted quasi ML …")
    reads as a title to the rules and the model is unsure of the line on its own, but it sits
    inside a block the model labels table, so it is vetoed as a heading."""
    hints = structure_hints("\n".join(countreg))
    assert hints is not None
    row = _at(countreg, "Method ML adjusted quasi ML ML ML") + 1  # source line number
    label = hints.label(row)
    assert label is not None and label.label == "table" and not label.start
    assert hints.vetoes_heading(row, row)
    # the table's first line starts the block: the veto does not reach a line that opens one
    first = next(n for n in range(row, 0, -1) if (hints.label(n) or label).start)
    assert first < row
