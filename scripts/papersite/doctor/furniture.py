"""``structure-running-head-left``: lines that repeat at the top or foot of most pages
(running heads, page feet, publisher marks) and are still in the paper's text.

Pages are the form-feed-separated parts of the source (what ``pdftotext`` writes).
A line is compared with digits folded (``Carter T. Butts 3`` and ``… 5`` are one line).
In a source without page breaks, a short line that comes back, whole, at least MIN_NUMBERS
times, far apart, with a number that grows each time (a running head with its page number)
counts too."""

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
#: Without page breaks: the different numbers a repeated line must carry to be a running head.
MIN_NUMBERS = 4
#: ... and the lines it must be apart each time (a page holds more than this).
MIN_LINES_APART = 15


def _key(line: str) -> str:
    return " ".join(re.sub(r"\d+", "#", line.casefold()).split())


def _numbered_lines(source_text: str) -> dict[str, tuple[int, set[str]]]:
    """No page breaks: folded line -> (times it comes back, its forms), for lines that come back
    at least MIN_NUMBERS times, far apart, with a number that grows each time (a page number)."""
    seen: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for number, raw in enumerate(source_text.splitlines()):
        line = " ".join(raw.split())
        key, numbers = _key(line), re.findall(r"\d+", line)
        if numbers and sum(c.isalpha() for c in key) >= 4 and len(line) <= 80:
            seen[key].append((number, int(numbers[-1]), line))
    found = {}
    for key, places in seen.items():
        apart = all(b[0] - a[0] >= MIN_LINES_APART and b[1] > a[1] for a, b in zip(places, places[1:]))
        if len(places) >= MIN_NUMBERS and apart:
            found[key] = (len(places), {line for _, _, line in places})
    return found


def _repeated_lines(source_text: str) -> dict[str, tuple[int, set[str]]]:
    """Folded line -> (pages it tops or foots, the forms it was printed in)."""
    pages = [page for page in source_text.split("\f") if page.strip()]
    if len(pages) == 1:
        return _numbered_lines(source_text)
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
