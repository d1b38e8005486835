"""``structure-running-head-left``: lines that repeat at the top or foot of most pages
(running heads, page feet, publisher marks) and are still in the paper's text.

Pages are the form-feed-separated parts of the source (what ``pdftotext`` writes);
a source without page breaks has no pages to compare and gets no warning. A line
is compared with digits folded (``Carter T. Butts 3`` and ``… 5`` are one line)."""

from __future__ import annotations

import math
import re
from collections import defaultdict

from ..model import Diagnostic, Paper

#: Lines looked at on each page, from the top and from the foot.
WINDOW = 3
#: A line is page furniture when it sits in the window on at least this share of pages.
SHARE_OF_PAGES = 0.5
MIN_PAGES = 4


def _key(line: str) -> str:
    return " ".join(re.sub(r"\d+", "#", line.casefold()).split())


def _repeated_lines(source_text: str) -> dict[str, tuple[int, set[str]]]:
    """Folded line -> (pages it tops or foots, the forms it was printed in)."""
    pages = [page for page in source_text.split("\f") if page.strip()]
    if len(pages) < MIN_PAGES:
        return {}
    seen: dict[str, set[int]] = defaultdict(set)
    forms: dict[str, set[str]] = defaultdict(set)
    for number, page in enumerate(pages):
        lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
        for line in lines[:WINDOW] + lines[-WINDOW:]:
            key = _key(line)
            if sum(c.isalpha() for c in key) >= 4 and len(line) <= 120:
                seen[key].add(number)
                forms[key].add(line)
    needed = max(3, math.ceil(SHARE_OF_PAGES * len(pages)))
    return {key: (len(where), forms[key]) for key, where in seen.items() if len(where) >= needed}


def running_heads_left(paper: Paper, source_text: str) -> list[Diagnostic]:
    """One warning per repeated line still shown: where it is first, how often."""
    repeated = _repeated_lines(source_text)
    if not repeated:
        return []
    shown = [(p.text, p.span) for p in paper.all_paragraphs()] + [(s.title, s.span) for s in paper.all_sections()]
    shown += [(note.paragraph.text, note.paragraph.span) for note in paper.notes]
    found = []
    for key, (pages, forms) in sorted(repeated.items()):
        # Digits stand for any number (the page number changes); a line with one is furniture
        # wherever it stands, while a bare line (a journal name, an author's name) may also be
        # the byline or a real mention, so it must be left more often to count.
        pattern = re.compile(re.escape(key).replace("\\#", "#").replace("#", r"\d+"))
        needed = 2 if "#" in key else 3
        hits = [(match.group(0), span) for text, span in shown for match in pattern.finditer(" ".join(text.casefold().split()))]
        if len(hits) < needed:
            continue
        example = sorted(forms)[0]
        message = (
            f"a line repeated at the top or foot of {pages} pages is left in the text {len(hits)} times "
            f"(e.g. {example!r}): a running head, page foot or publisher mark?"
        )
        found.append(Diagnostic("warning", "structure-running-head-left", message, hits[0][1]))
    return found
