"""axe-core (axe-playwright-python, run in Debian's Chromium) on every page type:
no serious or critical violation, in light and in dark mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_reader_features import PAGE_TYPES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_no_serious_accessibility_violations(page, site_url: str, kind: str, scheme: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{site_url}{PAGE_TYPES[kind][0]}")
    # Set the scheme as the palette toggle does (the choice persists across tests).
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", "slate" if scheme == "dark" else "default")
    page.wait_for_timeout(500)  # past the palette's colour transition (axe read mid-transition colours)
    results = Axe().run(page)
    violations = results.response["violations"]
    serious = [v for v in violations if v.get("impact") in {"serious", "critical"}]
    report = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "targets": [n["target"] for n in v["nodes"][:5]], "count": len(v["nodes"])}
        for v in violations
    ]
    (artifacts / f"axe-{kind}-{scheme}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    assert not serious, json.dumps([r for r in report if r["impact"] in {"serious", "critical"}], indent=1)
