"""Real-browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(
    os.environ.get("TEST_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts")
)


def pytest_collection_modifyitems(config, items):
    browser_tests = [item for item in items if "tests/browser/" in item.nodeid]
    for item in browser_tests:
        item.add_marker(pytest.mark.browser)
        if not CHROMIUM.exists():
            item.add_marker(
                pytest.mark.skip(
                    reason=f"Chromium not found at {CHROMIUM}: "
                    "install Debian's chromium package to run browser tests"
                )
            )


def is_csp_violation(message):
    """Chromium reports each refused script, style, image, frame… on the console."""
    return message.type == "error" and "Content Security Policy" in message.text


@pytest.fixture
def csp_violations():
    """What the Content-Security-Policy refused in any of the test's pages: a test fails if
    anything was, as the page then works differently for users than the test saw."""
    found = []
    yield found
    if found:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(found), pytrace=False)


@pytest.fixture
def browser(live_server, csp_violations):
    """A Chromium per test, started after the test database is ready and stopped before it is
    flushed: while Playwright's event loop runs, Django hands this thread separate connections
    (asgiref's context-local storage), which must not be the ones that set up or tear down.
    Every context it opens reports CSP violations to `csp_violations`."""
    from django.db import connections
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            new_context = browser.new_context

            def new_watched_context(**options):
                context = new_context(**options)

                def watch(message):
                    if is_csp_violation(message):
                        where = message.page.url if message.page else "a worker"
                        csp_violations.append(f"{where}: {message.text}")

                context.on("console", watch)
                return context

            browser.new_context = new_watched_context
            try:
                yield browser
            finally:
                browser.close()
                connections.close_all()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def screenshot(page, request):
    """Save a full-page screenshot under test-artifacts/screenshots/, named after the test."""

    def take(label="final", of=None):
        folder = ARTIFACTS / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{request.node.name}-{label}.png"
        (of or page).screenshot(path=str(path), full_page=True)
        return path

    return take
