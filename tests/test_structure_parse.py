"""Parsing a .txt source with the structure models' help (papersite.parse.structure_hints)."""

from __future__ import annotations

from papersite.model import Section
from papersite.parse.paper import parse_paper
from papersite.parse.structure_hints import MIN_LINES, structure_hints

from .conftest import ROOT

BUTTS = ROOT / "tests" / "fixtures" / "open" / "butts2008-network" / "paper.raw.txt"


def _titles(sections: tuple[Section, ...]) -> list[str]:
    out: list[str] = []
    for section in sections:
        out.append(section.title)
        out.extend(_titles(section.subsections))
    return out


def test_console_output_and_figure_labels_do_not_become_headings() -> None:
    text = BUTTS.read_text(encoding="utf-8")
    paper = parse_paper(text, paper_id="butts", path="butts.txt")
    titles = _titles(paper.sections)
    # R console output and a figure's node labels: short lines the heading rules alone took for headings
    for not_heading in ("Acciaiuoli", "Red.Cross", "Salvation.Army", "Washington.Depar", "Local", "Non−Local"):
        assert not any(title.startswith(not_heading) for title in titles), (not_heading, titles)
    for heading in ("Historical note", "The network class", "Using the network API", "References"):
        assert heading in titles
    # their text is kept as body text
    body = " ".join(p.text for s in paper.sections for p in s.blocks) + " ".join(
        p.text for s in paper.sections for sub in s.subsections for p in sub.blocks
    )
    assert "Salvation.Army" in body


def test_model_title_and_author_of_a_pdf_text_paper() -> None:
    paper = parse_paper(BUTTS.read_text(encoding="utf-8"), paper_id="butts", path="butts.txt")
    assert paper.front.title == "network: A Package for Managing Relational Data in R"
    assert [a.name for a in paper.front.authors] == ["Carter T. Butts"]


def test_reference_entries_split_by_the_model_keep_a_wrapped_journal_line() -> None:
    paper = parse_paper(BUTTS.read_text(encoding="utf-8"), paper_id="butts", path="butts.txt")
    csardi = next(r for r in paper.references if r.raw.startswith("Csardi G, Nepusz T (2006)"))
    assert "InterJournal, Complex Systems, 1695" in csardi.raw
    assert not any(r.raw.startswith("InterJournal") for r in paper.references)


def test_a_fragment_is_left_to_the_rules() -> None:
    assert structure_hints("Title\n\nSome text.\n" * 3) is None
    assert structure_hints("\n".join(f"Line {i} of a longer text." for i in range(MIN_LINES))) is not None
