"""Browser tests: Playwright drives Debian's Chromium (Playwright can't download its own browser here) against the
live test server. Every page a journey opens is watched for Content-Security-Policy violations and script errors."""

import os
import re
from pathlib import Path

import pytest

from tests.browser import guide

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
    """Console errors (a CSP violation is one: «Refused to apply inline style…»), uncaught script errors and server
    errors (5xx)."""
    found: list[str] = []

    def on_console(message):
        # A form sent back with its errors answers 400 (409: someone else's newer version): by design, not a fault.
        if message.type == "error" and not re.search(r"status of (400|409) ", message.text):
            found.append(message.text)

    def on_response(response):
        if response.status >= 500:
            found.append(f"{response.url}: ответ {response.status}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: found.append(str(error)))
    page.on("response", on_response)
    return found


AXE = Path(__file__).with_name("axe") / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 390, "height": 844}


def accessibility_problems(page, attempts: int = 3) -> list[str]:
    """axe-core's WCAG 2.1 A/AA rules on the page as it is now, and a page wider than its window. A page still
    navigating (after a click that leaves it) is checked once it has loaded."""
    from playwright.sync_api import Error

    for attempt in range(attempts):
        page.wait_for_load_state()
        try:
            return _accessibility_problems(page)
        except Error as error:  # «Execution context was destroyed»: the page moved on while being checked
            if "context" not in str(error) or attempt == attempts - 1:
                raise
    return []


def _accessibility_problems(page) -> list[str]:
    if not page.evaluate("() => Boolean(window.axe)"):
        page.evaluate(AXE.read_text() + "\n;true")  # through the browser tools: the page's policy runs no inline script
    # A button just clicked is half-way through Bootstrap's colour transition: axe would judge the blend of two colours
    # (a flaky contrast failure); the states are judged as they end.
    page.evaluate("() => document.getAnimations().forEach(a => { try { a.finish(); } catch (e) {} })")
    found = page.evaluate("""async (tags) => {
        const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
        return result.violations.map(v => `${v.id}: ${v.help} — ` + v.nodes.slice(0, 5).map(n => n.target.join(" ")).join(", ")
                                      + (v.nodes.length > 5 ? ` (и ещё ${v.nodes.length - 5})` : ""));
    }""", WCAG_21_AA)
    wide = page.evaluate("""() => {
        const width = window.innerWidth;
        const classes = (e) => typeof e.className === "string" && e.className.trim()
                               ? "." + e.className.trim().split(/\\s+/).join(".") : "";
        const describe = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + classes(e);
        // The outermost elements that stick out (inside a scrolling box is fine: that box scrolls).
        const out = [...document.body.querySelectorAll("*")].filter(e => e.getBoundingClientRect().right > width + 1
            && !e.closest(".table-responsive, .overflow-auto, [data-scrolls]")
            && !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 1));
        return [document.documentElement.scrollWidth, width, out.slice(0, 4).map(describe)];
    }""")
    if wide[0] > wide[1]:
        found.append(f"страница шире окна: {wide[0]} px при окне {wide[1]} px — {', '.join(wide[2])}")
    return [f"{page.url}: {problem}" for problem in found]


@pytest.fixture
def audit(page, problems):
    """Checks the page the journey is on: call it after each page or state the user sees; findings join `problems`."""
    def _audit():
        problems.extend(accessibility_problems(page))

    return _audit


@pytest.fixture(autouse=True)
def _every_page_audited(live_server, transactional_db, page, audit, problems):
    """Every page a journey opens with page.goto is checked on arrival, and the page it ends on is checked last: a
    journey that leaves an inaccessible page behind fails even if it never asserted on `problems`."""
    goto = page.goto

    def goto_and_audit(*args, **kwargs):
        response = goto(*args, **kwargs)
        audit()
        return response

    page.goto = goto_and_audit
    yield
    page.goto = goto
    if page.url.startswith("http"):
        last = accessibility_problems(page)
        if last:
            pytest.fail("\n".join(last))


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
    """A step of the user guide: the screenshot and what the user does there (written when GUIDE_SCREENSHOTS=1)."""
    def _shoot(chapter: str, name: str, caption: str):
        if os.environ.get("GUIDE_SCREENSHOTS") == "1":
            guide.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            # caret="initial": hiding the caret injects a style, which the page's policy reports as a violation.
            page.screenshot(path=str(guide.SCREENSHOTS / f"{name}.png"), caret="initial")
            guide.STEPS.append(guide.Step(chapter, name, caption))

    return _shoot


def pytest_sessionfinish(session, exitstatus):
    if os.environ.get("GUIDE_SCREENSHOTS") == "1" and guide.STEPS and exitstatus == 0:
        guide.write_guide(guide.STEPS)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A Russian user's browser: dates in the date fields read ДД.ММ.ГГГГ."""
    return {**browser_context_args, "locale": "ru-RU", "timezone_id": "Asia/Krasnoyarsk"}
