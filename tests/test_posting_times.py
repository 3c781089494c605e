"""When posts go out for people whose working day is not an office day, and the
days their workplace is shut: a teacher's posts after school and never in the
school holidays, a paramedic's at a neutral time with the advice to schedule,
public holidays free for everyone, an office field as it was."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time, timedelta

import pytest
from icalendar import Calendar

from models.frameworks import Framework
from tests.test_calendar_weeks import answers
from wizard.exports.ics import calendar_ics
from wizard.exports.markdown_doc import calendar_lines
from wizard.generators.calendar import week_days
from wizard.generators.plan import build_plan
from wizard.generators.timing import school_holidays
from wizard.library import load_library
from wizard.library.schema import LibraryError
from wizard.library.timing import Timings, read_timings

LIB = load_library()
OFFICE_LIB = dataclasses.replace(LIB, timings=Timings())  # the library before timings
TODAY = date(2026, 11, 30)
ZONES = {"GB": "Europe/London", "US": "America/New_York"}


def plan(
    expertise: str,
    country: str,
    start: str,
    *,
    weeks: int = 3,
    post_time: str = "08:30",
    region: str = "",
    library=LIB,
):
    """A plan for someone in ``expertise`` living in ``country``, each theme ``weeks`` long."""
    given = answers(expertise, [], rung=4, start=start)
    given["themes"] |= {
        "country": country,
        "region": region,
        "time_zone": ZONES[country],
        "post_time": post_time,
        "themes": [dict(row, weeks=weeks) for row in given["themes"]["themes"]],
    }
    return build_plan(given, library, seed=5, today=TODAY)


def between(first: date, last: date) -> set[date]:
    return {first + timedelta(days=n) for n in range((last - first).days + 1)}


def ics_starts(made) -> list[datetime]:
    """The start of every post in the plan's calendar file."""
    ics = calendar_ics(
        made,
        identity="t",
        link="https://x.test/f",
        link_text="Open",
        changed_at=datetime(2026, 11, 30, tzinfo=UTC),
    )
    return [
        event.decoded("dtstart")
        for event in Calendar.from_ical(ics).walk("VEVENT")
        if isinstance(event.decoded("dtstart"), datetime)
    ]


# --- a teacher ------------------------------------------------------------------


def test_a_teacher_in_england_posts_after_school_and_not_in_the_christmas_holidays():
    made = plan("School teaching", "GB", "2026-12-07")
    assert made.area_name == "School teaching"
    days = {slot.day for slot in made.slots}
    assert days and not days & between(date(2026, 12, 21), date(2027, 1, 2))
    # Not while they are in front of a class, in the file as on the page.
    assert not time(8) <= made.post_time <= time(16)
    starts = ics_starts(made)
    assert len(starts) == len(made.slots)
    assert all(not time(8) <= start.time() <= time(16) for start in starts)
    assert {start.date() for start in starts} == days
    assert (
        "once the school day is done" in made.time_note
        and "19:00" in made.time_note
    )
    week = next(w for w in made.calendar if w.start == date(2026, 12, 28))
    assert not week.slots and week.off_line == "A week off: Christmas holidays."
    assert "school holidays" in made.days_off_line and "term dates" in made.days_off_line
    assert "Days you will not post" in made.days_off_line


def test_a_teacher_gets_no_posts_in_the_easter_or_summer_holidays():
    spring = plan("School teaching", "GB", "2027-03-15", weeks=2)  # Easter Sunday: 28 March 2027
    assert not {s.day for s in spring.slots} & between(date(2027, 3, 22), date(2027, 4, 2))
    summer = plan("School teaching", "GB", "2027-07-12", weeks=2)
    days = {s.day for s in summer.slots}
    assert days and not days & between(date(2027, 7, 22), date(2027, 8, 31))
    assert min(days) < date(2027, 7, 22)  # the last weeks of term still get posts


def test_the_calendar_names_a_school_holiday_once_a_week():
    made = plan("School teaching", "GB", "2027-07-12", weeks=2)
    week = next(w for w in made.calendar if w.start == date(2027, 7, 19))
    # Summer starts on Thursday 22 July: listed on that day, Friday is part of it.
    assert week.free == ((date(2027, 7, 22), "Summer holidays"),)
    text = "\n".join(calendar_lines(made))
    assert (
        "once the school day is done" in text
        and "Summer holidays, no post" in text
    )


def test_scotland_breaks_up_for_the_summer_earlier():
    scotland = school_holidays(
        LIB.timings.school_holidays, "GB", "SCT", date(2027, 6, 1), date(2027, 8, 31)
    )
    england = school_holidays(
        LIB.timings.school_holidays, "GB", "", date(2027, 6, 1), date(2027, 8, 31)
    )
    assert date(2027, 7, 1) in scotland and date(2027, 7, 1) not in england
    assert date(2027, 8, 25) in england and date(2027, 8, 25) not in scotland


def test_school_holidays_the_holidays_package_knows_come_first():
    # Berlin's school holidays are in the package: its dates, not the approximate table.
    found = school_holidays(
        LIB.timings.school_holidays, "DE", "BE", date(2026, 6, 1), date(2026, 9, 30)
    )
    assert found and "Christmas holidays" not in found.values()
    assert any(d.month in (7, 8) for d in found)


def test_a_plan_chosen_to_start_in_the_summer_holidays_starts_when_school_is_back():
    made = plan("School teaching", "GB", "2027-07-26", weeks=1)
    assert made.start == date(2027, 8, 30) and made.slots
    assert min(s.day for s in made.slots) >= date(2027, 9, 1)
    assert "after the summer holidays, rather than on Monday 26 July 2027" in made.time_note
    # Everyone else's plan starts when they chose, quiet weeks and all.
    office = plan("Data engineering", "GB", "2026-12-21", weeks=1)
    assert office.start == date(2026, 12, 21) and "Your calendar starts" not in office.time_note


def test_a_us_teacher_gets_the_thanksgiving_break_and_an_evening_on_their_clock():
    made = plan("School teaching", "US", "2026-11-16")
    days = {s.day for s in made.slots}
    assert days and not days & between(date(2026, 11, 25), date(2026, 11, 27))
    assert not days & between(date(2026, 12, 20), date(2027, 1, 2))
    assert "7:00 PM" in made.time_note


def test_a_time_the_teacher_typed_stands():
    made = plan("School teaching", "GB", "2026-12-07", post_time="07:15")
    assert made.post_time == time(7, 15)
    assert (
        "once the school day is done" not in made.time_note
    )  # the why is for the suggested time
    assert all(start.time() == time(7, 15) for start in ics_starts(made))


# --- shift workers and trades ------------------------------------------------------


def test_a_paramedic_gets_a_neutral_time_and_the_advice_to_schedule():
    made = plan("Paramedicine", "GB", "2027-02-01")
    assert made.post_time == time(12, 30)
    assert "shifts" in made.time_note and "schedule" in made.time_note
    assert "school holidays" not in made.days_off_line
    vet = plan("Veterinary medicine", "GB", "2027-02-01")  # clinics, not always shifts
    assert vet.post_time == time(12, 30) and "with patients" in vet.time_note
    assert "Your shifts change" not in vet.time_note


def test_a_tradesperson_in_the_us_posts_in_the_evening_on_their_clock():
    made = plan("Electrical contracting", "US", "2027-02-01")
    assert made.post_time == time(19)
    assert "7:00 PM" in made.time_note and "off site" in made.time_note


def test_an_archivist_gets_no_posts_in_the_christmas_closure():
    made = plan("Archives and records", "GB", "2026-12-07")
    assert not {s.day for s in made.slots} & between(date(2026, 12, 21), date(2027, 1, 2))
    assert made.post_time == time(8, 30) and made.time_note == ""


# --- everyone: public holidays --------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "holiday"),
    [("2026-11-16", date(2026, 11, 26)), ("2026-06-22", date(2026, 7, 3))],  # July 4 observed
)
def test_a_us_person_has_no_post_on_thanksgiving_or_independence_day(start, holiday):
    made = plan("Data engineering", "US", start)
    days = {slot.day for slot in made.slots}
    assert days and holiday not in days
    week = next(w for w in made.calendar if w.start <= holiday <= w.end)
    assert holiday in dict(week.free) and len(week.slots) >= 1  # the week keeps its posts


def test_a_post_on_a_holiday_moves_on_to_the_next_working_day_in_its_week():
    monday = date(2026, 11, 23)  # Thanksgiving: Thursday 26 November
    assert week_days(monday, 1, {date(2026, 11, 24): "Holiday"}) == [date(2026, 11, 25)]
    assert week_days(monday, 2, {date(2026, 11, 26): "Thanksgiving Day"}) == [
        date(2026, 11, 24),
        date(2026, 11, 27),
    ]


def test_england_s_bank_holidays_without_a_region():
    made = plan("Data engineering", "GB", "2027-03-22")  # Easter Monday: 29 March 2027
    assert date(2027, 3, 29) not in {s.day for s in made.slots}
    assert date(2027, 3, 29) in made.place.blocked(date(2027, 3, 22), date(2027, 4, 4))


def test_an_office_field_is_unchanged():
    for country, start in (("GB", "2026-12-07"), ("US", "2026-11-16")):
        made = plan("Data engineering", country, start)
        before = plan("Data engineering", country, start, library=OFFICE_LIB)
        assert made.post_time == before.post_time == time(8, 30)
        assert made.time_note == "" and made.place.closures == ()
        assert [(s.day, s.idea.key) for s in made.slots] == [
            (s.day, s.idea.key) for s in before.slots
        ]


# --- the loader's checks ---------------------------------------------------------------


KNOWN = ({"teaching", "nursing"}, {"education"}, {"trades"})


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (
            {
                "timings": [
                    {"slug": "a", "post_time": "7pm", "why": "At {time}.", "fields": ["teaching"]}
                ]
            },
            "24-hour",
        ),
        ({"timings": [{"slug": "a", "post_time": "19:00", "fields": ["teaching"]}]}, "why"),
        (
            {
                "timings": [
                    {"slug": "a", "post_time": "19:00", "why": "At seven.", "fields": ["teaching"]}
                ]
            },
            "{time}",
        ),
        ({"timings": [{"slug": "a", "fields": ["plumbing"]}]}, "no field 'plumbing'"),
        (
            {"timings": [{"slug": "a", "closures": ["summer"], "sectors": ["education"]}]},
            "closures",
        ),
        (
            {
                "timings": [
                    {"slug": "a", "fields": ["teaching"]},
                    {"slug": "b", "fields": ["teaching"]},
                ]
            },
            "more than one",
        ),
        ({"timings": [{"slug": "a"}]}, "name the fields"),
        (
            {
                "school_holidays": [
                    {"country": "GB", "name": "Summer", "first": "07-32", "last": "08-31"}
                ]
            },
            "month and day",
        ),
        (
            {
                "school_holidays": [
                    {"country": "US", "name": "B", "around": "Boxing Day", "days": [1, 1]}
                ]
            },
            "not a public holiday in US",
        ),
        ({"school_holidays": [{"country": "GB", "name": "Easter", "easter": [8]}]}, "easter"),
        (
            {
                "school_holidays": [
                    {"country": "Britain", "name": "Summer", "first": "07-22", "last": "08-31"}
                ]
            },
            "ISO code",
        ),
    ],
)
def test_the_loader_refuses_a_bad_timing(data, problem):
    with pytest.raises(LibraryError, match=problem.replace("{", r"\{").replace("}", r"\}")):
        read_timings(data, *KNOWN)


def test_every_timing_reaches_someone_the_library_knows():
    timings = LIB.timings
    assert timings.timing_for("teaching", ["education"], "public").slug == "school-day"
    assert (
        timings.timing_for("health-informatics", ["healthcare"], "life-sciences").slug
        == "office-day"
    )
    assert (
        timings.timing_for(None, ["healthcare"], None).slug == "clinical-day"
    )  # a typed "midwife"
    assert timings.timing_for("data-engineering", [], "data-ai") is None


def test_a_teacher_keeping_the_evening_the_themes_step_offers_reads_why():
    """The themes step offers a teacher the library's evening time; keeping it
    is keeping the suggestion, with the reason said."""
    made = plan("School teaching", "GB", "2026-12-07", post_time="19:00")
    assert made.post_time == time(19, 0)
    assert "once the school day is done" in made.time_note


def test_the_themes_step_offers_a_teacher_the_evening_and_an_engineer_the_morning(client):
    from tests.wizard_walk import STEPS, WizardWalk

    offered = {}
    for expertise in ("School teaching", "Software testing"):
        walk = WizardWalk(client)
        walk.start()
        for step in STEPS[: STEPS.index("themes")]:
            changes = {"expertise": expertise} if step == "work" else None
            assert walk.submit(step, changes).status_code == 303, step
        page = client.get(f"{walk.base}/step/themes").get_data(as_text=True)
        offered[expertise] = page.split('name="post_time"')[1].split('value="')[1].split('"')[0]
    assert offered == {"School teaching": "19:00", "Software testing": "08:30"}


def test_a_teacher_who_types_the_office_morning_gets_it():
    """The step offered a teacher 19:00 and recorded it; 08:30 typed over it is
    the teacher's own time, even though it is the office default."""
    given = answers("School teaching", [], rung=4, start="2026-12-07")
    given["themes"] |= {"country": "GB", "time_zone": "Europe/London"}
    given["themes"] |= {"post_time": "08:30", "offered_time": "19:00"}
    made = build_plan(given, LIB, seed=5, today=TODAY)
    assert made.post_time == time(8, 30)
    assert "once the school day is done" not in made.time_note
    given["themes"]["post_time"] = "19:00"  # the offer kept
    made = build_plan(given, LIB, seed=5, today=TODAY)
    assert made.post_time == time(19, 0)
    assert "once the school day is done" in made.time_note


def test_answers_saved_before_the_offer_was_recorded_keep_the_evening():
    """An answer with no offered time (saved by an older Byline) whose time is
    the office default still follows the teacher's evening, with why."""
    made = plan("School teaching", "GB", "2026-12-07", post_time="08:30")
    assert made.post_time == time(19, 0)
    assert "once the school day is done" in made.time_note


def test_the_themes_step_records_the_time_it_offered(app, client):
    """A teacher who changes the offered evening to 08:30 on the page keeps 08:30."""
    from tests.wizard_walk import STEPS, WizardWalk

    walk = WizardWalk(client)
    walk.start()
    for step in STEPS[: STEPS.index("themes")]:
        changes = {"expertise": "School teaching"} if step == "work" else None
        assert walk.submit(step, changes).status_code == 303, step
    page = client.get(f"{walk.base}/step/themes").get_data(as_text=True)
    assert 'name="offered_time" type="hidden" value="19:00"' in page
    assert walk.submit("themes", {"post_time": "08:30"}).status_code == 303
    with app.app_context():
        saved = Framework.by_token(walk.token).answer_map()["themes"]
    assert (saved["post_time"], saved["offered_time"]) == ("08:30", "19:00")
    check = client.get(f"{walk.base}/check").get_data(as_text=True)
    assert "offered" not in check.lower()  # the record is not an answer to show
