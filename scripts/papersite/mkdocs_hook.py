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
from papersite.model import Diagnostic
from papersite.project import Project
from papersite.rules import fails_strict, stops_build
from papersite.settings import read_settings
from papersite.search_index import SearchIndexError, build_search_index

log = logging.getLogger("mkdocs.plugins.papersite")

_LOG_LEVEL = {"error": logging.ERROR, "warning": logging.WARNING, "info": logging.DEBUG}


def log_level(diagnostic: Diagnostic, overrides: Any) -> int:
    """How MkDocs hears of a problem: only those that mean the build is broken are warnings or errors
    (so ``mkdocs build --strict`` fails on them alone); the rest are shown as information."""
    if stops_build(diagnostic) or fails_strict(diagnostic, overrides):
        return _LOG_LEVEL[diagnostic.severity] if diagnostic.severity != "info" else logging.INFO
    return logging.DEBUG if diagnostic.severity == "info" else logging.INFO


def on_pre_build(config: Any, **_: Any) -> None:
    project = Project.at(Path(config.config_file_path).resolve().parent)  # settings parsed once for the build
    result = build_site(project)
    overrides = project.settings.rules
    for diagnostic in result.diagnostics:
        log.log(log_level(diagnostic, overrides), str(diagnostic))
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
    if read_settings(config)[0].search != "pagefind":
        return
    try:
        index = build_search_index(Path(config.site_dir))
    except SearchIndexError as exc:
        from mkdocs.exceptions import PluginError

        raise PluginError(f"papersite: search index not built: {exc}") from exc
    log.info("papersite: search index (Pagefind): %d pages, %d files, %.1f MB, %.1f s", index.pages, index.files, index.bytes / 1e6, index.seconds)
