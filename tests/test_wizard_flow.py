"""A person goes through the wizard, through Flask's test client."""

import re

from models import db
from models.frameworks import Framework, StepAnswer, hash_token
from tests.pages import form_fields, python_reprs
from tests.wizard_walk import STEPS


def test_home_and_start_pages(client, pages):
    home = pages.check(client.get("/"))
    assert home.find("a", href="/start")
    start = pages.check(client.get("/start"))
    assert "private link" in start.get_text()


def test_start_creates_a_draft_and_opens_step_one(walk, app):
    token = walk.start()
    assert len(token) >= 22  # at least 128 random bits, URL-safe
    with app.app_context():
        framework = db.session.scalar(db.select(Framework))
        assert framework.token_hash == hash_token(token)
        assert token not in framework.token_hash


def test_whole_wizard_gives_a_framework_with_the_persons_words(walk, client, pages):
    token = walk.complete()
    page = pages.check(client.get(f"/f/{token}"))
    text = page.get_text(" ")
    assert "Test lead in the payments team" in text
    start = page.select_one(".framework-start").get_text()
    assert start == "Where you start: “I comment and share now and then” · about an hour a week."
    for words in ("flaky end-to-end tests", "risk-based testing", "exploratory testing"):
        assert words in text
    rows = page.select(".outline-table tbody tr")
    assert len(rows) >= 3
    assert all(len(row.find_all("td")) == 4 for row in rows)
    # The playbook: the testing family's own situations first (bugs found, audits), then
    # the general ones; each folded to its approach, opening to do and avoid.
    situations = page.select(".playbook-list details")
    ids = [situation["id"] for situation in situations]
    assert ids[:2] == ["situation-defect-you-found", "situation-audit-findings"]
    assert len(situations) == 20  # with "You post about a role", for the hiring goal
    assert "situation-posting-a-role" in ids
    assert all(s.summary.get_text().count("Your approach:") == 1 for s in situations)
    assert all(len(s.select(".do-dont ul")) == 2 for s in situations)
    # This week's post (here the first, after the setup week) links to its idea.
    assert page.select_one(".this-week a[href*='/ideas?']")
    # Each theme links to its ideas.
    assert len(page.select(".idea-themes a")) == len(rows)
    assert page.find("input", id="private-link-url")["value"].endswith(f"/f/{token}")


def test_progress_back_link_and_titles(walk, client, pages):
    walk.start()
    for number, step in enumerate(STEPS, start=1):
        page = pages.check(client.get(f"{walk.base}/step/{step}"))
        assert f"Step {number} of {len(STEPS)}" in page.get_text()
        assert page.find("a", class_="back-link")
        assert page.h1.get_text(strip=True) in page.title.get_text()
        assert walk.submit(step).status_code == 303
    titles = set()
    for step in STEPS:
        titles.add(pages.check(client.get(f"{walk.base}/step/{step}")).title.get_text())
    assert len(titles) == len(STEPS)


def test_a_person_cannot_skip_ahead(walk, client):
    walk.start()
    response = client.get(f"{walk.base}/step/themes")
    assert response.status_code == 302
    assert response.location.endswith(f"{walk.base}/step/work")
    assert client.get(f"{walk.base}/check").location.endswith("/step/work")
    assert client.get(f"{walk.base}/step/no-such-step").status_code == 404


def test_stopping_halfway_and_coming_back(walk, client, pages, app):
    walk.start()
    for step in STEPS[:3]:
        walk.submit(step)
    # A new visit through the private link continues where the person left off.
    fresh = app.test_client()
    response = fresh.get(walk.base)
    assert response.location.endswith(f"{walk.base}/step/tone")
    # ...and the earlier answers are shown again.
    page = pages.check(fresh.get(f"{walk.base}/step/work"))
    assert page.find("input", id="role")["value"] == "Test lead in the payments team"
    comfort = pages.check(fresh.get(f"{walk.base}/step/comfort"))
    assert comfort.find("input", id="rung-1").has_attr("checked")


def test_errors_keep_what_was_typed(walk, client, pages):
    walk.start()
    response = walk.submit(
        "work", {"role": "Data wrangler", "subtopics": "only one", "audience": ""}
    )
    page = pages.check(response)
    assert page.title.get_text().startswith("Error: ")
    summary = page.select(".error-summary a")
    assert {a["href"] for a in summary} == {"#subtopics", "#audience"}
    assert page.find("input", id="role")["value"] == "Data wrangler"
    assert page.find("textarea", id="subtopics").get_text().strip() == "only one"
    assert page.find(id="audience-error")
    assert "aria-invalid" in page.find("input", id="audience").attrs


def test_choices_are_checked_on_the_server(walk, pages):
    walk.start()
    walk.submit("work")
    page = pages.check(
        walk.submit("comfort", {"rung": "9", "channels": ["fax"], "time": "forever"})
    )
    assert len(page.select(".error-summary li")) == 3
    assert page.select_one(".error-summary a")["href"] == "#rung-0"


def test_too_long_answers_get_a_message(walk, pages):
    walk.start()
    page = pages.check(walk.submit("work", {"role": "x" * 190}))
    message = "Your role must be 120 characters or fewer; it has 190."
    assert page.select_one(".error-summary a").get_text(strip=True) == message
    assert message in page.select_one("#role-error").get_text()
    # Nothing cut: the browser keeps all that was typed, and the page shows the count.
    role = page.find("input", id="role")
    assert role["value"] == "x" * 190
    assert not role.has_attr("maxlength")
    count = page.select_one("#role-count")
    assert count.get_text(strip=True) == "190 characters: 70 too many (up to 120)"
    assert "role-count" in role["aria-describedby"].split()


def test_a_too_long_sub_topic_is_named_with_its_numbers(walk, pages):
    walk.start()
    long_line = "y" * 95
    page = pages.check(walk.submit("work", {"subtopics": f"risk-based testing\n{long_line}"}))
    assert (
        "Line 2 of the things you know well must be 80 characters or fewer; it has 95."
        in page.select_one(".error-summary").get_text()
    )


def test_themes_need_three_to_six(walk, client, pages):
    walk.start()
    for step in STEPS[:4]:
        walk.submit(step)
    page = client.get(f"{walk.base}/step/themes").get_data(as_text=True)
    data = form_fields(page)
    for key in [k for k in data if k.endswith("-include")][1:]:
        del data[key]
    page = pages.check(client.post(f"{walk.base}/step/themes", data=data))
    assert "Choose at least 3 themes" in page.get_text()
    assert page.select_one(".error-summary a")["href"] == "#themes"


def test_own_theme_and_order_are_kept(walk, client, pages):
    walk.start()
    for step in STEPS[:4]:
        walk.submit(step)
    data = form_fields(client.get(f"{walk.base}/step/themes").get_data(as_text=True))
    blank = next(k[: -len("-title")] for k, v in data.items() if k.endswith("-title") and v == [""])
    data[f"{blank}-include"] = ["y"]
    data[f"{blank}-title"] = ["Why we pair testers with developers"]
    data[f"{blank}-order"] = ["1"]
    data[f"{blank}-weeks"] = ["3"]
    # Two themes numbered 1: the page says which, and keeps what was typed.
    clash = pages.check(client.post(f"{walk.base}/step/themes", data=data))
    message = clash.select_one("#themes-error").get_text()
    first_title = data["themes-0-title"][0]
    assert f"“{first_title}” and “Why we pair testers with developers” are both number 1" in message
    assert clash.find("textarea", attrs={"name": f"{blank}-title"}).get_text() == (
        "Why we pair testers with developers"
    )
    # Numbered without a clash, the new theme goes first.
    for key in [k for k in data if k.endswith("-order") and k != f"{blank}-order"]:
        if key.replace("-order", "-include") in data:
            data[key] = [str(int(data[key][0]) + 1)]
    assert client.post(f"{walk.base}/step/themes", data=data).status_code == 303
    walk.submit("situations")
    walk.confirm()
    page = pages.check(client.get(walk.base))
    first = page.select(".outline-table tbody tr")[0]
    assert "Why we pair testers with developers" in first.get_text()


def test_check_answers_change_links_come_back_to_check(walk, client, pages):
    walk.start()
    walk.answer_all()
    check = pages.check(client.get(f"{walk.base}/check"))
    links = [a["href"] for a in check.select(".check-change")]
    assert len(links) == len(STEPS)
    assert all(link.endswith("?from=check") for link in links)
    response = walk.submit("work", {"role": "Principal tester"}, query="?from=check")
    assert response.location.endswith(f"{walk.base}/check")
    assert "Principal tester" in client.get(f"{walk.base}/check").get_data(as_text=True)


def test_reposting_a_step_leaves_the_same_state(walk, app):
    walk.start()
    walk.submit("work")
    walk.submit("work")
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(StepAnswer)) == 1


def test_completing_twice_keeps_the_first_completion(walk, client, app):
    walk.complete()
    with app.app_context():
        first = db.session.scalar(db.select(Framework.completed_at))
    walk.confirm()
    with app.app_context():
        assert db.session.scalar(db.select(Framework.completed_at)) == first


def test_tampered_answers_are_caught_before_completion(walk, client, app, pages):
    walk.start()
    walk.answer_all()
    with app.app_context():
        answer = db.session.scalar(db.select(StepAnswer).where(StepAnswer.step == "comfort"))
        answer.data = {**answer.data, "rung": 42}
        db.session.commit()
    page = pages.check(walk.confirm(expect=200))
    assert "Some answers need another look" in page.get_text()
    with app.app_context():
        assert db.session.scalar(db.select(Framework.completed_at)) is None


def test_unknown_links_are_404(client, pages):
    for url in ("/f/nope", "/f/nope/step/work", "/f/nope/check", "/f/" + "a" * 43):
        page = pages.check(client.get(url), status=404)
        assert "Page not found" in page.get_text()


def test_deleting_removes_everything(walk, client, app):
    token = walk.complete()
    page = client.get(f"/f/{token}").get_data(as_text=True)
    response = client.post(f"/f/{token}/delete", data=form_fields(page))
    assert response.status_code == 303
    assert client.get(f"/f/{token}").status_code == 404
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(StepAnswer)) == 0


def test_unknown_expertise_still_gets_specific_themes(walk, client, pages):
    changes = {
        "work": {
            "expertise": "Beekeeping logistics",
            "subtopics": "hive transport\npollination contracts",
            "audience": "orchard owners",
        }
    }
    token = walk.complete(changes)
    text = pages.check(client.get(f"/f/{token}")).get_text(" ")
    assert "hive transport" in text.lower() and "pollination contracts" in text.lower()


def test_check_answers_shows_every_step_in_words(walk, client, pages):
    walk.start()
    walk.answer_all()
    check = pages.check(client.get(f"{walk.base}/check"))
    themes = check.find(id="check-themes").find_parent("section")
    items = [li.get_text(" ", strip=True) for li in themes.select(".summary-items li")]
    # The four preselected suggestions, numbered in order, each with its period;
    # the suggestions left unticked are not listed.
    assert len(items) == 4, items
    for n, item in enumerate(items, start=1):
        assert re.fullmatch(rf"{n}\. \S.* · 2 weeks", item), item
    text = check.get_text(" ", strip=True)
    assert not python_reprs(str(check))
    for raw in ("'include'", "True", "template:"):
        assert raw not in text, raw
    assert "Software testing" in text and "risk-based testing" in text


def test_the_page_checker_finds_python_representations():
    for raw in (
        "<dd>[{'include': True, 'title': 'x'}]</dd>",
        "<dd>{'a': 1}</dd>",
        "<dd>None</dd>",
        '<input value="None">',
        "<p><wizard.Plan object at 0x7f00></p>",
        "<p>Markup('&lt;b&gt;')</p>",
    ):
        assert python_reprs(raw), raw
    for fine in (
        "<p>None of these is wrong.</p>",
        "<textarea>[{&#34;a&#34;: 1}]</textarea>",
        "<p>Nonetheless</p>",
    ):
        assert not python_reprs(fine), fine


def test_a_litigator_s_playbook_and_check_page_hold_the_field_s_own_situations(walk, client, pages):
    """A field the library does not know still finds its sector and family from
    its words: court documents come first, and no customer or product cards."""
    walk.start()
    walk.answer_all(
        {
            "work": {
                "expertise": "Commercial litigation",
                "subtopics": "disclosure\nwitness statements",
            }
        }
    )
    check = pages.check(client.get(f"{walk.base}/check"))
    situations = check.find(id="check-situations").find_parent("section").get_text(" ")
    assert "Disclosed documents, witness statements and draft judgments" in situations
    assert "A request or a report arrives in a comment or message" in situations
    assert "A customer complains to you" not in situations
    walk.confirm()
    page = pages.check(client.get(walk.base))
    cards = [s["id"].removeprefix("situation-") for s in page.select(".playbook-list details")]
    assert cards[:4] == [
        "client-matter",
        "legal-question-online",
        "court-documents",
        "judges-and-opponents",
    ]
    assert "open-matter-at-work" in cards and "advice-in-comments" not in cards
    assert not {"customer-complaint", "praising-products", "competitor-mention"} & set(cards)
    assert cards[-1] == "any-doubt"
