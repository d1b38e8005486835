"""Browser fixtures: the built site served on localhost, Debian's Chromium via Playwright."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Screenshots and axe reports, kept for a person to look at; PAPERSITE_ARTIFACTS names another folder
#: (e.g. for a second run of the suite on the same checkout).
ARTIFACTS = Path(os.environ.get("PAPERSITE_ARTIFACTS") or Path(__file__).resolve().parents[1] / "artifacts")


#: The site_url in mkdocs.yml; the sitemap names pages under it.
CONFIGURED_SITE_URL = "http://localhost:8000/"


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves the built site as if deployed at the test server's own address.

    Material's instant navigation intercepts a link only when the sitemap lists
    it, and it matches sitemap URLs by host name but not by port; so the
    sitemap is served with the test server's origin, as a deployed site's
    sitemap names the deployed origin."""

    def do_GET(self) -> None:
        if self.path.split("?", 1)[0] != "/sitemap.xml":
            super().do_GET()
            return
        origin = "http://%s:%d/" % self.server.server_address[:2]
        body = (Path(self.directory) / "sitemap.xml").read_bytes().replace(
            CONFIGURED_SITE_URL.encode(), origin.encode()
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """A built site served on a free localhost port; yields its address."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(mkdocs_site: Path) -> Iterator[str]:
    with serve(mkdocs_site) as url:
        yield url


@pytest.fixture(scope="session")
def playwright_session():  # type: ignore[no-untyped-def]
    """One Playwright driver for the session (the sync API allows only one per thread)."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_session, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    profile = tmp_path_factory.mktemp("chromium-profile")
    context = playwright_session.chromium.launch_persistent_context(
        str(profile),
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport={"width": 1280, "height": 900},
    )
    try:
        yield context
    finally:
        context.close()


#: A touch phone (about an iPhone 13's screen): touch events, no hover, a narrow viewport.
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


@pytest.fixture(scope="session")
def phone_browser(playwright_session, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A second Chromium, with a fresh profile, emulating a touch phone."""
    profile = tmp_path_factory.mktemp("chromium-phone-profile")
    context = playwright_session.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, **PHONE
    )
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def phone(phone_browser, site_url: str):  # type: ignore[no-untyped-def]
    with open_tab(phone_browser, site_url) as tab:
        yield tab


@contextlib.contextmanager
def open_tab(browser, site_url: str):  # type: ignore[no-untyped-def]
    """A new tab; on closing, fails if it requested anything but ``site_url`` (and data: URLs)."""
    tab = browser.new_page()
    off_site: list[str] = []
    tab.on("request", lambda request: off_site.append(request.url) if not request.url.startswith(site_url) and not request.url.startswith("data:") else None)
    try:
        yield tab
    finally:
        tab.close()
    assert off_site == [], f"requests off the site: {off_site}"


@pytest.fixture
def page(browser, site_url: str):  # type: ignore[no-untyped-def]
    with open_tab(browser, site_url) as tab:
        yield tab


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def shutil_which_chromium() -> str | None:
    return shutil.which("chromium")
