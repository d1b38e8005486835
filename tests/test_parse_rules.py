"""Parser rules on small texts written for the tests, with their near-misses."""

from __future__ import annotations

from textwrap import dedent

from papersite.metadata import HeadingOverride, PaperMetadata
from papersite.model import Paper, Superscript
from papersite.parse import parse_paper


def parse(text: str, metadata: PaperMetadata | None = None) -> Paper:
    return parse_paper(dedent(text).lstrip(), paper_id="test", path="test.txt", metadata=metadata)


def titles(paper: Paper) -> list[str]:
    return [s.title for s in paper.all_sections() if s.title]


def texts(paper: Paper) -> list[str]:
    return [p.text for p in paper.all_paragraphs()]


FRONT = """\
A Study of Things

Jane Doe

Abstract: This paper studies things.

"""


def test_roman_numbered_capital_headings_get_title_case() -> None:
    paper = parse(FRONT + "I. INTRODUCTION\n\nText about the US and the US again.\n\nVII.CONCLUSION\n\nThe end.\n")
    sections = paper.all_sections()
    assert [(s.number, s.title) for s in sections] == [("I", "Introduction"), ("VII", "Conclusion")]


def test_acronyms_the_body_writes_in_capitals_stay_capitals() -> None:
    paper = parse(
        FRONT + "I. CHINA'S CONFRONTATION WITH US HEGEMONY\n\nThe US and NATO. The US again. NATO again.\n"
    )
    assert titles(paper) == ["China's Confrontation with US Hegemony"]


def test_plain_title_headings_and_colon_heading() -> None:
    paper = parse(FRONT + "Background\n\nSome text.\n\nBalance of threat\n\nMore text.\n\nConclusion:\n\nFinal text.\n")
    assert titles(paper) == ["Background", "Balance of threat", "Conclusion"]


def test_short_sentence_with_full_stop_is_not_a_heading() -> None:
    paper = parse(FRONT + "Background\n\nIt failed.\n\nThe next paragraph starts here.\n")
    assert titles(paper) == ["Background"]
    assert texts(paper)[1:] == ["It failed.", "The next paragraph starts here."]


def test_label_introducing_numbered_items_is_not_a_heading() -> None:
    paper = parse(
        FRONT + "Background\n\nSub questions:\n\nSub-question 1: What happened?\n\nAnd the hypotheses are:\n\n- The main hypothesis: it did.\n"
    )
    assert titles(paper) == ["Background"]
    assert "Sub questions:" in texts(paper)


def test_short_line_whose_sentence_goes_on_after_a_break_is_not_a_heading() -> None:
    paper = parse(FRONT + "Background\n\nKazakhstan and Turkmenistan have\n\nhuge reserves of oil and gas.\n")
    assert titles(paper) == ["Background"]
    assert texts(paper)[-1] == "Kazakhstan and Turkmenistan have huge reserves of oil and gas."


def test_paragraph_split_by_page_break_is_joined() -> None:
    paper = parse(
        FRONT + "Background\n\nThe close military cooperation of the West with\n\nTaiwan have caused the two countries to work harder.\n"
    )
    assert texts(paper)[-1] == (
        "The close military cooperation of the West with Taiwan have caused the two countries to work harder."
    )
    assert paper.all_paragraphs()[-1].span.line < paper.all_paragraphs()[-1].span.end_line  # type: ignore[operator]


def test_hyphenated_split_is_mended() -> None:
    paper = parse(FRONT + "Background\n\nThe gas con-\n\ntract signed in 2014 matters.\n")
    assert texts(paper)[-1] == "The gas contract signed in 2014 matters."


def test_real_hyphen_kept_when_the_text_writes_the_hyphenated_form() -> None:
    paper = parse(FRONT + "Background\n\nRussia-China ties grew. They saw anti-\n\nhegemonic aims and anti-hegemonic ties.\n")
    assert "anti-hegemonic aims" in texts(paper)[-1]


def test_paragraph_ending_a_page_with_a_full_stop_is_not_joined() -> None:
    paper = parse(FRONT + "Background\n\nThe page ends here.\n\nThe next page starts a new paragraph.\n")
    assert texts(paper)[1:] == ["The page ends here.", "The next page starts a new paragraph."]


def test_list_item_continues_after_a_page_break() -> None:
    paper = parse(
        FRONT + "Background\n\n- Sub-hypothesis 1: this has become the basis for the\n\nconfrontation with the Atlantic world.\n\n- Sub-hypothesis 2: energy.\n"
    )
    items = [p for p in paper.all_paragraphs() if p.list_item]
    assert [p.text for p in items] == [
        "Sub-hypothesis 1: this has become the basis for the confrontation with the Atlantic world.",
        "Sub-hypothesis 2: energy.",
    ]


def test_front_matter_with_markers_dates_email_and_keywords() -> None:
    paper = parse(
        """\
        A Title of the Paper

        Ann One¹, Bo Two^{2*}

        ¹Department of Politics, Some University,
        Some City, Iran

        ^{2*}Department of Law, Other University, Tehran, Iran

        Received: 13 June 2022 ; Accepted: 20 July 2022

        Abstract:

        We study things.

        ^{*}Corresponding Author's Email: bo.two@example.org

        Keywords:

        Russia, China, balance of threats

        Introduction

        Body text.
        """
    )
    front = paper.front
    assert front.title == "A Title of the Paper"
    assert [(a.name, a.markers) for a in front.authors] == [("Ann One", ("1",)), ("Bo Two", ("2*",))]
    assert front.authors[1].email == "bo.two@example.org" and front.authors[1].corresponding
    assert [(a.marker, a.text) for a in front.affiliations] == [
        ("1", "Department of Politics, Some University, Some City, Iran"),
        ("2*", "Department of Law, Other University, Tehran, Iran"),
    ]
    assert front.dates == (("received", "13 June 2022"), ("accepted", "20 July 2022"))
    assert front.year == "2022"
    assert front.keywords == ("Russia", "China", "balance of threats")
    assert [p.text for p in front.abstract] == ["We study things."]
    assert titles(paper) == ["Introduction"]


def test_inline_abstract_parenthesised_affiliation_and_citation_line() -> None:
    paper = parse(
        """\
        Foreign policy of somewhere

        Ann Author

        (*M.A.* in Relations, Some University, Tehran, Iran)

        Abstract: It is argued that things happen.

        Key Word: Russia, China

        Date of Submission: 08-02-2020

        Date of Acceptance: 24-02-2020 _____

        I. INTRODUCTION

        Body.

        REFERENCES

        - First, Author (2016). A work. A Journal. VI.10. No. 7
        - [2]. Second, Author, (1996), Another work, p 70 [in persian]

        Ann Author. "Foreign policy of somewhere" *Some Journal of Things (SJT)*, 25(2), 2020, pp. 37-45.
        """
    )
    front = paper.front
    assert front.affiliations[0].text == "M.A. in Relations, Some University, Tehran, Iran"
    assert front.dates == (("submitted", "08-02-2020"), ("accepted", "24-02-2020"))
    assert (front.venue, front.volume, front.issue, front.year, front.pages) == (
        "Some Journal of Things (SJT)", "25", "2", "2020", "37-45",
    )
    assert [r.number for r in paper.references] == ["1", "2"]
    assert paper.references[0].number_inferred
    assert "reference-number-inferred" in {d.rule for d in paper.diagnostics}


def test_wrapped_reference_entries_are_joined() -> None:
    paper = parse(
        FRONT
        + """References

Michalski, Anna (2019). "Diplomacy in a Changing World Order: The Role of Strategic

Partnerships", The Swedish Institute of International Affairs

Walt M, Stephan (1986). "Alliance: Balancing and Band wagoning", in Stephan M. Walt,

(Eds), the Origins of Alliances, Cornell University Press.

Yu, Jie (2022). "Ukraine is severe test" Chatham House
"""
    )
    assert [r.raw for r in paper.references] == [
        'Michalski, Anna (2019). "Diplomacy in a Changing World Order: The Role of Strategic Partnerships", '
        "The Swedish Institute of International Affairs",
        'Walt M, Stephan (1986). "Alliance: Balancing and Band wagoning", in Stephan M. Walt, '
        "(Eds), the Origins of Alliances, Cornell University Press.",
        'Yu, Jie (2022). "Ukraine is severe test" Chatham House',
    ]


def test_editor_declares_a_glued_heading_and_sets_levels() -> None:
    metadata = PaperMetadata(
        headings=(
            HeadingOverride("Definitions of concepts", level=2),
            HeadingOverride("Atlanticism", level=3),
        )
    )
    paper = parse(
        FRONT + "Objectives\n\n- Clarifying the effect. Definitions of concepts In this chapter we define terms.\n\nAtlanticism\n\nThe term means a link.\n",
        metadata,
    )
    sections = paper.all_sections()
    assert [(s.title, s.level) for s in sections] == [
        ("Objectives", 2), ("Definitions of concepts", 2), ("Atlanticism", 3),
    ]
    assert sections[0].blocks[0].text == "Clarifying the effect."
    assert sections[1].blocks[0].text == "In this chapter we define terms."
    assert sections[1].subsections[0].title == "Atlanticism"


def test_editor_undeclares_a_heading_and_fixes_a_title() -> None:
    metadata = PaperMetadata(
        headings=(HeadingOverride("Background", heading=False), HeadingOverride("Results", title="Findings")),
    )
    paper = parse(FRONT + "Background\n\nText.\n\nResults\n\nMore.\n", metadata)
    assert titles(paper) == ["Findings"]
    assert texts(paper)[1] == "Background"


def test_unused_override_is_reported() -> None:
    paper = parse(FRONT + "Background\n\nText.\n", PaperMetadata(headings=(HeadingOverride("Nowhere"),)))
    assert "heading-override-unused" in {d.rule for d in paper.diagnostics}


def test_superscript_marker_survives_in_the_model() -> None:
    paper = parse(FRONT + "Background\n\nWater is H^{2}O here.\n")
    assert Superscript("2") in paper.all_paragraphs()[-1].inlines


def test_empty_text_gives_a_warning_not_a_crash() -> None:
    paper = parse("")
    assert paper.sections == () and "paper-empty" in {d.rule for d in paper.diagnostics}


def test_paper_without_headings_keeps_every_paragraph() -> None:
    paper = parse("Just a title\n\nFirst paragraph.\n\nSecond paragraph.\n")
    assert texts(paper) == ["First paragraph.", "Second paragraph."]
