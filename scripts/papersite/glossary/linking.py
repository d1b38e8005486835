"""Linking glossary terms in paper text, and the concordance of where each is used.

All forms of all terms are compiled into one regular expression, longest
form first, so the text is scanned once whatever the number of terms and
"balance of threat" wins over "balance". Matching is on word boundaries;
a form with a capital after its first letter (NATO, SCO) matches only as
written, any other form in any case. Only paragraph text is linked: never
headings, the reference list, e-mail addresses, or text already linked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from ..model import Inline, Paper, Paragraph, Term, TermRef, TermUse, Text, plain_text

LinkPolicy = Literal["first-per-paragraph", "every-occurrence"]


def _case_sensitive(form: str) -> bool:
    return any(c.isupper() for c in form[1:])


@dataclass(frozen=True)
class TermMatcher:
    """All term forms as one compiled pattern, and the term each form belongs to."""

    pattern: re.Pattern[str] | None
    #: lower-cased (or exact, for case-sensitive forms) form -> term id
    exact: dict[str, str]
    folded: dict[str, str]

    def term_of(self, matched: str) -> str | None:
        return self.exact.get(matched) or self.folded.get(matched.lower())


def build_matcher(terms: tuple[Term, ...]) -> TermMatcher:
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    forms: set[str] = set()
    for term in terms:
        for form in (term.name, *term.forms):
            form = " ".join(form.split())
            if not form:
                continue
            if _case_sensitive(form):
                exact.setdefault(form, term.id)
            else:
                folded.setdefault(form.lower(), term.id)
            forms.add(form)
    if not forms:
        return TermMatcher(None, exact, folded)
    alternatives = []
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        body = r"\s+".join(re.escape(word) for word in form.split())
        alternatives.append(body if _case_sensitive(form) else f"(?i:{body})")
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])")
    return TermMatcher(pattern, exact, folded)


def _link_text(text: str, matcher: TermMatcher, linked: set[str], policy: LinkPolicy) -> list[Inline]:
    assert matcher.pattern is not None
    out: list[Inline] = []
    position = 0
    for match in matcher.pattern.finditer(text):
        term_id = matcher.term_of(" ".join(match.group(0).split()))
        if term_id is None or (policy == "first-per-paragraph" and term_id in linked):
            continue
        linked.add(term_id)
        if match.start() > position:
            out.append(Text(text[position : match.start()]))
        out.append(TermRef(match.group(0), term_id))
        position = match.end()
    if position < len(text):
        out.append(Text(text[position:]))
    return out


def link_paragraph(paragraph: Paragraph, matcher: TermMatcher, policy: LinkPolicy) -> Paragraph:
    if matcher.pattern is None:
        return paragraph
    linked: set[str] = set()
    inlines: list[Inline] = []
    for node in paragraph.inlines:
        if isinstance(node, Text):
            inlines.extend(_link_text(node.text, matcher, linked, policy))
        else:
            inlines.append(node)
    return replace(paragraph, inlines=tuple(inlines))


def link_terms(paper: Paper, matcher: TermMatcher, policy: LinkPolicy = "first-per-paragraph") -> Paper:
    """The paper with glossary terms in its abstract and body paragraphs linked."""

    # The reference list is not made of paragraphs, so it is never linked.
    return paper.map_paragraphs(lambda paragraph: link_paragraph(paragraph, matcher, policy))


SNIPPET_WORDS = 12


def _snippet(text: str, start: int, end: int) -> str:
    before = text[:start].split()[-SNIPPET_WORDS:]
    after = text[end:].split()[:SNIPPET_WORDS]
    lead = "… " if len(text[:start].split()) > SNIPPET_WORDS else ""
    tail = " …" if len(text[end:].split()) > SNIPPET_WORDS else ""
    return f"{lead}{' '.join(before)} {text[start:end]} {' '.join(after)}{tail}".strip()


def find_uses(paper: Paper, matcher: TermMatcher) -> list[TermUse]:
    """Every paragraph of ``paper`` that uses each term (all occurrences count)."""
    uses: list[TermUse] = []
    if matcher.pattern is None:
        return uses
    for paragraph in paper.all_paragraphs():
        text = plain_text(paragraph.inlines)
        seen: set[str] = set()
        for match in matcher.pattern.finditer(text):
            term_id = matcher.term_of(" ".join(match.group(0).split()))
            if term_id is None or term_id in seen:
                continue
            seen.add(term_id)
            uses.append(TermUse(term_id, paper.id, paragraph.id, match.group(0), _snippet(text, match.start(), match.end())))
    return uses
