"""Loading editorial argument claims and themes, ``sources/arguments.yml``, and cross-link edits."""

from __future__ import annotations

from pathlib import Path

from ..model import Claim, Diagnostic, SourceSpan
from ..quotes import read_quote
from ..yamlfile import line_of, load_yaml

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
