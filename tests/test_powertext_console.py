"""Console sessions printed in running text (issue 16): the grammar of commands, printed values and
a program's messages (papersite.parse.console), and what the heading rules make of them. A session's
output is never a heading — a bare value ("True", "NULL"), a message between two commands — while a
real heading next to code is kept, also where the structure model, whose labels have no code, runs
its table label for the session on over the heading after it. Every text here is made up for these
tests (R, Python and shell sessions about made-up packages); none is a fixture's."""

from __future__ import annotations

import textwrap

import pytest

from papersite.model import Paper, Paragraph, Section, SourceSpan, Text
from papersite.parse import parse_paper
from papersite.parse.blocks import carve_blocks
from papersite.parse.console import follows_command, is_command, is_output, is_prose, is_value
from papersite.parse.headings import detect_heading, heads_text_after_session, inside_sentence, looks_like_data
from papersite.parse.structure_hints import StructureHints
from papersite.parse.units import Unit
from papersite.structure.types import LineLabel

# --- the grammar ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["True", "FALSE", "NULL", "NA", "None", "nil", "NaN", "2.273", "-0.5", "3.3303e-07", "42%", "'sigma'", "’mu’",
     "(12.755, 0.152)", "[0.5, 1.5, None]", "[1] TRUE FALSE", "[13] 0.2 0.4", "{1, 2}"],
)
def test_a_printed_value(line: str) -> None:
    assert is_value(line)
    assert looks_like_data(line)  # and so never a heading
    assert detect_heading(Unit(line, 1, 1, lines=(line,)), Unit("The counts went up after the change.", 2, 2)) is None


@pytest.mark.parametrize("line", ["Results", "True Positives", "None of the Above", "(see below)", "1. Introduction", "Table 2", "NA Values"])
def test_not_a_printed_value(line: str) -> None:
    assert not is_value(line)


def test_a_single_word_heading_is_still_one() -> None:
    found = detect_heading(Unit("Results", 1, 1, lines=("Results",)), Unit("The counts went up after the change in 2004.", 2, 2))
    assert found is not None and found.title == "Results"


@pytest.mark.parametrize(
    "line", ["> fit <- glm(y ~ x, family = poisson)", ">>> import numpy as np", "R> summary(m)", "> m", "> m.alpha, m.beta",
             "> x[3]", "$ tool --input=data.csv"],
)
def test_a_command(line: str) -> None:
    assert is_command(line)


@pytest.mark.parametrize("line", ["> 0.05 were significant in both groups", "Results", "x > 2 in all cases", "# Results"])
def test_not_a_command(line: str) -> None:
    assert not is_command(line)


def test_prose_is_words_without_code() -> None:
    assert is_prose("Each model restricts the range of its parameters, and the user may narrow it.")
    assert not is_prose("Cox model: response is Surv(tstart, time, status)")  # a call: output
    assert not is_prose("Model 2: ~ trt + prior + karno")
    assert not is_prose("Searching the grid")  # too short to tell from a message


def test_a_session_reaches_back_over_output_to_its_command() -> None:
    assert follows_command(["> m = fit(counts)", "Optimising starting values", "(0.31, 0.02)"])
    assert follows_command([">>> model.run()", ""])
    # the paper's own sentence between ends the session; and a command too far back is not this line's
    assert not follows_command(["> m = fit(counts)", "The fit takes a few seconds on a laptop, since the grid is small."])
    assert not follows_command(["> m = fit(counts)", "a", "b", "c", "d"])


# --- output is no heading ------------------------------------------------------------------------


def test_a_message_between_two_commands_is_output() -> None:
    assert is_output(["> model = fit(data)"], "Optimising starting values", "> model.alpha")
    # in title case too: what follows is more of the session, not the paper's text
    assert is_output(["> m <- glm(y ~ x)"], "Converged After Twelve Iterations", "> coef(m)")
    assert is_output(["> m <- glm(y ~ x)", "Converged"], "Deviance Residuals", "(-1.2, 0.3, 2.1)")
    # a value after a value
    assert is_output(["> m$converged", "TRUE"], "FALSE", "Some text follows here and goes on for a while.")


def test_a_heading_before_a_session_is_not_output() -> None:
    # after the paper's own text, a heading may be followed by code at once
    assert not is_output(["We fit the model to the counts of the survey, which took three seasons."], "Model Fitting", "> m <- fit(d)")
    # after a session, a line followed by prose is the paper's text again
    assert not is_output(["> m <- fit(d)", "(0.2, 0.4)"], "Bounded Parameter Search", "Each model restricts the range of its parameters.")


def _units(*texts: str) -> list[Unit]:
    return [Unit(text, n, n, lines=(text,)) for n, text in enumerate(texts, start=1)]


def test_inside_sentence_takes_a_message_inside_a_session() -> None:
    units = _units("Below the fit on the counts of the spring survey:", "> m = fit(spring)", "Optimising Starting Values",
                   "> m.alpha", "1.93", "The estimate is close to the one of the autumn survey.")
    assert inside_sentence(units, 2)
    assert not inside_sentence(units, 5)


# --- the model's table label after a session -----------------------------------------------------


SESSION = [
    "The ranges can be narrowed further by the user, as in this example with the spring counts:",
    "> m.compare('gamma', 'weibull')",
    "Assuming nested models",
    "(-0.3818, 0.3821)",
]
PROSE_AFTER = "Each model has default bounds on its parameters, which the user may change when fitting."


def test_a_title_cased_line_ending_a_session_with_prose_after_it() -> None:
    lines = [*SESSION, "Bounded Parameter Search", PROSE_AFTER]
    assert heads_text_after_session(lines, 5, 5)


@pytest.mark.parametrize(
    ("line", "after"),
    [
        ("Searching the parameter grid", PROSE_AFTER),  # a sentence-case line: a program's message as likely
        ("Bounded Parameter Search", "> m.bounds"),  # more of the session follows
        ("Bounded Parameter Search", "(0.1, 0.9)"),
        ("True", PROSE_AFTER),  # a value
    ],
)
def test_not_a_heading_ending_a_session(line: str, after: str) -> None:
    assert not heads_text_after_session([*SESSION, line, after], 5, 5)


def test_no_session_no_exception() -> None:
    lines = ["The counts of the spring survey are higher than those of the autumn survey in most years.",
             "Bounded Parameter Search", PROSE_AFTER]
    assert not heads_text_after_session(lines, 2, 2)


def _label(label: str, p: float = 0.95) -> LineLabel:
    return LineLabel("body", label, p, start=True)


def test_the_models_table_veto_is_lifted_only_after_a_session() -> None:
    lines = (*SESSION, "Bounded Parameter Search", PROSE_AFTER)
    labels = (_label("paragraph"), *(_label("table") for _ in range(5)))
    hints = StructureHints(labels, lines)
    assert not hints.vetoes_heading(5, 5)  # the session's table label run on over the heading
    assert hints.vetoes_heading(4, 4)  # the session's own output line stays vetoed
    table = ("Species Count Share", "Blackbird 212 0.31", "Bounded Parameter Search", PROSE_AFTER)
    assert StructureHints(tuple(_label("table") for _ in table), table).vetoes_heading(3, 3)  # a table, no session


# --- a whole paper -------------------------------------------------------------------------------


def printed(text: str, width: int = 88) -> str:
    return "\n".join(textwrap.wrap(text, width))


def _paper_text() -> str:
    """A made-up software paper, one printed line a line, with Python and R sessions between its paragraphs."""
    p = [
        printed(
            f"The package {name} estimates {what} from counts made by volunteers, and it reports for every fit "
            f"the uncertainty of the estimate, the number of iterations the optimiser took and whether it "
            f"converged. Part {n} of the text describes how the user calls it on the data of a survey."
        )
        for n, (name, what) in enumerate(
            [("birdfit", "trends"), ("birdfit", "rates"), ("birdfit", "bounds"), ("birdfit", "ratios"), ("birdfit", "shares"),
             ("birdfit", "sizes"), ("birdfit", "levels"), ("birdfit", "trends again")], start=1)
    ]
    return "\n".join([
        "birdfit: a Python package for counting birds",
        "Petra Holm, Jonas Eklund",
        "Abstract",
        p[0],
        "Introduction",
        p[1],
        "Basic Usage",
        p[2],
        "> import birdfit",
        "> m = birdfit.Fit(counts)",
        "Optimising starting values for the trend fit",
        "> m.trend",
        "0.031",
        "> m.converged",
        "True",
        p[3],
        "Bounded Trends",
        p[4],
        "> m = birdfit.Fit(counts, bounds=(0, 1))",
        "Optimising starting values for the trend fit",
        "> m.compare('linear', 'quadratic')",
        "Assuming nested models",
        "(-13.0240, 3.3303e-07)",
        "Seasonal Components",
        p[5],
        "> m.seasons(counts)",
        "Software",  # a section's heading right after a session, over its first subsection's
        "Installation",
        p[6],
        "> pip_main(['install', 'birdfit'])",
        "None",
        "Discussion",
        p[7],
    ]) + "\n"


def _headings(paper: Paper) -> list[str]:
    return [s.title for s in paper.all_sections() if s.title.strip()]


def test_a_software_paper_keeps_its_headings_and_drops_its_output() -> None:
    text = _paper_text()
    assert len([line for line in text.split("\n") if line.strip()]) >= 40  # long enough for the structure models
    paper = parse_paper(text, paper_id="birdfit", path="birdfit.txt")
    shown = _headings(paper)
    assert shown == ["Introduction", "Basic Usage", "Bounded Trends", "Seasonal Components", "Software", "Installation", "Discussion"]
    words = " ".join(p.text for p in paper.all_paragraphs())
    for output in ("Optimising starting values for the trend fit", "Assuming nested models", "True", "(-13.0240, 3.3303e-07)"):
        assert output in words  # kept, as text or code, not lost


def _blocks(paper: Paper, kind: str) -> list[str]:
    return [p.text for p in paper.all_paragraphs() if p.kind == kind]


def test_a_session_is_one_code_block_with_its_output() -> None:
    """The paragraph rules cut a session at each message and value; the carving puts it together again."""
    paper = parse_paper(_paper_text(), paper_id="birdfit", path="birdfit.txt")
    code = _blocks(paper, "code")
    assert ("> import birdfit\n> m = birdfit.Fit(counts)\nOptimising starting values for the trend fit\n> m.trend\n0.031\n"
            "> m.converged\nTrue") in code
    assert "> m.compare('linear', 'quadratic')\nAssuming nested models\n(-13.0240, 3.3303e-07)" in code[1]
    assert not [text for text in _blocks(paper, "text") if text.startswith(("True", "Optimising", "None"))]


def _sentence_round_code() -> str:
    lines = _paper_text().split("\n")
    at = lines.index("> m.seasons(counts)")
    return "\n".join([
        *lines[:at],
        "After loading the counts of the survey with load_counts('spring'), the command",
        "> m <- fit_season(d, period = 12)",
        "fits the seasonal model, and the ranges can be given as a list:",
        "> m <- fit_season(d, period = c(6, 12))",
        *lines[at:],
    ])


def test_the_papers_own_words_between_two_commands_stay_text() -> None:
    paper = parse_paper(_sentence_round_code(), paper_id="birdfit", path="birdfit.txt")
    text, code = _blocks(paper, "text"), _blocks(paper, "code")
    # one line between two commands, but a sentence's (it ends on a colon): not the session's output
    assert "fits the seasonal model, and the ranges can be given as a list:" in text
    assert "> m <- fit_season(d, period = 12)" in code
    assert not [block for block in code if "fits the seasonal model" in block or "the command" in block]


# --- the carving, with the model's labels written out ---------------------------------------------


def _section(rows: list[tuple[str, str]], cuts: list[int]) -> tuple[Section, list[str], list[LineLabel]]:
    """A section of paragraphs cut from ``rows`` (text, label) at the 1-based line numbers ``cuts``,
    each paragraph joined with spaces as the layout joins it."""
    lines = [text for text, _ in rows]
    labels = [LineLabel("body", label, 0.95, start=True) for _, label in rows]
    bounds = [1, *cuts, len(rows) + 1]
    blocks = tuple(
        Paragraph((Text(" ".join(lines[a - 1 : b - 1])),), SourceSpan("t.txt", a, b - 1)) for a, b in zip(bounds, bounds[1:])
    )
    return Section("Results", 2, SourceSpan("t.txt", 1), blocks=blocks), lines, labels


def _carved(rows: list[tuple[str, str]], cuts: list[int]) -> list[tuple[str, str]]:
    section, lines, labels = _section(rows, cuts)
    return [(p.kind, p.text) for p in carve_blocks([section], labels, lines)[0].blocks]


INTRO = ("The model is fitted to the counts of each site in turn, and the fit is summarised below:", "paragraph")
OUTRO = ("The estimate is close to the one the earlier survey gave for the same sites and years.", "paragraph")


def test_output_cut_off_from_its_command_joins_the_code() -> None:
    rows = [INTRO, ("> m.converged", "paragraph"), ("True", "heading"), OUTRO]
    assert _carved(rows, [2, 3, 4]) == [("text", INTRO[0]), ("code", "> m.converged\nTrue"), ("text", OUTRO[0])]
    # a value opening the paragraph after the command, whatever the model calls it
    rows = [INTRO, ("> m.bounds", "paragraph"), ("(2.27, 0.17, True)", "figure"), OUTRO]
    assert _carved(rows, [2, 3]) == [("text", INTRO[0]), ("code", "> m.bounds\n(2.27, 0.17, True)"), ("text", OUTRO[0])]


def test_a_message_and_its_value_join_the_code_with_their_line_breaks() -> None:
    rows = [INTRO, ("> m.compare('a', 'b')", "paragraph"), ("Assuming nested models", "paragraph"), ("(-0.38, 0.38)", "paragraph")]
    assert _carved(rows, [2, 3]) == [("text", INTRO[0]), ("code", "> m.compare('a', 'b')\nAssuming nested models\n(-0.38, 0.38)")]


def test_a_figures_axis_after_a_command_stays_the_figures() -> None:
    rows = [INTRO, ("> plot(m)", "paragraph"), ("0.5 1.0 1.5 2.0", "figure"), ("Counts per hour", "figure"), OUTRO]
    kinds = _carved(rows, [2, 3, 5])
    assert kinds[1] == ("code", "> plot(m)") and kinds[2][0] == "figure" and "0.5 1.0 1.5 2.0" in kinds[2][1]


def test_the_papers_sentence_between_two_commands_is_no_output() -> None:
    rows = [INTRO, ("> m <- fit(d)", "paragraph"), ("The ranges can also be given as a list:", "paragraph"), ("> m <- fit(d, r = c(1, 2))", "paragraph")]
    assert [kind for kind, _ in _carved(rows, [2, 3, 4])] == ["text", "code", "text", "code"]
