"""The pages people use most, in a real browser at a phone and a desktop width:
what each state looks like (screenshots in ``tests/screenshots/pages/``, named
``<state>-<width>.png``), and what a person must be able to count on there.

The server and its frameworks come from ``test_accessibility``'s ``site``
fixture (one of everything, made through the test client).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.test_accessibility import Site, settle, site  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser

PHONE, DESKTOP = 390, 1280
SMALLEST = 320


@pytest.fixture(scope="module")
def shots(screenshots_dir: Path) -> Path:
    """Where this module's screenshots go."""
    path = screenshots_dir / "pages"
    path.mkdir(exist_ok=True)
    return path


def shoot(page: Page, shots: Path, name: str) -> None:
    """Full-page screenshots at both widths, and no sideways scrolling at 320 px."""
    for width in (PHONE, DESKTOP):
        page.set_viewport_size({"width": width, "height": 844 if width == PHONE else 900})
        settle(page)
        page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
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
    first = page.locator(".idea-card .idea-hook").first
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
    expect(page.locator(".idea-card")).to_have_count(total)
    shoot(page, shots, "ideas-all")


def test_marks_keep_the_buttons_in_place(page: Page, site: Site, shots: Path):  # noqa: F811
    open_at(page, site.path("/f/{done}/ideas?theme=2&show=all"), DESKTOP)
    card = page.locator(".idea-card").first
    buttons = card.locator(".mark-buttons button")
    before = [buttons.nth(n).bounding_box() for n in range(3)]
    card.get_by_role("button", name="Save").click()
    card = page.locator(".idea-card").first
    expect(card.locator(".mark-state")).to_contain_text("Saved.")
    expect(card.get_by_role("button", name="Save")).to_have_attribute("aria-pressed", "true")
    after = [card.locator(".mark-buttons button").nth(n).bounding_box() for n in range(3)]
    assert [(b["x"], b["width"]) for b in before] == [(a["x"], a["width"]) for a in after]
    shoot(page, shots, "ideas-saved")
    card.get_by_role("button", name="Save").click()
    expect(page.locator(".idea-card").first.locator(".mark-state")).to_have_text("")


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
