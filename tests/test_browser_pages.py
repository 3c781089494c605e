"""The pages people use most, in a real browser at a phone and a desktop width:
what each state looks like (screenshots in ``tests/screenshots/pages/``, named
``<state>-<width>.png``), and what a person must be able to count on there.

The server and its frameworks come from ``test_accessibility``'s ``site``
fixture (one of everything, made through the test client).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

import wizard.fragments
import wizard.views.framework
from tests.test_accessibility import AXE_OPTIONS, Site, settle, site  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser

PHONE, DESKTOP = 390, 1280
SMALLEST = 320


@pytest.fixture(scope="module")
def shots(screenshots_dir: Path) -> Path:
    """Where this module's screenshots go."""
    path = screenshots_dir / "pages"
    path.mkdir(exist_ok=True)
    return path


def shoot(page: Page, shots: Path, name: str, script: bool = True) -> None:
    """Full-page screenshots at both widths, and no sideways scrolling at 320 px.

    With JavaScript off the page cannot be asked anything, so only the pictures.
    """
    for width in (PHONE, DESKTOP):
        page.set_viewport_size({"width": width, "height": 844 if width == PHONE else 900})
        if script:
            settle(page)
        else:
            page.wait_for_timeout(200)
        page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
    if not script:
        return
    page.set_viewport_size({"width": SMALLEST, "height": 700})
    settle(page)
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
              .slice(0, 5).map(e => e.tagName + '.' + e.className)"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= SMALLEST, (name, wide)


def open_at(page: Page, url: str, width: int) -> None:
    """Open a page at a width (scripts see the width when they run)."""
    page.set_viewport_size({"width": width, "height": 844 if width == PHONE else 900})
    page.goto(url)


# --- the ideas page ------------------------------------------------------------


def test_ideas_filters_fold_away_on_a_phone(page: Page, site: Site, shots: Path):  # noqa: F811
    url = site.path("/f/{done}/ideas")
    open_at(page, url, PHONE)
    fold = page.locator("details.filters-fold")
    expect(fold).not_to_have_attribute("open", "")
    first = page.locator(".idea-grid article h3").first
    box = first.bounding_box()
    assert box is not None and box["y"] < 844, f"first idea starts at {box}"
    shoot(page, shots, "ideas")
    fold.locator("summary").click()
    expect(page.get_by_label("Theme", exact=True)).to_be_visible()
    shoot(page, shots, "ideas-filters-open")

    open_at(page, url, DESKTOP)
    expect(fold).to_have_attribute("open", "")
    for name in ("Theme", "Format", "Effort", "Show"):
        select = page.get_by_label(name, exact=True)
        # No option is cut: the select is as wide as its longest option needs.
        assert select.evaluate("s => s.scrollWidth <= s.clientWidth"), name


def test_see_all_shows_every_idea(page: Page, site: Site, shots: Path):  # noqa: F811
    open_at(page, site.path("/f/{done}"), DESKTOP)
    link = page.get_by_role("link", name=re.compile(r"^See all \d+ ideas"))
    total = int(re.search(r"\d+", link.inner_text()).group())
    link.click()
    expect(page.locator(".result-count")).to_have_text(f"{total} ideas shown.")
    expect(page.locator(".idea-grid article")).to_have_count(total)
    shoot(page, shots, "ideas-all")


def test_marks_keep_the_buttons_in_place(page: Page, site: Site, shots: Path):  # noqa: F811
    open_at(page, site.path("/f/{done}/ideas?theme=2&show=all"), DESKTOP)
    card = page.locator(".idea-grid article").first
    buttons = card.get_by_role("group").get_by_role("button")
    before = [buttons.nth(n).bounding_box() for n in range(3)]
    card.get_by_role("button", name="Save").click()
    card = page.locator(".idea-grid article").first
    expect(card.locator(".mark-state")).to_contain_text("Saved.")
    expect(card.get_by_role("button", name="Save")).to_have_attribute("aria-pressed", "true")
    # The one in force is filled, the others are not.
    fill = "b => getComputedStyle(b).backgroundColor"
    pressed = card.get_by_role("button", name="Save").evaluate(fill)
    assert pressed != card.get_by_role("button", name="I used it").evaluate(fill)
    assert pressed == page.locator(".idea-grid article").nth(1).locator("button").first.evaluate(
        "b => getComputedStyle(b).color"
    ), "the pressed button's fill is the others' ink"
    after = [card.get_by_role("group").get_by_role("button").nth(n).bounding_box() for n in range(3)]
    assert [(b["x"], b["width"]) for b in before] == [(a["x"], a["width"]) for a in after]
    shoot(page, shots, "ideas-saved")
    card.get_by_role("button", name="Save").click()
    expect(page.locator(".idea-grid article").first.locator(".mark-state")).to_have_count(0)


def test_more_ideas_are_announced_where_the_button_was(
    page: Page, site: Site, shots: Path  # noqa: F811
):
    for width in (PHONE, DESKTOP):
        open_at(page, site.path("/f/{done}/ideas?theme=3"), width)
        page.get_by_role("button", name=re.compile("^More ideas for")).click()
        expect(page).to_have_url(re.compile(r"#more-3$"))
        note = page.locator("#more-3")
        expect(note).to_have_attribute("role", "status")
        expect(note).to_contain_text("added to this theme")
        expect(note).to_be_in_viewport()
        expect(page.locator(".idea-new").first).to_be_visible()
        expect(page.locator(".idea-new .badge-new").first).to_have_text("New")
    shoot(page, shots, "ideas-more")


# --- steps 4 and 6 ------------------------------------------------------------


def test_each_tone_scale_is_one_ordered_row(page: Page, site: Site, shots: Path):  # noqa: F811
    for width in (SMALLEST, PHONE, DESKTOP):
        open_at(page, site.path("/f/{draft_tone}/step/tone"), width)
        for n in range(page.locator(".scale").count()):
            scale = page.locator(".scale").nth(n)
            radios = [scale.locator("input[type=radio]").nth(i).bounding_box() for i in range(5)]
            labels = [scale.locator(".choice-label").nth(i).bounding_box() for i in range(5)]
            tops = {round(box["y"]) for box in radios}
            assert len(tops) == 1, (width, n, "radios on more than one row")
            assert [b["x"] for b in radios] == sorted(b["x"] for b in radios)
            for label, following in zip(labels[:-1], radios[1:], strict=True):
                # A label never touches the next radio.
                assert label["x"] + label["width"] < following["x"] - 2, (width, n)
    # The pairs: a few at once, the rest one click away.
    visible = page.locator(".pairs input[type=checkbox]:visible")
    assert visible.count() <= 8
    shoot(page, shots, "step-tone")
    page.locator(".more-pairs summary").click()
    assert page.locator(".pairs input[type=checkbox]:visible").count() == 20
    shoot(page, shots, "step-tone-all-pairs")


def test_situations_are_accepted_in_one_go(page: Page, site: Site, shots: Path):  # noqa: F811
    open_at(page, site.path("/f/{draft_situations}/step/situations"), PHONE)
    # The person's own situations: their field family's first, then the general ones.
    expect(page.locator(".family-situations details.situation").first).to_be_visible()
    shown = page.locator("details.situation").count()
    assert shown >= 17, shown
    expect(page.locator(".situations-summary-title")).to_have_text(
        f"Use the recommended approach for all {shown} situations"
    )
    expect(page.locator(".situation-choice", has_text="Recommended: ")).to_have_count(shown)
    expect(page.locator(".situation input[type=radio]:visible")).to_have_count(0)
    expect(page.locator(".recommended-note")).to_have_count(0)
    shoot(page, shots, "step-situations")
    page.locator("summary", has_text="A journalist contacts you").click()
    page.get_by_label("Talk about your field, as yourself").check()
    expect(page.locator("#situation-journalist-contact .situation-choice")).to_have_text(
        "Your choice: Talk about your field, as yourself"
    )
    shoot(page, shots, "step-situations-changed")


def test_steps_two_and_three_ask_something_new(page: Page, site: Site):  # noqa: F811
    for step in ("comfort", "goals"):
        open_at(page, site.path(f"/f/{{draft_{step}}}/step/{step}"), DESKTOP)
        heading = page.get_by_role("heading", level=1).inner_text().strip()
        legends = [t.strip() for t in page.locator("legend").all_inner_texts()]
        assert heading not in legends and not any(
            legend.startswith(heading.rstrip("?")) for legend in legends
        ), (heading, legends)


# --- step 5 -------------------------------------------------------------------


def test_themes_have_room_and_an_order_that_cannot_collide(
    page: Page, site: Site, shots: Path  # noqa: F811
):
    url = site.path("/f/{draft_themes}/step/themes")
    for width in (PHONE, DESKTOP):
        open_at(page, url, width)
        titles = page.locator(".theme-rows:not(.theme-rows-new) .theme-title textarea")
        for n in range(titles.count()):
            # Every suggested title fits its box, whole.
            assert titles.nth(n).evaluate(
                "t => t.scrollWidth <= t.clientWidth && t.scrollHeight <= t.clientHeight + 1"
            ), (width, n)
    # Empty rows wait behind "Add another theme".
    expect(page.locator(".add-theme")).not_to_have_attribute("open", "")
    expect(page.locator(".theme-rows-new textarea:visible")).to_have_count(0)
    # With a script: move up and down, and the numbers follow the places.
    expect(page.locator(".theme-order").first).to_be_hidden()
    first = page.locator(".theme-title textarea").first.input_value()
    page.get_by_role("button", name="Move down theme 1").click()
    expect(page.locator(".theme-title textarea").nth(1)).to_have_value(first)
    expect(page.locator("#themes-moved")).to_contain_text("is now theme 2")
    orders = page.locator(".theme-order select")
    values = [orders.nth(n).input_value() for n in range(orders.count())]
    assert values == [str(n + 1) for n in range(len(values))]
    shoot(page, shots, "step-themes")
    page.locator(".add-theme summary").click()
    shoot(page, shots, "step-themes-add")


def test_without_a_script_a_clash_is_explained(
    site: Site, new_context, shots: Path  # noqa: F811
):
    page = new_context(java_script_enabled=False).new_page()
    open_at(page, site.path("/f/{draft_themes}/step/themes"), PHONE)
    expect(page.locator(".theme-order").first).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Move"))).to_have_count(0)
    for n in (1, 2):
        page.locator(".theme-order select").nth(n).select_option("1")
    page.locator("#submit").click()
    expect(page.locator(".error-summary")).to_contain_text("are all number 1 in the order")
    shoot(page, shots, "step-themes-clash", script=False)


# --- the framework page ------------------------------------------------------------


def top_of(page: Page, selector: str) -> float:
    """How far down the page an element starts, in CSS pixels."""
    return page.locator(selector).first.evaluate("e => e.getBoundingClientRect().top + scrollY")


def later(monkeypatch, days: int) -> None:
    """The server's framework page believes it is ``days`` days from now."""

    class Later(date):
        @classmethod
        def today(cls):
            return date.today() + timedelta(days=days)

    monkeypatch.setattr(wizard.views.framework, "date", Later)
    monkeypatch.setattr(wizard.fragments, "date", Later)  # kept pages are kept by the day


def test_the_framework_page_starts_with_this_week_and_the_actions(
    page: Page, site: Site, shots: Path  # noqa: F811
):
    open_at(page, site.path("/f/{done}"), PHONE)
    # First what to do now: here the setup week, then the first post and its idea.
    this_week = page.locator(".this-week")
    expect(this_week.get_by_role("heading", level=2)).to_contain_text("setup week")
    expect(this_week.locator(".this-week-hook a")).to_be_visible()
    assert top_of(page, ".this-week") < 844
    # Then every action in one place, near the top.
    actions = page.locator(".framework-actions")
    for name in ("Download the PDF", "Print", "Calendar file (.ics)", "Check a draft"):
        expect(actions.get_by_role("link", name=name)).to_be_visible()
    expect(actions.get_by_role("link", name=re.compile(r"^See all \d+ ideas$"))).to_be_visible()
    expect(actions.get_by_role("link", name="subscribe to your calendar")).to_be_visible()
    assert top_of(page, ".framework-actions") < 2 * 844
    # Everything before the playbook in a few phone screens (it was 14).
    playbook = top_of(page, "#playbook-title")
    assert playbook < 5 * 844, f"the playbook starts {playbook:.0f} px down"
    # The playbook: each situation's chosen approach, opening to do and avoid.
    situations = page.locator(".playbook-list details")
    assert situations.count() >= 17
    first = situations.first
    expect(first.locator("summary")).to_contain_text("Your approach:")
    expect(first.get_by_role("heading", name="Avoid")).to_be_hidden()
    shoot(page, shots, "framework")
    first.locator("summary").click()
    expect(first.get_by_role("heading", name="Avoid")).to_be_visible()
    shoot(page, shots, "framework-situation-open")
    # A link to a situation (the draft check gives them) opens it.
    slug = situations.nth(3).get_attribute("id")
    page.goto(site.path("/f/{done}") + f"#{slug}")
    expect(page.locator(f"#{slug}")).to_have_attribute("open", "")
    # On a wide screen the next weeks of the calendar are open; on a phone folded.
    open_at(page, site.path("/f/{done}"), DESKTOP)
    expect(page.locator(".calendar-week").first).to_be_visible()
    open_at(page, site.path("/f/{done}"), PHONE)
    expect(page.locator(".calendar-week").first).to_be_hidden()


def test_a_programme_framework_keeps_sharing_with_the_actions(
    page: Page, site: Site, shots: Path  # noqa: F811
):
    open_at(page, site.path("/f/{member}"), PHONE)
    expect(page.locator(".share-offer-first")).to_have_count(0)
    actions = page.locator(".framework-actions")
    expect(actions.get_by_role("button", name="Stop sharing")).to_be_visible()
    # The programme's rules come before the person's own guidelines.
    assert top_of(page, "#rules-title") < top_of(page, "#tone-title")
    playbook = top_of(page, "#playbook-title")
    assert playbook < 6 * 844, f"the playbook starts {playbook:.0f} px down"
    shoot(page, shots, "framework-programme")


def test_a_new_framework_offers_sharing_first(page: Page, site: Site, shots: Path):  # noqa: F811
    open_at(page, site.path("/f/{member_check}/check"), PHONE)
    page.get_by_role("button", name="Make my framework").click()
    offer = page.locator(".share-offer-first")
    expect(
        offer.get_by_role("button", name="Share my framework with the comms team")
    ).to_be_visible()
    # Right after the framework is made: its button on the first screen, then this week.
    button = offer.get_by_role("button").bounding_box()
    assert button["y"] + button["height"] < 844, button
    assert top_of(page, ".share-offer-first") < top_of(page, ".this-week") < 2 * 844
    expect(page.locator(".framework-actions .share-offer")).to_have_count(0)
    for width in (PHONE, DESKTOP):
        page.set_viewport_size({"width": width, "height": 844 if width == PHONE else 900})
        settle(page)
        results = Axe().run(page, options=AXE_OPTIONS)
        assert not results.violations_count, results.generate_report()
    shoot(page, shots, "framework-just-made")
    offer.get_by_role("button", name="Share my framework with the comms team").click()
    expect(page.locator(".notice")).to_contain_text("Your comms team can now read your framework")
    expect(page.locator(".share-offer-first")).to_have_count(0)
    expect(
        page.locator(".framework-actions").get_by_role("button", name="Stop sharing")
    ).to_be_visible()
    shoot(page, shots, "framework-shared")
    # The offer is for the moment the framework is made, not for every visit.
    page.reload()
    expect(page.locator(".share-offer-first")).to_have_count(0)


def test_this_week_follows_the_calendar(
    page: Page, site: Site, shots: Path, monkeypatch  # noqa: F811
):
    later(monkeypatch, 14)
    open_at(page, site.path("/f/{done}"), PHONE)
    this_week = page.locator(".this-week")
    expect(this_week.get_by_role("heading", level=2)).to_contain_text("This week:")
    posts = this_week.locator(".this-week-post")
    if posts.count():
        # The post due next comes whole: its outline and the part only the person can write.
        expect(this_week.locator(".idea-yours").first).to_contain_text("Make it yours")
    shoot(page, shots, "framework-week-three")

    later(monkeypatch, 400)
    open_at(page, site.path("/f/{done}"), PHONE)
    expect(page.locator(".this-week h2")).to_have_text("This period is over")
    page.locator(".this-week").get_by_role(
        "link", name="Look back and plan the next period"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Look back, then plan the next period"
    )
    shoot(page, shots, "next-period")
    for box in page.locator("input[name^=keep-]").all()[1:]:
        box.uncheck()
    page.get_by_role("button", name="Plan the next period").click()
    expect(page.locator(".error-summary")).to_contain_text("Keep at least 3 themes")
    shoot(page, shots, "next-period-error")

    open_at(page, site.path("/f/{done}"), PHONE)
    shoot(page, shots, "framework-period-over")


def test_the_framework_page_without_a_script(site: Site, shots: Path, new_context):  # noqa: F811
    page = new_context(java_script_enabled=False).new_page()
    open_at(page, site.path("/f/{done}"), DESKTOP)
    # A wide screen shows the calendar's weeks from the first paint, script or not.
    expect(page.locator(".calendar-week").first).to_be_visible()
    open_at(page, site.path("/f/{done}"), PHONE)
    # On a phone, without the script everything folded stays folded, and opens from
    # its summary.
    expect(page.locator(".calendar-week").first).to_be_hidden()
    page.get_by_text(re.compile(r"^(The next \d+ weeks?|Next week), day by day")).click()
    expect(page.locator(".calendar-week").first).to_be_visible()
    shoot(page, shots, "framework-no-script", script=False)
