"""Programmes: create, change, rotate links, join, and what a framework gets from them."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from models import db
from models.frameworks import Framework
from models.programmes import Programme
from tests.pages import form_fields
from tests.programme_walk import admin_token_from, create_programme, join
from tests.wizard_walk import WizardWalk
from wizard.plans import plan_for


def programme_of(app, admin_token: str) -> Programme:
    """The programme behind a manage token, read fresh from the database."""
    with app.app_context():
        programme = Programme.by_admin_token(admin_token)
        db.session.expunge(programme)
        return programme


def join_and_complete(client, code: str, changes=None) -> str:
    """Join a programme and answer every step; returns the private token."""
    walk = join(client, code)
    walk.answer_all(changes)
    walk.confirm()
    return walk.token


def test_a_comms_team_creates_a_programme(client, app, pages):
    pages.check(client.get("/programmes/new"))
    response = create_programme(client)
    assert response.status_code == 303
    assert "created=1" in response.location
    admin_token = admin_token_from(response.location)
    assert len(admin_token) >= 22  # at least 128 random bits
    with app.app_context():
        programme = Programme.by_admin_token(admin_token)
        assert programme.name == "Acme Voices"
        assert programme.tone["humour"] == {"default": 4, "low": 3, "high": 5}
        assert [title for _id, title in programme.theme_pairs()] == [
            "How we build for reliability",
            "Life in the platform team",
        ]
        # Only the hash of the manage link is stored.
        assert admin_token not in repr(
            db.session.execute(db.text("SELECT * FROM programmes")).all()
        )


def test_a_nul_character_pasted_into_a_programme_is_dropped_not_refused_by_the_database(
    client, app
):
    """PostgreSQL refuses a NUL in any text column (a 500 before); SQLite kept it.
    Both now store what was meant."""
    response = create_programme(client, {"company": "Acme\x00 Corp", "name": "Acme\x00 Voices"})
    assert response.status_code == 303
    with app.app_context():
        programme = Programme.by_admin_token(admin_token_from(response.location))
        assert programme.name == "Acme Voices"
        assert "\x00" not in repr(db.session.execute(db.text("SELECT * FROM programmes")).all())


def test_bad_programme_input_gets_messages_and_keeps_what_was_typed(client, app, pages):
    response = create_programme(
        client,
        {
            "name": "",
            "rules": "Be kind.",
            "humour_low": "4",
            "humour_high": "2",
            "formality_default": "9",
            "company_themes": "\n".join(f"Theme {n}" for n in range(8)),
            "disclosure": "x" * 201,
        },
    )
    soup = pages.check(response)
    assert soup.title.get_text().startswith("Error: ")
    summary = soup.select_one(".error-summary").get_text(" ", strip=True)
    for message in (
        "Enter a name for the programme",
        "The end of the range must not come before its start",
        "“Where people start on formality”: choose one of the answers offered",
        "Suggest at most 6 themes",
        "How people say they work for the company must be 200 characters or fewer; it has 201.",
    ):
        assert message in summary, (message, summary)
    assert soup.find("textarea", id="rules").get_text().lstrip("\r\n") == "Be kind."
    assert soup.find("input", id="company").get("value") == "Acme"
    with app.app_context():
        assert db.session.query(Programme).count() == 0


def test_the_starting_point_must_be_in_the_range(client):
    response = create_programme(client, {"humour_default": "1"})
    assert "The starting point must be inside the range you allow" in response.get_data(
        as_text=True
    )


def test_rules_that_forbid_talking_about_pay_get_a_warning(client, pages):
    response = create_programme(
        client, {"name": "", "rules": "- Never discuss your salary or bonus online.\n- Be kind."}
    )
    soup = pages.check(response)
    warning = soup.select_one(".warning-box").get_text(" ", strip=True)
    assert "pay or working conditions" in warning
    assert "Never discuss your salary or bonus online" in warning
    assert "Be kind" not in warning

    fine = pages.check(
        create_programme(client, {"name": "", "rules": "Don't share customer data."})
    )
    assert fine.select_one(".warning-box") is None


def test_settings_change_every_framework_in_the_programme(client, app, pages):
    admin_token = admin_token_from(create_programme(client).location)
    code = programme_of(app, admin_token).share_code
    token = join_and_complete(client, code)
    page = pages.check(client.get(f"/f/{token}"))
    assert "Never share customer names" in page.find(id="rules-title").parent.get_text()
    before = programme_of(app, admin_token).rules_updated_at

    settings = client.get(f"/manage/{admin_token}/settings")
    pages.check(settings)
    data = form_fields(settings.get_data(as_text=True), 0)
    data["rules"] = ["- Always add #AcmeEmployee to posts about our products."]
    response = client.post(f"/manage/{admin_token}/settings", data=data)
    assert response.status_code == 303
    after = programme_of(app, admin_token)
    assert after.rules_updated_at > before

    page = pages.check(client.get(f"/f/{token}"))
    rules = page.find(id="rules-title").parent.get_text(" ", strip=True)
    assert "Always add #AcmeEmployee" in rules
    assert "Never share customer names" not in rules
    assert "last changed" in rules


def test_rotating_links_makes_the_old_ones_404(client, app):
    admin_token = admin_token_from(create_programme(client).location)
    old_code = programme_of(app, admin_token).share_code
    settings = client.get(f"/manage/{admin_token}/settings").get_data(as_text=True)
    soup = BeautifulSoup(settings, "html.parser")
    posting = soup.find_all("form", method="post")
    share_index = next(
        i
        for i, f in enumerate(posting)
        if f.find("input", attrs={"name": "which", "value": "share"})
    )
    response = client.post(f"/manage/{admin_token}/rotate", data=form_fields(settings, share_index))
    assert response.status_code == 303
    new_code = programme_of(app, admin_token).share_code
    assert new_code != old_code
    assert client.get(f"/join/{old_code}").status_code == 404
    assert client.get(f"/join/{new_code}").status_code == 200

    settings = client.get(f"/manage/{admin_token}/settings").get_data(as_text=True)
    soup = BeautifulSoup(settings, "html.parser")
    posting = soup.find_all("form", method="post")
    manage_index = next(
        i
        for i, f in enumerate(posting)
        if f.find("input", attrs={"name": "which", "value": "manage"})
    )
    response = client.post(
        f"/manage/{admin_token}/rotate", data=form_fields(settings, manage_index)
    )
    new_admin = admin_token_from(response.location)
    assert new_admin != admin_token
    assert "new manage link" in client.get(response.location).get_data(as_text=True)
    assert client.get(f"/manage/{admin_token}/settings").status_code == 404
    assert client.get(f"/manage/{new_admin}/settings").status_code == 200


def test_rotating_without_a_token_changes_nothing(client, app):
    admin_token = admin_token_from(create_programme(client).location)
    code = programme_of(app, admin_token).share_code
    client.post(f"/manage/{admin_token}/rotate", data={"which": "share"})
    assert programme_of(app, admin_token).share_code == code


def test_a_framework_made_through_a_share_link_carries_the_programme(client, app, pages):
    admin_token = admin_token_from(create_programme(client).location)
    code = programme_of(app, admin_token).share_code
    intro = pages.check(client.get(f"/join/{code}"))
    assert intro.h1.get_text() == "Acme Voices"
    assert "Never share customer names" in intro.get_text()

    walk = join(client, code)
    for step in ("work", "comfort", "goals"):
        assert walk.submit(step).status_code == 303

    # Tone: the programme's starting point, only the choices it allows.
    tone = pages.check(client.get(f"{walk.base}/step/tone"))
    humour = [i["value"] for i in tone.select("input[name=humour]")]
    assert humour == ["3", "4", "5"]
    assert tone.select_one("input[name=humour][checked]")["value"] == "4"
    rejected = walk.submit("tone", {"humour": "1"})
    assert rejected.status_code == 200
    assert "choose one of the answers offered" in rejected.get_data(as_text=True)
    assert walk.submit("tone").status_code == 303

    # Themes: the company's themes are offered first.
    themes = pages.check(client.get(f"{walk.base}/step/themes"))
    titles = [t.get_text() for t in themes.select("textarea[name$='-title']")]
    assert titles[:2] == ["How we build for reliability", "Life in the platform team"]
    # Labelled as the company's.
    rows = themes.select(".theme-row")
    assert [r.select_one(".theme-source").get_text(strip=True) for r in rows[:2]] == [
        "Suggested by Acme"
    ] * 2
    assert rows[2].select_one(".theme-source") is None
    # Offered, not ticked: this programme did not ask for that. The person's own are.
    ticked = [r.select_one("input[name$='-include']").has_attr("checked") for r in rows]
    assert ticked[:2] == [False, False] and any(ticked[2:])
    # The person ticks the first one themselves.
    assert walk.submit("themes", {"themes-0-include": "y"}).status_code == 303

    # Situations: the rules are shown as fixed.
    situations = pages.check(client.get(f"{walk.base}/step/situations"))
    assert "Never share customer names" in situations.select_one(".programme-rules").get_text()
    assert walk.submit("situations").status_code == 303
    walk.confirm()

    page = pages.check(client.get(walk.base))
    sections = [h.get("id") for h in page.select("main h2[id]")]
    assert sections.index("rules-title") < sections.index("tone-title")
    printed = pages.check(client.get(f"{walk.base}/print"))
    headings = [h.get("id") for h in printed.select("main h2[id]")]
    assert headings.index("rules-title") < headings.index("tone-title")
    assert "Never share customer names" in printed.select_one(".programme-rules").get_text()
    markdown = client.get(f"{walk.base}/framework.md").get_data(as_text=True)
    assert markdown.index("## Acme's rules") < markdown.index("## Your tone")
    assert "Never share customer names" in markdown and "#AcmeEmployee" in markdown
    with app.app_context():
        framework = Framework.by_token(walk.token)
        assert framework.programme.name == "Acme Voices"
        plan = plan_for(framework)
        assert plan.tone.lines[0].position == 4
        company = [t for t in plan.outline if t.title == "How we build for reliability"]
        assert company
        for idea in company[0].ideas:
            assert "#AcmeEmployee" in idea.disclosure
        assert {kind for kind, _ in ((f.kind, f.value) for f in framework.facts)} == {
            "step",
            "area",
            "rung",
            "channel",
            "theme",
        }


def company_rows_ticked(client, pages, code: str) -> list[bool]:
    """Whether each company theme starts ticked for a colleague who joins now."""
    walk = join(client, code)
    for step in ("work", "comfort", "goals", "tone"):
        assert walk.submit(step).status_code == 303
    themes = pages.check(client.get(f"{walk.base}/step/themes"))
    rows = [r for r in themes.select(".theme-row") if r.select_one(".theme-source")]
    return [r.select_one("input[name$='-include']").has_attr("checked") for r in rows]


def test_company_themes_start_ticked_only_when_the_programme_asks(client, app, pages):
    admin_token = admin_token_from(create_programme(client).location)
    code = programme_of(app, admin_token).share_code
    assert company_rows_ticked(client, pages, code) == [False, False]

    settings = pages.check(client.get(f"/manage/{admin_token}/settings"))
    box = settings.select_one("input[name=tick_company_themes]")
    assert box["type"] == "checkbox" and not box.has_attr("checked")
    assert settings.find("label", attrs={"for": box["id"]}).get_text() == (
        "Start people with these themes ticked"
    )
    data = form_fields(str(settings), 0)
    data["tick_company_themes"] = ["y"]
    assert client.post(f"/manage/{admin_token}/settings", data=data).status_code == 303
    assert programme_of(app, admin_token).tick_company_themes is True
    again = pages.check(client.get(f"/manage/{admin_token}/settings"))
    assert again.select_one("input[name=tick_company_themes]").has_attr("checked")
    assert company_rows_ticked(client, pages, code) == [True, True]

    # Unticking it in the settings turns it off again (an unticked box sends nothing).
    data.pop("tick_company_themes")
    assert client.post(f"/manage/{admin_token}/settings", data=data).status_code == 303
    assert company_rows_ticked(client, pages, code) == [False, False]


def test_later_limits_apply_to_earlier_answers(client, app):
    admin_token = admin_token_from(create_programme(client, {"humour_low": "1"}).location)
    code = programme_of(app, admin_token).share_code
    walk = join(client, code)
    walk.answer_all({"tone": {"humour": "1"}})
    walk.confirm()
    with app.app_context():
        programme = Programme.by_admin_token(admin_token)
        programme.tone = {**programme.tone, "humour": {"default": 4, "low": 3, "high": 5}}
        db.session.commit()
        assert plan_for(Framework.by_token(walk.token)).tone.lines[0].position == 3


def test_sharing_with_the_programme_is_the_persons_choice(client, app, pages):
    admin_token = admin_token_from(create_programme(client).location)
    code = programme_of(app, admin_token).share_code
    token = join_and_complete(client, code)
    page = client.get(f"/f/{token}").get_data(as_text=True)
    soup = BeautifulSoup(page, "html.parser")
    posting = soup.find_all("form", method="post")
    index = next(i for i, f in enumerate(posting) if "/share" in f["action"])
    assert "Share my framework" in posting[index].get_text()
    response = client.post(f"/f/{token}/share", data=form_fields(page, index))
    assert response.status_code == 303
    with app.app_context():
        assert Framework.by_token(token).shared_with_programme
    page = pages.check(client.get(f"/f/{token}"))
    assert "Stop sharing" in page.get_text()

    # A framework outside any programme has nothing to share with.
    alone = WizardWalk(client).complete()
    assert client.post(f"/f/{alone}/share", data={"share": "yes"}).status_code == 404


def test_programme_text_is_escaped_and_rules_are_sanitised(client, app, pages):
    payload = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    response = create_programme(
        client,
        {
            "name": payload[:100],
            "company": "Acme <b>Corp</b>",
            "rules": f"- Be kind {payload}\n- [click](javascript:alert(3))",
            "company_themes": "Reliability <script>x</script>",
        },
    )
    admin_token = admin_token_from(response.location)
    code = programme_of(app, admin_token).share_code
    for url in (f"/join/{code}", f"/manage/{admin_token}/settings"):
        response = client.get(url)
        pages.check(response)
        html = response.get_data(as_text=True)
        assert "<script>alert" not in html and "<img src=x" not in html
        assert 'href="javascript:' not in html
    token = join_and_complete(client, code)
    html = client.get(f"/f/{token}").get_data(as_text=True)
    assert "<script>" not in html and "<img src=x" not in html
    assert 'href="javascript:' not in html
    assert "Acme &lt;b&gt;Corp&lt;/b&gt;" in html


def test_unknown_programme_links_are_404(client, pages):
    pages.check(client.get("/join/no-such-code"), 404)
    pages.check(client.get("/manage/no-such-token/settings"), 404)
    assert client.post("/manage/no-such-token/rotate").status_code in (400, 404)
    assert re.search("404|not found", client.get("/join/x").get_data(as_text=True), re.I)


def test_a_programme_in_a_regulated_sector_adds_its_situations_for_everyone(client, app, pages):
    form = pages.check(client.get("/programmes/new"))
    sector_options = [o["value"] for o in form.select("select[name=sector] option")]
    assert sector_options[0] == "" and "financial-services" in sector_options
    rejected = create_programme(client, {"sector": "alchemy"})
    assert rejected.status_code == 200
    assert "choose one of the answers offered" in rejected.get_data(as_text=True)

    admin_token = admin_token_from(
        create_programme(client, {"sector": "financial-services"}).location
    )
    programme = programme_of(app, admin_token)
    assert programme.sector == "financial-services"
    edit = pages.check(client.get(f"/manage/{admin_token}/settings"))
    chosen = edit.select_one("select[name=sector] option[selected]")
    assert chosen is not None and chosen["value"] == "financial-services"

    # Software testing has no sector of its own: the situations come from the programme.
    token = join_and_complete(client, programme.share_code)
    page = pages.check(client.get(f"/f/{token}"))
    assert page.select_one("#situation-inside-information") is not None
    assert "Financial services" in page.select_one("#situation-inside-information").get_text()
    markdown = client.get(f"/f/{token}/framework.md").get_data(as_text=True)
    assert "### You know something the market does not" in markdown


def test_two_colleagues_never_open_the_same_week_with_the_same_post(client, app):
    admin_token = admin_token_from(create_programme(client).location)
    code = programme_of(app, admin_token).share_code
    tokens = [join_and_complete(client, code) for _ in range(2)]
    with app.app_context():
        frameworks = [Framework.by_token(token) for token in tokens]
        # Neighbouring members get neighbouring rotations of the same ideas.
        assert frameworks[1].idea_seed % 720720 == (frameworks[0].idea_seed + 1) % 720720
        plans = [plan_for(framework) for framework in frameworks]
    assert [t.title for t in plans[0].outline] == [t.title for t in plans[1].outline]
    for mine, theirs in zip(plans[0].calendar, plans[1].calendar, strict=True):
        assert {s.idea.hook for s in mine.slots}.isdisjoint(s.idea.hook for s in theirs.slots)
