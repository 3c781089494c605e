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
    return [h.get_text(strip=True) for h in soup.select(".idea-grid article h3")]


def soup_text(soup: BeautifulSoup, element_id: str) -> str:
    """The text of the element with that id."""
    return soup.find(id=element_id).get_text(strip=True)


def idea_form(html: str, key: str, state: str = "saved") -> dict[str, list[str]]:
    """What a browser sends when one of an idea's buttons is pressed: the
    page's one marks form, and the button's name and value. A button the page
    no longer shows (the idea already has that mark) is sent as a page
    opened before the mark would send it."""
    soup = BeautifulSoup(html, "html.parser")
    button = soup.find(id=f"idea-{key}").find("button", value=f"{state[0]}:{key[:8]}")
    posting = soup.find_all("form", method="post")
    data = form_fields(html, posting.index(soup.find("form", id="marks")))
    if button is None:
        assert soup.find(id=f"idea-{key}").select_one(".badge-mark"), (key, state)
        data["mark"] = [f"{state}:{key}"]
    else:
        assert button.find_parent("form") is soup.find("form", id="marks")
        data[button["name"]] = [button["value"]]
    return data


def more_form(html: str, theme: int) -> dict[str, list[str]] | None:
    """What a browser sends when a theme's "More ideas" is pressed: the page's
    one form, to the button's own address, with the button's name and value
    (None when the page has no such button)."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", id="marks")
    button = form.find("button", attrs={"name": "theme", "value": str(theme)})
    if button is None:
        return None
    assert button["formaction"].endswith("/ideas/more")
    data = form_fields(html, soup.find_all("form", method="post").index(form))
    data["theme"] = [button["value"]]
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
    # The three buttons keep their order, in a group named by the idea's hook; the
    # one in force is a pressed toggle, the state beside it; the others set a mark.
    group = card.select_one("[role=group]")
    assert soup_text(card, group["aria-labelledby"]) == first.hook
    buttons = group.select("button")
    assert [b.get_text(strip=True) for b in buttons] == ["Save", "I used it", "Not for me"]
    assert [b.get("aria-pressed") for b in buttons] == ["true", None, None]
    assert [b["value"] for b in buttons] == [
        f"c:{first.key[:8]}",
        f"u:{first.key[:8]}",
        f"h:{first.key[:8]}",
    ]
    assert {b["name"] for b in buttons} == {"m"}
    assert buttons[0]["aria-describedby"] == card.select_one(".mark-state")["id"]
    assert "Saved. Press “Save” again to undo." in card.select_one(".mark-state").get_text()

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


def test_a_page_rendered_before_the_short_marks_still_marks(walk, client, app):
    token = walk.complete()
    page = client.get(f"/f/{token}/ideas").get_data(as_text=True)
    key = plan_of(app, token).ideas[0].key
    data = idea_form(page, key)
    data.pop("m")
    data["mark"] = [f"used:{key}"]  # what the buttons sent before
    assert client.post(f"/f/{token}/ideas/mark", data=data).status_code == 303
    with app.app_context():
        assert Framework.by_token(token).marks() == {key: "used"}


def test_the_buttons_name_an_idea_by_its_key_s_first_eight_characters(walk, client, app):
    token = walk.complete()
    page = client.get(f"/f/{token}/ideas").get_data(as_text=True)
    key = plan_of(app, token).ideas[0].key
    assert f'value="s:{key[:8]}"' in page and f'value="s:{key}"' not in page
    data = idea_form(page, key)
    for sent, marks in ((f"u:{key}", {key: "used"}), (f"s:{key[:8]}", {key: "saved"})):
        data["m"] = [sent]  # the whole key (a page rendered before) and the short one
        assert client.post(f"/f/{token}/ideas/mark", data=data).status_code == 303
        with app.app_context():
            assert Framework.by_token(token).marks() == marks
    data["m"] = [f"h:{key[:7]}"]  # too short to name an idea
    follow = client.get(client.post(f"/f/{token}/ideas/mark", data=data).location)
    assert "no longer in your list" in follow.get_data(as_text=True)


def test_an_idea_is_named_only_by_a_short_key_no_other_shares():
    from wizard.views.ideas import full_key

    keys = {"0123456789abcdef", "01234567ffffffff", "89abcdef01234567"}
    assert full_key("89abcdef", keys) == "89abcdef01234567"
    assert full_key("0123456789abcdef", keys) == "0123456789abcdef"
    assert full_key("01234567", keys) is None  # two ideas start so
    assert full_key("0123456", keys) is None
    assert full_key("", keys) is None


def test_marks_need_a_known_idea_a_known_state_and_a_token(walk, client, app):
    token = walk.complete()
    page = client.get(f"/f/{token}/ideas").get_data(as_text=True)
    key = plan_of(app, token).ideas[0].key
    data = idea_form(page, key)
    data.pop("m")  # each case below presses its own button

    unknown = {**data, "m": ["s:0123456789ab"]}
    response = client.post(f"/f/{token}/ideas/mark", data=unknown)
    assert response.status_code == 303
    assert "no longer in your list" in client.get(response.location).get_data(as_text=True)

    for bad in (
        {**data, "m": [f"d:{key}"]},
        {**data, "mark": [f"deleted:{key}"]},
        {**data, "m": [key]},
        {**data, "csrf_token": ["forged"], "m": [f"u:{key}"]},
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
    response = client.post(f"/f/{token}/ideas/more", data=more_form(page, 2))
    assert response.status_code == 303
    # Back where the button was: the result is announced there, not at the top.
    assert response.location.endswith(f"/f/{token}/ideas?theme=2#more-2")
    after = plan_of(app, token)
    added = len(after.outline[1].ideas) - len(before.outline[1].ideas)
    assert added > 0
    assert len(after.outline[0].ideas) == len(before.outline[0].ideas)
    soup = pages.check(client.get(response.location))
    note = soup.find(id="more-2")
    assert note is not None and note["role"] == "status"
    assert re.search(rf"{added} more ideas? added", note.get_text())
    assert soup.select("main > div.notice") == [], "no second message at the top"
    assert set(shown(soup)) == {i.hook for i in after.outline[1].ideas}
    new_hooks = [c.select_one("h3").get_text(strip=True) for c in soup.select(".idea-new")]
    old = {i.key for i in before.outline[1].ideas}
    assert new_hooks == [i.hook for i in after.outline[1].ideas if i.key not in old]
    assert all(c.select_one(".badge-new") for c in soup.select(".idea-new"))
    # The next visit no longer calls them new.
    assert not pages.check(client.get(response.location)).select(".idea-new")


def test_see_all_ideas_shows_them_all(walk, client, app, pages):
    token = walk.complete()
    plan = plan_of(app, token)
    framework = pages.check(client.get(f"/f/{token}"))
    link = next(a for a in framework.find_all("a") if a.get_text().startswith("See all"))
    assert f"See all {len(plan.ideas)} ideas" in link.get_text()
    press(client, token, plan.ideas[0].key, "hidden")
    soup = pages.check(client.get(link["href"]))
    assert len(shown(soup)) == len(plan.ideas)
    assert f"{len(plan.ideas)} ideas shown." in soup.select_one(".result-count").get_text()


def test_more_ideas_stop_when_a_theme_has_them_all(walk, client, app):
    token = walk.complete()
    for _ in range(12):
        page = client.get(f"/f/{token}/ideas?theme=1").get_data(as_text=True)
        data = more_form(page, 1)
        if data is None:
            break
        client.post(f"/f/{token}/ideas/more", data=data)
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


def test_each_channel_tip_is_said_once_above_the_list(walk, client, app, pages):
    token = walk.complete()
    plan = plan_of(app, token)
    soup = pages.check(client.get(f"/f/{token}/ideas?theme=&show=all"))
    tips = [li.get_text() for li in soup.select(".channel-tips li")]
    assert tips, "the ideas have channels with tips"
    assert tips == list(dict.fromkeys(i.channel_tip for i in plan.ideas if i.channel_tip))
    text = soup.get_text()
    assert all(text.count(tip) == 1 for tip in tips)
    assert not soup.select(".idea-grid .idea-channel")


def test_the_format_filter_names_each_format_as_most_of_its_ideas_do():
    """A short observation told as a story keeps its format's slug: the filter
    still offers "A short observation", not the story's label, once for the slug."""
    from types import SimpleNamespace

    from wizard.generators.idea_filter import format_choices

    def idea(slug, name, effort=1):
        return SimpleNamespace(format_slug=slug, format_name=name, effort=effort)

    plan = SimpleNamespace(
        ideas=[
            idea("field-observation", "A short story from your work"),
            idea("field-observation", "A short observation from your field"),
            idea("field-observation", "A short observation from your field"),
            idea("long-form-article", "A longer piece", 4),
        ]
    )
    assert format_choices(plan) == [
        ("field-observation", "A short observation from your field"),
        ("long-form-article", "A longer piece"),
    ]
