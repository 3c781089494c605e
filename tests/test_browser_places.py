"""Step 5's place fields in a real browser: with JavaScript the state or region
and time zone lists follow the country as it changes; without it, a button
shows the new country's lists and keeps everything typed. Both pass axe at a
phone width and a desktop width.

Screenshots land in ``tests/screenshots/`` (``step-5-places-*``) at 390 and
1280 px, before and after a change of country.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from models import db
from models.frameworks import Framework, hash_token
from tests.wizard_walk import WizardWalk

pytestmark = pytest.mark.browser

WIDTHS = (390, 1280)
REFRESH = "Show regions and time zones for this country"


def draft_at_themes(live_server) -> str:
    """A draft with steps 1 to 4 answered; the themes step's address."""
    walk = WizardWalk(live_server.app.test_client())
    walk.start()
    for step in ("work", "comfort", "goals", "tone"):
        assert walk.submit(step).status_code == 303
    return f"{live_server.url}/f/{walk.token}/step/themes"


def saved_place(live_server, url: str) -> tuple[str, str, str]:
    """The country, region and time zone saved for the draft behind a step's address."""
    token = re.search(r"/f/([A-Za-z0-9_-]+)/", url).group(1)
    with live_server.app.app_context():
        framework = db.session.scalar(db.select(Framework).filter_by(token_hash=hash_token(token)))
        themes = framework.answer_map()["themes"]
    return themes["country"], themes["region"], themes["time_zone"]


def shoot_and_judge(page: Page, screenshots_dir: Path, name: str, *, scripts: bool = True) -> None:
    """Screenshots of the place fields at both widths, and axe clean at each.

    axe runs as a script, so a page seen without JavaScript is judged in a
    browser that fetches no script of the page's own: the same markup, as a
    browser without JavaScript shows it.
    """
    if not scripts:
        html = page.content()
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.locator("#where").screenshot(path=str(screenshots_dir / f"{name}-{width}.png"))
        context = page.context.browser.new_context()
        context.route(re.compile(r"\.js(\?|$)"), lambda route: route.abort())
        judged = context.new_page()
        judged.route(
            page.url.split("#")[0],
            lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"),
        )
        judged.goto(page.url)
        expect(judged.get_by_role("button", name=REFRESH)).to_be_visible()
        page, screenshots_dir = judged, None
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.evaluate(
            "() => document.fonts.ready.then(() => new Promise(r => "
            "requestAnimationFrame(() => requestAnimationFrame(r))))"
        )
        if screenshots_dir is not None:
            page.locator("#where").screenshot(path=str(screenshots_dir / f"{name}-{width}.png"))
        results = Axe().run(page)
        assert not results.violations_count, (width, results.generate_report())
    if not scripts:
        page.context.close()


def option_values(page: Page, select_id: str) -> list[str]:
    """The values a select offers now."""
    return page.eval_on_selector(f"#{select_id}", "s => Array.from(s.options, o => o.value)")


def test_with_javascript_the_lists_follow_the_country(
    browser: Browser, live_server, screenshots_dir: Path
):
    # A browser in Berlin that names no country in its languages: the page
    # starts without one, and the script finds it from the time zone.
    context = browser.new_context(timezone_id="Europe/Berlin", locale="en-US")
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if "/places/" in r.url else None)
    url = draft_at_themes(live_server)
    page.goto(url)

    country = page.get_by_label("Where do you live?")
    region = page.get_by_label("State or region (optional)")
    zone = page.get_by_label("Your time zone")
    expect(country).to_have_value("DE")
    expect(zone).to_have_value("Europe/Berlin")
    expect(region).to_be_visible()
    assert "DE-BY" in option_values(page, "region")
    expect(page.get_by_role("button", name=REFRESH)).to_be_hidden()
    shoot_and_judge(page, screenshots_dir, "step-5-places-js-before")

    country.select_option("IN")
    expect(zone).to_have_value("Asia/Kolkata")
    assert option_values(page, "time_zone") == ["Asia/Kolkata", "UTC"]
    assert "IN-KA" in option_values(page, "region")
    assert "DE-BY" not in option_values(page, "region")

    country.select_option("FR")  # no regions to choose from
    expect(zone).to_have_value("Europe/Paris")
    expect(region).to_be_hidden()

    country.select_option("US")
    expect(zone).to_have_value("America/New_York")
    expect(region).to_be_visible()
    region.select_option("US-CA")
    zone.select_option("America/Los_Angeles")
    country.select_option("IN")
    expect(zone).to_have_value("Asia/Kolkata")
    expect(region).to_have_value("")
    country.select_option("US")
    expect(zone).to_have_value("America/New_York")  # a country's own zone, as before
    region.select_option("US-CA")
    zone.select_option("America/Los_Angeles")
    shoot_and_judge(page, screenshots_dir, "step-5-places-js-after")

    # Each country's lists were fetched once, and the guess once.
    countries = [u for u in fetched if re.search(r"/places/[A-Z]{2}\.json", u)]
    assert len(countries) == len(set(countries)) == 4, fetched
    assert len([u for u in fetched if "/places/zones.json" in u]) == 1

    page.get_by_role("button", name="Save and continue").click()
    expect(page).to_have_url(re.compile(r"/step/situations$"))
    assert saved_place(live_server, url) == ("US", "US-CA", "America/Los_Angeles")
    context.close()


def test_without_javascript_the_button_shows_the_new_countrys_lists(
    browser: Browser, live_server, screenshots_dir: Path
):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    url = draft_at_themes(live_server)
    page.goto(url)

    country = page.get_by_label("Where do you live?")
    region = page.get_by_label("State or region (optional)")
    zone = page.get_by_label("Your time zone")
    expect(country).to_have_value("DE")
    expect(zone).to_have_value("Europe/Berlin")
    button = page.get_by_role("button", name=REFRESH)
    expect(button).to_be_visible()
    shoot_and_judge(page, screenshots_dir, "step-5-places-nojs-before", scripts=False)

    page.get_by_label("Theme 1", exact=True).fill("Test plans that survive a reorg")
    page.get_by_label("At what time of day would you like to post?").fill("07:15")
    page.get_by_label("Days you will not post (optional)").fill("2026-08-03 to 2026-08-14")
    page.get_by_label("Keep a quiet period from 24 December to 1 January").uncheck()
    country.select_option("IN")
    button.click()

    expect(page).to_have_url(re.compile(r"/step/themes#where$"))
    expect(page.locator(".error-summary")).to_have_count(0)
    expect(country).to_have_value("IN")
    expect(zone).to_have_value("Asia/Kolkata")
    assert option_values(page, "time_zone") == ["Asia/Kolkata", "UTC"]
    assert "IN-KA" in option_values(page, "region")
    expect(page.get_by_label("Theme 1", exact=True)).to_have_value(
        "Test plans that survive a reorg"
    )
    expect(page.get_by_label("At what time of day would you like to post?")).to_have_value("07:15")
    expect(page.get_by_label("Days you will not post (optional)")).to_have_value(
        "2026-08-03 to 2026-08-14"
    )
    expect(
        page.get_by_label("Keep a quiet period from 24 December to 1 January")
    ).not_to_be_checked()
    region.select_option("IN-KA")
    shoot_and_judge(page, screenshots_dir, "step-5-places-nojs-after", scripts=False)

    # Enter in a field saves the step, as the main button does (not the list button).
    page.get_by_label("At what time of day would you like to post?").press("Enter")
    expect(page).to_have_url(re.compile(r"/step/situations$"))
    assert saved_place(live_server, url) == ("IN", "IN-KA", "Asia/Kolkata")
    context.close()


def finished_draft_with_zone(live_server, zone: str) -> str:
    """A draft with every step answered in the United Kingdom, its saved time zone
    then set as an older Byline may have kept it; the check page's address."""
    walk = WizardWalk(live_server.app.test_client())
    walk.start()
    walk.answer_all({"themes": {"country": "GB", "time_zone": "Europe/London"}})
    with live_server.app.app_context():
        framework = db.session.scalar(
            db.select(Framework).filter_by(token_hash=hash_token(walk.token))
        )
        framework.save_answer("themes", {**framework.answer_map()["themes"], "time_zone": zone})
        db.session.commit()
    return f"{live_server.url}/f/{walk.token}/check"


def test_a_saved_time_zone_of_another_country_stays_chosen_to_the_end(
    browser: Browser, live_server, screenshots_dir: Path
):
    context = browser.new_context(timezone_id="Europe/London", locale="en-GB")
    page = context.new_page()
    check = finished_draft_with_zone(live_server, "Europe/Paris")
    page.goto(check)
    expect(page.get_by_text("Some answers need another look")).to_have_count(0)
    page.get_by_role("link", name="Change your answers to “What will you write about").click()
    zone = page.get_by_label("Your time zone")
    expect(zone).to_have_value("Europe/Paris")
    expect(zone.locator("option:checked")).to_have_text("Europe/Paris (France)")
    expect(page.locator(".error-message")).to_have_count(0)
    shoot_and_judge(page, screenshots_dir, "step-5-places-held-zone")
    page.get_by_role("button", name="Save and go back to your answers").click()
    expect(page).to_have_url(check)
    page.get_by_role("button", name="Make my framework").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Check your answers")
    assert saved_place(live_server, check + "/") == ("GB", "", "Europe/Paris")
    context.close()


def test_a_saved_time_zone_byline_does_not_know_is_fixed_on_its_step(
    browser: Browser, live_server, screenshots_dir: Path
):
    context = browser.new_context(timezone_id="Europe/London", locale="en-GB")
    page = context.new_page()
    check = finished_draft_with_zone(live_server, "Mars/Olympus")
    page.goto(check)
    page.locator(".error-summary").get_by_role("link").click()
    message = "“Mars/Olympus” is not a time zone Byline knows. Choose your time zone from the list"
    expect(page.locator("#time_zone-error")).to_contain_text(message)
    expect(page.locator(".error-summary")).to_contain_text(message)
    shoot_and_judge(page, screenshots_dir, "step-5-places-unknown-zone")
    for width in WIDTHS:  # the error summary at the top, where the page opens
        page.set_viewport_size({"width": width, "height": 900})
        page.evaluate("() => window.scrollTo(0, 0)")
        page.screenshot(path=str(screenshots_dir / f"step-5-places-unknown-zone-top-{width}.png"))
    page.get_by_label("Your time zone").select_option("Europe/London")
    page.get_by_role("button", name="Save and go back to your answers").click()
    expect(page).to_have_url(check)
    expect(page.get_by_text("Some answers need another look")).to_have_count(0)
    assert saved_place(live_server, check + "/") == ("GB", "", "Europe/London")
    context.close()
