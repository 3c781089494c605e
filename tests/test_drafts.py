"""Check a draft: the page with and without JavaScript's live updates, the
programme's name lists, the dashboard's count, and the promises: the draft
is never stored or logged, and talk about pay or working conditions is never
flagged."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from sqlalchemy import MetaData, select

from models import db
from models.programmes import Programme
from tests.pages import form_fields
from tests.programme_walk import admin_token_from, create_programme, join
from tests.wizard_walk import WizardWalk
from wizard.drafts import DraftContext, check_draft
from wizard.drafts.context import OffLimits
from wizard.library import load_library

BAD_DRAFT = (
    "Thrilled to announce Anvil!! Project Falcon ships on Monday, internal only. "
    "Ping jane.doe@gmail.com about JIRA-1234."
)
NAMES = {
    "products": "Anvil\nRoadrunner Cloud",
    "competitors": "Globex",
    "customers": "Initech",
    "off_limits": "Project Falcon: the code name is internal",
}
CONTENT_CODES = {
    "disclosure-missing",
    "disclosure-late",
    "rule-off-limits",
    "confidential-marking",
    "confidential-figures",
    "confidential-dates",
    "confidential-roadmap",
    "customer-name",
    "sector-fence",
    "sector-inside-information",
    "sector-patient-details",
}


def member(client, changes=None) -> tuple[WizardWalk, str]:
    """A colleague who joined a programme (with name lists) and finished; and the admin token."""
    created = create_programme(client, {**NAMES, **(changes or {})})
    admin = admin_token_from(created.location)
    code = re.search(r"/join/([\w-]+)", client.get(f"/manage/{admin}").get_data(as_text=True))
    walk = join(client, code.group(1))
    walk.answer_all()
    walk.confirm()
    return walk, admin


def check(client, walk, draft: str, channel: str | None = None, live: str | None = None):
    """Send the draft form as a browser would; ``live`` as the script does."""
    page = client.get(f"{walk.base}/draft").get_data(as_text=True)
    data = form_fields(page)
    data["draft"] = [draft]
    if channel:
        data["channel"] = [channel]
    headers = {}
    if live:
        data["live"] = [live]
        headers["X-Byline-Live"] = "1"
    return client.post(f"{walk.base}/draft", data=data, headers=headers)


def test_the_framework_page_links_to_the_draft_check(client, walk, pages):
    walk.complete()
    framework = pages.check(client.get(walk.base))
    links = {a["href"] for a in framework.select("a[href]")}
    assert f"{walk.base}/draft" in links
    page = pages.check(client.get(f"{walk.base}/draft"))
    options = [o["value"] for o in page.select("#channel option")]
    # The person's own channels (LinkedIn, internal) come first, then the others.
    assert options[:2] == ["linkedin", "internal"]
    assert set(options) >= {"x", "mastodon", "blog"}
    assert page.select_one("#channel option[selected]")["value"] == "linkedin"
    assert page.select_one("textarea#draft") is not None


def test_without_javascript_the_button_shows_findings_with_severity_why_and_a_change(client, pages):
    walk, _ = member(client)
    response = check(client, walk, BAD_DRAFT)
    page = pages.check(response)
    findings = page.select("li.finding")
    titles = [f.select_one(".finding-title").get_text() for f in findings]
    assert "Say that you work there" in titles
    assert "“Project Falcon” is off-limits" in titles
    severities = [f.select_one(".finding-severity").get_text() for f in findings]
    assert severities[0] == "Fix before posting" and "Worth a look" in severities
    # "Fix before posting" come first.
    assert severities == sorted(severities, key=lambda s: s != "Fix before posting")
    for finding in findings:
        assert finding.select_one(".finding-suggestion").get_text().startswith("Try:")
    rule = next(f for f in findings if "Project Falcon" in f.get_text())
    assert "the code name is internal" in rule.get_text()
    assert rule.select_one("a")["href"] == f"{walk.base}#rules-title"
    disclosure = next(f for f in findings if "work there" in f.get_text())
    assert "#AcmeEmployee" in disclosure.get_text()
    assert disclosure.select_one("a")["href"].startswith("/guide/disclosure-and-confidentiality#")
    # The typed draft and channel stay in the form.
    assert page.select_one("textarea#draft").get_text().strip() == BAD_DRAFT
    summary = page.select_one(".findings-summary").get_text()
    assert re.search(r"\d+ things to consider for LinkedIn: \d+ to fix before posting", summary)


def test_live_updates_get_the_same_findings_as_a_fragment(client, pages):
    walk, _ = member(client)
    full = pages.check(check(client, walk, BAD_DRAFT, "x"))
    live = check(client, walk, BAD_DRAFT, "x", live="first")
    assert live.status_code == 200
    html = live.get_data(as_text=True)
    assert "<html" not in html and "<form" not in html
    assert live.headers["X-CSRF-Token"]
    assert live.headers["Cache-Control"] == "no-store"
    from bs4 import BeautifulSoup

    fragment = BeautifulSoup(html, "html.parser")
    assert [f.get_text(" ", strip=True) for f in fragment.select("li.finding")] == [
        f.get_text(" ", strip=True) for f in full.select("#findings li.finding")
    ]


def test_the_channel_changes_the_advice(client):
    walk, _ = member(client)
    text = "#AcmeEmployee " + "Small batches beat big releases, every time. " * 8
    on_x = check(client, walk, text, "x").get_data(as_text=True)
    on_linkedin = check(client, walk, text, "linkedin").get_data(as_text=True)
    assert "Too long for X (Twitter)" in on_x
    assert "Too long for" not in on_linkedin


def test_an_empty_or_huge_draft_gets_a_message_and_keeps_the_channel(client, walk, pages):
    walk.complete()
    page = pages.check(check(client, walk, "   ", "blog"))
    assert "Paste or type a draft to check" in page.select_one(".error-summary").get_text()
    assert page.select_one("#channel option[selected]")["value"] == "blog"
    huge = pages.check(check(client, walk, "word " * 2500, "blog"))
    assert "Your draft must be 10000 characters or fewer; it has 12500." in huge.select_one(
        ".error-summary"
    ).get_text(" ", strip=True)
    bad_channel = pages.check(check(client, walk, "A draft.", "myspace"))
    assert "Choose a channel from the list" in bad_channel.get_text()


def test_a_draft_page_needs_a_finished_framework(client, walk):
    walk.start()
    assert client.get(f"{walk.base}/draft").status_code == 404
    assert client.get("/f/no-such-link/draft").status_code == 404


def test_the_draft_is_never_stored_and_never_logged(app, client, caplog):
    """The text appears in no table row, no database file and no log record."""
    caplog.set_level(logging.DEBUG)
    marker = "Zanzibar-quokka-7731 internal only"
    walk, admin = member(client)
    assert check(client, walk, marker).status_code == 200
    assert check(client, walk, marker + " more", live="first").status_code == 200
    assert check(client, walk, marker + " and more", live="repeat").status_code == 200
    assert check(client, walk, marker, "no-such-channel").status_code == 200  # refused
    assert client.get(f"/manage/{admin}").status_code == 200
    with app.app_context():
        db.session.remove()
        tables = MetaData()
        tables.reflect(db.engine)
        with db.engine.connect() as connection:
            for table in tables.sorted_tables:
                for row in connection.execute(select(table)):
                    assert "Zanzibar" not in repr(tuple(row)), table.name
        url = db.engine.url
    if url.get_backend_name() == "sqlite":
        for path in Path(url.database).parent.glob(Path(url.database).name + "*"):
            assert b"Zanzibar" not in path.read_bytes(), path
    assert "Zanzibar" not in caplog.text
    assert all("Zanzibar" not in str(r.args) for r in caplog.records)


def test_the_dashboard_counts_checks_as_a_number_only(app, client):
    walk, admin = member(client)
    check(client, walk, "A draft about caching.")
    dashboard = client.get(f"/manage/{admin}").get_data(as_text=True)
    # A small count is hidden like every other count on the dashboard.
    assert re.search(r'id="draft-checks">fewer than \d+<', dashboard)
    for _ in range(4):
        check(client, walk, "A draft about caching.")
    check(client, walk, "A draft about caching, typed on.", live="first")
    check(client, walk, "A draft about caching, typed on and on.", live="repeat")  # same check
    check(client, walk, "")  # nothing checked
    with app.app_context():
        programme = Programme.by_admin_token(admin)
        assert programme.draft_checks == 6
    dashboard = client.get(f"/manage/{admin}").get_data(as_text=True)
    assert re.search(r'id="draft-checks">6<', dashboard)
    assert "caching" not in dashboard
    spreadsheet = client.get(f"/manage/{admin}/aggregates.csv").get_data(as_text=True)
    assert "Progress,Drafts checked,6" in spreadsheet.splitlines()
    assert "caching" not in spreadsheet


def test_a_framework_without_a_programme_is_checked_but_counted_nowhere(app, client, walk):
    walk.complete()
    page = check(client, walk, "Humbled to announce my new role!!! #softwaretestingtips")
    text = page.get_data(as_text=True)
    assert "An opening that is about you, not the work" in text
    assert "Capitalise each word in hashtags" in text
    with app.app_context():
        assert all(p.draft_checks == 0 for p in db.session.scalars(select(Programme)))


def test_programme_settings_hold_the_name_lists(client, pages):
    created = create_programme(client, NAMES)
    admin = admin_token_from(created.location)
    settings = pages.check(client.get(f"/manage/{admin}/settings"))
    assert settings.select_one("#products").get_text().split() == ["Anvil", "Roadrunner", "Cloud"]
    assert settings.select_one("#off_limits").get_text().strip() == NAMES["off_limits"]


@pytest.mark.parametrize("phrase", ["salary", "our pay", "Working conditions", "unions"])
def test_an_off_limits_list_may_not_ban_talk_about_pay_or_conditions(client, phrase):
    response = create_programme(client, {"off_limits": f"Project Falcon\n{phrase}"})
    assert response.status_code == 200
    assert "would stop people talking about pay or working conditions" in response.get_data(
        as_text=True
    )


# --- never flagged: one's own pay and working conditions ----------------------

PAY_DRAFTS = [
    "Acme pays me 15% less than the market rate, and I think we should talk about salaries.",
    "My colleagues and I at Acme are organising a union for fair pay and better hours.",
    "Our Anvil on-call rota means 60-hour weeks, and overtime is unpaid.",
    "I earn less than the new hires on my team at Acme. Salary transparency would fix that.",
    "Working conditions at Acme: no paid breaks on night shifts, and we are understaffed.",
    "We were told our Q3 bonus depends on targets nobody at Globex or Acme has shown us.",
    "Acme cut our pension and parental leave this year; the union is asking why.",
    "I was paid late twice this quarter at Acme. Is that normal where you work?",
]


@pytest.mark.parametrize("draft", PAY_DRAFTS)
@pytest.mark.parametrize("channel", ["linkedin", "x"])
def test_talking_about_ones_own_pay_or_working_conditions_is_never_flagged(draft, channel):
    library = load_library()
    context = DraftContext(
        channel=channel,
        company="Acme",
        disclosure="#AcmeEmployee",
        products=("Anvil",),
        competitors=("Globex",),
        customers=("Initech",),
        # A programme cannot save these (see above); even if one did, they never apply.
        off_limits=(OffLimits("salary"), OffLimits("union"), OffLimits("hours")),
        sectors=tuple(library.sectors),  # every sector at once
        tone={"humour": 5, "formality": 1, "respect": 1, "enthusiasm": 5},
        formal_field=True,
    )
    assert check_draft(draft, context) == []


def test_pay_words_do_not_hide_a_leak_elsewhere_in_the_draft():
    context = DraftContext(company="Acme", disclosure="#AcmeEmployee", customers=("Initech",))
    draft = "I earn less than my peers at Acme. Separately, Initech is moving to us next month."
    assert {f.code for f in check_draft(draft, context)} >= {"customer-name"}


def test_secrets_are_flagged_even_in_a_sentence_about_pay():
    draft = "My salary is too low, and here is our key AKIAIOSFODNN7EXAMPLE."
    codes = [f.code for f in check_draft(draft, DraftContext())]
    assert "secret" in codes
    finding = next(f for f in check_draft(draft, DraftContext()) if f.code == "secret")
    assert "AKIAIOSFODNN7EXAMPLE" not in finding.excerpt  # shown masked


# --- disclosure where readers see it --------------------------------------------


def test_disclosure_must_be_inside_linkedins_first_210_characters():
    context = DraftContext(channel="linkedin", company="Acme", disclosure="#AcmeEmployee")
    early = "#AcmeEmployee " + "x " * 150 + "Acme ships."
    late = "Acme ships. " + "word " * 45 + "#AcmeEmployee"
    assert [f.code for f in check_draft(early, context) if "disclosure" in f.code] == []
    assert "disclosure-late" in [f.code for f in check_draft(late, context)]


def test_disclosure_must_be_inside_the_post_on_x():
    context = DraftContext(channel="x", company="Acme", disclosure="#AcmeEmployee")
    inside_post = "Acme ships. " + "word " * 40 + "#AcmeEmployee"  # about 230 characters
    beyond = "Acme ships. " + "word " * 60 + "#AcmeEmployee"  # past 280
    assert "disclosure-late" not in [f.code for f in check_draft(inside_post, context)]
    assert "disclosure-late" in [f.code for f in check_draft(beyond, context)]


def test_internal_channel_needs_no_disclosure():
    context = DraftContext(channel="internal", company="Acme", disclosure="#AcmeEmployee")
    assert "disclosure-missing" not in [f.code for f in check_draft("Acme ships.", context)]


@pytest.mark.parametrize(
    "role, expertise",
    [
        ("Public affairs manager at a housing charity", "Public policy"),
        ("Senior lecturer in sociology", "Higher education"),
        ("Test lead in the payments team", "Software testing"),
    ],
)
def test_a_draft_is_checked_against_the_words_the_plan_says_to_avoid(role, expertise):
    """The draft check reads the same words to avoid as the person's plan, a
    field's and a sector's own included."""
    from datetime import date

    from tests.test_calendar_weeks import answers
    from wizard.drafts.context import literal_avoid_words
    from wizard.drafts.from_answers import context_for
    from wizard.generators.plan import build_plan

    library = load_library()
    given = answers(expertise, [])
    given["work"] |= {"role": role}
    plan = build_plan(given, library, seed=1, today=date(2026, 11, 30))
    context = context_for(given, library, None, "linkedin")
    assert context.avoid_words == literal_avoid_words(plan.tone.avoid_words)
