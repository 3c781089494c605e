"""A finished framework leaves Byline as a calendar, a Markdown document and
a JSON file, and the JSON file comes back in through the import page."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from models import db
from models.frameworks import Framework, hash_token
from tests.pages import form_fields
from wizard.exports.markdown_doc import paragraph, text
from wizard.plans import plan_for

BERLIN_MORNINGS = {"themes": {"post_time": "07:45", "time_zone": "Europe/Berlin"}}


def plan_of(app, token):
    """The plan behind a private link, as the framework page builds it."""
    with app.app_context():
        return plan_for(Framework.by_token(token))


def framework_count(app) -> int:
    """How many frameworks the database holds."""
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(Framework))


def unfolded(ics: bytes) -> str:
    """The calendar's text with RFC 5545 line folding undone."""
    return ics.decode("utf-8").replace("\r\n ", "")


def send_import(client, *, upload: str | bytes | None = None, pasted: str | None = None):
    """Open the import page and send it, with a file, pasted text, or both."""
    data = form_fields(client.get("/import/").get_data(as_text=True))
    if pasted is not None:
        data["pasted"] = [pasted]
    if upload is not None:
        body = upload.encode("utf-8") if isinstance(upload, str) else upload
        data["upload"] = (io.BytesIO(body), "byline-framework.json")
    return client.post("/import/", data=data, content_type="multipart/form-data")


def export_document(client, token) -> dict:
    """The framework's JSON export, parsed."""
    response = client.get(f"/f/{token}/framework.json")
    assert response.status_code == 200
    return json.loads(response.get_data(as_text=True))


# --- the calendar ---------------------------------------------------------


def test_calendar_has_one_event_per_post_at_the_persons_time_and_zone(walk, client, app):
    token = walk.complete(BERLIN_MORNINGS)
    plan = plan_of(app, token)
    response = client.get(f"/f/{token}/calendar.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="byline-calendar.ics"'

    calendar = Calendar.from_ical(response.data)
    assert str(calendar["method"]) == "PUBLISH"
    assert str(calendar["x-wr-calname"]) == f"Byline: {plan.expertise}"
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]

    timed = [e for e in calendar.walk("VEVENT") if isinstance(e.decoded("dtstart"), datetime)]
    all_day = [e for e in calendar.walk("VEVENT") if e not in timed]
    # The setup week before the first post, and the review point after the last week.
    assert [str(e["summary"]) for e in all_day] == [
        "Byline: your setup week",
        "Byline: review your period",
    ]
    assert all_day[0].decoded("dtend") == plan.start
    assert all_day[1].decoded("dtstart") == plan.end + timedelta(days=1)
    events = sorted(timed, key=lambda event: event.decoded("dtstart"))
    slots = sorted(plan.slots, key=lambda slot: slot.day)
    assert len(slots) >= 3
    assert len(events) == len(slots)
    periods = {theme.number: theme.period for theme in plan.outline}
    for event, slot in zip(events, slots, strict=True):
        start = event.decoded("dtstart")
        assert event["dtstart"].params["TZID"] == "Europe/Berlin"
        assert start.time() == time(7, 45)
        assert start.utcoffset() in (timedelta(hours=1), timedelta(hours=2))
        assert start.date() == slot.day
        period = periods[slot.theme_number]
        assert period.start <= start.date() <= period.end
        assert event.decoded("dtend") - start == timedelta(minutes=slot.idea.minutes)
        assert str(event["summary"]).endswith(slot.idea.hook)
        description = str(event["description"])
        assert slot.theme in description
        assert slot.idea.make_it_yours in description
        assert all(point in description for point in slot.idea.outline)
        if slot.idea.disclosure:
            assert slot.idea.disclosure in description
        assert str(event["url"]).startswith("http://localhost/")


def test_calendar_downloads_are_identical_with_unique_uids_and_no_private_link(walk, client):
    token = walk.complete()
    first = client.get(f"/f/{token}/calendar.ics").data
    again = client.get(f"/f/{token}/calendar.ics").data
    assert first == again  # re-importing updates events instead of duplicating them

    uids = [str(event["uid"]) for event in Calendar.from_ical(first).walk("VEVENT")]
    assert len(uids) == len(set(uids))
    text_of_file = unfolded(first)
    assert token not in text_of_file
    assert hash_token(token) not in text_of_file
    assert f"/f/{token}" not in text_of_file


def test_two_frameworks_never_share_event_uids(walk, client, app):
    first = walk.complete()
    second = walk.complete()
    uids = []
    for token in (first, second):
        ics = client.get(f"/f/{token}/calendar.ics").data
        uids += [str(event["uid"]) for event in Calendar.from_ical(ics).walk("VEVENT")]
    assert len(uids) == len(set(uids))


def test_calendar_in_utc_uses_plain_utc_times(walk, client):
    token = walk.complete()
    calendar = Calendar.from_ical(client.get(f"/f/{token}/calendar.ics").data)
    assert not calendar.walk("VTIMEZONE")
    for event in calendar.walk("VEVENT"):
        if not isinstance(event.decoded("dtstart"), datetime):
            continue  # the all-day setup week and review point
        assert event.decoded("dtstart").time() == time(8, 30)
        assert event.decoded("dtstart").utcoffset() == timedelta(0)


# --- the Markdown document ------------------------------------------------


def test_markdown_holds_the_whole_framework(walk, client, app):
    token = walk.complete()
    plan = plan_of(app, token)
    response = client.get(f"/f/{token}/framework.md")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/markdown; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="byline-framework.md"'
    document = response.get_data(as_text=True)

    assert document.startswith("# Test lead in the payments team · software testing\n")
    for heading in ("## Your tone", "## Your content outline", "## Your calendar"):
        assert heading in document
    assert "## Post ideas" in document and "## Your situation playbook" in document
    for words in ("flaky end-to-end tests", "risk-based testing", "exploratory testing"):
        assert words in document
    assert plan.tone.summary in document
    for theme in plan.outline:
        assert f"| {theme.number} | {theme.title}" in document
        assert f"### {theme.number}. {theme.title}" in document
    for idea in plan.ideas:
        assert f"#### {idea.hook}" in document
    for entry in plan.playbook:
        assert f"### {entry.title}" in document
        assert f"**Your approach:** {entry.approach}." in document
    assert document.count("**Avoid**") == len(plan.playbook)
    assert token not in document


def test_markdown_escapes_the_persons_words_where_they_would_break_structure(walk, client):
    token = walk.complete({"work": {"role": "QA | *test* lead <b>"}})
    document = client.get(f"/f/{token}/framework.md").get_data(as_text=True)
    assert document.startswith(r"# QA \| \*test\* lead \<b\> · software testing")
    assert "<b>" not in document


@pytest.mark.parametrize(
    ("words", "safe"),
    [
        ("a | b", r"a \| b"),
        ("[link](javascript:x)", r"\[link\](javascript:x)"),
        ("two\nlines", "two lines"),
        ("snake_case", r"snake\_case"),
    ],
)
def test_inline_text_is_escaped(words, safe):
    assert text(words) == safe


@pytest.mark.parametrize(
    ("words", "safe"),
    [
        ("# Not a heading", r"\# Not a heading"),
        ("- not a list", r"\- not a list"),
        ("1. not a list", r"1\. not a list"),
        ("> not a quote", r"\> not a quote"),
        ("Plain words", "Plain words"),
    ],
)
def test_a_line_of_the_persons_words_cannot_start_a_block(words, safe):
    assert paragraph(words) == safe


# --- the JSON export ------------------------------------------------------


def test_json_export_holds_the_answers_and_nothing_private(walk, client, app):
    token = walk.complete()
    response = client.get(f"/f/{token}/framework.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"] == 'attachment; filename="byline-framework.json"'
    raw = response.get_data(as_text=True)
    assert token not in raw and hash_token(token) not in raw

    document = json.loads(raw)
    assert document["format"] == "byline-framework"
    assert document["version"] == 1
    with app.app_context():
        framework = Framework.by_token(token)
        assert document["answers"] == framework.answer_map()
        assert document["idea_seed"] == framework.idea_seed
    assert document["completed_at"] and document["exported_at"]
    assert document["more_ideas"] == {} and document["idea_marks"] == {}
    plan = plan_of(app, token)
    summary = document["summary"]
    assert summary["role"] == plan.role
    assert [theme["title"] for theme in summary["themes"]] == [t.title for t in plan.outline]
    assert summary["themes"][0]["start"] == plan.start.isoformat()


def test_a_json_export_imports_back_into_an_equal_framework(walk, client, app, pages):
    token = walk.complete(BERLIN_MORNINGS)
    with app.app_context():
        original = Framework.by_token(token)
        ideas = plan_for(original).ideas
        original.mark_idea(ideas[0].key, "saved")
        original.mark_idea(ideas[1].key, "hidden")
        original.ask_for_more_ideas(2)
        db.session.commit()
    exported = client.get(f"/f/{token}/framework.json").get_data(as_text=True)

    pages.check(client.get("/import/"))
    response = send_import(client, upload=exported)
    assert response.status_code == 303
    new_token = response.location.split("/f/")[1]
    assert response.location.endswith(f"/f/{new_token}")
    assert new_token != token
    with client.session_transaction() as session:
        messages = " ".join(message for _, message in session["_flashes"])
    assert "imported" in messages and "new private link" in messages

    with app.app_context():
        original = Framework.by_token(token)
        imported = Framework.by_token(new_token)
        assert imported.id != original.id
        assert imported.answer_map() == original.answer_map()
        assert imported.idea_seed == original.idea_seed
        assert imported.marks() == original.marks()
        assert imported.more_ideas == {"2": 1}
        assert imported.is_complete
        assert plan_for(imported) == plan_for(original)
    assert client.get(f"/f/{new_token}/framework.md").data == (
        client.get(f"/f/{token}/framework.md").data
    )


def test_pasted_json_imports_too(walk, client, app):
    token = walk.complete()
    exported = client.get(f"/f/{token}/framework.json").get_data(as_text=True)
    response = send_import(client, pasted=exported)
    assert response.status_code == 303
    assert framework_count(app) == 2


def test_an_import_keeps_only_what_the_wizards_forms_keep(walk, client, app):
    token = walk.complete()
    document = export_document(client, token)
    document["answers"]["work"]["injected"] = "<script>alert(1)</script>"
    document["answers"]["work"]["role"] = "  Test lead  "
    document["summary"]["role"] = "Someone else entirely"
    response = send_import(client, upload=json.dumps(document))
    assert response.status_code == 303
    with app.app_context():
        work = Framework.by_token(response.location.split("/f/")[1]).answer_map()["work"]
    assert "injected" not in work
    assert set(work) == {"role", "expertise", "subtopics", "audience", "field", "questions"}


def test_a_plan_that_started_months_ago_still_imports(walk, client, app):
    token = walk.complete()
    document = export_document(client, token)
    long_ago = date.today() - timedelta(days=400)
    document["answers"]["themes"]["start_date"] = long_ago.isoformat()
    response = send_import(client, upload=json.dumps(document))
    assert response.status_code == 303
    assert plan_of(app, response.location.split("/f/")[1]).start == long_ago


# --- imports that are refused --------------------------------------------


def _tampered(change):
    def apply(document):
        change(document)
        return json.dumps(document)

    return apply


def _set(path, value):
    def change(document):
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return _tampered(change)


BAD_IMPORTS = {
    "not JSON": (lambda _: '{"format": "byline-framework",', "not valid JSON"),
    "a list": (lambda _: "[1, 2, 3]", "not a Byline framework export"),
    "another format": (_set(["format"], "something-else"), "not a Byline framework export"),
    "a newer version": (_set(["version"], 2), "this Byline reads version 1"),
    "an unknown step": (_set(["answers", "payment"], {"card": "1234"}), "does not know"),
    "a step that is not an object": (_set(["answers", "work"], "hello"), "must be an object"),
    "a choice not offered": (
        _set(["answers", "comfort", "time"], "forever"),
        "How comfortable are you with sharing in public?",
    ),
    "an oversized field": (_set(["answers", "work", "role"], "x" * 5000), "120 characters"),
    "one sub-topic": (_set(["answers", "work", "subtopics"], "only this"), "at least 2"),
    "too many themes": (
        _tampered(
            lambda d: [row.update(include=True) for row in d["answers"]["themes"]["themes"][:8]]
        ),
        "at most 6 themes",
    ),
    "a start date far away": (
        _set(["answers", "themes", "start_date"], "9999-12-27"),
        "within the next year",
    ),
    "a missing step": (_tampered(lambda d: d["answers"].pop("situations")), "marked complete"),
    "a negative seed": (_set(["idea_seed"], -1), "idea_seed"),
    "a mark that is not a state": (_set(["idea_marks"], {"abcdef012345": "loved"}), "idea_marks"),
    "more ideas for theme 99": (_set(["more_ideas"], {"99": 1}), "more_ideas"),
    "a broken character": (
        _set(["answers", "work", "role"], "\ud800"),
        "characters that are not text",
    ),
}


@pytest.mark.parametrize("case", list(BAD_IMPORTS))
def test_a_bad_export_gets_a_clear_message_and_creates_nothing(case, walk, client, app, pages):
    token = walk.complete()
    make, message = BAD_IMPORTS[case]
    bad = make(export_document(client, token))
    before = framework_count(app)

    page = pages.check(send_import(client, pasted=bad))
    assert page.title.get_text().startswith("Error: ")
    summary = page.find(class_="error-summary")
    assert message in summary.get_text(), summary.get_text()
    assert summary.find("a")["href"] == "#pasted"
    assert message in page.find(id="pasted-error").get_text()
    assert page.find("textarea", id="pasted").get_text().strip() == bad.strip()
    assert framework_count(app) == before


def test_a_file_that_is_not_text_is_refused(client, app, pages):
    page = pages.check(send_import(client, upload=b"\x89PNG\r\n\x1a\n\xff\xfe"))
    assert page.title.get_text().startswith("Error: ")
    assert "not text" in page.find(id="upload-error").get_text()
    assert framework_count(app) == 0


def test_sending_nothing_asks_for_a_file(client, pages):
    page = pages.check(send_import(client))
    assert page.title.get_text().startswith("Error: ")
    assert "Choose your framework.json file" in page.find(class_="error-summary").get_text()


def test_a_file_over_the_size_limit_gets_a_clear_message(client, app, pages):
    page = pages.check(send_import(client, upload=b" " * (600 * 1024)), status=413)
    assert page.title.get_text().startswith("Error: ")
    assert "larger than 512 KB" in page.find(class_="error-summary").get_text()
    assert framework_count(app) == 0


def test_an_import_without_a_csrf_token_creates_nothing(walk, client, app, pages):
    token = walk.complete()
    exported = client.get(f"/f/{token}/framework.json").get_data(as_text=True)
    page = pages.check(client.post("/import/", data={"pasted": exported}), 400)
    assert page.title.get_text().startswith("Error: ")
    assert page.find("textarea", id="pasted").get_text().strip() == exported.strip()
    assert framework_count(app) == 1


# --- who may download -----------------------------------------------------


@pytest.mark.parametrize("export", ["calendar.ics", "framework.md", "framework.json"])
def test_drafts_and_unknown_links_have_no_exports(export, walk, client):
    walk.start()
    walk.submit("work")
    assert client.get(f"{walk.base}/{export}").status_code == 404
    assert client.get(f"/f/{'x' * 32}/{export}").status_code == 404


# --- no document makes the import page fail ------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
ANSWER_FIELDS = [
    ("work", "role"),
    ("work", "subtopics"),
    ("comfort", "rung"),
    ("comfort", "channels"),
    ("goals", "goals"),
    ("tone", "humour"),
    ("tone", "pairs"),
    ("themes", "themes"),
    ("themes", "start_date"),
    ("themes", "post_time"),
    ("themes", "time_zone"),
    ("situations", "any_doubt"),
]
TOP_FIELDS = ["version", "answers", "idea_seed", "more_ideas", "idea_marks", "completed_at"]
PROPERTY_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@PROPERTY_SETTINGS
@given(place=st.sampled_from(ANSWER_FIELDS), value=json_values)
def test_no_answer_value_makes_the_import_fail(walk, client, place, value):
    if walk.token is None:
        walk.complete()
    document = export_document(client, walk.token)
    step, name = place
    document["answers"][step][name] = value
    response = send_import(client, pasted=json.dumps(document))
    assert response.status_code in (200, 303), response.status_code
    if response.status_code == 303:
        assert client.get(response.location).status_code in (200, 302)


@pytest.mark.parametrize("themes", [1, "three themes", {"0": {"include": True}}, None])
def test_an_import_whose_themes_are_not_a_list_is_refused_in_words(walk, client, themes):
    document = export_document(client, walk.complete())
    document["answers"]["themes"]["themes"] = themes
    response = send_import(client, pasted=json.dumps(document))
    assert response.status_code == 200, response.status_code
    assert "What will you write about, and when?" in response.get_data(as_text=True)


@PROPERTY_SETTINGS
@given(name=st.sampled_from(TOP_FIELDS), value=json_values)
def test_no_top_level_value_makes_the_import_fail(walk, client, name, value):
    if walk.token is None:
        walk.complete()
    document = export_document(client, walk.token)
    document[name] = value
    response = send_import(client, pasted=json.dumps(document))
    assert response.status_code in (200, 303), response.status_code
