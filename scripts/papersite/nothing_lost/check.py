"""The "nothing lost" check: every word of a source appears on its generated page.

Runs on the generated Markdown, independent of how the parser classified the
text: each unit of the source (paragraph, list item, reference, front-matter
line) must appear on the page as one run of the same words (punctuation, case,
markup and hyphenation ignored). Only front-matter label lines, which the title
block rearranges ("Date of Submission: ..." becomes a list of dates), are
checked word by word.
"""

from __future__ import annotations

import html
import re
from collections import Counter

from ..model import Diagnostic, SourceSpan
from ..parse.frontmatter import is_front_label, looks_like_author_list
from ..parse.inline import to_plain
from ..parse.units import split_units

_WORD = re.compile(r"[^\W_]+")
#: Label words the title block writes in its own way ("Date of Submission" -> "Submitted").
_LABEL_WORDS = frozenset("date of submission acceptance publication key word words email e mail corresponding author s".split())


_EDITORIAL_BLOCK = re.compile(r'<div class="(?:admonition|see-also)\b')
_DIV = re.compile(r"<div\b|</div>")


def _drop_editorial(page: str) -> str:
    """Remove what the editors added (notes, see-also, note marks): only the source's text counts."""
    page = re.sub(r'<sup class="(?:annotation-mark|fn-ref)"[^>]*>.*?</sup>', "", page, flags=re.S)
    out = []
    position = 0
    for start in _EDITORIAL_BLOCK.finditer(page):
        if start.start() < position:
            continue
        depth = 0
        for tag in _DIV.finditer(page, start.start()):
            depth += 1 if tag.group(0) == "<div" else -1
            if depth == 0:
                out.append(page[position : start.start()])
                position = tag.end()
                break
    out.append(page[position:])
    return "".join(out)


def visible_text(page: str) -> str:
    """The source text a reader sees on a generated page: no front matter, tags, attribute
    lists, or editorial additions."""
    page = _drop_editorial(re.sub(r"\A---\n.*?\n---\n", "", page, flags=re.S))
    page = re.sub(r"\{ #[\w-]+ \}", " ", page)
    page = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(page)


def words(text: str) -> list[str]:
    """The words of ``text`` in one case: upper case, then folded. A heading set in title case may turn
    a letter into a capital that lower-cases to another letter (the micro sign µ into Greek Μ, dotless ı
    into I); going through the capitals first brings both sides to the same letters."""
    return _WORD.findall(text.upper().casefold())


def check_nothing_lost(source_text: str, page: str, path: str) -> list[Diagnostic]:
    """Errors naming each source unit whose words are missing from ``page``."""
    shown = words(visible_text(page))
    stream = "".join(shown)
    available = Counter(shown)
    problems: list[Diagnostic] = []
    for unit in split_units(source_text):
        unit_words = words(to_plain(unit.text))
        if not unit_words or "".join(unit_words) in stream:
            continue
        if is_front_label(unit) or looks_like_author_list(unit.text):
            # The title block rewrites labels and author lists ("A and B" -> "A, B");
            # each word of the values must be there (a name's raised mark is a word of its own).
            spaced = words(to_plain(unit.text.replace("^{", " ^{")))
            missing = Counter(w for w in spaced if w not in _LABEL_WORDS) - available
            # an affiliation letter the extraction glued to a name ("Eddelbuettela") is shown raised
            missing -= Counter({w: n for w, n in missing.items() if w[:-1] in available and w[-1:] in available})
        else:
            missing = Counter(unit_words)
        if missing:
            sample = " ".join(unit_words[:12])
            problems.append(
                Diagnostic(
                    "error",
                    "text-lost",
                    f"this passage is not on the generated page as written: {sample!r}...",
                    SourceSpan(path, unit.line, unit.end_line),
                )
            )
    return problems
