"""Every page type in a real browser, in light and dark: no axe-core
violations, targets big enough to hit, no sideways scrolling on a 320 px
phone, the whole wizard by keyboard alone, and everything working with
JavaScript off.

One server serves the whole module. Its frameworks, drafts and programme are
made through the test client before the browser opens anything, so each test
goes straight to the page it is about, and each failure names its page.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect
from werkzeug.serving import make_server

from models.programmes import Programme
from tests.conftest import drop_everything, make_app
from tests.pages import form_fields
from tests.programme_walk import admin_token_from, create_programme
from tests.test_browser_wizard import (
    AUDIENCE,
    EXPERTISE,
    REST,
    ROLE,
    SUBTOPICS,
    complete,
    expect_step,
)
from tests.wizard_walk import STEPS, WizardWalk

pytestmark = pytest.mark.browser

PHONE, DESKTOP = 320, 1280
# Every rule axe-core has, WCAG 2.2 AA's target size included, except experimental ones.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}


# --- the site under test -----------------------------------------------------


@dataclass
class Site:
    """A running Byline with one of everything to look at."""

    url: str
    tokens: dict[str, str]

    def path(self, template: str) -> str:
        """A page's address, its private tokens filled in."""
        return self.url + template.format(**self.tokens)


def draft_at(client, step: str, code: str | None = None) -> str:
    """A draft whose steps before ``step`` are answered (all of them for ``"check"``);
    returns its private token. With a programme's share code, the draft is in it."""
    walk = WizardWalk(client)
    if code:
        page = client.get(f"/join/{code}").get_data(as_text=True)
        response = client.post(f"/join/{code}", data=form_fields(page))
        walk.token = response.location.split("/f/")[1].split("/")[0]
    else:
        walk.start()
    for earlier in STEPS[: STEPS.index(step)] if step in STEPS else STEPS:
        assert walk.submit(earlier).status_code == 303, earlier
    return walk.token


def raise_an_error():
    """A page that fails, to show the site's own 500 page."""
    raise RuntimeError("a bug, on purpose")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The app, served in a background thread, with frameworks, drafts and a programme."""
    app = make_app(tmp_path_factory.mktemp("accessibility"), TESTING=False)
    # Only possible before the app handles its first request.
    app.add_url_rule("/boom", "boom", raise_an_error)

    client = app.test_client()
    tokens = {"done": WizardWalk(client).complete()}
    tokens["admin"] = admin_token_from(create_programme(client).location)
    with app.app_context():
        tokens["code"] = Programme.by_admin_token(tokens["admin"]).share_code
    for step in STEPS:
        tokens[f"draft_{step}"] = draft_at(client, step)
    tokens["draft_check"] = draft_at(client, "check")
    tokens["member_situations"] = draft_at(client, "situations", tokens["code"])
    tokens["member_check"] = draft_at(client, "check", tokens["code"])  # made in a browser

    # A colleague joins, finishes and shares their framework with the comms team.
    member = WizardWalk(client)
    member.token = draft_at(client, "check", tokens["code"])
    member.confirm()
    tokens["member"] = member.token
    page = client.get(f"/f/{member.token}").get_data(as_text=True)
    posting = BeautifulSoup(page, "html.parser").select("form[method=post]")
    share_form = next(n for n, form in enumerate(posting) if form["action"].endswith("/share"))
    shared = client.post(f"/f/{member.token}/share", data=form_fields(page, share_form))
    assert shared.status_code == 303, shared.status_code
    dashboard = client.get(f"/manage/{tokens['admin']}").get_data(as_text=True)
    tokens["shared_id"] = re.search(r"/shared/(\d+)", dashboard).group(1)

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site(url=f"http://127.0.0.1:{server.server_port}", tokens=tokens)
    server.shutdown()
    thread.join(timeout=5)
    drop_everything(app)


# --- every page type, and how to get it into an error state --------------------------


def press_submit(page: Page) -> None:
    """Send the page's main form as it is, and wait for the error summary."""
    page.locator("#submit").click()
    expect(page.locator(".error-summary")).to_be_visible()


def too_many_pairs(page: Page) -> None:
    """Tone: four word pairs where three are allowed."""
    for n in range(4):
        page.locator("input[name=pairs]").nth(n).check()
    press_submit(page)


def too_few_themes(page: Page) -> None:
    """Themes: untick every suggested theme."""
    ticked = page.locator(".theme-include input:checked")
    while ticked.count():
        ticked.first.uncheck()
    press_submit(page)


def no_approach(page: Page) -> None:
    """Situations: an approach the page did not offer (a browser cannot send one,
    so a script changes a chosen radio's value for the test)."""
    page.evaluate(
        """() => document.querySelector('.situation input[type=radio]:checked').value = 'none'"""
    )
    press_submit(page)


def too_few_kept(page: Page) -> None:
    """Plan the next period keeping fewer than three themes."""
    for box in page.locator("input[name^=keep-]").all()[1:]:
        box.uncheck()
    press_submit(page)


def draft_with_findings(page: Page) -> None:
    """Check a draft: type one with problems and wait for the advice."""
    page.get_by_label("Your draft").fill(
        "Thrilled to announce our launch!! Internal only: call me on +44 20 7946 0958. "
        "#launchdaynews #AcmeEmployee"
    )
    page.get_by_role("button", name="Check the draft").click()
    expect(page.locator("li.finding").first).to_be_visible()


def error_summary_shown(page: Page) -> None:
    """The page itself shows an error (a bad filter in the address)."""
    expect(page.locator(".error-summary")).to_be_visible()


@dataclass(frozen=True)
class Scenario:
    """A page type: where it is, what to do there first, what status it answers with."""

    name: str
    path: str
    then: Callable[[Page], None] | None = None
    status: int = 200


SCENARIOS = [
    Scenario("home", "/"),
    Scenario("guide", "/guide/"),
    Scenario("guide-article", "/guide/finding-your-tone"),
    Scenario("start", "/start"),
    *(Scenario(f"step-{step}", f"/f/{{draft_{step}}}/step/{step}") for step in STEPS),
    Scenario("step-work-error", "/f/{draft_work}/step/work", press_submit),
    Scenario("step-comfort-error", "/f/{draft_comfort}/step/comfort", press_submit),
    Scenario("step-goals-error", "/f/{draft_goals}/step/goals", press_submit),
    Scenario("step-tone-error", "/f/{draft_tone}/step/tone", too_many_pairs),
    Scenario("step-themes-error", "/f/{draft_themes}/step/themes", too_few_themes),
    Scenario("step-situations-error", "/f/{draft_situations}/step/situations", no_approach),
    Scenario("programme-step-situations", "/f/{member_situations}/step/situations"),
    Scenario("check", "/f/{draft_check}/check"),
    Scenario("framework", "/f/{done}"),
    Scenario("programme-framework", "/f/{member}"),
    Scenario("next-period", "/f/{done}/next-period"),
    Scenario("next-period-error", "/f/{done}/next-period", too_few_kept),
    Scenario("ideas", "/f/{done}/ideas"),
    Scenario("draft-check", "/f/{member}/draft"),
    Scenario("draft-check-findings", "/f/{member}/draft", draft_with_findings),
    Scenario("draft-check-error", "/f/{member}/draft", press_submit),
    Scenario("ideas-bad-filter", "/f/{done}/ideas?theme=99", error_summary_shown),
    Scenario("print", "/f/{done}/print"),
    Scenario("import", "/import/"),
    Scenario("import-error", "/import/", press_submit),
    Scenario("join", "/join/{code}"),
    Scenario("programme-new", "/programmes/new"),
    Scenario("programme-new-error", "/programmes/new", press_submit),
    Scenario("dashboard", "/manage/{admin}"),
    Scenario("dashboard-created", "/manage/{admin}?created=1"),
    Scenario("settings", "/manage/{admin}/settings"),
    Scenario("programme-guide", "/manage/{admin}/guide"),
    Scenario("shared", "/manage/{admin}/shared/{shared_id}"),
    Scenario("not-found", "/f/no-such-framework-link", status=404),
    Scenario("server-error", "/boom", status=500),
]
BY_NAME = {scenario.name: scenario for scenario in SCENARIOS}


def visit(page: Page, site: Site, scenario: Scenario, width: int = DESKTOP) -> None:
    """Open a page type at a width, and put it into the state it is about."""
    page.set_viewport_size({"width": width, "height": 800})
    response = page.goto(site.path(scenario.path))
    assert response is not None and response.status == scenario.status, response
    if scenario.then:
        scenario.then(page)
        # A step that sent a form may land on a new page: judge it once its
        # stylesheets have loaded, as a person sees it.
        page.wait_for_load_state("load")
    # And once its typeface has arrived: sizes and spacing change when it does.
    page.evaluate("() => document.fonts.ready.then(() => true)")
    settle(page)


def settle(page: Page) -> None:
    """Let layout settle after a change of viewport."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


# --- 1: axe-core, light and dark ---------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_no_axe_violations(page: Page, site: Site, scenario: Scenario, scheme: str):
    page.emulate_media(color_scheme=scheme)
    visit(page, site, scenario)
    results = Axe().run(page, options=AXE_OPTIONS)
    assert not results.violations_count, results.generate_report()


# --- 3: targets at least 24 by 24 -------------------------------------------------

SMALL_TARGETS = """() => {
  const inSentence = (a) => {
    let block = a.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) {
      block = block.parentElement;
    }
    if (!block || !["P", "LI"].includes(block.tagName)) return false;
    return block.textContent.replace(a.textContent, "").trim().length > 0;
  };
  const choices = Array.from(document.querySelectorAll(
    "input[type=checkbox], input[type=radio]")).flatMap((input) => Array.from(input.labels));
  const targets = Array.from(document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary")).concat(choices);
  const small = [];
  for (const el of targets) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!box.width || !box.height || style.visibility === "hidden") continue;
    if (el.closest(".visually-hidden")) continue;
    if (box.width >= 23.99 && box.height >= 23.99) continue;
    if (el.tagName === "A" && inSentence(el)) continue;
    small.push(`${el.tagName.toLowerCase()} "${(el.innerText || el.name || el.id || "").trim()
      .slice(0, 40)}" ${box.width.toFixed(1)}x${box.height.toFixed(1)}`);
  }
  return small;
}"""


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_every_target_is_at_least_24_by_24(page: Page, site: Site, scenario: Scenario, width: int):
    visit(page, site, scenario, width)
    settle(page)
    small = page.evaluate(SMALL_TARGETS)
    assert not small, small


# --- 4: no sideways scrolling on a phone ------------------------------------------


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_no_sideways_scrolling_at_320(page: Page, site: Site, scenario: Scenario):
    visit(page, site, scenario, PHONE)
    settle(page)
    wide = page.evaluate(
        """() => Array.from(document.querySelectorAll("body *"))
          .filter(el => el.getBoundingClientRect().right > 320.5)
          .slice(0, 5).map(el => el.tagName + "." + el.className)"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE, wide


# --- 2: the whole wizard with the keyboard alone ------------------------------------


def expect_focus_visible(page: Page) -> dict:
    """The focused control shows it: an outline or a ring."""
    now = page.evaluate(
        """() => {
          const el = document.activeElement;
          const style = getComputedStyle(el);
          const named = el.labels && el.labels.length ? el.labels[0] : el;
          return {tag: el.tagName.toLowerCase(),
                  label: named.textContent.replace(/\\s+/g, " ").trim(),
                  outline: style.outlineStyle, outlineWidth: style.outlineWidth,
                  shadow: style.boxShadow, checked: !!el.checked};
        }"""
    )
    assert now["tag"] != "body", "nothing has the focus"
    outlined = now["outline"] != "none" and now["outlineWidth"] != "0px"
    assert outlined or now["shadow"] != "none", str(now)
    return now


def tab_to(page: Page, label: str, key: str = "Tab", limit: int = 60) -> dict:
    """Press Tab (or Shift+Tab) until a control whose label starts with ``label`` has focus."""
    for _ in range(limit):
        page.keyboard.press(key)
        now = expect_focus_visible(page)
        if now["label"].startswith(label):
            return now
    raise AssertionError(f"{key} never reached {label!r}")


def arrow_to(page: Page, label: str, key: str = "ArrowDown", limit: int = 10) -> None:
    """Move through a radio group with an arrow key until ``label`` is chosen."""
    for _ in range(limit):
        page.keyboard.press(key)
        now = expect_focus_visible(page)
        if now["label"].startswith(label):
            assert now["checked"], now
            return
    raise AssertionError(f"{key} never reached {label!r}")


def submit_step(page: Page, label: str = "Save and continue") -> None:
    """Tab to the step's button and press Enter."""
    tab_to(page, label)
    page.keyboard.press("Enter")


def test_the_whole_wizard_works_with_the_keyboard_alone(page: Page, site: Site):
    page.goto(site.url + "/")
    tab_to(page, "Start now")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Before you start")
    tab_to(page, "Start")
    page.keyboard.press("Enter")

    # 1. Work: typed into each field in turn.
    expect_step(page, "work", 1)
    for label, text in [
        ("What is your role?", ROLE),
        ("What is your area of expertise?", EXPERTISE),
        ("Which 2 to 5 things", "\n".join(SUBTOPICS)),
        ("Who would you like to reach?", AUDIENCE),
    ]:
        tab_to(page, label)
        page.keyboard.type(text)
        if label.startswith("What is your area"):
            page.keyboard.press("Escape")  # close the suggestions
    submit_step(page)

    # 2. Comfort: arrows choose a radio, Space ticks a checkbox.
    expect_step(page, "comfort", 2)
    tab_to(page, "I read, I rarely post")
    page.keyboard.press("Space")
    arrow_to(page, "I comment and share now and then")
    tab_to(page, "LinkedIn")
    page.keyboard.press("Space")
    assert expect_focus_visible(page)["checked"]
    tab_to(page, "About 30 minutes a week")
    page.keyboard.press("Space")
    arrow_to(page, "About an hour a week")
    submit_step(page)

    # 3. Goals: one ticked, one ticked and unticked again after going back with Shift+Tab.
    expect_step(page, "goals", 3)
    tab_to(page, "Be known as an expert in my field")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    tab_to(page, "Be known as an expert in my field", key="Shift+Tab")
    assert expect_focus_visible(page)["checked"]
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert not expect_focus_visible(page)["checked"]
    submit_step(page)

    # 4. Tone: the defaults, with humour moved one step towards serious.
    expect_step(page, "tone", 4)
    tab_to(page, "In between")
    arrow_to(page, "Mostly serious")
    submit_step(page)

    # 5. Themes: the suggestions, with the fourth left out.
    expect_step(page, "themes", 5)
    tab_to(page, "Include theme 4")
    assert expect_focus_visible(page)["checked"]
    page.keyboard.press("Space")
    assert not expect_focus_visible(page)["checked"]
    submit_step(page)

    # 6. Situations: the journalist gets a different approach.
    # Each is folded to its recommended approach: open one by its summary, then choose.
    expect_step(page, "situations", 6)
    tab_to(page, "A journalist contacts you")
    page.keyboard.press("Enter")
    tab_to(page, "Thank them and pass it to whoever handles press")
    arrow_to(page, "Talk about your field, as yourself")
    submit_step(page, "Use these approaches and continue")

    # Check your answers, then make the framework.
    expect(page).to_have_url(re.compile(r"/check" + REST))
    expect(page.locator(".summary-row", has_text="How much humor")).to_contain_text(
        "Mostly serious"
    )
    tab_to(page, "Make my framework")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/f/[A-Za-z0-9_-]+" + REST))
    expect(page.get_by_role("heading", level=1)).to_contain_text(ROLE)
    journalist = page.locator(".playbook-list details", has_text="A journalist contacts you")
    expect(journalist.locator("summary")).to_contain_text("Talk about your field, as yourself")
    assert page.locator(".outline-table tbody tr").count() == 3


# --- 6: JavaScript off ------------------------------------------------------------


def expect_no_script_controls(page: Page) -> None:
    """Nothing on show needs a script: every visible button sends a form."""
    for selector in ("[data-copy]", "[data-print]"):
        for n in range(page.locator(selector).count()):
            expect(page.locator(selector).nth(n)).to_be_hidden()
    buttons = page.locator("button:visible")
    for n in range(buttons.count()):
        button = buttons.nth(n)
        assert button.get_attribute("type") in (None, "submit"), button.inner_text()
        assert button.evaluate("b => !!b.form"), button.inner_text()


def test_everything_works_with_javascript_off(site: Site, new_context):
    page = new_context(java_script_enabled=False).new_page()
    url = complete(page, site.url)
    expect(page.get_by_role("heading", level=1)).to_contain_text(ROLE)
    expect(page.get_by_role("textbox", name="Private link")).to_have_value(url)
    expect_no_script_controls(page)

    # The ideas page: filter by a theme, then save an idea.
    page.get_by_role("link", name=re.compile(r"^See all \d+ ideas")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Post ideas")
    expect_no_script_controls(page)
    page.get_by_text("Filter the ideas", exact=True).click()  # the folded filters open
    page.get_by_label("Theme", exact=True).select_option("2")
    page.get_by_role("button", name="Show ideas").click()
    expect(page).to_have_url(re.compile(r"/ideas\?.*theme=2"))
    sections = page.locator("section.idea-theme")
    expect(sections).to_have_count(1)
    expect(sections.first.get_by_role("heading", level=2)).to_contain_text("2. ")
    first = page.locator(".idea-grid article").first
    hook = first.get_by_role("heading", level=3).inner_text()
    first.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/ideas\?.*theme=2"))
    saved = page.locator(".idea-grid article", has_text=hook)
    expect(saved.locator(".badge-mark")).to_have_text("Saved")

    # The print page: no Print button without a script, the advice instead.
    page.goto(url + "/print")
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    expect(page.get_by_text("Use your browser's Print command")).to_be_visible()
    expect(page.get_by_role("link", name="Download PDF")).to_be_visible()
    expect_no_script_controls(page)


# --- 7: screenshots for people to look at -----------------------------------------

SHOTS = [
    "home",
    "guide-article",
    "step-work-error",
    "step-themes-error",
    "framework",
    "ideas",
    "draft-check-findings",
    "dashboard",
    "programme-new-error",
]


@pytest.mark.parametrize("name", SHOTS)
def test_screenshots_at_phone_and_desktop_width(
    page: Page, site: Site, screenshots_dir: Path, name: str
):
    visit(page, site, BY_NAME[name])
    for width in (PHONE, DESKTOP):
        page.set_viewport_size({"width": width, "height": 800})
        settle(page)
        page.screenshot(path=str(screenshots_dir / f"page-{name}-{width}.png"), full_page=True)
