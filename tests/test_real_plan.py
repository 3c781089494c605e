"""A plan that fits real life: holidays, honest cadence, setup week and review point."""

from collections import Counter
from datetime import date, time, timedelta

import pytest

from wizard.generators.calendar import LONG, TALK, week_days
from wizard.generators.outline import cadence, months_in, quarters_in
from wizard.generators.place import (
    Place,
    date_style,
    parse_days_off,
    place_from_answer,
    regions,
    weekend_of,
)
from wizard.generators.plan import build_plan
from wizard.generators.setup import about_sentence, setup_week
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()


def answers(*, rung=3, budget="2-hours", themes_extra=None, weeks=(2, 2, 2, 2), start="2026-12-07"):
    """Answers for a comfort rung and time budget, themes of the given lengths."""
    work = {
        "role": "Recruiting lead",
        "expertise": "Recruiting",
        "subtopics": "structured interviews\nsourcing",
        "audience": "Hiring managers",
    }
    rows = theme_rows(suggest_themes(work, ["expert"], LIB))
    chosen = []
    for row, length in zip(rows, weeks, strict=False):
        chosen.append({**row, "include": True, "weeks": length})
    for n, row in enumerate(chosen, start=1):
        row["order"] = n
    themes = {"themes": chosen, "start_date": start, "post_time": "08:30", "time_zone": "UTC"}
    themes.update(themes_extra or {})
    return {
        "work": work,
        "comfort": {"rung": rung, "channels": ["linkedin", "blog", "events"], "time": budget},
        "goals": {"goals": ["expert"]},
        "tone": {"humour": 3, "formality": 4, "respect": 2, "enthusiasm": 3, "pairs": []},
        "themes": themes,
        "situations": {},
    }


# --- where the person lives ---------------------------------------------------


def blocked_names(place: Place, start: date, end: date) -> dict[date, str]:
    return {d: r for d, r in place.blocked(start, end).items() if r != "Weekend"}


def test_india_with_a_state_has_its_own_holidays():
    karnataka = place_from_answer({"country": "IN", "region": "IN-KA", "quiet_period": False})
    kerala = place_from_answer({"country": "IN", "region": "IN-KL", "quiet_period": False})
    year = (date(2026, 1, 1), date(2026, 12, 31))
    assert date(2026, 1, 26) in karnataka.blocked(*year)  # Republic Day, everywhere
    assert date(2026, 10, 2) in karnataka.blocked(*year)  # Gandhi Jayanti
    assert karnataka.blocked(*year).get(date(2026, 11, 1)) == "Karnataka Rajyotsava"
    assert date(2026, 11, 1) not in blocked_names(kerala, *year)
    assert ("KA", "Karnataka") in regions("IN")


def test_uk_us_and_germany_holidays():
    england = place_from_answer({"country": "GB", "region": "GB-ENG", "quiet_period": False})
    scotland = place_from_answer({"country": "GB", "region": "GB-SCT", "quiet_period": False})
    assert date(2026, 12, 28) in england.blocked(date(2026, 12, 1), date(2026, 12, 31))
    assert date(2026, 8, 31) in england.blocked(date(2026, 8, 1), date(2026, 9, 1))  # bank hol.
    assert date(2026, 8, 31) not in blocked_names(scotland, date(2026, 8, 1), date(2026, 9, 1))
    us = place_from_answer({"country": "US", "region": "US-CA", "quiet_period": False})
    assert date(2026, 11, 26) in us.blocked(date(2026, 11, 1), date(2026, 11, 30))  # Thanksgiving
    assert date(2026, 7, 3) in us.blocked(date(2026, 7, 1), date(2026, 7, 6))  # 4 July observed
    bavaria = place_from_answer({"country": "DE", "region": "DE-BY", "quiet_period": False})
    berlin = place_from_answer({"country": "DE", "region": "DE-BE", "quiet_period": False})
    assert date(2026, 10, 3) in bavaria.blocked(date(2026, 10, 1), date(2026, 10, 5))
    assert date(2026, 1, 6) in bavaria.blocked(date(2026, 1, 5), date(2026, 1, 9))  # Epiphany
    assert date(2026, 1, 6) not in berlin.blocked(date(2026, 1, 5), date(2026, 1, 9))
    women = date(2027, 3, 8)  # a Monday: a public holiday in Berlin, not in Bavaria
    assert berlin.blocked(women, women) == {women: "Women's Day"}
    assert bavaria.blocked(women, women) == {}


def test_region_of_another_country_is_ignored():
    place = place_from_answer({"country": "DE", "region": "IN-KA"})
    assert place.region == ""


def test_no_slots_on_holidays_weekends_quiet_period_or_days_off():
    extra = {"country": "GB", "region": "GB-ENG", "quiet_period": True, "days_off": "2026-12-08"}
    plan = build_plan(
        answers(rung=5, budget="4-hours", themes_extra=extra), LIB, seed=3, today=date(2026, 12, 1)
    )
    free = plan.place.blocked(plan.start, plan.end)
    days = [slot.day for slot in plan.slots]
    assert days and not set(days) & set(free)
    assert all(d.weekday() < 5 for d in days)
    assert not [d for d in days if (d.month, d.day) >= (12, 24) or d == date(2027, 1, 1)]
    assert date(2026, 12, 8) not in days
    # The week of 28 December is all quiet: no posts, and the promise knows it.
    assert plan.promise.posts == len(plan.slots)


def test_weekend_follows_the_country():
    assert weekend_of("SA") == frozenset({4, 5})
    monday = date(2026, 3, 2)
    saudi = place_from_answer({"country": "SA"})
    days = week_days(monday, 5, saudi.blocked(monday, monday + timedelta(days=6)))
    assert all(d.weekday() not in (4, 5) for d in days) and len(days) == 5


def test_a_holiday_moves_the_post_within_its_week():
    monday = date(2026, 3, 2)
    assert week_days(monday, 1) == [date(2026, 3, 3)]
    moved = week_days(monday, 1, {date(2026, 3, 3): "Holiday"})
    assert len(moved) == 1 and moved[0] != date(2026, 3, 3)
    two = week_days(monday, 2, {date(2026, 3, 5): "Holiday"})
    assert len(two) == 2 and (two[1] - two[0]).days > 1


def test_days_off_are_read_or_refused():
    days, problems = parse_days_off("2026-03-02\n2026-03-10 to 2026-03-12\nnext tuesday")
    assert days == [date(2026, 3, 2), date(2026, 3, 10), date(2026, 3, 11), date(2026, 3, 12)]
    assert problems == ["next tuesday"]


def test_dates_and_times_in_the_persons_conventions():
    us, india, germany = date_style("US"), date_style("IN"), date_style("DE")
    day = date(2026, 3, 2)
    assert us.long(day) == "Monday, March 2, 2026" and us.clock(time(14, 5)) == "2:05 PM"
    assert india.long(day) == "Monday 2 March 2026" and india.clock(time(8, 30)) == "8:30 AM"
    assert germany.long(day) == "Monday 2 March 2026" and germany.clock(time(14, 5)) == "14:05"


# --- honest cadence -------------------------------------------------------------


RUNGS = [r.rung for r in LIB.rungs]
TIME_BUDGETS = [b.slug for b in LIB.time_budgets]


def test_every_rung_and_budget_is_covered():
    assert RUNGS == [1, 2, 3, 4, 5] and len(TIME_BUDGETS) == 4


@pytest.mark.parametrize("budget", TIME_BUDGETS)
@pytest.mark.parametrize("rung", RUNGS)
def test_the_calendar_holds_what_the_outline_promises(rung, budget):
    """No holidays in the way (a March start, no country): the outline's numbers are
    the calendar's, and every week fits the time (see tests/test_effort.py)."""
    tier = LIB.tier(rung)
    pace = cadence(rung, budget, LIB)
    minutes = LIB.budget(budget).minutes
    for weeks in ((2, 2, 2), (4, 4, 4, 1), (4, 4, 4, 4, 4, 4)):
        plan = build_plan(
            answers(rung=rung, budget=budget, weeks=weeks, start="2026-03-02"),
            LIB,
            seed=11,
            today=date(2026, 2, 26),
        )
        total = sum(weeks)
        kinds = Counter(slot.kind for slot in plan.slots)
        expected_talks = tier.talks_per_quarter * quarters_in(total) if minutes >= 240 else 0
        assert 1 <= pace.posts_per_week <= tier.posts_per_week
        assert plan.promise.posts == len(plan.slots)
        assert plan.promise.posts <= pace.posts_per_week * total
        # Fewer only where the time says so, and never a theme left without posts.
        assert len(plan.slots) >= total * 0.6
        assert plan.promise.lighter == (len(plan.slots) < pace.posts_per_week * total)
        assert (
            plan.promise.long_pieces == kinds[LONG] <= tier.long_form_per_month * months_in(total)
        )
        if minutes < 240:
            assert kinds[LONG] == 0  # a longer piece takes four hours: only big budgets
        assert plan.promise.talks == kinds[TALK] == expected_talks
        for slot in plan.slots:
            if slot.kind == LONG:
                assert slot.idea.format_slug in ("long-form-article", "case-study")
            elif slot.kind == TALK:
                assert slot.idea.format_slug == "talk"
            else:
                assert slot.idea.format_slug not in ("long-form-article", "case-study", "talk")
        for theme in plan.outline:  # the outline's per-theme counts are the calendar's
            assert theme.posts == len([s for s in plan.slots if s.theme_number == theme.number])
            assert theme.posts >= 1
        sentence = plan.pace
        assert f": {len(plan.slots)} in " in sentence
        assert sentence.count(" a week") <= 2  # the weekly rhythm, and comments: once each
        assert plan.cadence.summary not in sentence


def test_pace_is_said_once_in_plain_words():
    plan = build_plan(answers(rung=1, budget="1-hour"), LIB, seed=1, today=date(2026, 12, 1))
    assert plan.pace.startswith("One post a week: ")
    assert plan.pace.count("comments") == 1


def test_long_pieces_and_talks_at_the_top_rung():
    plan = build_plan(
        answers(rung=5, budget="4-hours", weeks=(2, 2, 2, 2), start="2026-03-02"),
        LIB,
        seed=4,
        today=date(2026, 2, 26),
    )
    kinds = Counter(slot.kind for slot in plan.slots)
    assert kinds[LONG] == 2 and kinds[TALK] == 1  # 8 weeks: two months, one quarter
    assert "2 longer pieces" in plan.pace and "a talk abstract" in plan.pace


# --- setup week and review point ----------------------------------------------------


def test_setup_week_drafts_from_the_persons_answers():
    plan = build_plan(answers(), LIB, seed=2, today=date(2026, 12, 1))
    setup = plan.setup
    assert setup.end == plan.start - timedelta(days=1)
    assert setup.start == plan.start - timedelta(days=7)
    assert "Recruiting lead" in setup.profile_line and "structured interviews" in setup.profile_line
    assert setup.about.startswith("I'm a recruiting lead (")
    assert "hiring managers" in setup.about
    assert setup.disclaimer
    area = LIB.match_expertise("Recruiting")
    if area and area.follow:
        assert setup.follow == tuple(area.follow)
    else:  # a field the library has no follow list for: from the person's own sub-topics
        assert "structured interviews" in setup.follow[0]
    security = answers()
    security["work"] = {**security["work"], "expertise": "Cybersecurity"}
    secure = build_plan(security, LIB, seed=2, today=date(2026, 12, 1))
    cyber = LIB.match_expertise("Cybersecurity")
    assert secure.setup.follow == tuple(cyber.follow) and secure.setup.moments
    assert any(note.startswith("LinkedIn") for note in setup.notifications)
    assert "minutes" in setup.listening


def test_review_point_offers_the_next_rung_once_enough_ideas_are_used():
    from wizard.generators.plan import IdeaPreferences

    base = answers(rung=2, budget="1-hour", start="2026-03-02")
    plan = build_plan(base, LIB, seed=2, today=date(2026, 2, 26))
    assert plan.review.day == plan.end + timedelta(days=1)
    assert plan.review.offer_rung is None
    marks = {slot.idea.key: "used" for slot in plan.slots}
    used = build_plan(
        base, LIB, seed=2, today=date(2026, 2, 26), preferences=IdeaPreferences(marks=marks)
    )
    assert used.review.offer_rung == 3


def test_no_event_recap_around_the_new_year():
    from wizard.generators.calendar import PlannedDay, pick_ideas

    plan = build_plan(answers(rung=2, budget="1-hour"), LIB, seed=5, today=date(2026, 12, 1))
    ideas = [i for i in plan.ideas if i.is_post]
    recap = next((i for i in LIB.formats if i.slug == "event-recap"), None)
    assert recap is not None
    fake = ideas[0].__class__(**{**ideas[0].__dict__, "key": "recap", "format_slug": "event-recap"})
    days = [PlannedDay(date(2027, 1, 5), 1), PlannedDay(date(2027, 2, 2), 2)]
    picked = [idea for _, idea in pick_ideas(days, {"post": [fake, *ideas[1:2]]})]
    assert picked[0].format_slug != "event-recap" and picked[1] is fake
    for slot in plan.slots:
        assert not (slot.idea.format_slug == "event-recap" and slot.day.month in (12, 1))


def test_wanting_to_speak_adds_one_talk_the_outline_says_so():
    base = answers(rung=2, budget="1-hour", start="2026-03-02")
    base["goals"] = {"goals": ["speaking"]}
    plan = build_plan(base, LIB, seed=5, today=date(2026, 2, 26))
    assert plan.promise.talks == 1 == sum(1 for s in plan.slots if s.kind == TALK)
    assert "a talk abstract" in plan.pace


def test_the_country_guess_from_languages_skips_the_default_en_us():
    from wizard.generators.place import country_from_languages

    assert country_from_languages(["de-DE", "de"]) == "DE"
    assert country_from_languages(["en-IN", "en"]) == "IN"
    assert country_from_languages(["en-US", "en"]) == ""
    assert country_from_languages(["en-US", "fr-CA"]) == "CA"


@pytest.mark.parametrize(
    "role, expertise, opening",
    [
        (
            "ICU nurse, academic medical center",
            "Nursing",
            "I'm an ICU nurse at an academic medical center.",
        ),
        (
            "Electrician, runs a small electrical contracting business",
            "Electrical contracting",
            "I'm an electrician, and I run a small electrical contracting business.",
        ),
        (
            "Senior planning officer, district council",
            "Town planning",
            "I'm a senior planning officer at a district council ([number] years in town planning).",
        ),
        (
            "Signalling design engineer, rail infrastructure",
            "Railway signalling",
            "I'm a signalling design engineer in rail infrastructure.",
        ),
        (
            "Diagnostic radiographer, NHS hospital",
            "Radiography",
            "I'm a diagnostic radiographer at an NHS hospital.",
        ),
        (
            "Test lead in the payments team",
            "Software testing",
            "I'm a test lead in the payments team ([number] years in software testing).",
        ),
    ],
)
def test_the_drafted_about_line_reads_a_job_typed_with_its_workplace(role, expertise, opening):
    """A job typed as "title, workplace" reads as a sentence, not "an ICU nurse,
    academic medical center in nursing"; the field is named once, when the
    title does not already say it."""
    about = about_sentence(role, expertise, ["sepsis", "staffing"], "other nurses")
    if "[number]" in opening:  # the field named in the gap for their years
        assert about.startswith(opening), about
    else:
        assert about.startswith(opening.removesuffix(".") + " ([number] years"), about


def _setup(role: str, expertise: str, subtopics: list[str], country: str):
    work = {"role": role, "expertise": expertise, "subtopics": "\n".join(subtopics)}
    return setup_week(
        first_post=date(2026, 12, 8),
        role=role,
        expertise=expertise,
        subtopics=subtopics,
        audience="peers",
        area=LIB.field_for(work),
        channels=["linkedin"],
        minutes_a_week=30,
        country=country,
    )


def test_follows_and_moments_tagged_for_a_country_reach_only_that_country():
    """A British solicitor is not sent to the EEOC, nor a US one to Acas; a British
    electrician's moments leave out the US safety month, a US one reads it untagged."""
    gb = _setup("Employment solicitor", "Employment law", ["unfair dismissal"], "GB")
    us = _setup("Employment lawyer", "Employment law", ["severance agreements"], "US")
    assert not any("EEOC" in f for f in gb.follow) and any("Acas" in f for f in gb.follow)
    assert not any("Acas" in f for f in us.follow) and any("EEOC" in f for f in us.follow)
    assert not any(f.endswith(("(UK)", "(US)")) for f in (*gb.follow, *us.follow))
    planner = _setup("Planning officer", "Town planning", ["local plans"], "GB")
    assert not any("American Planning" in f for f in planner.follow)
    spark_gb = _setup("Electrician", "Electrical contracting", ["EV chargers"], "GB")
    spark_us = _setup("Electrician", "Electrical contracting", ["EV chargers"], "US")
    assert not any("National Electrical Safety Month" in m for m in spark_gb.moments)
    assert any(m.startswith("National Electrical Safety Month") for m in spark_us.moments)
    assert not any("(US)" in m for m in spark_us.moments)


def test_an_owner_is_not_told_to_set_their_views_apart_from_an_employer():
    owner = _setup(
        "Electrician, runs a small electrical contracting business",
        "Electrical contracting",
        ["EV chargers"],
        "GB",
    )
    employee = _setup(
        "Electrician at a facilities company", "Electrical contracting", ["EICRs"], "GB"
    )
    assert "employer" not in owner.disclaimer and "my own business" in owner.disclaimer
    assert employee.disclaimer == "Views are my own, not my employer's."


def test_health_follows_fit_the_country_however_the_tag_is_written():
    """ "(UK)", "(GB)" and ", in the US" all mark a follow's country: a GB
    radiographer is not sent to the ASRT, a US ICU nurse not to the RCN."""
    radiographer = _setup("Diagnostic radiographer", "Diagnostic radiography", ["CT"], "GB")
    assert not any("ASRT" in f or "Image Gently" in f for f in radiographer.follow)
    assert any(
        f.startswith("the Society and College of Radiographers") for f in radiographer.follow
    )
    assert not any(f.endswith(", in the UK") for f in radiographer.follow)
    nurse = _setup("ICU nurse", "Nursing", ["sepsis"], "US")
    assert "the AACN" in nurse.follow and "the American Nurses Association" in nurse.follow
    assert not any("Royal College of Nursing" in f or "UK Sepsis" in f for f in nurse.follow)
    vet = _setup("Veterinary surgeon", "Veterinary medicine", ["farm animal health"], "GB")
    assert not any("AVMA" in f for f in vet.follow)
