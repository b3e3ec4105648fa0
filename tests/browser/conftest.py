"""Browser tests: Playwright drives Debian's Chromium (Playwright can't download its own browser here) against the
live test server. Every page a journey opens is watched for Content-Security-Policy violations and script errors."""

import os
import re

import pytest

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "pass-word-123"  # tests/factories.UserFactory


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module", autouse=True)
def _orm_beside_playwright():
    """ORM calls beside Playwright's event loop (the tests' and the database flush after each). Set for the browser
    modules only, so that no later test's subprocess inherits it (`check --deploy` refuses it)."""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM,
            "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]}


@pytest.fixture
def problems(page):
    """Console errors (a CSP violation is one: «Refused to apply inline style…») and uncaught script errors."""
    found: list[str] = []

    def on_console(message):
        # A form sent back with its errors answers 400 (409: someone else's newer version): by design, not a fault.
        if message.type == "error" and not re.search(r"status of (400|409) ", message.text):
            found.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


@pytest.fixture
def sign_in(page, live_server):
    def _sign_in(user):
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/my/")
        return live_server.url

    return _sign_in


@pytest.fixture
def shoot(page):
    """Screenshots for the user guide (docs/guide/img), written when GUIDE_SCREENSHOTS=1."""
    def _shoot(name: str):
        if os.environ.get("GUIDE_SCREENSHOTS") == "1":
            page.screenshot(path=f"docs/guide/img/{name}.png")

    return _shoot
