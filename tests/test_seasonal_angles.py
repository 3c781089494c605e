"""Posts about a date land before it, never after.

An angle with ``months`` (the last payroll of the year, the January W-2
phishing email) is dated only in those months; a plan whose themes run at
another time of year keeps it as a spare.
"""

from __future__ import annotations

from datetime import date

from wizard.generators.calendar import PlannedDay, pick_ideas, premise_of
from wizard.generators.ideas import moment_seasons
from wizard.generators.plan import build_plan
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library
from wizard.library.schema import _check_angle

LIB = load_library()

PAYROLL = {
    "role": "Payroll manager",
    "expertise": "payroll",
    "subtopics": "multi-state payroll\ngarnishments",
    "audience": "HR and finance leaders",
    "country": "US",
}


def seasons() -> dict[str, tuple[int, ...]]:
    """The payroll guide's angles that belong in some months, by slug."""
    area = LIB.area("payroll")
    return {a.slug: a.months for t in area.themes for a in t.angles if a.months}


def payroll_plan(start: str):
    """A US payroll manager's plan with the year-end theme first, from ``start``."""
    rows = theme_rows(suggest_themes(PAYROLL, ["expert"], LIB))
    year_end = [r for r in rows if "year-end" in r["key"]]
    assert year_end, [r["key"] for r in rows]
    others = [r for r in rows if r not in year_end][:2]
    chosen = [
        {**r, "include": True, "weeks": 3, "order": n}
        for n, r in enumerate([*year_end, *others], 1)
    ]
    answers = {
        "work": PAYROLL,
        "comfort": {"rung": 3, "channels": ["linkedin"], "time": "2-hours"},
        "goals": {"goals": ["expert"]},
        "tone": {"humour": 3, "formality": 4, "respect": 2, "enthusiasm": 3, "pairs": []},
        "themes": {
            "themes": chosen,
            "start_date": start,
            "post_time": "08:30",
            "time_zone": "America/New_York",
            "country": "US",
        },
        "situations": {},
    }
    day = date.fromisoformat(start)
    return build_plan(answers, LIB, seed=3, today=date(day.year, day.month, 1))


def test_the_payroll_guide_tags_its_year_end_angles():
    tagged = seasons()
    for slug in ("w2-prep", "first-payroll-of-year-us", "w2-phishing", "w2-deadline"):
        assert tagged.get(slug), slug
    assert 1 not in tagged["w2-prep"] and 1 not in tagged["first-payroll-of-year-us"]


def test_a_december_plan_dates_the_year_end_angles_in_their_window():
    plan = payroll_plan("2026-12-07")
    tagged = seasons()
    dated = [(s.day, premise_of(s.idea.angle)) for s in plan.slots if s.idea.angle]
    seasonal = [(day, slug) for day, slug in dated if slug in tagged]
    assert {slug for _, slug in seasonal} & {"w2-prep", "first-payroll-of-year-us"}
    for day, slug in seasonal:
        assert day.month in tagged[slug], (day, slug)
    first = next(day for day, slug in seasonal if slug in ("w2-prep", "first-payroll-of-year-us"))
    assert first < date(2027, 1, 1)


def test_a_moment_is_dated_in_its_month():
    """The W-2 filing deadline (January) is no post of a theme's February days."""
    plan = payroll_plan("2026-12-07")
    moments = {
        f"moment:{m.name.lower().replace(' ', '-')}": m.month for m in LIB.area("payroll").moments
    }
    assert "moment:w-2-filing-deadline" in moments
    for slot in plan.slots:
        if slot.idea.angle in moments:
            assert slot.day.month == moments[slot.idea.angle], (slot.day, slot.idea.angle)
    post = next(i for i in plan.ideas if i.is_post)
    deadline = post.__class__(**{**post.__dict__, "angle": "moment:w-2-filing-deadline"})
    days = [PlannedDay(date(2027, 2, 4), 1), PlannedDay(date(2027, 1, 26), 1)]
    months = moment_seasons([("W-2 filing deadline", 1, "deadline")])
    assert [d.day for d, _ in pick_ideas(days, {"post": [deadline]}, seasons=months)] == [
        date(2027, 1, 26)
    ]
    assert [d.day for d, _ in pick_ideas(days, {"post": [deadline]})] == [date(2027, 2, 4)]


def test_a_march_plan_keeps_them_as_spares():
    plan = payroll_plan("2027-03-01")
    tagged = seasons()
    dated = {premise_of(s.idea.angle) for s in plan.slots}
    assert not dated & {"w2-prep", "first-payroll-of-year-us", "w2-phishing", "w2-deadline"}
    offered = {i.angle for i in plan.ideas}
    assert offered & set(tagged), "the ideas stay on offer as spares"


def test_pick_ideas_passes_over_an_idea_out_of_its_months():
    plan = payroll_plan("2026-12-07")
    posts = [i for i in plan.ideas if i.is_post][:2]
    seasonal, other = posts
    days = [PlannedDay(date(2027, 1, 5), 1), PlannedDay(date(2027, 1, 28), 5)]
    months = {premise_of(seasonal.angle): (11, 12)}
    picked = [idea for _, idea in pick_ideas(days, {"post": [seasonal, other]}, seasons=months)]
    assert picked == [other]
    kept = [idea for _, idea in pick_ideas(days, {"post": [seasonal, other]})]
    assert kept[0] is seasonal


def test_the_schema_checks_months():
    angle = {
        "slug": "x",
        "premise": "A premise that is long enough to pass",
        "points": ["One point", "Two points"],
        "kinds": ["opinion"],
    }
    assert not any("months" in p for p in _check_angle("a", {**angle, "months": [12, 1]}, [])[0])
    for bad in ([13], [], [1, 1], "12", [1.0]):
        assert any("months" in p for p in _check_angle("a", {**angle, "months": bad}, [])[0]), bad
