"""The generated Glossary page: every term, its definitions, and where the papers use it."""

from __future__ import annotations

from collections import defaultdict

from ..model import Paper, Term, TermUse
from .escape import escape_attribute, escape_html, escape_markdown
from .labels import paper_label, section_anchor, section_titles


def render_glossary_page(terms: tuple[Term, ...], papers: list[Paper], uses: list[TermUse]) -> str:
    lines = ["---", 'title: "Glossary"', "---", "", "# Glossary", ""]
    if not terms:
        lines.append('<p class="glossary-empty">No glossary yet: add terms to <code>sources/glossary.yml</code>.</p>')
        return "\n".join(lines) + "\n"
    by_paper = {paper.id: paper for paper in papers}
    titles = {paper.id: section_titles(paper) for paper in papers}
    uses_by_term: dict[str, dict[str, list[TermUse]]] = defaultdict(lambda: defaultdict(list))
    for use in uses:
        uses_by_term[use.term_id][use.paper_id].append(use)
    names = {term.id: term.name for term in terms}
    ordered = sorted(terms, key=lambda t: t.name.casefold())
    letters: dict[str, str] = {}
    for term in ordered:
        letters.setdefault(term.name[:1].upper(), term.id)
    jump = " ".join(f'<a href="#{tid}">{escape_html(letter)}</a>' for letter, tid in letters.items())
    lines.append(
        f'<p class="glossary-intro">{len(terms)} key concepts of the papers, each with a short definition '
        "(also shown when you hover the term in a paper), a fuller entry, and every paragraph that uses it.</p>"
    )
    lines.append(f'<p class="glossary-letters">{jump}</p>')
    lines.append("")
    for term in ordered:
        lines.append(f"## {escape_markdown(term.name)} {{ #{term.id} }}")
        lines.append("")
        lines.append(f'<p class="term-short"><strong>{escape_html(term.short)}</strong></p>')
        if term.definition:
            lines.append(f'<p class="term-definition">{escape_html(term.definition)}</p>')
        if term.forms:
            forms = ", ".join(f"<em>{escape_html(f)}</em>" for f in term.forms)
            lines.append(f'<p class="term-forms">Also written: {forms}</p>')
        lines.extend(_defined_in(term, by_paper))
        if term.related:
            related = ", ".join(
                f'<a href="#{escape_attribute(r)}">{escape_html(names[r])}</a>' for r in term.related if r in names
            )
            lines.append(f'<p class="term-related">Related: {related}</p>')
        lines.extend(_uses(uses_by_term.get(term.id, {}), papers, titles))
        if term.sources:
            sources = "\n".join(f"<li>{escape_html(s)}</li>" for s in term.sources)
            lines.append(f'<details class="term-sources"><summary>Sources</summary>\n<ul>\n{sources}\n</ul>\n</details>')
        lines.append("")
    return "\n".join(lines) + "\n"


def _defined_in(term: Term, by_paper: dict[str, Paper]) -> list[str]:
    """The line naming the papers' own sections that define ``term`` (none when no paper does)."""
    sites = []
    for site in term.defined_in:
        paper = by_paper.get(site.paper)
        if paper is None:
            continue
        anchor = section_anchor(paper, site.section)
        label = f"{escape_html(paper_label(paper))}, section “{escape_html(site.section)}”"
        sites.append(f'<a href="../papers/{paper.id}/#{anchor}">{label}</a>' if anchor else label)
    return [f'<p class="term-defined-in">Defined by the paper itself: {"; ".join(sites)}</p>'] if sites else []


def _uses(used: dict[str, list[TermUse]], papers: list[Paper], titles: dict[str, dict[str, str]]) -> list[str]:
    """Every paragraph that uses a term, paper by paper, each a snippet and a deep link."""
    if not used:
        return ['<p class="term-unused">No paper uses this term.</p>']
    # The papers' own words again: searching finds them in the papers.
    lines = ['<div class="term-uses" data-search-exclude>']
    for paper in papers:
        paper_uses = used.get(paper.id)
        if not paper_uses:
            continue
        count = len(paper_uses)
        lines.append(
            f'<p class="term-uses-paper"><strong>{escape_html(paper_label(paper))}</strong>: '
            f'{count} paragraph{"s" if count != 1 else ""}</p>'
        )
        items = []
        for use in paper_uses:
            where = escape_html(titles[paper.id].get(use.paragraph_id, ""))
            items.append(
                f'<li><a href="../papers/{paper.id}/#{use.paragraph_id}">{where} ¶{use.paragraph_id.rsplit("-p", 1)[-1]}</a>'
                f' — <span class="term-snippet">{escape_html(use.snippet)}</span></li>'
            )
        lines.append('<ul class="term-uses-list">\n' + "\n".join(items) + "\n</ul>")
    lines.append("</div>")
    return lines
