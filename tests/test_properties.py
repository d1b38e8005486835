"""Property-based tests: arbitrary text never crashes the parser or renderer, and no word is lost."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from papersite.nothing_lost import check_nothing_lost
from papersite.parse import parse_paper
from papersite.render import render_paper

# Words, punctuation, markup the sources use, and blank lines as paragraph breaks.
TOKENS = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12),
    st.sampled_from(
        ["\n", "\n\n", "- ", "[12]", "(Walt, 1986)", "^{2*}", "¹", "\\$", "*x*", "I. INTRODUCTION", "REFERENCES",
         "Abstract:", "Keywords:", "Received: 1 May 2020", "con-", "<script>", "{: #x }", "--8<--", "!!! note", "."]
    ),
)
TEXTS = st.lists(TOKENS, max_size=60).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_parses_renders_and_keeps_every_word(text: str) -> None:
    paper = parse_paper(text, paper_id="p", path="p.txt")
    page = render_paper(paper)
    assert check_nothing_lost(text, page, "p.txt") == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_fully_arbitrary_text_never_crashes(text: str) -> None:
    paper = parse_paper(text, paper_id="p", path="p.txt")
    render_paper(paper)


@pytest.mark.parametrize("letter", ["µ", "ı", "ß", "ſ"])
def test_a_shouted_heading_whose_letters_change_in_title_case_keeps_every_word(letter: str) -> None:
    # Found by the property above: title case turns µ (U+00B5) into Greek Μ (U+039C), whose lower case is
    # μ (U+03BC), and dotless ı into I.
    text = f"{letter} I. INTRODUCTION"
    paper = parse_paper(text, paper_id="p", path="p.txt")
    assert check_nothing_lost(text, render_paper(paper), "p.txt") == []
