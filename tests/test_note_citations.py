"""Footnotes that cite: full notes, short notes, Ibid., resolved to bibliography entries."""

from __future__ import annotations

import pytest

from papersite.link.citations import CitationIndex, Work
from papersite.link.note_citations import resolve_note

WORKS = [
    Work("wu2019language", ("wu", "child"), "2019", frozenset({"p"}), "languagemodelsareunsupervisedmultitasklearners"),
    Work("graham2020enchantment", ("graham",), "2020", frozenset({"p"}), "anenchantmentofdigitalarchaeology"),
    Work("bender2020climbing", ("bender", "koller"), "2020", frozenset({"p"}), "climbingtowardsnlu"),
    Work("bender2021dangers", ("bender", "gebru"), "2021", frozenset({"p"}), "onthedangersofstochasticparrots"),
    Work("biderman2022datasheet", ("biderman", "bicheno"), "2022", frozenset({"p"}), "datasheetforthepile"),
]
INDEX = CitationIndex(WORKS)


def note(text: str, previous: str = "") -> tuple[str, str, str] | None:
    found = resolve_note(text, "p", INDEX, previous)
    if found is None:
        return None
    start, end, key, locator, _ = found
    return text[start:end], key, locator


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Jeffrey Wu et al., "Language Models Are Unsupervised Multitask Learners," *OpenAI*, (February 2019): 7.',
         ("Jeffrey Wu et al.", "wu2019language", "")),
        ("Jeffrey Wu et al., 7.", ("Jeffrey Wu et al.", "wu2019language", "7")),
        ("Shawn Graham, *An Enchantment of Digital Archaeology* (New York: Berghahn Books, 2020), 118.",
         ("Shawn Graham", "graham2020enchantment", "")),
        ("Graham, *Enchantment*, 118.", ("Graham", "graham2020enchantment", "")),
        # two works by Bender: the year and the title decide
        ('Emily M. Bender, Timnit Gebru, Angelina McMillan-Major, and Shmargaret Shmitchell, "On the Dangers of Stochastic Parrots," (March 2021): 614.',
         ("Emily M. Bender, Timnit Gebru, Angelina McMillan-Major, and Shmargaret Shmitchell", "bender2021dangers", "")),
        ('Emily M. Bender and Alexander Koller, "Climbing towards NLU," (July 5 2020): 5187.',
         ("Emily M. Bender and Alexander Koller", "bender2020climbing", "")),
        # first author inverted
        ('Biderman, Stella, Kieran Bicheno, and Leo Gao, "Datasheet for the Pile." (2022)',
         ("Biderman, Stella, Kieran Bicheno, and Leo Gao", "biderman2022datasheet", "")),
    ],
)
def test_notes_that_cite(text: str, expected: tuple[str, str, str]) -> None:
    assert note(text) == expected


def test_short_note_of_an_author_with_two_works_is_not_guessed() -> None:
    assert note("Bender, 12.") == ("Bender", "", "12")


def test_ibid_repeats_the_note_before() -> None:
    assert note("Ibid.", previous="graham2020enchantment") == ("Ibid.", "graham2020enchantment", "")
    assert note("Ibid., 45.", previous="wu2019language") == ("Ibid.", "wu2019language", "45")


def test_notes_that_do_not_cite() -> None:
    assert note("The author thanks the reviewers for their comments.") is None
    assert note("See the discussion above, where the model is trained.") is None
    assert note("Unknown Person, *A Book Nobody Listed* (2001), 3.") == ("Unknown Person", "", "")


def test_idem_with_a_locator_repeats_the_note_before() -> None:
    assert note("Idem, 45.", previous="graham2020enchantment") == ("Idem", "graham2020enchantment", "45")
    assert note("Idem.", previous="") == ("Idem.", "", "")


def test_op_cit_is_the_last_work_of_that_author_cited_before() -> None:
    history = ("graham2020enchantment", "wu2019language")
    found = resolve_note("Graham, op. cit., 118.", "p", INDEX, "wu2019language", history)
    assert found is not None and found[2:4] == ("graham2020enchantment", "118")
    # Of an author no earlier note cited: reported, not guessed.
    found = resolve_note("Bender, op. cit., p. 4.", "p", INDEX, "wu2019language", history)
    assert found is not None and found[2] == "" and "op. cit." in found[4]
