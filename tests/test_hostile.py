"""Text from a paper is shown, never interpreted: HTML, scripts, Markdown and pymdown syntax."""

from __future__ import annotations

import re
from pathlib import Path


def test_hostile_paper_builds_and_its_markup_is_text(hostile_site: Path) -> None:
    html = (hostile_site / "papers" / "evil" / "index.html").read_text(encoding="utf-8")
    # No element or attribute came from the paper.
    assert "<img src=x" not in html and "<b>bold</b>" not in html
    assert not re.search(r"<script>\s*alert", html, re.IGNORECASE)
    assert not re.search(r"<[^>]+\son(error|click)=", html)
    assert not re.search(r'<[a-z]+[^>]*\s(href|src)="(javascript|data):', html)
    # The snippet include was not run and the text is still there, literally.
    assert "root:x:" not in html
    assert "--8&lt;-- &quot;/etc/passwd&quot;" in html or '--8&lt;-- "/etc/passwd"' in html
    # Admonition, abbreviation and footnote syntax stay text.
    assert 'class="admonition' not in html and "<abbr" not in html and 'class="footnote' not in html
    assert "{{ page.title }}" in html
    # The title cannot open a tag anywhere.
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title and "<" not in title.group(1)
