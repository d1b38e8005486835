"""Displayed equations from a PDF's evidence (math fonts, a display's indent, an equation number at
the right margin) become formula blocks; running text never does."""

from __future__ import annotations

import re

import pytest

from papersite.model import Paper, Paragraph, plain_text
from papersite.parse import parse_paper
from papersite.pdf.source import read_pdf_with_evidence
from papersite.structure.labelling import _formulas
from papersite.structure.types import LineEvidence, LineLabel

from .fixture_facts import PDF


def parsed(slug: str) -> Paper:
    text, evidence, _ = read_pdf_with_evidence(PDF / slug / "paper.pdf", f"sources/{slug}.pdf")
    assert text is not None
    return parse_paper(text, paper_id=slug, path=f"sources/{slug}.pdf", evidence=evidence)


def blocks(paper: Paper) -> list[Paragraph]:
    return [block for section in paper.all_sections() for block in section.blocks]


@pytest.fixture(scope="module")
def sandwich() -> Paper:
    return parsed("zeileis2004-sandwich")


def test_each_numbered_display_of_the_sandwich_paper_is_a_formula_block(sandwich: Paper) -> None:
    formulas = " ".join(plain_text(b.inlines) for b in blocks(sandwich) if b.kind == "formula")
    text = " ".join(plain_text(b.inlines) for b in blocks(sandwich) if b.kind == "text")
    for number in range(1, 10):  # the paper numbers nine displays, (1) to (9)
        assert f"({number})" in formulas, number
        assert not re.search(rf"[=−] [^.]{{0,40}} \({number}\)", text), number
    assert "yi = x¦ i ´ + ui (i = 1, . . . , n), (1)" in formulas
    assert "wℓ = 1 − (7)" in formulas


def test_no_running_sentence_becomes_a_formula(sandwich: Paper) -> None:
    for paper in (sandwich, parsed("alstott2014-powerlaw")):
        for block in blocks(paper):
            if block.kind != "formula":
                continue
            for line in plain_text(block.inlines).split("\n"):
                plain = [w for w in line.split() if re.fullmatch(r"[a-z]{3,}[.,;:]?", w)]
                assert len(plain) < 5, line
    text = " ".join(plain_text(b.inlines) for b in blocks(sandwich) if b.kind == "text")
    # the sentences printed right after displays stay text
    assert "where Φ = n−1X¦ΩX is essentially the covariance matrix" in text
    assert "Newey and West (1987) suggested to use linearly decaying weights" in text


def test_powerlaws_one_equation_is_a_formula_and_its_lead_in_stays_text() -> None:
    paper = parsed("alstott2014-powerlaw")
    formulas = [plain_text(b.inlines) for b in blocks(paper) if b.kind == "formula"]
    assert "p(x) ∝ x−α (1)" in formulas
    lead = next(b for b in blocks(paper) if "Power laws are probability distributions with the form" in plain_text(b.inlines))
    assert lead.kind == "text" and "∝" not in plain_text(lead.inlines)


BODY = LineLabel("body", "paragraph", 0.9)


def evidence(display: bool, math: float) -> LineEvidence:
    return LineEvidence(page=1, font_size_ratio=1.0, bold=False, display=display, math=math)


def test_the_layout_rule_on_made_up_lines() -> None:
    lines = ["the model is written as follows for all the observations we have", "“ ”−1", "1 1", "y = a + b x (1)",
             "where a and b are the coefficients of the model that we estimate", "sum", "P", "of the values"]
    known = [evidence(False, 0), evidence(True, 0.75), evidence(True, 0), evidence(True, 0.6),
             evidence(False, 0.05), evidence(True, 0), evidence(True, 1.0), evidence(False, 0)]
    got = [label.label for label in _formulas(lines, [BODY] * len(lines), known)]
    # the display and the pieces set over it (a bracket's power, a fraction's numerators); not the
    # sentences, nor a lone sign set on a line of its own inside one
    assert got == ["paragraph", "formula", "formula", "formula", "paragraph", "paragraph", "paragraph", "paragraph"]


def test_a_sentence_the_model_took_for_a_formula_is_text_again() -> None:
    lines = ["and so we find that the estimate of the variance is given by the usual formula"]
    got = _formulas(lines, [LineLabel("body", "formula", 0.4)], [evidence(False, 0)])
    assert got[0].label == "paragraph"
