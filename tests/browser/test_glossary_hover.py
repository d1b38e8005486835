"""Glossary terms in Chromium: the definition shows on hover and on keyboard focus."""

from __future__ import annotations

from pathlib import Path

import pytest

from .scrolling import settled_top

pytestmark = pytest.mark.browser

ACTIVE_TOOLTIP = ".md-tooltip2--active"


def test_hovering_a_term_shows_its_definition(page, site_url: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/papers/sadeghi2022/#atlanticism-p1")
    term = page.locator('#atlanticism-p1 a.term[href$="#atlanticism"]').first
    term.hover()
    tooltip = page.locator(ACTIVE_TOOLTIP)
    tooltip.wait_for(state="visible", timeout=3000)
    assert "A political and military orientation" in tooltip.inner_text()
    page.screenshot(path=str(artifacts / "glossary-hover.png"))


def test_focusing_a_term_from_the_keyboard_shows_its_definition(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/papers/rezapour2020/#eurasia-geopolitics-p1")
    term = page.locator('#eurasia-geopolitics-p1 a.term[href$="#heartland"]')
    term.focus()
    tooltip = page.locator(ACTIVE_TOOLTIP)
    tooltip.wait_for(state="visible", timeout=3000)
    assert "Mackinder" in tooltip.inner_text()


def test_following_a_term_lands_on_its_glossary_entry(page, site_url: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/papers/sadeghi2022/")
    page.locator('a.term[href$="#balance-of-threat"]').first.click()
    page.wait_for_url("**/glossary/#balance-of-threat")
    top = settled_top(page, '#balance-of-threat')
    assert 0 <= top < 200
    page.screenshot(path=str(artifacts / "glossary-entry.png"))
