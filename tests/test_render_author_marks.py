"""An author's affiliation marks are shown as one superscript, set apart by commas as printed."""

from __future__ import annotations

from papersite.model import Affiliation, Author, FrontMatter
from papersite.parse import parse_paper
from papersite.render.paper_page import render_front


def test_several_marks_read_as_a_list_not_a_number() -> None:
    front = FrontMatter(title="T", authors=(Author("Jeff Alstott", ("1", "2", "∗")), Author("Ed Bullmore", ("2",)), Author("No Marks")))
    html = "\n".join(render_front(front))
    assert "Jeff Alstott<sup>1,2,∗</sup>" in html
    assert "Ed Bullmore<sup>2</sup>" in html
    assert "No Marks</span>" in html and "No Marks<sup>" not in html


def test_a_mark_is_escaped() -> None:
    html = "\n".join(render_front(FrontMatter(title="T", authors=(Author("A B", ("<b>",)),), affiliations=(Affiliation("X", "1"),))))
    assert "<sup>&lt;b&gt;</sup>" in html


def test_marks_parsed_from_a_byline_render_apart() -> None:
    text = "A Study of Things\n\nJeff Alstott1,2∗, Ed Bullmore2\n\n1 Some Institute, Bethesda, USA\n2 Other Unit, Cambridge, UK\n\nAbstract\n\nWe study things at length here.\n"
    paper = parse_paper(text, paper_id="x", path="sources/x.txt")
    html = "\n".join(render_front(paper.front))
    assert "Alstott<sup>1,2,∗</sup>" in html
