"""The editors' additions to and removals from the see-also links: ``sources/crosslinks.yml``."""

from __future__ import annotations

from pathlib import Path

from ..model import Diagnostic, SourceSpan
from ..yamlfile import line_of, load_yaml
from .links import LinkEdit


def load_crosslink_edits(path: Path, shown: str) -> tuple[list[LinkEdit], list[LinkEdit], list[Diagnostic]]:
    if not path.is_file():
        return [], [], []
    data, diagnostics = load_yaml(path, shown)
    if not isinstance(data, dict):
        return [], [], diagnostics

    def edits(key: str) -> list[LinkEdit]:
        found = []
        for item in data.get(key) or []:
            try:
                source = tuple(str(item["from"]).split("#", 1))
                target = tuple(str(item["to"]).split("#", 1))
                assert len(source) == 2 and len(target) == 2
            except (KeyError, TypeError, AssertionError):
                diagnostics.append(
                    Diagnostic("warning", "crosslinks-invalid", f"each '{key}' item needs 'from' and 'to' as paper#paragraph", SourceSpan(shown, line_of(item)))
                )
                continue
            found.append(LinkEdit(source, target))  # type: ignore[arg-type]
        return found

    return edits("add"), edits("remove"), diagnostics
