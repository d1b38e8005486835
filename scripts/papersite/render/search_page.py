"""The Search page, written only with ``extra.papersite.search: pagefind``.

It holds the element Pagefind's own UI is mounted on (by
``docs/javascripts/search.js``, from the site's ``pagefind/`` bundle). The
whole page is marked ``data-pagefind-ignore``, so the index has no entry for it.
"""

from __future__ import annotations

#: The id of the element the search UI is mounted on (docs/javascripts/search.js looks for it).
MOUNT_ID = "papersite-search"


def render_search_page() -> str:
    return "\n".join(
        [
            "---",
            'title: "Search"',
            "hide:",
            "  - toc",
            "---",
            "",
            '# Search { data-pagefind-ignore="all" }',
            "",
            '<p class="search-intro" data-pagefind-ignore="all">Search the papers, the glossary, the bibliography, '
            "the arguments and the annotations. Each result leads to the passage that matches.</p>",
            "",
            f'<div id="{MOUNT_ID}" class="papersite-search" data-pagefind-ignore="all"></div>',
            "",
            '<noscript><p>The search runs in the browser and needs JavaScript.</p></noscript>',
            "",
        ]
    )
