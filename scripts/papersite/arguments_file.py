"""Loading editorial argument claims and themes, ``sources/arguments.yml``, and cross-link edits."""

from __future__ import annotations

from pathlib import Path

from .annotations import read_quote
from .link.crosslinks import LinkEdit
from .model import Claim, Diagnostic, SourceSpan
from .yamlfile import line_of, load_yaml

CLAIM_KINDS = ("question", "hypothesis", "objective", "claim", "conclusion")


def load_arguments(path: Path, shown: str) -> tuple[list[tuple[str, str]], list[Claim], list[Diagnostic]]:
    """Themes (id, title) and claims; broken entries are reported with file and line."""
    if not path.is_file():
        return [], [], []
    data, diagnostics = load_yaml(path, shown)
    if not isinstance(data, dict):
        return [], [], diagnostics
    themes = []
    for theme in data.get("themes") or []:
        if isinstance(theme, dict) and theme.get("id") and theme.get("title"):
            themes.append((str(theme["id"]), str(theme["title"])))
        else:
            diagnostics.append(Diagnostic("warning", "arguments-invalid", "a theme needs 'id' and 'title'", SourceSpan(shown, line_of(theme))))
    theme_ids = {t for t, _ in themes}
    claims = []
    for entry in data.get("claims") or []:
        line = line_of(entry)
        if not isinstance(entry, dict):
            diagnostics.append(Diagnostic("warning", "arguments-invalid", "each claim must be a mapping", SourceSpan(shown, line)))
            continue
        missing = [k for k in ("id", "paper", "kind", "summary", "quote") if not entry.get(k)]
        quote = read_quote(entry.get("quote"))
        if missing or quote is None or entry.get("kind") not in CLAIM_KINDS:
            problem = f"missing {', '.join(missing)}" if missing else f"kind must be one of {', '.join(CLAIM_KINDS)}" if quote else "quote needs 'exact'"
            diagnostics.append(Diagnostic("warning", "arguments-invalid", f"claim {entry.get('id', '?')!r}: {problem}; skipped", SourceSpan(shown, line)))
            continue
        theme = str(entry.get("theme") or "")
        if theme and theme not in theme_ids:
            diagnostics.append(Diagnostic("warning", "arguments-invalid", f"claim {entry['id']!r}: unknown theme {theme!r}", SourceSpan(shown, line)))
        claims.append(
            Claim(
                id=str(entry["id"]),
                paper_id=str(entry["paper"]),
                kind=str(entry["kind"]),
                summary=" ".join(str(entry["summary"]).split()),
                theme=theme,
                quote=quote,
                span=SourceSpan(shown, line),
            )
        )
    return themes, claims, diagnostics


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
