"""How a note's number is printed at a page's foot (parse/foot_notes.py): a page number with a
separator ("8 | journal") opens no note, and a note whose number the extraction glued to its
first word ("5We ...") is found above a note whose number stands on a line of its own."""

from __future__ import annotations

from papersite.parse.layout import repair_layout

WORDS = "trade salt grain river boats north spring autumn weighed market town".split()


def page(body: list[str], foot: list[str]) -> str:
    """``body`` lines, then a paragraph of running text wrapped over lines, then the ``foot``."""
    seed = len(body[0])
    prose = " ".join(f"the {WORDS[(n + seed) % 11]} of the {WORDS[n % 11]} grew in year {n * 7 + seed}" for n in range(40))
    words, lines, line = prose.split(), [], ""
    for word in words:
        if len(line) + len(word) > 60:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join(body + lines + [line + "."] + foot)


def test_a_page_number_with_a_separator_opens_no_note() -> None:
    pages = [
        page(["The salt went north in spring.1"], ["1", "A note on the salt trade and its routes.", "2 | The River Journal"]),
        page(["Grain came back in the autumn."], ["3 | The River Journal"]),
        page(["Nothing else is said here."], ["4 | The River Journal"]),
    ]
    result = repair_layout("\f".join(pages))
    assert [note.marker for note in result.footnotes] == ["1"]  # no note 2 (where the foot line goes is furniture's matter)


def test_a_note_glued_to_its_number_above_notes_set_the_usual_way_is_kept() -> None:
    pages = [
        page(["The salt went north in spring.1"], ["1", "A note on the salt trade and its routes."]),
        page(["Grain came back2 in the autumn by the river.3"],
             ["2We should note that the grain was weighed twice.", "3", "A third note on the autumn."]),
        page(["Nothing else is said here."], []),
    ]
    result = repair_layout("\f".join(pages))
    assert [note.marker for note in result.footnotes] == ["1", "2", "3"]
    assert result.footnotes[1].text.startswith("We should note")


def test_a_note_ends_where_narrower_text_follows_its_last_sentence() -> None:
    """pdftotext reads a note at the foot of the left column before the right column: the note's
    lines are set small (more characters to the line), and the column after it stays text."""
    note = "A note in small type, with more characters to the line than the text in a column has."
    column = ["the right column goes on here with the text of the page, in the", "body's own type and so fewer characters to each line."]
    pages = [
        page(["The salt went north in spring.1"], ["1", note, *column]),
        page(["Grain came back in the autumn."], []),
        page(["Nothing else is said here."], []),
    ]
    result = repair_layout("\f".join(pages))
    assert [note.marker for note in result.footnotes] == ["1"]
    assert result.footnotes[0].text == note
    assert "the right column goes on here" in result.text
