"""Waiting for a page to come to rest after navigation, instead of fixed sleeps.

Instant navigation changes the address before it swaps the content, and a
busy machine takes longer to lay out a long page: a test waits until the
element exists and its position has stopped changing."""

from __future__ import annotations

import time


def settled_top(page, selector: str, timeout: float = 8.0) -> float:  # type: ignore[no-untyped-def]
    """The element's distance from the top of the viewport, once it is stable."""
    script = "s => { const e = document.querySelector(s); return e ? e.getBoundingClientRect().top : null; }"
    deadline = time.monotonic() + timeout
    last: float | None = None
    steady = 0
    page.wait_for_timeout(250)  # let a pending scroll start
    while time.monotonic() < deadline:
        top = page.evaluate(script, selector)
        steady = steady + 1 if top is not None and last is not None and abs(top - last) < 0.5 else 0
        if steady >= 3:  # unchanged for three polls in a row
            return float(top)
        last = top
        page.wait_for_timeout(120)
    if last is None:
        raise AssertionError(f"{selector} never appeared")
    return float(last)
