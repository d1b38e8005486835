"""Layout repair (parse/layout.py): PDF text in printed lines becomes blank-line separated blocks.

The fixtures in tests/fixtures/layout are real-shaped: the ``pipelines-*`` texts
are pdftotext output (``-raw``, ``-raw -nopgbrk``, default, ``-layout``) of an
invented article typeset with groff (``pipelines.ms``); the ``water-*`` texts are
a hand-made article in ``pdftotext -raw`` shape with and without form feeds. The
open-licence papers in tests/fixtures/open are checked against their facts.yml.
"""

from __future__ import annotations

import random
import re
import textwrap
from collections import Counter
from pathlib import Path

import pytest
import yaml

from papersite.parse.layout import LayoutResult, repair_layout
from papersite.parse.line_hyphens import HyphenJudge, detect_language
from papersite.parse.references import split_references
from papersite.parse.units import split_units

from .conftest import ROOT

LAYOUT = ROOT / "tests" / "fixtures" / "layout"
OPEN = ROOT / "tests" / "fixtures" / "open"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def repaired(name: str) -> tuple[str, LayoutResult]:
    text = read(LAYOUT / name)
    return text, repair_layout(text)


def body(result: LayoutResult) -> list[str]:
    return [line.text for line in result.lines if line.text]


def one_line_with(result: LayoutResult, *pieces: str) -> str:
    """The output line holding all ``pieces``; fails when they are on different lines."""
    for text in body(result):
        if all(piece in text for piece in pieces):
            return text
    raise AssertionError(f"no output line holds all of {pieces!r}")


def letters(text: str) -> Counter[str]:
    return Counter(c for c in text if c.isalpha())


def assert_nothing_lost(source: str, result: LayoutResult) -> None:
    """Every letter of the source is in the output, the removed lines or the notes, and no more."""
    kept = "".join(line.text for line in result.lines)
    removed = "".join(line.text for line, _ in result.removed)
    notes = "".join(note.text for note in result.footnotes)
    assert letters(source) == letters(kept) + letters(removed) + letters(notes)
    # Every word the source prints whole is found again, in one of the three places.
    everything = "\n".join([kept, removed, notes])
    for word in set(re.findall(r"(?<![\w-])[^\W\d_]{4,}(?![\w-])", source)):
        assert word in everything, word


def assert_lines_map_back(source: str, result: LayoutResult) -> None:
    """Each output line names the source lines it was made from, in order."""
    lines = source.replace("\f", "").split("\n")
    for line in result.lines:
        if not line.text:
            continue
        for column, number in line.sources or ((0, line.number),):
            start_word = re.match(r"[\w’'“\"(\[]+", line.text[column:])
            if start_word:
                assert start_word.group(0)[:3] in lines[number - 1], (line, number)
            assert line.line_at(column) == number
        assert line.number == (line.sources[0][1] if line.sources else line.number)


# --- the shapes we handle now come back unchanged ----------------------------------------


@pytest.mark.parametrize("name", ["rezapour2020.txt", "sadeghi2022.txt"])
def test_block_shaped_sources_come_back_unchanged(name: str) -> None:
    text = read(ROOT / "sources" / name)
    result = repair_layout(text)
    assert result.shape == "blocks"
    assert result.text == text
    assert [line.number for line in result.lines] == list(range(1, text.count("\n") + 2))
    assert not result.removed and not result.footnotes and not result.marks


def test_block_shape_loses_only_its_running_heads_and_page_numbers() -> None:
    text, result = repaired("blocks-headers.txt")
    assert result.shape == "blocks"
    source = text.split("\n")
    removed = {line.number: reason for line, reason in result.removed}
    assert removed == {23: "page-number", 25: "running-header", 39: "page-number", 41: "running-header",
                       55: "page-number", 57: "running-header", 75: "page-number"}
    # Every other line is kept, as it was, under its own number.
    assert [line.number for line in result.lines] == [n for n in range(1, len(source) + 1) if n not in removed]
    assert all(line.text == source[line.number - 1] for line in result.lines)
    # The journal's name inside a reference is not a running head.
    assert any("Journal of Eurasian Water Studies, 7(1)" in line for line in body(result))


# --- a hand-made article, one line per printed line, with and without form feeds -------------


@pytest.fixture(scope="module", params=["water-feeds.txt", "water-nofeeds.txt"])
def water(request: pytest.FixtureRequest) -> tuple[str, LayoutResult]:
    return repaired(request.param)


def test_water_running_heads_and_page_numbers_are_removed(water: tuple[str, LayoutResult]) -> None:
    _, result = water
    assert result.shape == "lines"
    assert [(line.number, line.text, reason) for line, reason in result.removed] == [
        (42, "45", "page-number"),
        (43, "46 Journal of Eurasian Water Studies", "running-header"),
        (84, "Water and Power in the Aral Basin 47", "running-header"),  # once only: made of title words
        (125, "48 Journal of Eurasian Water Studies", "running-header"),
    ]
    assert not any("Journal of Eurasian Water Studies" == t[3:] for t in body(result))


def test_water_sentences_cut_by_a_page_break_are_joined(water: tuple[str, LayoutResult]) -> None:
    _, result = water
    # Notes, the page number and the running head stood between these words.
    one_line_with(result, "often larger, richer and better armed, so that the balance")
    one_line_with(result, "whereas the new states had to agree.")
    # A suspended hyphen at the foot of a page, notes and a head between its parts.
    one_line_with(result, "The pre- and post-independence arrangements")


def test_water_paragraphs_and_headings_are_blocks(water: tuple[str, LayoutResult]) -> None:
    _, result = water
    lines = body(result)
    headings = ["I. INTRODUCTION", "II. BACKGROUND", "III. THE BARTER AGREEMENTS", "IV. RESULTS", "V. CONCLUSION", "REFERENCES"]
    assert [line for line in lines if line in headings] == headings
    assert "Water and Power in the Aral Basin: Upstream and Downstream States after 1991" in lines
    assert lines[lines.index("I. INTRODUCTION") + 1].startswith("Few resources are as closely tied")
    assert lines[lines.index("I. INTRODUCTION") + 2].startswith("This article traces what they decided")
    assert any(line.startswith("Keywords: water, energy") for line in lines)
    # Blocks are separated by exactly one blank line.
    assert all(bool(a.text) != bool(b.text) for a, b in zip(result.lines, result.lines[1:]))


def test_water_footnotes_are_collected_with_their_markers(water: tuple[str, LayoutResult]) -> None:
    _, result = water
    notes = result.footnotes
    assert [note.marker for note in notes] == ["1", "2", "3", "4", "5", "6"]
    assert notes[0].text.startswith("The compensation took the form of coal")
    assert notes[0].text.endswith("by the central planning office.")
    assert notes[5].text.startswith("This reading agrees with the interviews reported by Chen [3]")
    assert [note.page for note in notes] == [0, 0, 1, 1, 2, 2]
    assert (notes[2].line, notes[2].end_line) == (80, 81)
    for mark, before in zip(result.marks, ["fuel for the winter.", "rather than of open conflict.", "can reconcile them.",
                                            "goodwill of each government.", "at considerable cost.", "practical rather than ideological."]):
        line = result.lines[mark.line - 1].text
        assert line[: mark.column].endswith(before), (mark, line[mark.column - 40: mark.column])
    assert [m.marker for m in result.marks] == [n.marker for n in notes]
    # The markers left the body text; the notes left the body flow.
    assert not any(c in "".join(body(result)) for c in "¹²³⁴⁵⁶")
    assert not any("The compensation took the form" in line for line in body(result))


def test_water_hyphens_at_line_ends(water: tuple[str, LayoutResult]) -> None:
    _, result = water
    decided = {(h.left, h.right): (h.action, h.result) for h in result.hyphens}
    assert decided[("con", "tract")] == ("join", "contract")  # word list: "contract"
    assert decided[("post", "Cold")] == ("keep", "post-Cold")  # capital after the hyphen
    assert decided[("self", "interest")] == ("keep", "self-interest")  # the text writes "self-interest"
    assert decided[("Russia", "China")] == ("keep", "Russia-China")
    assert decided[("Neg", "otiations")] == ("join", "Negotiations")
    assert decided[("pre", "and")] == ("suspended", "pre- and")
    assert decided[("multi", "lateral")] == ("join", "multilateral")
    assert decided[("anti", "hegemonic")] == ("keep", "anti-hegemonic")  # the text writes "anti-hegemonic"
    text = " ".join(body(result))
    for phrase in ("write a new contract among", "The post-Cold War settlement", "Russia-China rivalry",
                   "The self-interest of the upstream", "the anti-hegemonic reading", "The multilateral framework"):
        assert phrase in text


def test_water_references_are_one_entry_a_block(water: tuple[str, LayoutResult]) -> None:
    _, result = water
    lines = body(result)
    entries = lines[lines.index("REFERENCES") + 1:]
    assert [entry[:3] for entry in entries] == ["[1]", "[2]", "[3]", "[4]", "[5]", "[6]"]
    assert entries[2] == ("[3] Chen, L. (2016). Dams, debts and diplomacy: outside financing of hydropower "
                          "in the upper Aral basin. Journal of Eurasian Water Studies, 7(1), 12–35.")
    units = split_units(result.text)
    start = next(i for i, unit in enumerate(units) if unit.text == "REFERENCES")
    references, _ = split_references(units[start + 1:], "water.txt")
    assert [r.number for r in references] == ["1", "2", "3", "4", "5", "6"]


def test_water_nothing_is_lost_and_lines_map_back(water: tuple[str, LayoutResult]) -> None:
    text, result = water
    assert_nothing_lost(text, result)
    assert_lines_map_back(text, result)
    # A word from the second half of a rebuilt paragraph names its own source line.
    line = next(line for line in result.lines if "the five new states had to decide" in line.text)
    column = line.text.index("among themselves")
    assert line.line_at(column) == 23 and line.number == 15 and line.end == 23
    assert result.source_line(result.lines.index(line) + 1, column) == 23


def test_form_feeds_or_not_the_result_is_the_same() -> None:
    _, with_feeds = repaired("water-feeds.txt")
    _, without = repaired("water-nofeeds.txt")
    assert with_feeds.text == without.text
    assert with_feeds.footnotes == without.footnotes and with_feeds.marks == without.marks
    assert not with_feeds.pages_inferred and without.pages_inferred
    _, raw = repaired("pipelines-raw.txt")
    _, raw_nofeed = repaired("pipelines-raw-nofeed.txt")
    assert raw.text == raw_nofeed.text and raw.footnotes == raw_nofeed.footnotes
    assert [line for line, _ in raw.removed] == [line for line, _ in raw_nofeed.removed]


# --- an article typeset with groff, in four pdftotext modes --------------------------------


PIPELINES = ["pipelines-raw.txt", "pipelines-raw-nofeed.txt", "pipelines-default.txt", "pipelines-layout.txt"]


@pytest.mark.parametrize("name", PIPELINES)
def test_pipelines_in_every_pdftotext_mode(name: str) -> None:
    text, result = repaired(name)
    assert result.shape == "lines"
    removed = [(line.text, reason) for line, reason in result.removed]
    assert removed == [
        ("1", "page-number"), ("Journal of Continental Affairs", "running-header"),
        ("2", "page-number"), ("Pipelines and Partnerships", "running-header"),
        ("3", "page-number"), ("Journal of Continental Affairs", "running-header"),
        ("4", "page-number"), ("Pipelines and Partnerships", "running-header"),
        ("5", "page-number"),
    ]
    lines = body(result)
    assert lines[:5] == ["Pipelines and Partnerships: Energy Diplomacy in Central Eurasia", "Lena Marsh",
                         "Department of Politics, Northbridge University", "ABSTRACT", lines[4]]
    for heading in ("1. Introduction", "2. Energy and interdependence", "4.1. The first phase: inherited networks",
                    "6. Conclusion", "References"):
        assert heading in lines
    # Footnotes: numbers alone on a line at the foot (a raised numeral), text below.
    assert [n.marker for n in result.footnotes] == ["1", "2", "3", "4", "5", "6"]
    assert result.footnotes[2].text == ("The most detailed account of such bargaining remains the study of transit fees "
                                        "by the Caspian research group, which compares eleven agreements signed between 1995 and 2010.")
    assert [m.marker for m in result.marks] == ["1", "2", "3", "4", "5", "6"]
    mark = result.marks[2]
    assert result.lines[mark.line - 1].text[: mark.column].endswith("higher fees or political concessions.")
    # Sentences run on over the page breaks, round the notes and the heads.
    one_line_with(result, "The second is that the study looks at state-owned companies")
    one_line_with(result, "the price formula and the volumes were fixed for thirty years")
    # A raised numeral ends a printed line in -raw output: the paragraph goes on.
    one_line_with(result, "a sign of shifting loyalties. The purpose of this article is to ask a simpler question")
    one_line_with(result, "political concessions. Others argue that the leverage")
    # A paragraph that ends at a short line ends its block.
    assert any(line.endswith("proposes questions for further research.") for line in lines)
    entries = lines[lines.index("References") + 1:]
    assert len(entries) == 5 and entries[0].startswith("Adler, K. (2009). Gas and Power")
    assert entries[0].endswith("Cambridge: Northbridge University Press.")
    assert_nothing_lost(text, result)
    assert_lines_map_back(text, result)


def test_pipelines_hyphens_decided_from_the_text_itself() -> None:
    _, result = repaired("pipelines-raw.txt")
    decided = {(h.left, h.right): h for h in result.hyphens}
    assert decided[("North", "bridge")].action == "join"  # "Northbridge" elsewhere
    assert "elsewhere in the text" in decided[("North", "bridge")].evidence
    assert decided[("energy", "poor")].action == "keep"  # "energy-poor" elsewhere
    assert decided[("co", "operation")].action == "join"
    assert "compared with the energy-poor ones" in " ".join(body(result))


def test_layout_mode_uses_the_first_line_indent() -> None:
    _, result = repaired("pipelines-layout.txt")
    lines = body(result)
    # In -layout output the first-line indent tells paragraphs apart where lengths cannot.
    assert any(line.startswith("The argument proceeds in four steps.") for line in lines)
    assert any(line.startswith("A further point concerns the transit states.") for line in lines)


# --- other shapes: numbered paragraphs, lists, another language, mixed ---------------------------


def test_numbered_paragraphs_lists_and_tables() -> None:
    text, result = repaired("numbered-paragraphs.txt")
    assert result.shape == "lines" and not result.removed and not result.footnotes
    lines = body(result)
    assert [line[:2] for line in lines if re.match(r"\d\. ", line)] == ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8."]
    assert "I. BACKGROUND" in lines and "II. FINDINGS" in lines and "III. RECOMMENDATIONS" in lines
    assert "• the records of the commission's meetings, including the minutes of its extraordinary sessions;" in lines
    assert "(b) separate the question of fuel deliveries from the question of water releases;" in lines
    # A column of numbers is not a run of page numbers.
    assert "2019" in lines and "2021" in lines
    assert_nothing_lost(text, result)
    units = split_units(result.text)
    assert sum(unit.list_item for unit in units) == 3


def test_another_language_uses_its_word_list() -> None:
    text, result = repaired("french.txt")
    assert result.language == "fr"
    decided = {(h.left, h.right): h for h in result.hyphens}
    assert decided[("dévelop", "pement")].action == "join"
    assert decided[("gou", "vernements")].action == "join"
    assert decided[("porte", "parole")].action == "keep"  # "porte-parole" elsewhere in the text
    assert "le développement des barrages" in result.text
    assert "Le porte-parole a toutefois reconnu" in result.text
    assert_nothing_lost(text, result)


def test_mixed_shape_keeps_paragraph_lines_and_rebuilds_wrapped_ones() -> None:
    text, result = repaired("mixed.txt")
    assert result.shape == "mixed"
    source = text.split("\n")
    lines = body(result)
    assert lines[:3] == [source[0], source[2], source[4]]
    assert "II. WRAPPED PART" in lines
    wrapped = lines[lines.index("II. WRAPPED PART") + 1:]
    assert len(wrapped) == 3 and all(len(line) > 300 for line in wrapped)
    assert_nothing_lost(text, result)


# --- the pieces on their own -------------------------------------------------------------


def test_hyphen_judge_order_of_evidence() -> None:
    judge = HyphenJudge(["the self-interest of states", "a contract", "Russia and China"], language="en")
    assert judge.decide("self", "-", "interest").action == "keep"  # the text's own hyphenated form
    assert judge.decide("con", "-", "tract").action == "join"  # the text's own joined form
    assert judge.decide("Russia", "-", "China").action == "keep"  # a capital follows
    assert judge.decide("1990", "-", "2000").action == "keep"
    assert judge.decide("EU", "-", "wide").action == "keep"  # an acronym before the hyphen
    assert judge.decide("soft", "\u00ad", "ware").action == "join"
    offline = HyphenJudge(["some text"], language="en", use_word_list=False)
    assert offline.decide("nego", "-", "tiation").action == "join"  # the fallback: one word split
    assert offline.decide("Russia", "-", "China").action == "keep"


def test_language_is_guessed_from_function_words() -> None:
    assert detect_language("the state and the river of the region is in the".split() * 5) == "en"
    assert detect_language("les eaux de la région et le développement des barrages dans la".split() * 5) == "fr"
    assert detect_language(["x"] * 10) is None


def two_pages(body_one: str, body_two: str, foot_one: str = "", feeds: bool = True) -> str:
    """A three-page text with a running head and page numbers; ``foot_one`` sits at page 1's foot."""
    page_one = textwrap.wrap(body_one, 76) + ([foot_one] if foot_one else []) + ["1"]
    page_two = ["Journal of Testing"] + textwrap.wrap(body_two, 76) + ["2"]
    page_three = ["Journal of Testing"] + textwrap.wrap(" ".join(reversed(body_two.split(". "))), 76) + ["3"]
    joiner = "\n\f" if feeds else "\n"
    return joiner.join("\n".join(page) for page in (page_one, page_two, page_three)) + "\n"


FILLER = " ".join(
    f"In {year} the commission met to settle the releases of the coming season, and its {count} members "
    f"argued about the volumes that each state could expect in a dry year."
    for year, count in zip(range(1994, 2000), ("five", "six", "seven", "eight", "nine", "ten"))
)


def test_numbers_glued_to_words_without_a_note_stay_in_the_text() -> None:
    text = two_pages("Emissions of CO2 grew in the G20 states and the treaty3 was signed. " + FILLER, "The second page. " + FILLER)
    result = repair_layout(text)
    assert not result.footnotes and not result.marks
    assert "CO2" in result.text and "treaty3" in result.text


def test_a_note_needs_its_marker_and_a_marker_needs_its_note() -> None:
    with_note = two_pages("The treaty was signed in spring.1 " + FILLER, "The second page. " + FILLER,
                          foot_one="1 See the text of the treaty in the official gazette.")
    result = repair_layout(with_note)
    assert [(n.marker, n.text) for n in result.footnotes] == [("1", "See the text of the treaty in the official gazette.")]
    assert "signed in spring. In 1994 the commission" in result.text
    # The same foot line without a marker in the body is body text, not a note.
    without = with_note.replace("spring.1 ", "spring. ")
    assert not repair_layout(without).footnotes


def test_notes_may_start_again_after_the_first_page() -> None:
    # Page 1 numbers the authors' affiliations; the article's own notes start at 1 again.
    text = two_pages("Jane Doe1 and the treaty of the rivers. " + FILLER, "The second page was signed.1 " + FILLER,
                     foot_one="1 Department of Politics, Northbridge University.")
    text = text.replace("2\n", "1 See the minutes of the meeting.\n2\n", 1)
    result = repair_layout(text)
    assert [(n.marker, n.page) for n in result.footnotes] == [("1", 0), ("1", 1)]
    assert [m.marker for m in result.marks] == ["1", "1"]


def test_running_heads_are_found_by_repetition_not_by_name() -> None:
    for feeds in (True, False):
        result = repair_layout(two_pages(FILLER, "The second page. " + FILLER, feeds=feeds))
        assert [reason for _, reason in result.removed].count("running-header") == 2
        assert [reason for _, reason in result.removed].count("page-number") == 3
        assert "Journal of Testing" not in result.text


@pytest.mark.parametrize(
    "text",
    ["", "\n", "\f", "\f\f\n", "One line only.", "a\r\nb\r\n", "\tTabbed line\n\n\tand another\n", "12\n13\n14\n", "x" * 5000],
)
def test_odd_input_does_not_break_it(text: str) -> None:
    result = repair_layout(text)
    assert_nothing_lost(text, result)
    assert repair_layout(text) == result  # deterministic


def test_page_without_final_line_break_before_a_form_feed() -> None:
    # "12\fJournal" (a page that does not end its last line): two lines, one number.
    text = two_pages(FILLER, "The second page. " + FILLER).replace("\n\f", "\f")
    result = repair_layout(text)
    assert "Journal of Testing" not in result.text
    assert {line.text for line, _ in result.removed} >= {"1", "2", "Journal of Testing"}


def synthetic_book(pages: int = 300, feeds: bool = True) -> str:
    rnd = random.Random(7)
    vocabulary = ("energy water river state treaty pipeline border region policy power market price contract "
                  "agreement government transit import export dam reservoir season winter summer demand supply").split()
    small = "the of and to in a for with on by as that from at".split()
    note = 1
    out = []
    for page in range(1, pages + 1):
        lines = [] if page == 1 else ["Journal of Synthetic Studies" if page % 2 == 0 else "Rivers and Pipelines"]
        notes = []
        while len(lines) < 42:
            words = [rnd.choice(vocabulary if rnd.random() < 0.55 else small) for _ in range(rnd.randint(40, 120))]
            paragraph = " ".join(words).capitalize() + "."
            if rnd.random() < 0.3:
                paragraph += str(note)
                notes.append(f"{note} See the record of the meeting held in {rnd.choice(vocabulary)} {1900 + note}.")
                note += 1
            lines.extend(textwrap.wrap(paragraph, 78))
        out.append("\n".join(lines + notes + [str(page)]))
    return ("\n\f" if feeds else "\n").join(out) + "\n"


@pytest.mark.parametrize("feeds", [True, False])
def test_a_three_hundred_page_text_is_repaired_whole(feeds: bool) -> None:
    # Its speed is measured in benchmarks/, not here: a timed unit test fails on a loaded machine.
    result = repair_layout(synthetic_book(feeds=feeds))
    assert result.pages >= 300
    assert [reason for _, reason in result.removed].count("page-number") == 300


# --- integration with the existing parser ----------------------------------------------------


def test_repaired_text_parses_into_sections_and_references() -> None:
    from papersite.parse.paper import parse_paper

    _, result = repaired("water-nofeeds.txt")
    paper = parse_paper(result.text, paper_id="water", path="water.txt")
    titles = [section.title for section in paper.sections]
    assert "Introduction" in titles and "Conclusion" in titles
    assert len(paper.references) == 6


# --- real open-licence papers ---------------------------------------------------------------


def facts_of(folder: str) -> dict[str, object]:
    path = OPEN / folder / "facts.yml"
    if not path.exists():
        pytest.skip(f"{folder} is not here")
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


BUTTS = ["paper.raw.txt", "paper.txt", "paper.noblank.txt"]


@pytest.mark.parametrize("name", BUTTS)
def test_butts2008_pdftotext_outputs(name: str) -> None:
    facts = facts_of("butts2008-network")
    text = read(OPEN / "butts2008-network" / name)
    result = repair_layout(text)
    lines = body(result)
    heads = facts["running_heads"]
    assert isinstance(heads, dict)
    title, author = heads["even_page_title"], heads["odd_page_author"]
    # Running heads and their page numbers are gone, 38 pages' worth of them ...
    assert not any(re.fullmatch(rf"(\d+ )?{re.escape(title)}( \d+)?", line) for line in lines)
    # (In paper.noblank.txt the head of page 39 sits inside the affiliation block, away
    # from its page number, as "Carter T. Butts" does a line above: it stays.)
    assert sum(1 for line, _ in result.removed if title in line.text or author in line.text) >= 37
    numbers = {int(n) for line, _ in result.removed for n in re.findall(r"\b\d+\b", line.text)}
    assert numbers >= set(range(2, 40))
    # ... but the byline on page 1 stays, and R output that recurs now and then is not a head.
    assert lines[1] == author
    assert sum(1 for line in lines if "Vertex attribute names:" in line) >= 4
    everything = flat(" ".join(lines))
    for join in facts["page_break_joins"]:  # type: ignore[attr-defined]
        # The hyphens at line ends in these passages all split a word.
        before, after = flat(re.sub(r"(\w)-\n(\w)", r"\1\2", join["before"])), flat(join["after"])
        if before.startswith("2. Class storage"):
            # A numbered list runs on over the page break: its items stay items.
            assert before in lines and lines[lines.index(before) + 1].startswith(after)
            continue
        assert f"{before} {after}" in everything, join
    notes = {note.marker: note for note in result.footnotes}
    for note in facts["footnotes"]["notes"]:  # type: ignore[index]
        assert notes[note["marker"]].text.startswith(note["note_starts"]), note
    assert [mark.marker for mark in result.marks] == ["1", "2", "3", "4", "5", "6"]
    for heading in facts["headings"]:  # type: ignore[attr-defined]
        if heading[0].isupper():  # "network attributes" starts in lower case: a known limit
            assert heading in lines, heading
    assert_nothing_lost(text, result)
    assert_lines_map_back(text, result)


def test_butts2008_hyphens_in_raw_output() -> None:
    facts = facts_of("butts2008-network")
    result = repair_layout(read(OPEN / "butts2008-network" / "paper.raw.txt"))
    everything = flat(" ".join(body(result)) + " " + " ".join(note.text for note in result.footnotes))
    for mend in facts["hyphenation"]["mend"]:  # type: ignore[index]
        assert mend["word"] in everything, mend
    for keep in facts["hyphenation"]["keep"]:  # type: ignore[index]
        assert keep["word"] in everything, keep
    # Web addresses cut at a line end are joined without a space.
    assert "http://statnetproject.org/" in everything
    assert "http://cran.r-project.org/doc/manuals/r-release/R-exts.html" in everything


@pytest.mark.parametrize(("folder", "name"), [("gomes2023-bakhtiniana-abnt", "paper.txt"), ("brousseau2022-gpt2-brexit", "paper.md")])
def test_open_papers_in_paragraph_lines_come_back_unchanged(folder: str, name: str) -> None:
    facts_of(folder)
    text = read(OPEN / folder / name)
    result = repair_layout(text)
    assert result.shape == "blocks" and result.text == text and not result.removed
