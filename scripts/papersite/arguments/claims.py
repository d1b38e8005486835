"""The argument index: labelled questions, hypotheses and objectives, and editorial claims.

What a paper labels itself ("The main question of the research:", "Sub-question 1:",
"The main hypothesis:", "Sub-hypothesis 2:", "1- The main objective:", "2- Specific
objectives:") is found by these patterns and gets a named anchor such as
``hypothesis-1``. Editorial claims come from ``sources/arguments.yml`` and are
anchored by a quote, like annotations.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Claim, Diagnostic, Paper, Paragraph, plain_text
from ..quotes import locate_quote

_NUMBER = r"(?:\d+\s*[-.)]\s*)?"
_LABELS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"^(?:the\s+)?main\s+(?:research\s+)?question(?:\s+of\s+(?:the|this)\s+research)?\s*[:\-–]\s*", re.I), "question", "main-question"),
    (re.compile(r"^sub[-\s]?question\s*(\d+)\s*[:\-–.]\s*", re.I), "question", "question-{n}"),
    (re.compile(r"^(?:the\s+)?main\s+hypothesis\s*[:\-–]\s*", re.I), "hypothesis", "main-hypothesis"),
    (re.compile(r"^sub[-\s]?hypothesis\s*(\d+)\s*[:\-–.]\s*", re.I), "hypothesis", "hypothesis-{n}"),
    (re.compile(r"^" + _NUMBER + r"(?:the\s+)?main\s+objective\s*[:\-–]?\s*", re.I), "objective", "main-objective"),
    (re.compile(r"^" + _NUMBER + r"(?:specific|secondary)\s+objectives?\s*[:\-–]?\s*$", re.I), "objective", "objective-{k}"),
)
SUMMARY_WORDS = 40


def _brief(text: str) -> str:
    words = text.split()
    return " ".join(words[:SUMMARY_WORDS]) + (" …" if len(words) > SUMMARY_WORDS else "")


def find_labelled_claims(paper: Paper) -> list[Claim]:
    """Questions, hypotheses and objectives the paper labels itself, in order."""
    claims: list[Claim] = []
    paragraphs = paper.all_paragraphs()
    taken: set[str] = set()
    index = 0
    while index < len(paragraphs):
        text = plain_text(paragraphs[index].inlines).strip()
        for pattern, kind, template in _LABELS:
            match = pattern.match(text)
            if not match:
                continue
            rest = text[match.end():].strip()
            if template == "objective-{k}":
                # The label heads a run of items: objective-1, objective-2, ...
                k = 0
                while index + 1 < len(paragraphs) and paragraphs[index + 1].list_item:
                    index += 1
                    k += 1
                    item = paragraphs[index]
                    claims.append(Claim(f"objective-{k}", paper.id, kind, _brief(plain_text(item.inlines)), target_id=item.id, labelled=True))
                break
            anchor = template.replace("{n}", match.group(1) if match.groups() else "")
            target = paragraphs[index]
            if not rest and index + 1 < len(paragraphs):  # a label alone: the content follows
                index += 1
                target = paragraphs[index]
                rest = plain_text(target.inlines)
            if anchor not in taken:
                taken.add(anchor)
                claims.append(Claim(anchor, paper.id, kind, _brief(rest), target_id=target.id, labelled=True))
            break
        index += 1
    return claims


def anchor_claims(paper: Paper, claims: list[Claim]) -> tuple[list[Claim], list[Diagnostic]]:
    """Find each editorial claim's paragraph by its quote."""
    placed: list[Claim] = []
    diagnostics: list[Diagnostic] = []
    for claim in claims:
        if claim.quote is None:
            continue
        match, reason = locate_quote(paper, claim.quote)
        if match is None or match.in_references:
            diagnostics.append(
                Diagnostic("error", "claim-quote-unmatched", f"claim {claim.id!r} no longer matches {paper.source_path}: {reason or 'it is in the reference list'}", claim.span)
            )
            continue
        placed.append(replace(claim, target_id=match.target_id))
    return placed, diagnostics


def add_claim_anchors(paper: Paper, claims: list[Claim]) -> tuple[Paper, list[Diagnostic]]:
    """Give each claim's paragraph the claim's id as a named anchor."""
    existing = {p.id for p in paper.all_paragraphs()} | {s.id for s in paper.all_sections()}
    wanted: dict[str, list[str]] = {}
    diagnostics: list[Diagnostic] = []
    for claim in claims:
        if claim.id in existing:
            diagnostics.append(Diagnostic("warning", "claim-id-taken", f"claim id {claim.id!r} is already an id on the page; not added", claim.span))
            continue
        wanted.setdefault(claim.target_id, []).append(claim.id)

    def fix(paragraph: Paragraph) -> Paragraph:
        extra = tuple(a for a in wanted.get(paragraph.id, ()) if a not in paragraph.aliases)
        return replace(paragraph, aliases=paragraph.aliases + extra) if extra else paragraph

    return paper.map_paragraphs(fix), diagnostics
