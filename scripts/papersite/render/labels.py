"""Labels and anchors shared by the generated pages: "Sadeghi et al. (2022)", section ids and titles."""

from __future__ import annotations

from ..model import Paper


def paper_label(paper: Paper) -> str:
    authors = paper.front.authors
    if not authors:
        name = paper.front.short_title or paper.front.title
    else:
        surname = authors[0].name.split()[-1]
        name = surname + (" et al." if len(authors) > 2 else f" and {authors[1].name.split()[-1]}" if len(authors) == 2 else "")
    return f"{name} ({paper.front.year})" if paper.front.year else name


def section_anchor(paper: Paper, title: str) -> str | None:
    """The id of the section of ``paper`` titled ``title`` (case and colon ignored)."""
    wanted = title.strip().rstrip(":").casefold()
    for section in paper.all_sections():
        if section.title.casefold() == wanted:
            return section.id
    return None


def section_titles(paper: Paper) -> dict[str, str]:
    """Paragraph id -> title of the section that holds it ("Abstract" for the abstract)."""
    titles = {p.id: "Abstract" for p in paper.front.abstract}
    for section in paper.all_sections():
        for block in section.blocks:
            titles[block.id] = section.title or "Opening"
    return titles
