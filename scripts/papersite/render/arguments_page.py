"""The Arguments page: each paper's questions, hypotheses, objectives, claims and conclusions, side by side."""

from __future__ import annotations

from types import MappingProxyType

from ..model import Claim, Paper, plain_text
from .escape import escape_attribute, escape_html, escape_markdown
from .fragments import claim_sentence, text_directive
from .labels import paper_label

KIND_LABEL = MappingProxyType({
    "question": "Question",
    "hypothesis": "Hypothesis",
    "objective": "Objective",
    "claim": "Claim",
    "conclusion": "Conclusion",
})
KIND_ORDER = tuple(KIND_LABEL)
ANCHOR_LABEL = MappingProxyType({"main-question": "Main question", "main-hypothesis": "Main hypothesis", "main-objective": "Main objective"})


def _label(claim: Claim) -> str:
    if claim.id in ANCHOR_LABEL:
        return ANCHOR_LABEL[claim.id]
    if claim.labelled and claim.id.rsplit("-", 1)[-1].isdigit():
        number = claim.id.rsplit("-", 1)[-1]
        return {"question": "Sub-question", "hypothesis": "Sub-hypothesis", "objective": "Specific objective"}.get(claim.kind, KIND_LABEL[claim.kind]) + f" {number}"
    return KIND_LABEL.get(claim.kind, claim.kind.title())


DESIGN_KINDS = ("question", "hypothesis", "objective")
#: How many words of a summary find its place in the paragraph.
_FINDING_WORDS = 12


def _sentence_case(text: str) -> str:
    """The summary as it reads after its label: a capital first letter ("Main hypothesis" / "The development …")."""
    return text[:1].upper() + text[1:]


def claim_href(claim: Claim, paper: Paper) -> str:
    """The claim's anchor, with a text fragment of its own sentence when the paragraph holds it."""
    paragraph = next((p for p in paper.all_paragraphs() if p.id == claim.target_id), None)
    directive = ""
    if paragraph is not None:
        words = claim.quote.exact if claim.quote else " ".join(claim.summary.split()[:_FINDING_WORDS])
        directive = text_directive(claim_sentence(plain_text(paragraph.inlines), words))
    return f"../papers/{paper.id}/#{claim.id}{directive}"


def _columns(claims: list[Claim], papers: list[Paper]) -> str:
    columns = []
    for paper in papers:
        mine = sorted((c for c in claims if c.paper_id == paper.id), key=lambda c: KIND_ORDER.index(c.kind) if c.kind in KIND_ORDER else 9)
        if not mine:
            continue
        items = []
        for claim in mine:
            href = escape_attribute(claim_href(claim, paper))
            items.append(
                f'<li class="argument argument-{claim.kind}"><a class="argument-label" href="{href}">{escape_html(_label(claim))}</a> '
                f'<span class="argument-text">{escape_html(_sentence_case(claim.summary))}</span></li>'
            )
        columns.append(
            f'<div class="arguments-column"><div class="arguments-paper"><strong>{escape_html(paper_label(paper))}</strong></div>'
            f'<ul class="arguments-list">{"".join(items)}</ul></div>'
        )
    return '<div class="arguments-grid">' + "".join(columns) + "</div>"


def render_arguments_page(themes: list[tuple[str, str]], claims: list[Claim], papers: list[Paper]) -> str:
    lines = ["---", 'title: "Arguments"', "---", "", "# Arguments", ""]
    lines.append(
        '<p class="arguments-intro">The papers\' research questions, hypotheses and objectives, and their main claims '
        "and conclusions, side by side by theme. Each links to the passage that states it; the link is a permanent "
        "anchor you can cite (for example <code>…/sadeghi2022/#hypothesis-1</code>). Items the papers label themselves "
        "are quoted from the text; the others are summarised by the editors.</p>"
    )
    # Every question, hypothesis and objective is research design, wherever the editors filed it.
    design = [c for c in claims if c.labelled or c.kind in DESIGN_KINDS]
    if design:
        lines += ["", "## Research design { #research-design }", "", _columns(design, papers)]
    for theme_id, title in themes:
        in_theme = [c for c in claims if c.theme == theme_id and c not in design]
        if in_theme:
            lines += ["", f"## {escape_markdown(title)} {{ #{theme_id} }}", "", _columns(in_theme, papers)]
    rest = [c for c in claims if c not in design and c.theme not in {t for t, _ in themes}]
    if rest:
        lines += ["", "## Other claims { #other-claims }", "", _columns(rest, papers)]
    return "\n".join(lines) + "\n"
