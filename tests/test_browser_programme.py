"""A comms team's story in a real browser: create a programme, share the link,
see a colleague's completion appear, print the programme guide."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.pdftext import pdf_text
from tests.test_browser_wizard import answer_first_three, expect_step, save_and_continue

pytestmark = pytest.mark.browser


def test_a_comms_person_runs_a_programme_from_start_to_first_completion(
    page: Page, live_server, new_context, screenshots_dir: Path
):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Create a programme").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Create a programme")

    # Forgetting the name: a clear message, everything else kept.
    page.get_by_label("Company name").fill("Acme")
    page.get_by_label("Rules everyone in the programme follows").fill(
        "- Say that you work at Acme when you post about Acme.\n- Ask before naming a customer."
    )
    page.get_by_label("How people say they work for the company").fill("#AcmeEmployee")
    page.get_by_label("Who to contact for media requests").fill("press@acme.example")
    page.get_by_label("Themes the company suggests (optional)").fill("How we build for reliability")
    tick = page.get_by_label("Start people with these themes ticked")
    expect(tick).not_to_be_checked()
    tick.check()
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        themes = page.locator(".field", has=page.locator("#company_themes")).first
        themes.scroll_into_view_if_needed()
        page.screenshot(path=str(screenshots_dir / f"programme-company-themes-{width}.png"))
    page.get_by_role("button", name="Create the programme").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.get_by_label("Company name")).to_have_value("Acme")
    expect(page.get_by_label("Start people with these themes ticked")).to_be_checked()
    page.locator(".error-summary").get_by_role(
        "link", name="Enter a name for the programme"
    ).click()
    expect(page.get_by_label("Name of the programme")).to_be_focused()
    page.keyboard.type("Acme Voices")
    page.get_by_role("button", name="Create the programme").click()

    # The dashboard, with both links shown once.
    expect(page.get_by_role("heading", level=1)).to_have_text("Acme Voices")
    expect(page.get_by_text("Your programme is ready")).to_be_visible()
    share_link = page.locator("input[readonly][value*='/join/']").first.input_value()
    manage_link = page.url.split("?")[0]
    assert "/join/" in share_link and "/manage/" in manage_link
    shot = str(screenshots_dir / "programme-created-1280.png")
    page.screenshot(path=shot, full_page=True)

    # A colleague opens the share link in their own browser and finishes.
    colleague = new_context().new_page()
    colleague.goto(share_link)
    expect(colleague.get_by_role("heading", level=1)).to_have_text("Acme Voices")
    expect(colleague.get_by_text("Ask before naming a customer.")).to_be_visible()
    colleague.get_by_role("button", name="Start").click()
    answer_first_three(colleague)
    save_and_continue(colleague)  # the tone
    expect_step(colleague, "themes", 5)
    # The programme asked for its theme to start ticked, and says it is the company's.
    company_row = colleague.locator(".theme-row", has_text="Suggested by Acme")
    expect(company_row.get_by_role("checkbox")).to_be_checked()
    save_and_continue(colleague)
    expect_step(colleague, "situations", 6)
    save_and_continue(colleague)
    colleague.get_by_role("button", name="Make my framework").click()
    expect(colleague.get_by_role("heading", name="Acme’s rules")).to_be_visible()
    # The programme's disclosure line is on the framework, said once for every post
    # that touches the company.
    expect(colleague.get_by_text("When a post touches Acme or its products:")).to_be_visible()
    expect(colleague.locator("main")).to_contain_text("#AcmeEmployee")

    # The dashboard counts them, and shows nothing of theirs.
    page.goto(manage_link)
    funnel = page.locator("table", has_text="Completed").first
    # One person is below the dashboard's minimum count: the cell says so, not "1".
    expect(funnel.locator("tr", has_text="Completed")).to_contain_text("fewer than 5")
    expect(page.locator("main")).not_to_contain_text("Test lead in the payments team")

    # The printable guide: one page, with the join link and no manage link.
    page.get_by_role("link", name="Printable programme guide with QR code").click()
    expect(page.get_by_role("img", name="QR code for the join link")).to_be_visible()
    page.emulate_media(media="print")
    reader, text = pdf_text(page.pdf(format="A4"))
    assert len(reader.pages) == 1
    assert "Acme Voices" in text and "#AcmeEmployee" in text
    assert manage_link.rsplit("/", 1)[1] not in text
