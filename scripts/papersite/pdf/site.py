"""A PDF paper's page on the site: the PDF beside it, ``citation_pdf_url``, a page marker per section.

Pure functions over the rendered page (Markdown) and the paper's extracted
text; :mod:`papersite.stages.pdf` applies them to every paper whose source is
a PDF.
"""

from __future__ import annotations

import json
import re

from ..model import Paper

_DOWNLOAD_END = "(the source text as received)</div>"


def page_of_line(text: str, line: int) -> int:
    """The PDF page (1-based) that line ``line`` of the extracted text was printed on."""
    lines = text.split("\n")
    return 1 + sum(part.count("\f") for part in lines[: max(line, 1)])


def section_pages(paper: Paper, text: str) -> dict[str, int]:
    """Each titled section's id and the PDF page it starts on."""
    return {s.id: page_of_line(text, s.span.line) for s in paper.all_sections() if s.title and s.id}


def pdf_page(page: str, paper: Paper, text: str, base: str, site_url: str) -> str:
    """The rendered page with the PDF's download link, ``citation_pdf_url`` and page markers added."""
    href = f"{base}papers/{paper.id}.pdf"
    absolute = f"{site_url.rstrip('/')}/papers/{paper.id}.pdf" if site_url else href
    if page.startswith("---\n"):
        end = page.index("\n---", 3)
        page = page[:end] + f"\ncitation_pdf_url: {json.dumps(absolute)}" + page[end:]
    page = page.replace(
        _DOWNLOAD_END,
        f'(the text extracted from the PDF) · <a href="{href}" download>{paper.id}.pdf</a> (the original PDF)</div>',
        1,
    )
    markers = {
        section_id: f'<p class="pdf-page"><a href="{href}#page={number}" '
        f'title="This section starts on page {number} of the PDF">PDF p. {number}</a></p>'
        for section_id, number in section_pages(paper, text).items()
    }

    def add_marker(match: re.Match[str]) -> str:
        marker = markers.get(match.group(2))
        return match.group(0) + "\n\n" + marker if marker else match.group(0)

    # Each heading line of a section the PDF shows, e.g. "## 2. Methods { #methods }".
    page = re.sub(r"^(#{1,6} .*)\{ #([\w-]+) \}$", add_marker, page, flags=re.M)
    return page
