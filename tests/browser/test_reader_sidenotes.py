"""Editors' notes in the margin on wide screens, inline on narrow ones; a note inside
the reference list keeps its own layout (issue 20, point 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

GEOMETRY = """() => {
  const article = document.querySelector('article.md-content__inner').getBoundingClientRect();
  const toc = document.querySelector('.md-sidebar--secondary').getBoundingClientRect();
  return [...document.querySelectorAll('.admonition.annotation[id^="note-"]')].map(n => {
    const r = n.getBoundingClientRect();
    const mark = document.getElementById(n.id.replace(/^note-/, 'mark-'));
    return {id: n.id, left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY,
            mark: mark ? mark.getBoundingClientRect().top + scrollY : null, text: article.right, textLeft: article.left, toc: toc.left};
  });
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_notes_sit_in_the_margin_beside_their_passage_on_a_wide_screen(page, site_url: str, scheme: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 1700, "height": 1000})
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_url}/papers/rezapour2020/")
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", "slate" if scheme == "dark" else "default")
    page.wait_for_function("document.body.classList.contains('papersite-sidenotes')")
    page.wait_for_timeout(300)
    notes = page.evaluate(GEOMETRY)
    assert len(notes) >= 5
    previous_bottom = float("-inf")
    for note in notes:
        assert note["left"] >= note["text"], note  # beside the text, not over it
        assert note["right"] <= note["toc"] + 1, note  # and clear of the table of contents
        assert note["top"] >= previous_bottom, note  # no two notes overlap
        if note["mark"] is not None:  # level with its mark, unless pushed down by the note before
            assert abs(note["top"] - note["mark"]) < 40 or note["top"] - previous_bottom < 20, note
        previous_bottom = note["bottom"]
    first = page.locator(".admonition.annotation[id^='note-']").first
    first.evaluate("n => window.scrollTo(0, n.getBoundingClientRect().top + scrollY - 300)")
    page.wait_for_timeout(200)
    page.screenshot(path=str(artifacts / f"sidenotes-wide-{scheme}.png"))


def test_notes_stay_inline_on_a_narrower_screen(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/papers/rezapour2020/")
    page.wait_for_timeout(300)
    assert not page.evaluate("document.body.classList.contains('papersite-sidenotes')")
    for note in page.evaluate(GEOMETRY):
        assert note["left"] >= note["textLeft"] - 1 and note["right"] <= note["text"] + 1, note


@pytest.mark.parametrize(("paper", "width"), [("sadeghi2022", 1280), ("sadeghi2022", 390), ("rezapour2020", 1280)])
def test_a_note_in_the_reference_list_keeps_its_own_layout(page, site_url: str, paper: str, width: int, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    """Sadeghi's list is author-year, with a hanging indent the note must not take."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{site_url}/papers/{paper}/")
    note = page.locator(".paper-references .admonition.annotation").first
    note.scroll_into_view_if_needed()
    layout = note.evaluate("""n => {
      const title = n.querySelector('.admonition-title'); const icon = getComputedStyle(title, '::before');
      const range = document.createRange(); range.selectNodeContents(title);
      const text = range.getClientRects()[0]; const t = title.getBoundingClientRect();
      const iconRight = t.left + parseFloat(icon.left) + parseFloat(icon.width);
      return {indent: getComputedStyle(n).textIndent, textLeft: text.left, iconRight: iconRight,
              overflow: [...n.querySelectorAll('*')].some(e => e.getBoundingClientRect().right > n.getBoundingClientRect().right + 1
                                                         || e.getBoundingClientRect().left < n.getBoundingClientRect().left - 1)}; }""")
    assert layout["indent"] == "0px", layout
    assert layout["textLeft"] >= layout["iconRight"], layout  # the icon does not cover the title
    assert not layout["overflow"], layout  # nothing sticks out of the box
    note.screenshot(path=str(artifacts / f"reference-note-{paper}-{width}.png"))
