"""The ideas page: filters, marks and "more ideas", through the test client."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from models.frameworks import Framework
from tests.pages import form_fields
from wizard.generators.idea_filter import EFFORT_LEVELS
from wizard.plans import plan_for


def plan_of(app, token):
    """The framework's plan as the server builds it."""
    with app.app_context():
        return plan_for(Framework.by_token(token))


def shown(soup: BeautifulSoup) -> list[str]:
    """The hooks of the ideas on a page, in order."""
    return [h.get_text(strip=True) for h in soup.select(".idea-card .idea-hook")]


def idea_form(html: str, key: str, state: str = "saved") -> dict[str, list[str]]:
    """What a browser sends when one of an idea's buttons is pressed: the
    page's one marks form, and the button's name and value. A button the page
    no longer shows (the idea already has that mark) is sent as a page
    opened before the mark would send it."""
    soup = BeautifulSoup(html, "html.parser")
    button = soup.find(id=f"idea-{key}").find("button", value=f"{state}:{key}")
    posting = soup.find_all("form", method="post")
    data = form_fields(html, posting.index(soup.find("form", id="marks")))
    if button is None:
        assert soup.find(id=f"idea-{key}").select_one(".badge-mark"), (key, state)
        data["mark"] = [f"{state}:{key}"]
    else:
        assert button["form"] == "marks"
        data[button["name"]] = [button["value"]]
    return data


def press(client, token, key, state, query=""):
    """Press one of an idea's buttons on the ideas page."""
    page = client.get(f"/f/{token}/ideas{query}").get_data(as_text=True)
    return client.post(f"/f/{token}/ideas/mark", data=idea_form(page, key, state))


def test_the_ideas_page_starts_with_the_theme_of_the_moment(walk, client, app, pages):
    token = walk.complete()
    plan = plan_of(app, token)
    soup = pages.check(client.get(f"/f/{token}/ideas"))
    # The plan starts next Monday: its first theme is the one to work on.
    assert [h.get_text(strip=True) for h in soup.select(".idea-theme > h2")] == [
        f"1. {plan.outline[0].title}"
    ]
    assert shown(soup) == [idea.hook for idea in plan.outline[0].ideas]
    assert soup.select_one("#theme option[selected]")["value"] == "1"


def test_filters_by_theme_format_and_effort(walk, client, app, pages):
    token = walk.complete()
    plan = plan_of(app, token)
    everything = pages.check(client.get(f"/f/{token}/ideas?theme=&show=all"))
    assert shown(everything) == [idea.hook for idea in plan.ideas]

    second = pages.check(client.get(f"/f/{token}/ideas?theme=2"))
    assert shown(second) == [idea.hook for idea in plan.outline[1].ideas]

    fmt = plan.ideas[0].format_slug
    by_format = pages.check(client.get(f"/f/{token}/ideas?theme=&format={fmt}"))
    assert shown(by_format) == [i.hook for i in plan.ideas if i.format_slug == fmt]
    assert shown(by_format)

    quick = pages.check(client.get(f"/f/{token}/ideas?theme=&effort=quick"))
    wanted = [i.hook for i in plan.ideas if i.effort in EFFORT_LEVELS["quick"][1]]
    assert shown(quick) == wanted


def test_a_bad_filter_gets_a_message_not_an_error(walk, client, pages):
    token = walk.complete()
    soup = pages.check(client.get(f"/f/{token}/ideas?theme=99&format=<script>&effort=huge"))
    assert soup.title.get_text().startswith("Error: ")
    summary = soup.select_one(".error-summary").get_text(" ", strip=True)
    assert "Choose a theme from the list" in summary
    assert "Choose a format from the list" in summary
    assert "<script>" not in client.get(f"/f/{token}/ideas?format=<script>").get_data(as_text=True)


def test_marks_are_stored_and_change_the_list(walk, client, app, pages):
    token = walk.complete()
    plan = plan_of(app, token)
    first, second, third = plan.outline[0].ideas[:3]

    response = press(client, token, first.key, "saved", "?theme=1")
    assert response.status_code == 303
    assert response.location.endswith(f"/f/{token}/ideas?theme=1#idea-{first.key}")
    press(client, token, second.key, "used")
    press(client, token, third.key, "hidden")
    with app.app_context():
        assert Framework.by_token(token).marks() == {
            first.key: "saved",
            second.key: "used",
            third.key: "hidden",
        }

    to_use = pages.check(client.get(f"/f/{token}/ideas"))
    assert first.hook in shown(to_use)
    assert second.hook not in shown(to_use) and third.hook not in shown(to_use)
    card = to_use.find(id=f"idea-{first.key}")
    assert card.select_one(".badge-mark").get_text() == "Saved"
    assert "Undo “Saved”" in card.get_text()

    assert shown(pages.check(client.get(f"/f/{token}/ideas?theme=&show=saved"))) == [first.hook]
    assert shown(pages.check(client.get(f"/f/{token}/ideas?theme=&show=used"))) == [second.hook]
    assert shown(pages.check(client.get(f"/f/{token}/ideas?theme=&show=hidden"))) == [third.hook]
    # Not for me: the calendar stops pointing at it.
    assert third.key not in {slot.idea.key for slot in plan_of(app, token).slots}

    press(client, token, first.key, "clear", "?theme=&show=saved")
    with app.app_context():
        assert first.key not in Framework.by_token(token).marks()


def test_marking_twice_is_the_same_as_once(walk, client, app):
    token = walk.complete()
    key = plan_of(app, token).ideas[0].key
    press(client, token, key, "saved")
    press(client, token, key, "saved")
    with app.app_context():
        framework = Framework.by_token(token)
        assert framework.marks() == {key: "saved"}
        assert len(framework.idea_marks) == 1


def test_marks_need_a_known_idea_a_known_state_and_a_token(walk, client, app):
    token = walk.complete()
    page = client.get(f"/f/{token}/ideas").get_data(as_text=True)
    key = plan_of(app, token).ideas[0].key
    data = idea_form(page, key)

    unknown = {**data, "mark": ["saved:0123456789ab"]}
    response = client.post(f"/f/{token}/ideas/mark", data=unknown)
    assert response.status_code == 303
    assert "no longer in your list" in client.get(response.location).get_data(as_text=True)

    for bad in (
        {**data, "mark": [f"deleted:{key}"]},
        {**data, "mark": [key]},
        {**data, "csrf_token": ["forged"], "mark": [f"used:{key}"]},
    ):
        response = client.post(f"/f/{token}/ideas/mark", data=bad)
        assert response.status_code == 303
        follow = client.get(response.location).get_data(as_text=True)
        assert "Please try again" in follow
    with app.app_context():
        assert Framework.by_token(token).marks() == {}


def test_more_ideas_for_a_theme(walk, client, app, pages):
    token = walk.complete()
    before = plan_of(app, token)
    page = client.get(f"/f/{token}/ideas?theme=2").get_data(as_text=True)
    soup = BeautifulSoup(page, "html.parser")
    posting = soup.find_all("form", method="post")
    more = next(i for i, f in enumerate(posting) if "more-ideas" in f.get("class", []))
    response = client.post(f"/f/{token}/ideas/more", data=form_fields(page, more))
    assert response.status_code == 303
    assert response.location.endswith(f"/f/{token}/ideas?theme=2#theme-2")
    after = plan_of(app, token)
    added = len(after.outline[1].ideas) - len(before.outline[1].ideas)
    assert added > 0
    assert len(after.outline[0].ideas) == len(before.outline[0].ideas)
    soup = pages.check(client.get(response.location))
    assert re.search(rf"{added} more ideas? added", soup.select_one(".notice").get_text())
    assert shown(soup) == [i.hook for i in after.outline[1].ideas]


def test_more_ideas_stop_when_a_theme_has_them_all(walk, client, app):
    token = walk.complete()
    for _ in range(12):
        page = client.get(f"/f/{token}/ideas?theme=1").get_data(as_text=True)
        soup = BeautifulSoup(page, "html.parser")
        posting = soup.find_all("form", method="post")
        forms = [i for i, f in enumerate(posting) if "more-ideas" in f.get("class", [])]
        if not forms:
            break
        client.post(f"/f/{token}/ideas/more", data=form_fields(page, forms[0]))
    with app.app_context():
        asked = int(Framework.by_token(token).more_ideas.get("1", 0))
    assert asked <= 10
    hooks = [i.hook.lower() for i in plan_of(app, token).outline[0].ideas]
    assert len(hooks) == len(set(hooks))


def test_low_comfort_people_see_a_step_up(walk, client, pages):
    token = walk.complete({"comfort": {"rung": "1", "time": "2-hours"}})
    soup = pages.check(client.get(f"/f/{token}/ideas?theme=&show=all"))
    notice = soup.find(id="stretch-title")
    assert notice is not None, "rung 1 gets a path upward"
    assert soup.select(".badge-stretch")

    confident = walk.complete({"comfort": {"rung": "4"}})
    soup = pages.check(client.get(f"/f/{confident}/ideas?theme=&show=all"))
    assert soup.find(id="stretch-title") is None


def test_drafts_and_unknown_links_have_no_ideas_page(walk, client):
    walk.start()
    assert client.get(f"{walk.base}/ideas").status_code == 404
    assert client.get("/f/nothing-here/ideas").status_code == 404
