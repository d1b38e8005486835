"""Front matter in other shapes: a masthead and licence line above the title, the
authors before the title, a title in capitals over several lines, affiliations one
a line, an abstract with no label followed by "Key words"."""

from __future__ import annotations

from papersite.parse import parse_paper

SHAPED = """Journal of Eurasian Affairs 12 (2021) 45–67
© 2021 The Authors. Published under a CC BY 4.0 licence.

Anna K. Petrova¹ and John Smith²

THE RETURN OF THE HEARTLAND:
GEOPOLITICS AND THE NEW
EURASIAN ORDER

¹ Department of Politics, University of Kent, Canterbury, UK
² School of International Studies, Jawaharlal Nehru University, New Delhi, India

This article argues that Mackinder's idea of the Heartland has returned to the centre of great-power politics. It traces how Russia and China use the concept and what the United States makes of it, and why it matters.

Key words: Heartland; geopolitics; Eurasia; Russia; China

1. Introduction

Mackinder wrote in 1904 about the pivot area of history.
"""


def test_title_found_below_masthead_and_authors() -> None:
    paper = parse_paper(SHAPED, paper_id="x", path="x.txt")
    front = paper.front
    assert front.title == "The Return of the Heartland: Geopolitics and the New Eurasian Order"
    assert [(a.name, a.markers) for a in front.authors] == [("Anna K. Petrova", ("1",)), ("John Smith", ("2",))]
    assert [a.marker for a in front.affiliations] == ["1", "2"]
    assert front.affiliations[1].text.startswith("School of International Studies")
    assert [p.text[:30] for p in front.abstract] == ["This article argues that Macki"]
    assert front.keywords == ("Heartland", "geopolitics", "Eurasia", "Russia", "China")
    # The masthead and licence are not lost: they stay as text before the body.
    body = " ".join(p.text for p in paper.all_paragraphs())
    assert "Journal of Eurasian Affairs 12 (2021)" in body and "CC BY 4.0" in body


def test_usual_shape_still_reads_the_same() -> None:
    text = "A Plain Title\n\nJane Doe\n\nAbstract: A short abstract of the paper.\n\nKeywords: one, two\n\nIntroduction\n\nBody text.\n"
    front = parse_paper(text, paper_id="y", path="y.txt").front
    assert (front.title, [a.name for a in front.authors], front.keywords) == ("A Plain Title", ["Jane Doe"], ("one", "two"))
    assert front.abstract[0].text == "A short abstract of the paper."


def test_an_unlabelled_paragraph_without_key_words_is_body_text() -> None:
    text = "A Plain Title\n\nJane Doe\n\n" + "Words of a first paragraph that is long enough to be an abstract " * 3 + ".\n\nIntroduction\n\nBody.\n"
    paper = parse_paper(text, paper_id="z", path="z.txt")
    assert paper.front.abstract == ()
