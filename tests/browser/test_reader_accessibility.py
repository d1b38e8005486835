"""axe-core on the open search dialog (light and dark) and on every page type on a
touch phone; phone screenshots of every page type (issue 20, points 7 and "done when")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_reader_features import PAGE_TYPES, search_until_results

pytestmark = pytest.mark.browser


def _serious(page, artifacts: Path, name: str) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    report = [{"id": v["id"], "impact": v["impact"], "help": v["help"], "targets": [n["target"] for n in v["nodes"][:5]],
               "count": len(v["nodes"])} for v in violations]
    (artifacts / f"axe-{name}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    return [r for r in report if r["impact"] in {"serious", "critical"}]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_search_dialog_has_no_serious_violations(page, site_url: str, scheme: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_url}/")
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", "slate" if scheme == "dark" else "default")
    query = page.locator("input.md-search__input")
    query.click()
    query.press_sequentially("Heartland")
    search_until_results(page, query, page.locator(".md-search-result__item"))
    assert page.locator(".md-search-result mark").count() > 0
    page.wait_for_timeout(300)
    page.screenshot(path=str(artifacts / f"search-open-{scheme}.png"))
    serious = _serious(page, artifacts, f"search-{scheme}")
    assert not serious, json.dumps(serious, indent=1)


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_phone_page_types_screenshot_and_axe(phone, site_url: str, kind: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    path, text = PAGE_TYPES[kind]
    phone.emulate_media(color_scheme="light")
    response = phone.goto(f"{site_url}{path}")
    assert response is not None and response.ok
    assert text in phone.locator("article.md-content__inner").inner_text()
    sideways = phone.evaluate("document.documentElement.scrollWidth - innerWidth")
    assert sideways <= 1, f"{kind} scrolls sideways by {sideways}px on a phone"
    phone.screenshot(path=str(artifacts / f"phone-{kind}.png"))
    serious = _serious(phone, artifacts, f"phone-{kind}")
    assert not serious, json.dumps(serious, indent=1)
