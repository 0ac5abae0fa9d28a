"""Browser journeys: the real (threaded) development server driven by the system Chromium."""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from kennisnetwerk.accounts.models import User
from kennisnetwerk.ecosystem.services import vocabularies_initial_ensure
from kennisnetwerk.geo.models import Municipality
from kennisnetwerk.geo.reference_data import reference_data_read
from kennisnetwerk.geo.services import reference_data_apply

REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PASSWORD = "Kennis-delen-2024!"


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One Chromium for all journeys.

    While Playwright's sync API is active its event loop counts as running in the test
    thread, so Django refuses ORM calls there unless DJANGO_ALLOW_ASYNC_UNSAFE is set. Both
    end with this package instead of the session: otherwise the variable (and the running
    loop) would leak into the rest of the suite, and into its subprocesses, where
    ``check --deploy`` rightly fails on it (tests/test_deploy_check.py).
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM_PATH,
                headless=True,
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                ],
            )
            yield browser
            browser.close()


@pytest.fixture
def e2e_db(transactional_db) -> None:
    """A flushed database with the reference data and the starting vocabularies, and an empty
    cache: the login rate limits live in the cache and would otherwise carry over from one test
    to the next."""
    cache.clear()
    # Re-applying data that is already there takes about a second, so only load when missing.
    if not Municipality.objects.exists():
        reference_data_apply(data=reference_data_read())
    # The themes and target groups come from a data migration; a flush removes them.
    vocabularies_initial_ensure()


@pytest.fixture
def context(browser: Browser, live_server, e2e_db) -> Iterator[BrowserContext]:
    # bypass_csp lets axe be injected despite the app's strict CSP. The locale is pinned so
    # the journeys do not depend on the language settings of the machine they run on.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, locale="nl-NL")
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture(scope="session")
def axe_source() -> str:
    return AXE_SCRIPT.read_text(encoding="utf-8")


@pytest.fixture
def assert_accessible(axe_source: str) -> Callable[[Page], None]:
    """Run axe-core (WCAG 2.1 A and AA rules) on the page as it is now and fail on any
    violation, listing each rule and the elements it failed on."""

    def check(page: Page) -> None:
        # A click that navigates may return before the new document is parsed; axe needs it.
        page.wait_for_load_state("load")
        page.add_script_tag(content=axe_source)
        violations = page.evaluate(
            """async (tags) => (await axe.run(document, {
                runOnly: {type: 'tag', values: tags},
            })).violations""",
            WCAG_TAGS,
        )
        report = "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']}\n"
            + "\n".join(f"    {node['target']}: {node['failureSummary']}" for node in v["nodes"])
            for v in violations
        )
        assert not violations, f"axe found violations on {page.url}:\n{report}"

    return check


@pytest.fixture
def password() -> str:
    """The password of every person ``make_user`` creates."""
    return PASSWORD


@pytest.fixture
def make_user(e2e_db) -> Callable[..., User]:
    """Create a person who can log in: a known password and a verified e-mail address
    (verification is mandatory)."""

    def make(email: str, full_name: str, **extra) -> User:
        user = User.objects.create_user(
            email=email, password=PASSWORD, full_name=full_name, **extra
        )
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def log_in() -> Callable[..., None]:
    """Fill in and submit the login form on the current page, or on /account/login/."""

    def submit(page: Page, email: str, password: str = PASSWORD) -> None:
        if "/account/login/" not in page.url:
            page.goto("/account/login/")
        page.fill("input[name=login]", email)
        page.fill("input[name=password]", password)
        with page.expect_navigation():
            page.locator("form:has(input[name=login]) button[type=submit]").click()

    return submit
