"""What a newcomer meets in a real browser, at 390 and 1280 px wide: long
answers, the themes Byline suggests from them, the check page, and pages that
never scroll sideways whatever was typed.

Screenshots land in ``tests/screenshots/`` (``newcomer-*``) for people to look at.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.test_browser_wizard import (
    expect_step,
    fill_comfort,
    fill_goals,
    save_and_continue,
    start,
)

pytestmark = pytest.mark.browser

WIDTHS = (390, 1280)
LONG_EXPERTISE = "Cost optimisation for multi-tenant Kubernetes platforms at large enterprises"
LONG_SUBTOPIC = "Right-sizing node pools for bursty batch workloads across many tenant teams"
CONFIG_KEY = "OpenTelemetryCollectorConfigurationOverridesForEveryTenantNamespace"


def shoot(page: Page, screenshots_dir: Path, name: str) -> None:
    """Full-page screenshots at both widths; no page may scroll sideways at either."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        page.evaluate(
            "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
        )
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, f"{name} is {scroll} px wide at {width} px"
        page.screenshot(path=str(screenshots_dir / f"newcomer-{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 800})


def fill_long_work(page: Page, role: str = "Platform lead") -> None:
    """Step 1 with answers at the long end of what it accepts."""
    page.get_by_label("What is your role?").fill(role)
    page.get_by_label("What is your area of expertise?").fill(LONG_EXPERTISE)
    page.get_by_label("Which 2 to 5 things").fill(f"{LONG_SUBTOPIC}\n{CONFIG_KEY}")
    page.get_by_label("Who would you like to reach?").fill("platform teams")


def test_long_answers_are_kept_counted_and_suggest_themes_byline_accepts(
    page: Page, live_server, screenshots_dir: Path
):
    start(page, live_server.url)

    # A 190-character role is kept whole, counted, and refused in words on the server.
    role = page.get_by_label("What is your role?")
    fill_long_work(page, role="R" * 190)
    expect(role).to_have_value("R" * 190)
    expect(page.locator("#role-count")).to_have_text("190 characters: 70 too many (up to 120)")
    save_and_continue(page)
    expect_step(page, "work", 1)
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_text(
        ["Your role must be 120 characters or fewer; it has 190."]
    )
    expect(role).to_have_value("R" * 190)
    results = Axe().run(page)
    assert not results.violations_count, results.generate_report()
    shoot(page, screenshots_dir, "work-too-long")

    role.fill("Platform lead")
    expect(page.locator("#role-count")).to_have_text("13 of 120 characters")
    save_and_continue(page)
    expect_step(page, "comfort", 2)
    fill_comfort(page)
    save_and_continue(page)
    fill_goals(page)
    save_and_continue(page)
    save_and_continue(page)  # the suggested tone
    expect_step(page, "themes", 5)

    # The suggestions from those long words go through untouched.
    titles = page.locator(".theme-title input")
    for n in range(titles.count()):
        assert len(titles.nth(n).input_value()) <= 80
    shoot(page, screenshots_dir, "themes")
    save_and_continue(page)
    expect_step(page, "situations", 6)
    save_and_continue(page)
    expect(page).to_have_url(re.compile(r"/check$"))

    # Check your answers: words, and every answer of a section on one line.
    themes = page.locator("section", has=page.locator("#check-themes"))
    items = themes.locator(".summary-items li")
    expect(items.first).to_have_text(re.compile(r"^1\. .+ · 2 weeks$"))
    expect(page.locator("main")).not_to_contain_text("{'")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for section in page.locator(".check-section").all():
            lefts = {
                round(box["x"])
                for box in (v.bounding_box() for v in section.locator(".summary-value").all())
            }
            assert len(lefts) == 1, (width, lefts)
    results = Axe().run(page)
    assert not results.violations_count, results.generate_report()
    shoot(page, screenshots_dir, "check")

    page.get_by_role("button", name="Make my framework").click()
    expect(page).to_have_url(re.compile(r"/f/[A-Za-z0-9_-]+$"))
    framework = page.url
    shoot(page, screenshots_dir, "framework")
    page.goto(framework + "/ideas")
    shoot(page, screenshots_dir, "ideas")
    page.goto(framework + "/print")
    shoot(page, screenshots_dir, "print")


def test_back_on_step_one_and_the_rules_preview(page: Page, live_server, screenshots_dir: Path):
    start(page, live_server.url)
    draft = page.url
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Before you start")
    expect(page.get_by_role("button", name="Start")).to_have_count(0)
    shoot(page, screenshots_dir, "intro-of-a-draft")
    page.get_by_role("link", name="Continue").click()
    expect(page).to_have_url(draft)

    page.goto(live_server.url + "/programmes/new")
    page.get_by_label("Name of the programme").fill("Acme Voices")
    page.get_by_label("Company name").fill("Acme")
    page.get_by_label("Rules everyone in the programme follows").fill(
        f"Before you post about Acme:\n- say that you work here\n- never paste {CONFIG_KEY}"
    )
    page.get_by_role("button", name="Preview the rules").click()
    preview = page.locator("#rules-preview")
    expect(preview.locator("li")).to_have_count(2)
    expect(page.get_by_label("Name of the programme")).to_have_value("Acme Voices")
    results = Axe().run(page)
    assert not results.violations_count, results.generate_report()
    shoot(page, screenshots_dir, "programme-preview")
    page.get_by_role("button", name="Create the programme").click()
    expect(page).to_have_url(re.compile(r"/manage/"))
    page.get_by_role("link", name=re.compile("Printable programme guide")).click()
    shoot(page, screenshots_dir, "programme-guide")
