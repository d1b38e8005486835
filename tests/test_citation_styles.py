"""Citation styles beyond the first two papers: capitals, ABNT, other languages and
scripts, letters after years, titles with years, numbered brackets with ';'."""

from __future__ import annotations

import pytest

from papersite.link.citations import CitationIndex, Work, find_citations

WORKS = [
    Work("smith2004", ("smith",), "2004", frozenset({"p"}), "the making of eurasia"),
    Work("jones1998", ("jones", "lee"), "1998", frozenset({"p"}), "heartland revisited"),
    Work("clark2008", ("clark", "holquist"), "2008", frozenset({"p"}), "mikhail bakhtin"),
    Work("morson2008", ("morson", "emerson"), "2008", frozenset({"p"}), "mikhail bakhtin creation of a prosaics"),
    Work("faraco2009", ("faraco",), "2009", frozenset({"p"}), "linguagem e dialogo"),
    Work("faraco2021", ("faraco",), "2021", frozenset({"p"}), "glotopolitica"),
    Work("hirschkop1999", ("hirschkop",), "1999", frozenset({"p"}), "mikhailbakhtinanaestheticfordemocracy"),
    Work("ivanov2001", ("иванов",), "2001", frozenset({"p"}), "евразийство"),
    Work("petrov2010", ("петров", "сидоров"), "2010", frozenset({"p"}), "россия и китай"),
    Work("walt1987a", ("walt",), "1987", frozenset({"p"}), "alliances"),
    Work("walt1987b", ("walt",), "1987", frozenset({"p"}), "the origins of alliances"),
]
INDEX = CitationIndex(WORKS, {("n", str(i)): f"ref{i}" for i in range(1, 25)})


def cites(text: str, numbered: bool = False) -> list[tuple[str, list[tuple[str, str]]]]:
    paper = "n" if numbered else "p"
    return [
        (text[s:e], [(i.key, i.locator) for i in items])
        for s, e, _, items in find_citations(text, paper, numbered, INDEX)
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # surnames in capitals, narrative and parenthetical
        ("as SMITH (2004, pp.10-12) shows", [("SMITH (2004, pp.10-12)", [("smith2004", "pp.10-12")])]),
        ("a claim (see JONES & LEE 1998).", [("(see JONES & LEE 1998)", [("jones1998", "")])]),
        # ABNT: ';' between the authors of one work and between works
        ("(CLARK; HOLQUIST, 2008, p.259)", [("(CLARK; HOLQUIST, 2008, p.259)", [("clark2008", "p.259")])]),
        (
            "(cf. MORSON; EMERSON, 2008; FARACO, 2009)",
            [("(cf. MORSON; EMERSON, 2008; FARACO, 2009)", [("morson2008", ""), ("faraco2009", "")])],
        ),
        ("(FARACO, 2021)", [("(FARACO, 2021)", [("faraco2021", "")])]),
        # Portuguese conjunction in a narrative citation
        ("Clark e Holquist (2008) argue", [("Clark e Holquist (2008)", [("clark2008", "")])]),
        # Cyrillic names; Russian page word
        ("см. (Иванов, 2001, с. 15).", [("(Иванов, 2001, с. 15)", [("ivanov2001", "с. 15")])]),
        ("Петров и Сидоров (2010) пишут", [("Петров и Сидоров (2010)", [("petrov2010", "")])]),
        # letters after the year, when the list prints plain years
        ("(Walt, 1987a; Walt, 1987b)", [("(Walt, 1987a; Walt, 1987b)", [("walt1987a", ""), ("walt1987b", "")])]),
    ],
)
def test_other_author_date_styles(text: str, expected: list) -> None:  # type: ignore[type-arg]
    assert cites(text) == expected


def test_a_title_followed_by_its_year_is_a_citation() -> None:
    text = "in Mikhaïl Bakhtin: an Aesthetic for Democracy (1999), he"
    assert cites(text) == [("(1999)", [("hirschkop1999", "")])]


def test_a_year_after_an_unrelated_phrase_is_not_a_citation() -> None:
    assert cites("the original of 1984 (1999) was revised") == []
    assert cites("(original de 1989, com edição revista e expandida em 2001)") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("see [3; 5].", [("[3; 5]", [("ref3", ""), ("ref5", "")])]),
        ("as in [5, с. 10]", [("[5, с. 10]", [("ref5", "с. 10")])]),
        ("per [7, S. 12-14]", [("[7, S. 12-14]", [("ref7", "S. 12-14")])]),
        # a locator split over a line break reaches us joined with a space
        ("as argued [9, pp.\n25-27]".replace("\n", " "), [("[9, pp. 25-27]", [("ref9", "pp. 25-27")])]),
    ],
)
def test_numbered_styles(text: str, expected: list) -> None:  # type: ignore[type-arg]
    assert cites(text, numbered=True) == expected
