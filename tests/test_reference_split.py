"""Cutting a reference list into its entries, however they are numbered and however they wrap
(issue 16): ``[1]``, ``1.``, ``1)`` and unnumbered author–year lists, made up here, each with
entries wrapped over lines whose openings could be mistaken for an entry's (a year, a number,
a capitalised journal name, a list of names cut at a comma)."""

from __future__ import annotations

import pytest

from papersite.parse.paper import parse_paper
from papersite.parse.references import ListEvidence, back_matter, split_references
from papersite.parse.units import split_units
from papersite.structure.types import LineEvidence

BRACKETED = """\
[1] Abel, K. (2001). Grain and salt on the Volga: a study of river trade in the
nineteenth century. Journal of River History, 12(3), 45–67.
[2] Brandt, L. and Cole, M. (1999). Caravans. Oxford University Press,
Oxford.
[3] Chen, W. (2015). 2014 and after: the new silk roads. Asian Affairs,
46(2), 1–20.
"""

DOTTED = """\
1. Abel K. Grain and salt on the Volga: a study of river trade in the nineteenth
century. J River Hist. 2001;12:45–67.
2. Brandt L, Cole M. Caravans and their keepers. Oxford: Oxford University Press;
1999.
3. Chen W. The new silk roads. Asian Aff. 2015;46:1–20.
4. Dorji T, Evans R. Trade on the high passes. 2nd ed. Kathmandu: Himal Books;
2010.
"""

PARENTHESISED = DOTTED.replace(". Abel", ") Abel").replace(". Brandt", ") Brandt").replace(
    ". Chen", ") Chen").replace(". Dorji", ") Dorji")

AUTHOR_YEAR = """\
Anderson E, Bai Z, Bischof C, Blackford S, Demmel J, Dongarra J, Du Croz J,
Greenbaum A, Hammarling S (1999). LAPACK Users’ Guide. Third edition. Society for
Industrial and Applied Mathematics, Philadelphia, PA.
Zeileis A (2004). “Econometric Computing with HC and HAC Covariance Matrix Estimators.”
Journal of Statistical Software, 11(10), 1–17.
Zeileis A (2006). “Object-oriented Computation of Sandwich Estimators.” Journal of
Statistical Software, 16(9), 1–16.
van der Berg, P. and Smith, J. (2010). Between the rivers. In Essays on Steppe
History, edited by R. Hall. Brill, Leiden.
"""


def entries(text: str) -> list[str]:
    references, _ = split_references(split_units(text), "refs.txt")
    return [reference.raw for reference in references]


@pytest.mark.parametrize(
    ("text", "openings"),
    [
        (BRACKETED, ["[1] Abel", "[2] Brandt", "[3] Chen"]),
        (DOTTED, ["1. Abel", "2. Brandt", "3. Chen", "4. Dorji"]),
        (PARENTHESISED, ["1) Abel", "2) Brandt", "3) Chen", "4) Dorji"]),
        (AUTHOR_YEAR, ["Anderson E", "Zeileis A (2004)", "Zeileis A (2006)", "van der Berg"]),
    ],
    ids=["bracketed", "dotted", "parenthesised", "author-year"],
)
def test_a_wrapped_list_is_cut_into_its_entries(text: str, openings: list[str]) -> None:
    found = entries(text)
    assert [entry[: len(opening)] for entry, opening in zip(found, openings)] == openings
    assert len(found) == len(openings)
    # every word is kept, and each entry's wrapped lines are joined with a space
    assert " ".join(found).split() == text.split()


def test_a_wrapped_line_that_opens_with_a_year_or_number_continues_its_entry() -> None:
    found = entries(BRACKETED)
    assert found[2] == "[3] Chen, W. (2015). 2014 and after: the new silk roads. Asian Affairs, 46(2), 1–20."
    assert entries(DOTTED)[3].endswith("Kathmandu: Himal Books; 2010.")


def test_a_number_the_list_skips_to_is_still_an_entry_but_no_other_number_is() -> None:
    text = "[1] Abel, K. (2001). Grain. Journal, 1, 2–3.\n[3] Brandt, L. (1999). Caravans.\n12 pages.\n"
    assert len(entries(text)) == 2


def test_hanging_indents_decide_where_the_text_cannot() -> None:
    """A PDF list set with hanging indents: a line at the margin starts an entry even when the
    line above it does not end a sentence, an indented line continues one whatever it opens with."""
    lines = [
        "Allen, R. (2001). A very long title that ends with a",  # margin
        "Scope of Study (2001 edition). Press.",  # indented: opens in capitals with a year
        "Baker, S. (1999). Steppe and sown, the long view of",  # margin
        "Cities. Press.",  # indented
        "Clark, T. (2005). Rivers",  # margin
        "Dunn, V. (2011). Passes. Press.",  # margin, after a line that did not close its entry
    ]
    xs = [56.0, 65.3, 56.0, 65.3, 56.0, 56.0]
    evidence = {n: LineEvidence(page=1, x0=x, x1=300.0) for n, x in enumerate(xs, start=1)}
    units = split_units("\n".join(lines))
    references, _ = split_references(units, "refs.pdf", ListEvidence(layout=evidence.get))
    assert [r.raw.split(" (")[0] for r in references] == ["Allen, R.", "Baker, S.", "Clark, T.", "Dunn, V."]
    assert [(r.span.line, r.span.end_line) for r in references] == [(1, 2), (3, 4), (5, 5), (6, 6)]


def test_the_parser_cuts_entries_that_layout_repair_joined_back_at_their_source_lines() -> None:
    """Line-per-PDF-line text: the entries come out one per work, each naming its own lines."""
    body = " ".join(["The river trade grew for a century and then fell away."] * 3)
    text = f"A Study of River Trade\n\nIntroduction\n\n{body}\n\nReferences\n\n{AUTHOR_YEAR}"
    paper = parse_paper(text, paper_id="refs", path="refs.txt")
    assert [r.raw[:10] for r in paper.references] == ["Anderson E", "Zeileis A ", "Zeileis A ", "van der Be"]
    first = text.split("\n").index(AUTHOR_YEAR.split("\n")[0]) + 1
    assert [r.span.line - first for r in paper.references] == [0, 3, 5, 7]


def test_a_paper_that_cites_its_own_published_version_takes_its_year_and_journal_from_it() -> None:
    """A preprint or vignette ("a modified version of Abel (2001)") lists its published version
    under its own title: that entry's year and journal are the paper's; a DOI's digits are no year."""
    body = "This is a modified version of Abel (2001), published in the Journal of River History."
    references = (
        "Abel K (1999). “Grain and Salt on the Volga.” Preprint, URL https://example.org/1999.\n\n"
        "Abel K (2001). “Grain and Salt on the Volga.” Journal of River History, 12(3), 45–67. "
        "doi:10.1000/jrh.2017.12\n\nBrandt L (1999). Caravans. Oxford University Press, Oxford."
    )
    text = f"Grain and Salt on the Volga\n\nKarl Abel\n\nIntroduction\n\n{body}\n\nReferences\n\n{references}\n"
    front = parse_paper(text, paper_id="abel", path="abel.txt").front
    assert front.title == "Grain and Salt on the Volga"
    assert (front.year, front.venue, front.volume, front.issue) == ("2001", "Journal of River History", "12", "3")
    other = parse_paper(text.replace("Grain and Salt on the Volga\n\n", "Salt Roads\n\n", 1), paper_id="b", path="b.txt")
    assert other.front.year == ""


ADDRESS = """\
Affiliation:
Kamila Abel
Department of Economic History
University of Tartu
Ülikooli 18, 50090 Tartu, Estonia
E-mail: kamila.abel@example.org
URL: https://example.org/~abel
"""


def test_an_address_block_after_the_list_is_no_entry_and_is_kept_under_its_label() -> None:
    """JSS and many journals print the authors' addresses after the references under a label
    ("Affiliation:"); where the zone model puts the label and the lines after it in the header
    zone, the list ends there and the block's lines are handed back, label and all, none lost. (The model's own
    decision on such a block is checked on a real paper: mebane2011-rgenoud's facts.)"""
    text = AUTHOR_YEAR + ADDRESS
    first = len(AUTHOR_YEAR.splitlines()) + 1
    units = split_units(text)
    evidence = ListEvidence(zone=lambda line: "header" if line >= first else "references")
    block = back_matter(units, evidence)
    assert [unit.text for unit in block] == ADDRESS.splitlines()
    references, _ = split_references(units, "refs.txt", evidence, until=block[0].line)
    assert [r.raw[:10] for r in references] == ["Anderson E", "Zeileis A ", "Zeileis A ", "van der Be"]
    assert references[-1].raw.endswith("Brill, Leiden.")


def test_a_label_inside_a_list_does_not_end_it() -> None:
    """A colon-ended line is a wrapped entry's part unless the model puts most lines after it in
    the header zone too (one stray header line does not end a list)."""
    units = split_units(AUTHOR_YEAR + "Note:\nsee also the errata of 2011, which corrects\ntable 3 and the appendix.\n")
    label_line = len(AUTHOR_YEAR.splitlines()) + 1
    assert back_matter(units, ListEvidence(zone=lambda line: "header" if line == label_line else "references")) == []
    block = back_matter(units, ListEvidence(zone=lambda line: "header" if line >= label_line else "references"))
    assert [unit.text for unit in block][:1] == ["Note:"] and len(block) == 3


def test_the_block_after_the_list_is_anchored_as_back_matter() -> None:
    """Its paragraphs are linked as #back-matter-pN, not as the preamble's."""
    from papersite.anchors import assign_ids
    from papersite.model import Paper, Section, SourceSpan

    span = SourceSpan("x.txt", 1)
    sections = (Section("", 2, span), Section("References", 2, span, is_references=True), Section("", 2, span))
    paper = assign_ids(Paper("x", "x.txt", parse_paper("T\n\nBody text.", paper_id="x", path="x.txt").front, sections, ()))
    assert [s.id for s in paper.sections] == ["preamble", "references", "back-matter"]
