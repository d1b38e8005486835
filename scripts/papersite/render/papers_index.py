"""The generated "Papers" index page listing every paper."""

from __future__ import annotations

from ..model import Paper
from .escape import escape_html


def render_papers_index(papers: list[Paper]) -> str:
    lines = ["---", 'title: "Papers"', "---", "", "# Papers", ""]
    if not papers:
        lines.append('<p class="papers-empty">No papers yet: add a text file to <code>sources/</code>.</p>')
        return "\n".join(lines) + "\n"
    items = []
    for paper in papers:
        front = paper.front
        authors = ", ".join(escape_html(a.name) for a in front.authors)
        facts = [escape_html(x) for x in (front.venue, front.year) if x]
        byline = " · ".join(x for x in (authors, ", ".join(facts)) if x)
        items.append(
            f'<li class="papers-item"><a href="{paper.id}/">{escape_html(front.title)}</a>'
            + (f'<br><span class="papers-byline">{byline}</span>' if byline else "")
            + "</li>"
        )
    lines.append('<ul class="papers-list">\n' + "\n".join(items) + "\n</ul>")
    return "\n".join(lines) + "\n"
