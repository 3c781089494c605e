"""The calendar subscription, where the person lives (step 5), and the next period."""

from __future__ import annotations

import re
from datetime import date, timedelta

from bs4 import BeautifulSoup
from icalendar import Calendar

from models import db
from models.frameworks import Framework, hash_token
from tests.pages import PageChecker, form_fields
from wizard.plans import plan_for


def post_form(client, page_url: str, action_part: str, changes=None, *, follow=False):
    """Send the form on a page whose action contains ``action_part``."""
    html = client.get(page_url).get_data(as_text=True)
    soup = BeautifulSoup(html, "html.parser")
    posting = [f for f in soup.find_all("form") if f.get("method", "").lower() == "post"]
    index = next(i for i, f in enumerate(posting) if action_part in f.get("action", ""))
    data = form_fields(html, index)
    for name, value in (changes or {}).items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value if isinstance(value, list) else [value]
    action = posting[index]["action"].split("#")[0]
    return client.post(action, data=data, follow_redirects=follow)


def subscribe(client, token: str, action: str = "create") -> str:
    """Make a subscription link from the framework page; returns the feed's path."""
    response = post_form(client, f"/f/{token}", "calendar-feed", {"action": action})
    assert response.status_code == 200, response.status_code
    soup = PageChecker().check(response)
    webcal = soup.find(id="webcal-url")["value"]
    web = soup.find(id="web-url")["value"]
    assert webcal.startswith("webcal://localhost/cal/") and webcal.endswith(".ics")
    assert web == "http" + webcal.removeprefix("webcal")
    return web.removeprefix("http://localhost")


def events_of(body: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(body)
    events = calendar.walk("VEVENT")
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids)), "an event appears twice"
    return {str(e["uid"]): e for e in events}


def test_feed_follows_a_change_of_plan_without_duplicates(walk, client, app):
    token = walk.complete()
    feed = subscribe(client, token)
    feed_token = feed.removeprefix("/cal/").removesuffix(".ics")
    assert len(feed_token) >= 22  # at least 128 bits
    with app.app_context():
        framework = db.session.scalar(db.select(Framework).filter_by(token_hash=hash_token(token)))
        assert framework.calendar_token_hash == hash_token(feed_token)
        assert feed_token not in (framework.calendar_token_hash or "")

    first = client.get(feed)
    assert first.status_code == 200 and first.mimetype == "text/calendar"
    assert first.headers["Cache-Control"] == "no-store"
    body = first.get_data(as_text=True).replace("\r\n ", "")
    assert token not in body and hash_token(token) not in body and f"/f/{token}" not in body
    before = events_of(first.data)
    assert all(int(e["sequence"]) == 0 for e in before.values())
    assert all(str(e["status"]) == "CONFIRMED" for e in before.values())
    assert events_of(client.get(feed).data).keys() == before.keys()  # reading again: the same

    # Change the first theme's words.
    page = client.get(f"/f/{token}/step/themes").get_data(as_text=True)
    soup = BeautifulSoup(page, "html.parser")
    first_title = soup.find(attrs={"name": "themes-0-title"}).get_text()  # a growing text box
    response = walk.submit("themes", {"themes-0-title": "Release nights without surprises"})
    assert response.status_code == 303

    after = events_of(client.get(feed).data)
    assert after.keys() == before.keys()  # updated, not duplicated
    changed = [uid for uid, e in after.items() if "Release nights without surprises" in str(e)]
    assert changed
    for uid in changed:
        assert int(after[uid]["sequence"]) == int(before[uid]["sequence"]) + 1
        assert first_title not in str(after[uid]["description"])
    unchanged = [uid for uid in after if uid not in changed]
    assert unchanged and all(int(after[uid]["sequence"]) == 0 for uid in unchanged)

    # Move the start by a week: the old days' events are cancelled, the new ones added.
    with app.app_context():
        framework = db.session.scalar(db.select(Framework).filter_by(token_hash=hash_token(token)))
        start = plan_for(framework).start
    walk.submit("themes", {"start_date": (start + timedelta(days=7)).isoformat()})
    moved = events_of(client.get(feed).data)
    cancelled = [uid for uid, e in moved.items() if str(e["status"]) == "CANCELLED"]
    assert cancelled
    for uid in cancelled:
        assert uid in after and int(moved[uid]["sequence"]) == int(after[uid]["sequence"]) + 1
    assert all(uid in moved for uid in after)  # nothing published silently disappears


def test_replaced_or_turned_off_feed_is_refused(walk, client):
    token = walk.complete()
    old = subscribe(client, token)
    assert client.get(old).status_code == 200
    page = PageChecker().check(client.get(f"/f/{token}"))
    assert "You have a subscription link" in page.get_text()
    new = subscribe(client, token)
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    response = post_form(client, f"/f/{token}", "calendar-feed", {"action": "revoke"})
    assert response.status_code == 303
    assert client.get(new).status_code == 404
    assert client.get("/cal/not-a-token.ics").status_code == 404
    assert client.get(f"/f/{token}").status_code == 200  # the private link is untouched


def test_feed_link_cannot_be_made_without_the_form(walk, client):
    token = walk.complete()
    response = client.post(f"/f/{token}/calendar-feed", data={"action": "create"})
    assert response.status_code == 303  # refused: no CSRF token
    page = client.get(f"/f/{token}").get_data(as_text=True)
    assert "Make a subscription link" in page


# --- step 5: where the person lives ---------------------------------------------------


def test_country_and_state_are_saved_and_shape_the_plan(walk, client, app):
    token = walk.complete(
        {
            "themes": {
                "country": "IN",
                "region": "IN-KA",
                "time_zone": "Asia/Kolkata",
                "days_off": "2026-12-15",
            }
        }
    )
    with app.app_context():
        framework = db.session.scalar(db.select(Framework).filter_by(token_hash=hash_token(token)))
        plan = plan_for(framework)
    assert plan.place.country == "IN" and plan.place.region == "KA"
    assert plan.time_zone == "Asia/Kolkata"
    assert date(2026, 12, 15) in plan.place.days_off
    assert date(2026, 12, 15) not in [slot.day for slot in plan.slots]
    page = client.get(f"/f/{token}").get_data(as_text=True)
    assert "public holidays in Karnataka, India" in page
    assert "8:30 AM" in page  # India writes times on the 12-hour clock


def test_step_5_refuses_a_region_of_another_country_and_keeps_the_answers(walk, client):
    walk.start()
    for step in ("work", "comfort", "goals", "tone"):
        walk.submit(step)
    response = walk.submit(
        "themes",
        {"country": "DE", "region": "IN-KA", "days_off": "2026-02-30\n2026-03-01"},
    )
    assert response.status_code == 200
    soup = PageChecker().check(response)
    text = soup.get_text()
    assert "Karnataka is not in Germany" in text
    assert "We could not read “2026-02-30”" in text
    assert soup.find("select", id="country").find("option", selected=True)["value"] == "DE"
    assert "2026-03-01" in soup.find("textarea", id="days_off").get_text()
    bad_zone = walk.submit("themes", {"time_zone": "Mars/Olympus"})
    assert "Choose your time zone from the list" in bad_zone.get_data(as_text=True)


def test_step_5_offers_time_zones_as_a_list_and_guesses_the_country(walk, client):
    walk.start()
    for step in ("work", "comfort", "goals", "tone"):
        walk.submit(step)
    page = client.get(f"/f/{walk.token}/step/themes", headers={"Accept-Language": "de-DE,de"})
    soup = PageChecker().check(page)
    zone = soup.find("select", id="time_zone")
    # Germany's time zones only (tests/test_places.py: the lists of another country).
    assert zone is not None and not zone.find("option", attrs={"value": "Asia/Kolkata"})
    assert zone.find("option", selected=True)["value"] == "Europe/Berlin"
    assert soup.find("select", id="country").find("option", selected=True)["value"] == "DE"
    assert soup.find("input", id="quiet_period").has_attr("checked")
    assert soup.find("select", id="region").find("option", attrs={"value": "DE-BY"})


# --- the review point -------------------------------------------------------------------


def test_next_period_carries_answers_keeps_marks_and_leaves_used_ideas_out(walk, client, app):
    token = walk.complete()
    with app.app_context():
        framework = db.session.scalar(db.select(Framework).filter_by(token_hash=hash_token(token)))
        plan = plan_for(framework)
        used = {slot.idea.key for slot in plan.slots}
        for key in used:
            framework.mark_idea(key, "used")
        saved_idea = next(i.key for i in plan.ideas if i.key not in used)
        framework.mark_idea(saved_idea, "saved")
        db.session.commit()
        plan = plan_for(framework)
        assert plan.review.offer_rung == 3
    page = PageChecker().check(client.get(f"/f/{token}"))
    # The framework page points at the review; the review has its own page.
    assert page.find("a", href=f"/f/{token}/next-period") is not None
    page = PageChecker().check(client.get(f"/f/{token}/next-period"))
    assert page.find(id="step_up") is not None
    titles = [t.title for t in plan.outline]
    response = post_form(
        client,
        f"/f/{token}/next-period",
        "next-period",
        {"conversations": "The flaky-test post", "step_up": "y", "keep-1": None},
    )
    assert response.status_code == 303
    with app.app_context():
        framework = db.session.scalar(db.select(Framework).filter_by(token_hash=hash_token(token)))
        nxt = plan_for(framework)
        marks = framework.marks()
    assert nxt.start > plan.end and nxt.start.weekday() == plan.start.weekday()
    assert nxt.period == 2 and nxt.rung == 3
    # The kept themes carry on (the plan may run them in another order, see arrange_themes).
    assert sorted(t.title for t in nxt.outline) == sorted(titles[1:])
    assert not {slot.idea.key for slot in nxt.slots} & used
    assert marks[saved_idea] == "saved" and all(marks[k] == "used" for k in used)
    text = client.get(f"/f/{token}").get_data(as_text=True)
    assert "The flaky-test post" in text and "period 2" in text


def test_next_period_needs_three_themes(walk, client):
    token = walk.complete()
    response = post_form(
        client,
        f"/f/{token}/next-period",
        "next-period",
        {"keep-1": None, "keep-2": None, "keep-3": None},
    )
    assert response.status_code == 400
    soup = PageChecker().check(response, 400)
    assert "Keep at least 3 themes" in soup.get_text()


def test_dates_and_times_follow_the_country_on_the_page_in_print_and_in_markdown(walk, client):
    token = walk.complete(
        {
            "themes": {
                "country": "US",
                "region": "US-NY",
                "time_zone": "America/New_York",
                "post_time": "14:00",
            }
        }
    )
    month_first = re.compile(
        r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), "
        r"(January|February|March|April|May|June|July|August|September|"
        r"October|November|December) \d{1,2}, \d{4}"
    )
    day_first = re.compile(
        r"(Monday|Sunday) \d{1,2} (January|February|March|April|May|June|"
        r"July|August|September|October|November|December) \d{4}"
    )
    page = client.get(f"/f/{token}").get_data(as_text=True)
    printed = client.get(f"/f/{token}/print").get_data(as_text=True)
    markdown = client.get(f"/f/{token}/framework.md").get_data(as_text=True)
    for text in (page, printed, markdown):
        assert month_first.search(text)
        assert not day_first.search(text)
    assert "2:00 PM" in page and "2:00 PM" in markdown
    assert "14:00" not in page


def test_setup_week_and_review_are_on_the_page_in_markdown_and_in_the_calendar(walk, client):
    token = walk.complete()
    page = client.get(f"/f/{token}").get_data(as_text=True)
    review = client.get(f"/f/{token}/next-period").get_data(as_text=True)
    markdown = client.get(f"/f/{token}/framework.md").get_data(as_text=True)
    for text in (page, markdown):
        assert "Views are my own" in text
    # The framework page says when to review; the review's page asks the questions.
    assert "the day after your last week" in page
    for text in (review, markdown):
        assert "Which posts started conversations" in text
    assert "## Your setup week" in markdown and "## Your review" in markdown
    calendar = Calendar.from_ical(client.get(f"/f/{token}/calendar.ics").data)
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert "Byline: your setup week" in summaries and "Byline: review your period" in summaries
