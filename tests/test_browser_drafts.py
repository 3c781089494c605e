"""Check a draft in Chromium: advice as you type with JavaScript, the same
advice from the button without it, and screenshots at phone and desktop widths."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.test_drafts import BAD_DRAFT, member

pytestmark = pytest.mark.browser

WIDTHS = (390, 1280)


def shoot(page: Page, screenshots_dir: Path, name: str) -> None:
    """Full-page screenshots at a phone width and a desktop width."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(150)  # layout settles (no script: JavaScript may be off)
        page.screenshot(path=str(screenshots_dir / f"draft-{name}-{width}.png"), full_page=True)


@pytest.fixture
def draft_url(live_server) -> str:
    """The draft page of a programme member's finished framework."""
    walk, _ = member(live_server.app.test_client())
    return f"{live_server.url}{walk.base}/draft"


def test_with_javascript_advice_appears_as_you_type(
    page: Page, draft_url: str, screenshots_dir: Path, caplog
):
    caplog.set_level(logging.DEBUG)
    page.goto(draft_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Check a draft before you post it")
    expect(page.locator("#draft-count")).to_have_text("Up to 10,000 characters")
    page.get_by_label("Your draft").fill(BAD_DRAFT)
    findings = page.locator("#findings li.finding")
    expect(findings.first).to_be_visible()  # no button pressed
    expect(page).to_have_url(draft_url)
    expect(page.locator("#findings")).to_contain_text("Say that you work there")
    expect(page.locator("#findings")).to_contain_text("“Project Falcon” is off-limits")
    expect(page.locator("#findings-status")).to_contain_text("to fix before posting")
    expect(page.locator("#draft-count")).to_have_text(f"{len(BAD_DRAFT)} of 10,000 characters")
    shoot(page, screenshots_dir, "js-on")

    # Another channel: the advice follows at once.
    page.get_by_label("Where will you post it?").select_option("x")
    expect(page.locator(".findings-summary")).to_contain_text("for X (Twitter)")

    # Typing on: the disclosure goes in (inside the post), its finding goes away.
    page.get_by_label("Your draft").press("End")
    page.get_by_label("Your draft").type(" #AcmeEmployee")
    expect(page.locator("#findings")).not_to_contain_text("Say that you work there")
    expect(page.locator("#findings")).to_contain_text("“Project Falcon” is off-limits")

    # A clean draft: nothing to flag.
    page.get_by_label("Your draft").fill("Small batches beat big releases. Here is why.")
    expect(page.locator(".finding-none")).to_contain_text("Nothing to flag for X (Twitter)")

    # The button still works, and gives the same page as without JavaScript.
    page.get_by_label("Your draft").fill(BAD_DRAFT)
    page.get_by_role("button", name="Check the draft").click()
    expect(page.locator("#findings")).to_contain_text("Say that you work there")
    assert "Zanzibar" not in caplog.text  # (the draft's words never reach the log)
    assert "Project Falcon" not in caplog.text


def test_without_javascript_the_button_gives_the_advice(
    new_context, draft_url: str, screenshots_dir: Path
):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(draft_url)
    expect(page.locator("#draft-count")).to_have_text("Up to 10,000 characters")
    page.get_by_label("Your draft").fill(BAD_DRAFT)
    page.get_by_label("Where will you post it?").select_option("linkedin")
    expect(page.locator("li.finding")).to_have_count(0)  # nothing happens while typing
    page.get_by_role("button", name="Check the draft").click()
    expect(page).to_have_url(draft_url + "#findings-title")  # the advice in view
    expect(page.locator("#findings")).to_contain_text("Say that you work there")
    expect(page.locator(".findings-summary")).to_contain_text(
        re.compile(r"\d+ to fix before posting")
    )
    expect(page.get_by_label("Your draft")).to_have_value(BAD_DRAFT)
    shoot(page, screenshots_dir, "js-off")

    # An empty draft: a clear message, linked to the box.
    page.get_by_label("Your draft").fill("")
    page.get_by_role("button", name="Check the draft").click()
    expect(page.locator(".error-summary")).to_contain_text("Paste or type a draft to check")
    shoot(page, screenshots_dir, "js-off-error")
