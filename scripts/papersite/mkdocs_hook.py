"""The MkDocs side: a hook that runs the pipeline before every build.

Kept thin on purpose. Everything a reader sees comes from the generated
Markdown, so Zensical (which runs no hooks) builds the same site after
``papersite build``. Listed in mkdocs.yml under ``hooks:``. With
``extra.papersite.search: pagefind`` it also has Pagefind index the built site
(with Zensical, ``papersite search-index`` does that after ``zensical build``).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

try:
    from papersite.pipeline import build_site
except ImportError:  # running from a checkout where the package is not installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from papersite.pipeline import build_site
from papersite.project import Project
from papersite.search_index import SearchIndexError, build_search_index

log = logging.getLogger("mkdocs.plugins.papersite")

_LOG_LEVEL = {"error": logging.ERROR, "warning": logging.WARNING, "info": logging.DEBUG}
AUDIT_RULES = {"citation-unresolved", "reference-uncited"}


def on_pre_build(config: Any, **_: Any) -> None:
    root = Path(config.config_file_path).resolve().parent
    result = build_site(root)
    for diagnostic in result.diagnostics:
        # The citation audit reports on the papers' own text, not on the build:
        # it is shown (and listed on the Citation audit page) without failing --strict.
        # So are the structural doctor's warnings (structure-*): the paper's shape, not a broken build.
        quiet = diagnostic.rule in AUDIT_RULES or diagnostic.rule.startswith("structure-")
        level = logging.INFO if quiet else _LOG_LEVEL[diagnostic.severity]
        log.log(level, str(diagnostic))
    if result.fatal:
        from mkdocs.exceptions import PluginError

        raise PluginError(f"papersite: {len(result.fatal)} problems stop the build (see above); pages not updated")
    if result.written or result.removed:
        log.info(
            "papersite: %d papers; wrote %s; removed %s",
            len(result.papers),
            ", ".join(result.written) or "nothing",
            ", ".join(result.removed) or "nothing",
        )


def on_post_build(config: Any, **_: Any) -> None:
    if Project.at(Path(config.config_file_path).resolve().parent).settings.search != "pagefind":
        return
    try:
        index = build_search_index(Path(config.site_dir))
    except SearchIndexError as exc:
        from mkdocs.exceptions import PluginError

        raise PluginError(f"papersite: search index not built: {exc}") from exc
    log.info("papersite: search index (Pagefind): %d pages, %d files, %.1f MB, %.1f s", index.pages, index.files, index.bytes / 1e6, index.seconds)
