"""Formulas, tables and code carved out of the running text, over-long paragraphs split at the body
model's starts (papersite.parse.blocks), and how such a block is rendered.

The carving is tested on small made-up paragraphs with the model's labels written out (so that the
tests say what the pass does with labels, not what today's model happens to decide); one test runs
the real model on a real fixture paper."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from papersite.model import FrontMatter, NoteRef, Paper, Paragraph, Section, SourceSpan, Text
from papersite.nothing_lost import check_nothing_lost
from papersite.parse.blocks import LONG_PARAGRAPH_WORDS, carve_blocks, carve_paragraph
from papersite.parse.paper import parse_paper
from papersite.render.paper_page import render_blocks, render_paper
from papersite.structure import LineLabel, label_lines

ROOT = Path(__file__).resolve().parent.parent
PATH = "sources/x.txt"


def labelled(rows: list[tuple[str, str, float]] | list[tuple[str, str, float, bool]]) -> tuple[list[str], list[LineLabel]]:
    """Source lines and their labels from ``(text, label, p[, start])`` rows (body zone)."""
    lines, labels = [], []
    for row in rows:
        text, label, p = row[0], row[1], row[2]
        start = bool(row[3]) if len(row) > 3 else False  # type: ignore[misc]
        lines.append(text)
        labels.append(LineLabel("body", label, p, start=start))
    return lines, labels


def paragraph_of(lines: list[str], first: int = 1) -> Paragraph:
    """The paragraph the layout makes of ``lines``: joined with spaces (a hyphen at a line end mended)."""
    text = ""
    for line in lines:
        text = text[:-1] + line if text.endswith("-") else (f"{text} {line}" if text else line)
    return Paragraph((Text(text),), SourceSpan(PATH, first, first + len(lines) - 1))


def words(paragraphs: list[Paragraph]) -> list[str]:
    return " ".join(p.text for p in paragraphs).split()


EQUATION = [
    ("Function diversity finds the most commonly used", "paragraph", 0.99),
    ("diversity indices (Hill, 1973):", "paragraph", 0.98),
    ("H = −", "formula", 0.97),
    ("S", "formula", 0.95),
    ("X", "formula", 0.95),
    ("i=1", "formula", 0.9),
    ("pi logb pi Shannon–Weaver (1)", "formula", 0.9),
    ("where pi is the proportion of species i, and S is", "paragraph", 0.99),
    ("the number of species in the sample.", "paragraph", 0.99),
]


def test_formula_lines_inside_a_paragraph_come_out_as_a_block() -> None:
    lines, labels = labelled(EQUATION)
    paragraph = paragraph_of(lines)
    pieces = carve_paragraph(paragraph, labels, lines)
    assert [p.kind for p in pieces] == ["text", "formula", "text"]
    assert pieces[0].text == "Function diversity finds the most commonly used diversity indices (Hill, 1973):"
    assert pieces[1].text == "H = −\nS\nX\ni=1\npi logb pi Shannon–Weaver (1)"  # a line each, as printed
    assert pieces[2].text.startswith("where pi is the proportion")
    assert [(p.span.line, p.span.end_line) for p in pieces] == [(1, 2), (3, 7), (8, 9)]
    assert words(pieces) == paragraph.text.split()  # nothing lost, nothing reordered


def test_unsure_or_sentence_like_lines_stay_text() -> None:
    rows = [(text, label, 0.4 if label == "formula" else p) for text, label, p in EQUATION]
    lines, labels = labelled(rows)
    paragraph = paragraph_of(lines)
    assert carve_paragraph(paragraph, labels, lines) == [paragraph]  # the model is not sure enough
    # One line of running words the model calls a table ("its timing.") ends a sentence: text.
    lines, labels = labelled([("The main difficulty is not the amount of water but", "paragraph", 0.99), ("its timing.", "table", 0.97)])
    paragraph = paragraph_of(lines)
    assert carve_paragraph(paragraph, labels, lines) == [paragraph]


def test_table_rows_become_a_table_block_and_the_caption_stays_text() -> None:
    lines, labels = labelled([
        ("The volumes released were as follows (in cubic kilometres):", "paragraph", 0.99),
        ("Table 1: Volumes by year.", "table", 0.9),
        ("Year Volume", "table", 0.95),
        ("2019 11.2", "table", 0.95),
        ("2020 9.8", "table", 0.95),
        ("The variation between years is small.", "paragraph", 0.99),
    ])
    pieces = carve_paragraph(paragraph_of(lines), labels, lines)
    assert [(p.kind, p.text) for p in pieces] == [
        ("text", "The volumes released were as follows (in cubic kilometres): Table 1: Volumes by year."),
        ("table", "Year Volume\n2019 11.2\n2020 9.8"),
        ("text", "The variation between years is small."),
    ]


def test_console_code_is_a_code_block_with_its_output() -> None:
    lines, labels = labelled([
        ("The number of stems varies in our data set:", "paragraph", 0.99),
        ("> quantile(rowSums(BCI))", "paragraph", 0.6),  # the model's labels have no code: the prompt says so
        ("[1] 340.0 409.0 428.0", "paragraph", 0.6),
        ("To express richness for the same number of individuals, we can use:", "paragraph", 0.99),
    ])
    pieces = carve_paragraph(paragraph_of(lines), labels, lines)
    assert [p.kind for p in pieces] == ["text", "code", "text"]
    assert pieces[1].text == "> quantile(rowSums(BCI))\n[1] 340.0 409.0 428.0"


def test_a_footnote_marker_stays_in_its_piece() -> None:
    lines, labels = labelled(EQUATION)
    whole = paragraph_of(lines)
    text = whole.text
    at = text.index(" and S is")
    paragraph = Paragraph((Text(text[:at]), NoteRef("2"), Text(text[at:])), whole.span)
    pieces = carve_paragraph(paragraph, labels, lines)
    assert [p.kind for p in pieces] == ["text", "formula", "text"]
    assert NoteRef("2") in pieces[2].inlines


def long_run(sentences_per_paragraph: int, paragraphs: int, starts: bool) -> tuple[list[str], list[LineLabel]]:
    """Lines of ``paragraphs`` paragraphs printed with no blank line or indent between them; the
    first line of each is labelled a paragraph start when ``starts``."""
    rows: list[tuple[str, str, float, bool]] = []
    for number in range(paragraphs):
        for sentence in range(sentences_per_paragraph):
            first = sentence == 0
            rows.append((f"Paragraph {number} sentence {sentence} says what the study found about the", "paragraph", 0.95, first and starts))
            rows.append(("water released in the growing season and its timing.", "paragraph", 0.95, False))
    return labelled(rows)


def test_a_2000_word_run_is_split_at_the_models_paragraph_starts() -> None:
    lines, labels = long_run(sentences_per_paragraph=10, paragraphs=10, starts=True)
    paragraph = paragraph_of(lines)
    assert len(paragraph.text.split()) > 2 * LONG_PARAGRAPH_WORDS - 100
    pieces = carve_paragraph(paragraph, labels, lines)
    assert len(pieces) == 10
    assert all(p.kind == "text" and p.text.startswith(f"Paragraph {n} sentence 0") for n, p in enumerate(pieces))
    assert [p.span.line for p in pieces] == list(range(1, len(lines), 20))
    assert words(pieces) == paragraph.text.split()


def test_no_split_without_model_starts_or_below_the_limit() -> None:
    lines, labels = long_run(sentences_per_paragraph=10, paragraphs=10, starts=False)
    paragraph = paragraph_of(lines)
    assert carve_paragraph(paragraph, labels, lines) == [paragraph]
    lines, labels = long_run(sentences_per_paragraph=10, paragraphs=4, starts=True)  # ~800 words
    paragraph = paragraph_of(lines)
    assert len(paragraph.text.split()) < LONG_PARAGRAPH_WORDS
    assert carve_paragraph(paragraph, labels, lines) == [paragraph]


def test_sections_the_pass_does_not_cut_are_returned_unchanged() -> None:
    lines, labels = labelled([*EQUATION, ("A second paragraph with nothing to carve.", "paragraph", 0.99)])
    cut = Section("Diversity", 2, SourceSpan(PATH, 1), blocks=(paragraph_of(lines[:9]),))
    untouched = Section("Other", 2, SourceSpan(PATH, 10), blocks=(paragraph_of(lines[9:], first=10),))
    out = carve_blocks([cut, untouched], labels, lines)
    assert [p.kind for p in out[0].blocks] == ["text", "formula", "text"]
    assert out[1].blocks[0] is untouched.blocks[0]


HOSTILE = '<script>alert("x")</script> <img src=x onerror=alert(1)> {{ x }} ``` $y$'


def test_html_and_script_in_a_block_are_escaped_and_stay_inert() -> None:
    block = Paragraph((Text(f"> cat('{HOSTILE}')\n[1] done"),), SourceSpan(PATH, 3, 4), id="s-p2", kind="code")
    (chunk,) = render_blocks((block,))
    assert "<script" not in chunk and "<img" not in chunk
    assert '<div id="s-p2" class="para block block-code"><pre><code>' in chunk
    extensions = ["attr_list", "md_in_html", "abbr", "admonition", "pymdownx.details", "pymdownx.superfences", "toc"]
    html = markdown.markdown(chunk, extensions=extensions)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "\n[1] done" in html  # shown as text, its line kept


def test_nothing_lost_sees_the_blocks_words() -> None:
    lines, labels = labelled(EQUATION)
    source = "\n".join(lines)
    pieces = carve_paragraph(paragraph_of(lines), labels, lines)
    ids = [replace_id(p, f"d-p{n}") for n, p in enumerate(pieces, start=1)]
    paper = Paper("x", PATH, FrontMatter("T"), (Section("D", 2, SourceSpan(PATH, 1), blocks=tuple(ids), id="d"),))
    assert check_nothing_lost(source, render_paper(paper), PATH) == []
    without = Paper("x", PATH, FrontMatter("T"), (Section("D", 2, SourceSpan(PATH, 1), blocks=(ids[0], ids[2]), id="d"),))
    assert check_nothing_lost(source, render_paper(without), PATH), "the formula's words are counted"


def replace_id(paragraph: Paragraph, anchor: str) -> Paragraph:
    from dataclasses import replace

    return replace(paragraph, id=anchor)


@pytest.fixture(scope="module")
def oksanen() -> Paper:
    path = ROOT / "tests" / "fixtures" / "open" / "oksanen2022-vegan-diversity" / "paper.raw.txt"
    return parse_paper(path.read_text(encoding="utf-8"), paper_id="oksanen", path="sources/oksanen.txt")


def test_real_paper_equations_and_r_code_are_blocks(oksanen: Paper) -> None:
    """vegan's diversity vignette (pdftotext -raw, one printed line a line): Shannon's index, set as
    a displayed equation, and the R calls are blocks; the sentences around them stay text."""
    blocks = [p for p in oksanen.all_paragraphs() if p.kind != "text"]
    text = [p for p in oksanen.all_paragraphs() if p.kind == "text"]
    shannon = next(p for p in blocks if "Shannon–Weaver (1)" in p.text)
    assert shannon.kind == "formula" and "\n" in shannon.text
    assert not any("logb pi Shannon" in p.text for p in text)
    assert any(p.kind == "code" and p.text.startswith("> library(vegan)") for p in blocks)
    assert any(p.text.startswith("where pi is the proportion of species i") for p in text)
    assert len({p.id for p in oksanen.all_paragraphs()}) == len(oksanen.all_paragraphs())  # every block its own anchor


def test_a_table_the_rules_cut_in_two_is_one_block() -> None:
    lines, labels = labelled([
        ("Estimate Std. Error z value", "table", 0.9),
        ("(Intercept) 833 461 1.81", "table", 0.9),
        ("Income -1834 1243 -1.48", "table", 0.9),
        ("I(Income^2) 1587 830 1.91", "table", 0.9),
        ("The quadratic term is clearly significant.", "paragraph", 0.99),
    ])
    halves = (paragraph_of(lines[:2]), paragraph_of(lines[2:4], first=3), paragraph_of(lines[4:], first=5))
    (section,) = carve_blocks([Section("Tests", 2, SourceSpan(PATH, 1), blocks=halves)], labels, lines)
    assert [(p.kind, p.span.line, p.span.end_line) for p in section.blocks] == [("table", 1, 4), ("text", 5, 5)]
    assert section.blocks[0].text == "\n".join(lines[:4])


def test_a_real_run_of_paragraphs_is_split_at_real_paragraph_starts() -> None:
    """network's JSS paper printed with no blank lines (tests/fixtures/open/butts2008-network):
    the rules leave lines 125-192 one paragraph of 902 words (the attribute list "bipartite This
    is …", "hyper This attribute …" run together). Asked to split paragraphs over 400 words, the
    pass cuts only where the printed paper starts a paragraph or list item (checked by hand
    against the PDF), and at three such places at least."""
    path = ROOT / "tests" / "fixtures" / "open" / "butts2008-network" / "paper.noblank.txt"
    text = path.read_text(encoding="utf-8")
    paper = parse_paper(text, paper_id="butts", path="sources/butts.txt")
    # the heading "network attributes" (138), which the model finds, now cuts lines 125-192 in two (parsehead)
    (long,) = [p for p in paper.all_paragraphs() if len(p.text.split()) > 700]
    assert (long.span.line, long.span.end_line) == (139, 192)
    lines = text.split("\n")
    sections = carve_blocks(paper.sections, label_lines(lines), lines, long_words=400)
    pieces = [p for s in Paper("b", "b", paper.front, tuple(sections)).all_sections() for p in s.blocks if 139 <= p.span.line <= 192]
    true_starts = {139, 144, 146, 166, 171, 176, 179, 189}  # 138 is the heading "network attributes"
    cuts = [p.span.line for p in pieces[1:]]
    assert len(cuts) >= 3 and set(cuts) <= true_starts
    assert " ".join(p.text for p in pieces).split() == long.text.split()


def test_a_figures_words_are_a_block_and_its_caption_stays_text() -> None:
    """The labels of a plot (axis ticks, titles) the model calls figure lines: a block of their
    own; the caption, and its lines of words that the model also calls figure, stay text."""
    lines, labels = labelled([
        ("We can inspect this graphically (Fig. 1).", "paragraph", 0.99),
        ("diversity", "figure", 0.88),
        ("2.0", "figure", 0.84),
        ("0.51 2 4 8 16 32 64 Inf", "figure", 0.7),
        ("Figure 1: Rényi diversities in six randomly selected", "figure", 0.97),
        ("plots. The plot uses Trellis graphics with a separate", "figure", 0.97),
        ("panel for each site.", "figure", 0.8),
    ])
    pieces = carve_paragraph(paragraph_of(lines), labels, lines)
    assert [(p.kind, p.span.line, p.span.end_line) for p in pieces] == [("text", 1, 1), ("figure", 2, 4), ("text", 5, 7)]
    assert pieces[2].text.startswith("Figure 1: Rényi diversities") and pieces[2].text.endswith("panel for each site.")


def test_a_sentence_wrapped_before_a_comparison_is_not_code() -> None:
    lines, labels = labelled([
        ("Coefficients with p-values", "paragraph", 0.99),
        ("> 0.05 were dropped from the model before it was refitted.", "paragraph", 0.99),
    ])
    paragraph = paragraph_of(lines)
    assert carve_paragraph(paragraph, labels, lines) == [paragraph]
    lines, labels = labelled([("evalCpp(\"R::rnorm(0, 1)\")", "formula", 0.9), ("# [1] -0.023751", "formula", 0.9)])
    assert [p.kind for p in carve_paragraph(paragraph_of(lines), labels, lines)] == ["code"]  # knitr's output
