"""The Citation audit page: what did not resolve, what resolved despite spelling, what is never cited,
and, per paper, the structural doctor's warnings (:mod:`papersite.doctor`): the paper's health."""

from __future__ import annotations

from collections.abc import Sequence

from ..bibliography.csl import plain
from ..bibliography.stage import Bibliography
from ..link.citations import CitationUse
from ..model import Diagnostic, Paper
from .escape import escape_attribute, escape_html, escape_markdown
from .labels import paper_label, section_titles


def _where(paper: Paper, paragraph_id: str, titles: dict[str, str]) -> str:
    number = paragraph_id.rsplit("-p", 1)[-1]
    label = f"{titles.get(paragraph_id, '')} ¶{number}"
    return f'<a href="../papers/{paper.id}/#{escape_attribute(paragraph_id)}">{escape_html(label)}</a>'


def _anchors_by_line(paper: Paper) -> dict[int, str]:
    """Source line -> the id of the paragraph or heading that starts there (for links into the page)."""
    found = {s.span.line: s.id for s in paper.all_sections() if s.id}
    found.update({p.span.line: p.id for p in paper.all_paragraphs() if p.id})
    return found


def _structure_section(paper: Paper, diagnostics: Sequence[Diagnostic]) -> list[str]:
    """The doctor's warnings for one paper, each with the source line it names (linked to the page where it can be)."""
    mine = [d for d in diagnostics if d.rule.startswith("structure-") and d.span and d.span.path == paper.source_path]
    anchors = _anchors_by_line(paper)
    lines = ["", f"### Structure warnings ({len(mine)}) {{ #{paper.id}-structure }}", ""]
    items = []
    for d in mine:
        anchor = anchors.get(d.span.line) if d.span else None
        # A link reads as a link (code inside a link lacks contrast in the dark scheme).
        if anchor:
            where = f'<a href="../papers/{paper.id}/#{escape_attribute(anchor)}">{escape_html(str(d.span))}</a>'
        else:
            where = f"<code>{escape_html(str(d.span))}</code>"
        items.append(f"<li>{where}: {escape_html(d.message)} <code>[{escape_html(d.rule)}]</code></li>")
    lines.append('<ul class="audit-list">\n' + "\n".join(items) + "\n</ul>" if items else '<p class="audit-none">None.</p>')
    return lines


def render_audit_page(
    papers: list[Paper], uses: list[CitationUse], bibliography: Bibliography, diagnostics: Sequence[Diagnostic] = ()
) -> str:
    lines = ["---", 'title: "Citation audit"', "---", "", "# Citation audit", ""]
    linked = sum(1 for u in uses if u.item.status != "unresolved")
    lines.append(
        f'<p class="audit-intro">{len(uses)} citations in the papers; {linked} link to their reference. '
        "Below, per paper: citations that match no entry of the reference list (with the likeliest entry, which is "
        "never linked automatically), citations linked although the name is spelt differently, and references the "
        "text never cites; and the structural doctor's warnings: a title or byline that looks wrong, headings made "
        "of symbols, run-together paragraphs, a reference list not found or not split, running heads left in the text, "
        "footnote markers with no note. <code>papersite audit</code> prints the citation lists, "
        "<code>papersite check</code> the structure warnings.</p>"
    )
    for paper in papers:
        mine = [u for u in uses if u.paper_id == paper.id]
        titles = section_titles(paper)
        lines += ["", f"## {escape_markdown(paper_label(paper))} {{ #{paper.id} }}", ""]
        unresolved = [u for u in mine if u.item.status == "unresolved"]
        tolerant = [u for u in mine if u.item.status == "tolerant"]
        cited = {u.item.key for u in mine if u.item.key}
        uncited = [r for r in paper.references if bibliography.keys.get((paper.id, r.id)) and bibliography.keys[(paper.id, r.id)] not in cited]
        lines.append(f"### Citations with no entry ({len(unresolved)}) {{ #{paper.id}-unresolved }}")
        lines.append("")
        items = []
        for use in unresolved:
            suggestion = ""
            if use.item.suggestion:
                formatted = plain(bibliography.formatted.get(use.item.suggestion, use.item.suggestion))
                suggestion = f' Perhaps: <a href="../bibliography/#{escape_attribute(use.item.suggestion)}">{escape_html(formatted)}</a>'
            items.append(f"<li><strong>{escape_html(use.text)}</strong> in {_where(paper, use.paragraph_id, titles)}: {escape_html(use.item.note)}.{suggestion}</li>")
        lines.append('<ul class="audit-list">\n' + "\n".join(items) + "\n</ul>" if items else '<p class="audit-none">None.</p>')
        lines += ["", f"### Linked despite a spelling difference ({len(tolerant)}) {{ #{paper.id}-tolerant }}", ""]
        items = [
            f'<li><strong>{escape_html(u.text)}</strong> in {_where(paper, u.paragraph_id, titles)} → '
            f'<a href="../bibliography/#{escape_attribute(u.item.key)}">{escape_html(u.item.key)}</a>: {escape_html(u.item.note)}</li>'
            for u in tolerant
        ]
        lines.append('<ul class="audit-list">\n' + "\n".join(items) + "\n</ul>" if items else '<p class="audit-none">None.</p>')
        lines += ["", f"### References never cited ({len(uncited)}) {{ #{paper.id}-uncited }}", ""]
        items = [
            f'<li><a href="../papers/{paper.id}/#{escape_attribute(r.id)}">{escape_html(r.raw)}</a></li>' for r in uncited
        ]
        lines.append('<ul class="audit-list">\n' + "\n".join(items) + "\n</ul>" if items else '<p class="audit-none">None.</p>')
        lines += _structure_section(paper, diagnostics)
    return "\n".join(lines) + "\n"
