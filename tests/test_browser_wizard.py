"""The wizard in a real browser: a person goes from the home page to their
framework, comes back through their private link, and meets no accessibility
barrier on the way.

These tests drive the system Chromium (see ``conftest.py``) against a live
server with CSRF on. Screenshots of the main pages land in
``tests/screenshots/`` at a phone width and a desktop width, for people to
look at.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

WIDTHS = (320, 1280)
# Query and fragment may follow: a fragment from an error-summary link survives redirects.
REST = r"(\?[^#]*)?(#.*)?$"
# Day first or month first, as the person's country writes dates.
LONG_DATE = re.compile(
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? "
    r"(\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+ \d{1,2}),? \d{4}"
)

ROLE = "Test lead in the payments team"
EXPERTISE = "Software testing"
SUBTOPICS = ["flaky end-to-end tests", "risk-based testing", "exploratory testing"]
AUDIENCE = "engineering managers"


# --- helpers -------------------------------------------------------------


def shoot(page: Page, screenshots_dir: Path, name: str) -> None:
    """Save full-page screenshots at a phone width and a desktop width."""
    original = page.viewport_size
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        # Let layout settle at the new width before capturing.
        page.evaluate(
            "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
        )
        page.screenshot(path=str(screenshots_dir / f"{name}-{width}.png"), full_page=True)
    if original:
        page.set_viewport_size(original)


def save_and_continue(page: Page) -> None:
    """Press the step's main button."""
    page.get_by_role("button", name=re.compile(r"^(Save and|Use these approaches and)")).click()


def expect_step(page: Page, step: str, number: int) -> None:
    """The browser shows this wizard step."""
    expect(page).to_have_url(re.compile(rf"/f/[A-Za-z0-9_-]+/step/{step}{REST}"))
    expect(page.locator(".progress")).to_have_text(f"Step {number} of 6")


def group(page: Page, legend: str):
    """A fieldset of radios or checkboxes, found by its question."""
    return page.get_by_role("group", name=legend)


def start(page: Page, base_url: str) -> None:
    """From the home page, press Start twice: the intro page, then the draft."""
    page.goto(base_url + "/")
    page.get_by_role("link", name="Start now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Before you start")
    page.get_by_role("button", name="Start").click()
    expect_step(page, "work", 1)


def fill_work(page: Page) -> None:
    """Step 1 with good answers."""
    page.get_by_label("What is your role?").fill(ROLE)
    page.get_by_label("What is your area of expertise?").fill(EXPERTISE)
    page.get_by_label("Which 2 to 5 things").fill("\n".join(SUBTOPICS))
    page.get_by_label("Who would you like to reach?").fill(AUDIENCE)


def fill_comfort(page: Page) -> None:
    """Step 2: a rung, a channel and a time budget."""
    page.get_by_label("I comment and share now and then").check()
    page.get_by_label("LinkedIn").check()
    page.get_by_label("About an hour a week").check()


def fill_goals(page: Page) -> None:
    """Step 3: one goal."""
    page.get_by_label("Be known as an expert in my field").check()


def answer_first_three(page: Page) -> None:
    """Answer steps 1 to 3 and arrive at step 4."""
    fill_work(page)
    save_and_continue(page)
    expect_step(page, "comfort", 2)
    fill_comfort(page)
    save_and_continue(page)
    expect_step(page, "goals", 3)
    fill_goals(page)
    save_and_continue(page)
    expect_step(page, "tone", 4)


def answer_last_three(page: Page) -> None:
    """Keep the suggested tone, themes and situations; arrive at the check page."""
    save_and_continue(page)
    expect_step(page, "themes", 5)
    save_and_continue(page)
    expect_step(page, "situations", 6)
    save_and_continue(page)
    expect(page).to_have_url(re.compile(r"/check" + REST))


def complete(page: Page, base_url: str) -> str:
    """Go through the whole wizard with good answers; returns the framework URL."""
    start(page, base_url)
    answer_first_three(page)
    answer_last_three(page)
    page.get_by_role("button", name="Make my framework").click()
    expect(page).to_have_url(re.compile(r"/f/[A-Za-z0-9_-]+" + REST))
    return page.url


# --- a: the whole story -----------------------------------------------------


def test_a_person_answers_every_step_and_gets_their_framework(
    page: Page, live_server, screenshots_dir: Path
):
    page.goto(live_server.url + "/")
    expect(page).to_have_title(re.compile("Byline"))
    shoot(page, screenshots_dir, "home")
    start(page, live_server.url)

    # Step 1, sent empty: an error summary, "Error: " in the title.
    save_and_continue(page)
    expect_step(page, "work", 1)
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    expect(summary.get_by_role("link", name="Enter your role")).to_be_visible()
    expect(summary.get_by_role("link")).to_have_count(4)

    # Partly filled: what was typed stays, the rest is still asked for.
    page.get_by_label("What is your role?").fill(ROLE)
    page.get_by_label("Which 2 to 5 things").fill(SUBTOPICS[0])
    save_and_continue(page)
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.get_by_label("What is your role?")).to_have_value(ROLE)
    expect(page.get_by_label("Which 2 to 5 things")).to_have_value(SUBTOPICS[0])
    expect(
        summary.get_by_role("link", name="Enter at least 2 things you know well")
    ).to_be_visible()
    expect(page.get_by_label("What is your area of expertise?")).to_have_attribute(
        "aria-invalid", "true"
    )
    # The summary's links lead to their fields.
    summary.get_by_role("link", name="Enter your area of expertise").click()
    expect(page.get_by_label("What is your area of expertise?")).to_be_focused()
    shoot(page, screenshots_dir, "step-work-error")

    fill_work(page)
    save_and_continue(page)

    # Step 2: comfort.
    expect_step(page, "comfort", 2)
    expect(page).not_to_have_title(re.compile("Error"))
    fill_comfort(page)
    save_and_continue(page)

    # Step 3: goals.
    expect_step(page, "goals", 3)
    fill_goals(page)
    page.get_by_label("Help my team hire").check()
    save_and_continue(page)

    # Step 4: tone, starting from sensible defaults; sound a little more serious.
    expect_step(page, "tone", 4)
    humour = group(page, "How much humor do you bring?")
    expect(humour.get_by_label("In between")).to_be_checked()
    humour.get_by_label("Mostly serious").check()
    save_and_continue(page)

    # Step 5: themes, suggested from step 1 and preselected.
    expect_step(page, "themes", 5)
    included = page.locator(".theme-row input[type=checkbox]:checked")
    assert included.count() >= 3
    titles = [
        page.locator(".theme-row").nth(i).get_by_label(re.compile(r"^Theme \d+$")).input_value()
        for i in range(included.count())
    ]
    assert all(titles), titles
    shoot(page, screenshots_dir, "step-themes")
    save_and_continue(page)

    # Step 6: situations, each on its recommended approach; change one.
    expect_step(page, "situations", 6)
    shown = page.locator("details.situation").count()
    assert shown >= 17, shown  # the general situations and the field family's own
    expect(page.get_by_role("heading", level=2).first).to_contain_text(
        f"Use the recommended approach for all {shown} situations"
    )
    expect(page.get_by_text("Recommended: ", exact=False)).to_have_count(shown)
    page.locator("summary", has_text="A journalist contacts you").click()
    journalist = group(page, "A journalist contacts you")
    expect(
        journalist.get_by_label("Thank them and pass it to whoever handles press")
    ).to_be_checked()
    journalist.get_by_label("Talk about your field, as yourself").check()
    expect(page.locator("#situation-journalist-contact .situation-choice")).to_have_text(
        "Your choice: Talk about your field, as yourself"
    )
    shoot(page, screenshots_dir, "step-situations")
    save_and_continue(page)

    # Check your answers, with a Change link per step that comes back here.
    expect(page).to_have_url(re.compile(r"/check" + REST))
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    changes = page.get_by_role("link", name=re.compile(r"^Change"))
    expect(changes).to_have_count(6)
    expect(page.get_by_text(ROLE)).to_be_visible()
    page.get_by_role(
        "link", name=re.compile(r"Change your answers to “How do you want to sound")
    ).click()
    expect_step(page, "tone", 4)
    expect(
        group(page, "How much humor do you bring?").get_by_label("Mostly serious")
    ).to_be_checked()
    group(page, "How formal do you like to sound?").get_by_label("Casual", exact=True).check()
    page.get_by_role("button", name="Save and go back to your answers").click()
    expect(page).to_have_url(re.compile(r"/check" + REST))
    expect(page.locator(".summary-row", has_text="How formal")).to_contain_text("Casual")
    shoot(page, screenshots_dir, "check")

    page.get_by_role("button", name="Make my framework").click()

    # The framework, in the person's own words.
    expect(page).to_have_url(re.compile(r"/f/[A-Za-z0-9_-]+" + REST))
    expect(page.get_by_role("status").first).to_contain_text("Your framework is ready")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text(EXPERTISE, ignore_case=True)
    expect(heading).to_contain_text(ROLE)
    header = page.locator(".framework-header")
    for topic in SUBTOPICS:
        expect(header).to_contain_text(topic)
    expect(header).to_contain_text(AUDIENCE)

    rows = page.locator(".outline-table tbody tr")
    assert rows.count() >= 3
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td")
        assert LONG_DATE.search(cells.nth(1).inner_text()), cells.nth(1).inner_text()
        assert LONG_DATE.search(cells.nth(2).inner_text()), cells.nth(2).inner_text()

    expect(page.get_by_role("heading", name="Your tone")).to_be_visible()
    expect(page.get_by_role("heading", name="Your situation playbook")).to_be_visible()
    journalist = page.locator(".playbook-list details", has_text="A journalist contacts you")
    expect(journalist.locator("summary")).to_contain_text("Talk about your field, as yourself")
    expect(journalist.get_by_role("heading", name="Avoid")).to_be_hidden()
    journalist.locator("summary").click()
    expect(journalist.get_by_role("heading", name="Avoid")).to_be_visible()
    assert page.locator(".playbook-list details").count() >= 6

    expect(page.get_by_role("heading", name="Post ideas")).to_be_visible()
    assert page.locator(".idea-themes a").count() >= 3
    # First on the page: what to do this week (or before the first post), and its idea.
    expect(page.locator(".this-week .this-week-hook a").first).to_be_visible()
    shoot(page, screenshots_dir, "framework")


# --- b: the private link ----------------------------------------------------


def test_the_private_link_restores_a_framework_in_a_fresh_browser(
    page: Page, live_server, new_context
):
    url = complete(page, live_server.url)
    heading = page.get_by_role("heading", level=1).inner_text()
    outline = page.locator(".outline-table").inner_text()
    playbook = page.locator(".playbook-list").text_content()
    this_week = page.locator(".this-week").inner_text()

    elsewhere = new_context().new_page()
    elsewhere.goto(url)
    expect(elsewhere).to_have_url(url)
    expect(elsewhere.get_by_role("heading", level=1)).to_have_text(heading)
    assert elsewhere.locator(".outline-table").inner_text() == outline
    assert elsewhere.locator(".playbook-list").text_content() == playbook
    assert elsewhere.locator(".this-week").inner_text() == this_week


def test_a_half_finished_draft_continues_where_it_stopped(page: Page, live_server, new_context):
    start(page, live_server.url)
    answer_first_three(page)
    token = re.search(r"/f/([A-Za-z0-9_-]+)/", page.url).group(1)
    page.context.close()

    later = new_context().new_page()
    later.goto(f"{live_server.url}/f/{token}")
    expect_step(later, "tone", 4)

    later.get_by_role("link", name="Back").click()
    expect_step(later, "goals", 3)
    expect(later.get_by_label("Be known as an expert in my field")).to_be_checked()

    later.get_by_role("link", name="Back").click()
    expect_step(later, "comfort", 2)
    expect(later.get_by_label("I comment and share now and then")).to_be_checked()
    expect(later.get_by_label("LinkedIn")).to_be_checked()
    expect(later.get_by_label("About an hour a week")).to_be_checked()

    later.get_by_role("link", name="Back").click()
    expect_step(later, "work", 1)
    expect(later.get_by_label("What is your role?")).to_have_value(ROLE)
    expect(later.get_by_label("What is your area of expertise?")).to_have_value(EXPERTISE)
    expect(later.get_by_label("Which 2 to 5 things")).to_have_value("\n".join(SUBTOPICS))
    expect(later.get_by_label("Who would you like to reach?")).to_have_value(AUDIENCE)


# --- c: no accessibility barriers ----------------------------------------------


def test_every_page_type_passes_axe(page: Page, live_server):
    axe = Axe()
    found: dict[str, str] = {}

    def audit(name: str) -> None:
        results = axe.run(page)
        if results.violations_count:
            found[name] = results.generate_report()

    page.goto(live_server.url + "/")
    audit("home")
    page.goto(live_server.url + "/start")
    audit("start")
    page.get_by_role("button", name="Start").click()

    expect_step(page, "work", 1)
    save_and_continue(page)
    expect(page.locator(".error-summary")).to_be_visible()
    audit("work, with errors")
    fill_work(page)
    audit("work")
    save_and_continue(page)

    for number, (step, fill) in enumerate(
        [
            ("comfort", fill_comfort),
            ("goals", fill_goals),
            ("tone", None),
            ("themes", None),
            ("situations", None),
        ],
        start=2,
    ):
        expect_step(page, step, number)
        audit(step)
        if fill:
            fill(page)
        save_and_continue(page)

    expect(page).to_have_url(re.compile(r"/check" + REST))
    audit("check")
    page.get_by_role("button", name="Make my framework").click()
    expect(page).to_have_url(re.compile(r"/f/[A-Za-z0-9_-]+" + REST))
    audit("framework")

    response = page.goto(live_server.url + "/f/no-such-framework-link")
    assert response.status == 404
    audit("404")

    report = "\n\n".join(f"=== {name} ===\n{text}" for name, text in found.items())
    assert not found, report


# --- d: the keyboard alone ----------------------------------------------------


def focused(page: Page) -> dict:
    """What has the keyboard focus: its tag, type, label and value, and its outline."""
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          const label = el.labels && el.labels.length ? el.labels[0].innerText : el.innerText;
          const style = getComputedStyle(el);
          return {tag: el.tagName.toLowerCase(), type: el.type || "", label: (label || "").trim(),
                  outline: style.outlineStyle, outlineWidth: style.outlineWidth,
                  checked: !!el.checked};
        }"""
    )


def tab_to(page: Page, label: str, limit: int = 40) -> dict:
    """Press Tab until the focused element's label starts with ``label``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["label"].startswith(label):
            assert now["outline"] != "none" and now["outlineWidth"] != "0px", now
            return now
    raise AssertionError(f"Tab never reached {label!r}")


def test_steps_one_and_two_work_with_the_keyboard_alone(page: Page, live_server):
    page.goto(live_server.url + "/")
    tab_to(page, "Start now")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Before you start")
    tab_to(page, "Start")
    page.keyboard.press("Enter")
    expect_step(page, "work", 1)

    tab_to(page, "What is your role?")
    page.keyboard.type(ROLE)
    tab_to(page, "What is your area of expertise?")
    page.keyboard.type(EXPERTISE)
    tab_to(page, "Which 2 to 5 things")
    page.keyboard.type("\n".join(SUBTOPICS))
    tab_to(page, "Who would you like to reach?")
    page.keyboard.type(AUDIENCE)
    page.keyboard.press("Enter")  # submits the form from a text field
    expect_step(page, "comfort", 2)

    # Radios: Tab into the group, arrows move the choice. Checkboxes: Space.
    tab_to(page, "I read, I rarely post")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    assert focused(page)["label"].startswith("I comment and share now and then")
    tab_to(page, "LinkedIn")
    page.keyboard.press("Space")
    assert focused(page)["checked"]
    tab_to(page, "About 30 minutes a week")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    tab_to(page, "Save and continue")
    page.keyboard.press("Enter")
    expect_step(page, "goals", 3)

    # Back, by keyboard too: the answers just given are shown again.
    tab_to(page, "Back")
    page.keyboard.press("Enter")
    expect_step(page, "comfort", 2)
    expect(page.get_by_label("I comment and share now and then")).to_be_checked()
    expect(page.get_by_label("LinkedIn")).to_be_checked()
    expect(page.get_by_label("About an hour a week")).to_be_checked()
