"""A plan that fits real life, in a real browser: step 5 takes the country from
the browser's time zone, and a calendar subscription follows a change of theme.

Screenshots of step 5 and of the framework page's setup week, review and
subscription parts land in ``tests/screenshots/`` at 390 and 1280 px.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from icalendar import Calendar
from playwright.sync_api import Page, expect

from tests.test_browser_wizard import answer_first_three, expect_step, save_and_continue, start

pytestmark = pytest.mark.browser

WIDTHS = (390, 1280)
NEW_TITLE = "Release nights without surprises"


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A person in Bengaluru: the browser's time zone is India's."""
    return {**browser_context_args, "timezone_id": "Asia/Kolkata", "locale": "en-IN"}


def shoot(page: Page, screenshots_dir: Path, name: str, selector: str | None = None) -> None:
    """Screenshots at a phone width and a desktop width: the page, or one part of it."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.evaluate(
            "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
        )
        path = str(screenshots_dir / f"{name}-{width}.png")
        if selector:
            page.locator(selector).screenshot(path=path)
        else:
            page.screenshot(path=path, full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def feed_events(page: Page, url: str) -> dict[str, object]:
    """Download the subscription feed the way a calendar app would; events by UID."""
    response = page.request.get(url)
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/calendar")
    events = Calendar.from_ical(response.body()).walk("VEVENT")
    uids = [str(event["uid"]) for event in events]
    assert len(uids) == len(set(uids))
    return {str(event["uid"]): event for event in events}


def test_a_person_in_india_subscribes_and_a_changed_theme_reaches_the_feed(
    page: Page, live_server, screenshots_dir: Path
):
    start(page, live_server.url)
    answer_first_three(page)
    save_and_continue(page)  # keep the suggested tone
    expect_step(page, "themes", 5)

    # The browser's time zone chose the time zone and, with it, the country.
    expect(page.get_by_label("Your time zone")).to_have_value("Asia/Kolkata")
    expect(page.get_by_label("Where do you live?")).to_have_value("IN")
    region = page.get_by_label("State or region (optional)")
    expect(region).to_be_visible()
    region.select_option("IN-KA")
    shoot(page, screenshots_dir, "step-5-where")
    assert not Axe().run(page).violations_count

    page.get_by_label("Theme 1", exact=True).fill(NEW_TITLE.replace("Release", "Deploy"))
    save_and_continue(page)
    expect_step(page, "situations", 6)
    save_and_continue(page)
    page.get_by_role("button", name="Make my framework").click()
    expect(page).to_have_url(re.compile(r"/f/[A-Za-z0-9_-]+$"))
    framework_url = page.url

    expect(page.locator("section:has(#calendar-title) p.hint").first).to_contain_text(
        "public holidays in Karnataka, India"
    )
    expect(page.locator("#calendar-title + p")).to_contain_text("8:30 AM")  # India's clock
    shoot(page, screenshots_dir, "framework-setup", ".setup-week")
    shoot(page, screenshots_dir, "framework-review", ".review-point")
    shoot(page, screenshots_dir, "framework-subscribe", ".subscribe")

    page.get_by_role("button", name="Make a subscription link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your calendar subscription")
    webcal = page.get_by_label("Subscription link").input_value()
    web = page.get_by_label("The same link for apps that want https").input_value()
    assert webcal.startswith("webcal://") and web.startswith("http://127.0.0.1")
    assert framework_url.split("/f/")[1] not in webcal
    shoot(page, screenshots_dir, "subscription-link")
    assert not Axe().run(page).violations_count

    before = feed_events(page, web)
    assert any("Deploy nights" in str(event["description"]) for event in before.values())

    # Change the first theme's words through the wizard.
    page.goto(framework_url + "/step/themes")
    page.get_by_label("Theme 1", exact=True).fill(NEW_TITLE)
    save_and_continue(page)

    after = feed_events(page, web)
    assert after.keys() == before.keys()  # updated, not duplicated
    changed = [uid for uid, event in after.items() if NEW_TITLE in str(event["description"])]
    assert changed
    assert all(int(after[uid]["sequence"]) == int(before[uid]["sequence"]) + 1 for uid in changed)
    assert not any("Deploy nights" in str(event["description"]) for event in after.values())

    # Replaced from the framework page: the old feed address is refused.
    page.goto(framework_url)
    shoot(page, screenshots_dir, "framework-subscribed", ".subscribe")
    page.get_by_role("button", name="Replace the subscription link").click()
    new_web = page.get_by_label("The same link for apps that want https").input_value()
    assert new_web != web
    assert page.request.get(web).status == 404
    assert page.request.get(new_web).status == 200
