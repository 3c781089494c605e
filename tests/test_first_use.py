"""What a person meets on first use: programme rules written the way the hint
says (a list right after a line of text), a preview of them before saving,
and a Back link on step 1 that keeps the draft."""

from __future__ import annotations

from sqlalchemy import func, select

from models import db
from models.frameworks import Framework
from models.programmes import Programme
from tests.pages import form_fields
from tests.programme_walk import admin_token_from, create_programme, join
from wizard.markdown import render_markdown

RULES_AFTER_TEXT = "Before you post about Acme:\n- say that you work here\n- link the public source"


def test_a_list_right_after_a_line_of_text_is_a_list():
    html = str(render_markdown(RULES_AFTER_TEXT))
    assert html.startswith("<p>Before you post about Acme:</p>\n<ul>")
    assert "<li>say that you work here</li>" in html and "<li>link the public source" in html
    assert "- say" not in html
    numbered = str(render_markdown("Steps:\n1. ask\n2. post"))
    assert "<ol>" in numbered and "<li>ask</li>" in numbered
    # Code stays code, and a lazy line stays part of its list item.
    code = str(render_markdown("```\nsetting:\n- not a list\n```"))
    assert "<ul>" not in code and "- not a list" in code
    lazy = str(render_markdown("- one\ngoes on\n- two"))
    assert lazy.count("<li>") == 2 and "<p>" not in lazy


def test_rules_as_the_hint_says_are_a_list_on_the_join_page_and_the_guide(client, app, pages):
    response = create_programme(client, {"rules": RULES_AFTER_TEXT})
    admin_token = admin_token_from(response.location)
    with app.app_context():
        code = Programme.by_admin_token(admin_token).share_code
    for path in (f"/join/{code}", f"/manage/{admin_token}/guide"):
        soup = pages.check(client.get(path))
        items = [li.get_text(strip=True) for li in soup.select(".prose li")]
        assert "say that you work here" in items, (path, items)
        assert "- say" not in soup.get_text(), path
    walk = join(client, code)
    walk.answer_all()
    walk.confirm()
    framework = pages.check(client.get(walk.base))
    assert "say that you work here" in [li.get_text(strip=True) for li in framework.select("li")]


def test_the_programme_form_previews_the_rules_without_saving(client, app, pages):
    empty = pages.check(client.get("/programmes/new"))
    assert "No rules yet" in empty.select_one("#rules-preview").get_text()

    page = client.get("/programmes/new").get_data(as_text=True)
    data = form_fields(page)
    data.update({"name": ["Acme Voices"], "company": ["Acme"], "rules": [RULES_AFTER_TEXT]})
    data["preview"] = ["rules"]
    response = client.post("/programmes/new", data=data)
    soup = pages.check(response)
    preview = soup.select_one("#rules-preview")
    assert [li.get_text(strip=True) for li in preview.select("li")] == [
        "say that you work here",
        "link the public source",
    ]
    assert soup.find("textarea", id="rules").get_text().strip() == RULES_AFTER_TEXT
    assert not soup.select(".error-summary")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Programme)) == 0

    # The main button still creates it.
    del data["preview"]
    assert client.post("/programmes/new", data=data).status_code == 303


def test_back_on_step_one_keeps_the_draft(client, app, walk, pages):
    walk.start()
    walk.submit("work")
    step_one = pages.check(client.get(f"{walk.base}/step/work"))
    back = step_one.select_one("a.back-link")["href"]
    assert back == f"{walk.base}/start"

    intro = pages.check(client.get(back))
    assert intro.h1.get_text(strip=True) == "Before you start"
    assert not intro.select("form[method=post]"), "no Start button that makes another draft"
    go_on = intro.find("a", string="Continue")["href"]
    assert go_on == f"{walk.base}/step/work"
    again = pages.check(client.get(go_on))
    assert again.find("input", id="role")["value"] == "Test lead in the payments team"
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Framework)) == 1
    assert client.get("/f/not-a-real-link/start").status_code == 404
