"""Text drawn by plots: kept out of the running text, like the rest of a figure.

A figure included as a form XObject is found when its characters are read
(chars.py). Many PDFs flatten their figures into the page, so a plot's
labels are also known by their type: a font family that sets no line of
a line longer than a label anywhere in the paper (over five words) and on a page,
sets three or more numbers standing alone (an axis's tick labels) on every
page it is used on. All that family's lines are plots' text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import PdfPage

_NUMBER = re.compile(r"^[−\-+]?\d+(?:[.,]\d+)?%?$")
#: A plot's label has at most this many words.
LABEL_WORDS = 5
#: Tick labels a plot's font must set on a page.
MIN_TICKS = 3


def family(font: str) -> str:
    """The font's family: its name without weight or style ("Helvetica-Bold" -> "Helvetica")."""
    return re.split(r"[-,]", font, maxsplit=1)[0]


def without_plot_text(pages: list[PdfPage]) -> list[PdfPage]:
    """Each page with its plots' text moved from ``lines`` to ``figure_text``."""
    # A plot labels its axes and keys in a few words: a font that sets a longer line is not a plot's.
    prose = {family(line.font) for page in pages for line in page.lines if len(line.text.split()) > LABEL_WORDS}
    ticks: list[dict[str, int]] = []
    for page in pages:
        counts: dict[str, int] = {}
        for line in page.lines:
            name = family(line.font)
            counts.setdefault(name, 0)
            if name not in prose and all(_NUMBER.match(word) for word in line.text.split()):
                counts[name] += len(line.text.split())
        ticks.append(counts)
    # A plot's font sets tick labels on every page it is used on (a heading font, a contents
    # list's or a program listing's font is used on pages without them too).
    plot_fonts = {
        name
        for counts in ticks
        for name in counts
        if name not in prose and all(page.get(name, MIN_TICKS) >= MIN_TICKS for page in ticks)
    }
    if not plot_fonts:
        return pages
    out = []
    for page in pages:
        moved = tuple(line for line in page.lines if family(line.font) in plot_fonts)
        if not moved:
            out.append(page)
            continue
        kept = tuple(line for line in page.lines if family(line.font) not in plot_fonts)
        out.append(replace(page, lines=kept, figure_text=page.figure_text + moved))
    return out
