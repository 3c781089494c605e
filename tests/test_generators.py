"""The generators: answers in, plain data out."""

import re
from datetime import date, timedelta

import pytest

from wizard.generators.outline import cadence, next_monday, theme_periods
from wizard.generators.plan import IdeaPreferences, build_plan
from wizard.generators.text import (
    fill,
    framework_title,
    join_words,
    lower_first,
    same_word,
    split_lines,
)
from wizard.generators.themes import chosen_rows, suggest_themes, theme_rows
from wizard.generators.tone import tone_profile
from wizard.library import load_library

LIB = load_library()


def answers_for(expertise: str, subtopics: list[str], *, rung: int = 2, goals=("expert",)):
    work = {
        "role": "Engineer",
        "expertise": expertise,
        "subtopics": "\n".join(subtopics),
        "audience": "Platform teams",
    }
    rows = theme_rows(suggest_themes(work, list(goals), LIB))
    return {
        "work": work,
        "comfort": {"rung": rung, "channels": ["linkedin"], "time": "2-hours"},
        "goals": {"goals": list(goals)},
        "tone": {"humour": 3, "formality": 4, "respect": 2, "enthusiasm": 4, "pairs": []},
        "themes": {"themes": rows, "start_date": "2026-03-02"},
        "situations": {},
    }


def test_text_helpers_keep_grammar():
    assert join_words(["a"]) == "a"
    assert join_words(["a", "b"]) == "a and b"
    assert join_words(["a", "b", "c"]) == "a, b and c"
    assert join_words(["a b", "c", "d"], sep="; ") == "a b; c; and d"
    assert lower_first("Flaky tests") == "flaky tests"
    assert lower_first("QA automation") == "QA automation"
    assert lower_first("DevOps") == "DevOps"
    # A short name in title case stays as typed; an acronym later on does not count.
    assert lower_first("Pharmacy First") == "Pharmacy First"
    assert lower_first("Part P notifications") == "Part P notifications"
    assert lower_first("Stroke rehab in the NHS") == "stroke rehab in the NHS"
    assert lower_first("Mistakes I still see") == "mistakes I still see"
    assert fill("{topic} in practice", topic="flaky tests") == "Flaky tests in practice"
    assert split_lines(" - one\n\n• two \nOne\n") == ["one", "two"]


def test_periods_follow_each_other_without_gaps():
    periods = theme_periods([2, 1, 3], date(2026, 3, 2))
    assert [(p.start, p.end) for p in periods] == [
        (date(2026, 3, 2), date(2026, 3, 15)),
        (date(2026, 3, 16), date(2026, 3, 22)),
        (date(2026, 3, 23), date(2026, 4, 12)),
    ]
    assert next_monday(date(2026, 11, 26)) == date(2026, 11, 30)
    assert next_monday(date(2026, 11, 30)) == date(2026, 12, 7)


def test_cadence_fits_comfort_and_time():
    assert cadence(1, "30-min", LIB).posts_per_week == 1
    assert cadence(5, "30-min", LIB).posts_per_week == 1
    assert cadence(5, "4-hours", LIB).posts_per_week == LIB.tier(5).posts_per_week
    assert cadence(2, "1-hour", LIB).long_form_per_month == 0


def test_tone_profile_speaks_plainly():
    profile = tone_profile({"humour": 5, "formality": 4, "respect": 3, "enthusiasm": 5}, LIB)
    assert profile.summary.startswith("You sound ")
    # One sentence on how they act, for the scale they lean on most (humour, here).
    assert "You leave the jokes out" in profile.summary
    assert "you don't sell" not in profile.summary
    assert LIB.tone_dimensions[0].describe[4] in profile.summary
    assert not profile.advice  # serious and matter-of-fact are never pushed back on
    casual = tone_profile({"humour": 1, "formality": 5, "respect": 3, "enthusiasm": 3}, LIB)
    assert casual.advice  # a far end that reads as a performance earns the gentle hint
    assert tone_profile({"humour": "x"}, LIB).lines[0].position == 3


def test_known_expertise_gives_library_and_personal_themes():
    work = {"expertise": "QA", "subtopics": "flaky tests\nrisk-based testing", "audience": "devs"}
    themes = suggest_themes(work, ["expert"], LIB)
    assert 6 <= len(themes) <= 8
    assert any(t.key.startswith("area:software-testing") for t in themes)
    assert any("flaky tests" in t.title.lower() for t in themes)
    assert len({t.title.lower() for t in themes}) == len(themes)


def test_unknown_expertise_builds_themes_from_the_persons_own_words():
    work = {
        "expertise": "Beekeeping logistics",
        "subtopics": "hive transport\npollination contracts\nwinter losses",
        "audience": "orchard owners",
    }
    themes = suggest_themes(work, ["hiring"], LIB)
    assert len(themes) >= 6
    text = " ".join(t.title.lower() for t in themes)
    for words in ("hive transport", "pollination contracts", "beekeeping logistics"):
        assert words in text
    assert all("{" not in t.title and "}" not in t.title for t in themes)


def test_plan_has_dated_themes_playbook_and_ideas_per_theme():
    plan = build_plan(
        answers_for("Software testing", ["flaky tests", "test data"]),
        LIB,
        seed=1,
        today=date(2026, 2, 26),
    )
    assert plan.start == date(2026, 3, 2)
    assert len(plan.outline) >= 3
    for theme in plan.outline:
        assert len(theme.ideas) >= 2
        assert theme.period.start <= theme.period.end
    # The field's own situations first, then the general ones its family puts
    # first, then the rest of the general ones (none a goal they lack brings).
    family = LIB.family("quality")
    # (a card in versions for some countries is one card, once)
    rest = list(
        dict.fromkeys(s.slug for s in LIB.situations if s.slug not in family.lead and not s.goals)
    )
    slugs = [entry.slug for entry in plan.playbook]
    assert slugs == [s.slug for s in family.situations] + list(family.lead) + rest
    assert all(entry.recommended for entry in plan.playbook)
    assert plan.tone.summary


@pytest.mark.parametrize("rung", [1, 2, 3, 4, 5])
def test_ideas_suit_the_comfort_rung(rung):
    plan = build_plan(
        answers_for("Data engineering", ["dbt models", "data contracts"], rung=rung),
        LIB,
        seed=7,
        today=date(2026, 2, 26),
    )
    formats = {f.slug: f for f in LIB.formats}
    for theme in plan.outline:
        for idea in theme.ideas:
            fmt = formats[idea.format_slug]
            if idea.stretch:
                # A step up, offered only after some weeks on the easy formats.
                assert fmt.rung == rung + 1 and rung <= 2
                assert (theme.period.start - plan.start).days >= 28
            else:
                assert fmt.rung <= rung
    if rung == 1:
        # The easy formats; a step up (after some weeks) may be one notch bigger.
        assert all(formats[i.format_slug].effort <= 2 + i.stretch for i in plan.ideas)
    if rung == 5:
        assert any(formats[i.format_slug].long_form for i in plan.ideas)


def test_every_idea_belongs_to_its_theme_or_the_persons_words():
    subtopics = ["flaky tests", "test data"]
    plan = build_plan(
        answers_for("Software testing", subtopics), LIB, seed=3, today=date(2026, 2, 26)
    )
    for theme in plan.outline:
        theme_words = {w for w in re.findall(r"[a-z]+", theme.title.lower()) if len(w) > 3}
        for idea in theme.ideas:
            # Built from one of the theme's angles, or from the person's own words.
            text = " ".join((idea.hook, idea.make_it_yours, *idea.outline)).lower()
            words = set(re.findall(r"[a-z]+", text))
            assert idea.angle or any(s in text for s in subtopics) or theme_words & words, idea


def test_same_framework_same_ideas_different_people_different_ideas():
    first = answers_for("Software testing", ["flaky tests", "test data"])
    second = answers_for("Software testing", ["accessibility audits", "contract tests"])
    again = build_plan(first, LIB, seed=11, today=date(2026, 2, 26))
    assert again.ideas == build_plan(first, LIB, seed=11, today=date(2026, 2, 26)).ideas
    other = build_plan(second, LIB, seed=12, today=date(2026, 2, 26))
    # Different sub-topics lead to different themes first, so the weeks differ.
    mine = [s.idea.hook for s in again.slots[:4]]
    theirs = [s.idea.hook for s in other.slots[:4]]
    assert mine != theirs


def test_chosen_rows_keep_the_persons_order():
    rows = [
        {"include": True, "title": "B", "order": 2},
        {"include": False, "title": "X", "order": 1},
        {"include": True, "title": "A", "order": 1},
        {"include": True, "title": "  ", "order": 3},
    ]
    assert [r["title"] for r in chosen_rows(rows)] == ["A", "B"]


def test_same_expertise_and_subtopics_differ_by_framework():
    answers = answers_for("Software testing", ["flaky tests", "test data"])
    first = build_plan(answers, LIB, seed=21, today=date(2026, 2, 26))
    second = build_plan(answers, LIB, seed=22, today=date(2026, 2, 26))
    # The same field's best ideas, in a different order: no week opens the same.
    for one, two in zip(first.calendar, second.calendar, strict=True):
        assert {s.idea.hook for s in one.slots}.isdisjoint(s.idea.hook for s in two.slots)


def test_calendar_slots_fill_each_theme_period_spread_out():
    plan = build_plan(
        answers_for("Cloud architecture", ["landing zones", "cost control"], rung=3),
        LIB,
        seed=5,
        today=date(2026, 2, 26),
    )
    per_week = plan.cadence.posts_per_week
    assert len(plan.calendar) == sum(t.period.weeks for t in plan.outline)
    for theme in plan.outline:
        # As many as the cadence says, fewer where a week's time holds fewer.
        assert theme.period.weeks <= len(theme.slots) <= per_week * theme.period.weeks
        assert {slot.idea for slot in theme.slots} <= set(theme.ideas)
        for slot in theme.slots:
            assert theme.period.start <= slot.day <= theme.period.end
    for week in plan.calendar:
        days = [slot.day for slot in week.slots]
        assert days == sorted(days) and 1 <= len(days) <= per_week
        assert week.minutes <= week.budget
        if per_week <= 3:
            assert all(b - a > timedelta(days=1) for a, b in zip(days, days[1:], strict=False))
            assert all(day.weekday() < 5 for day in days)


def test_hidden_ideas_leave_the_calendar():
    answers = answers_for("Software testing", ["flaky tests", "test data"])
    plan = build_plan(answers, LIB, seed=9, today=date(2026, 2, 26))
    hidden = plan.slots[0].idea
    again = build_plan(
        answers,
        LIB,
        seed=9,
        today=date(2026, 2, 26),
        preferences=IdeaPreferences(marks={hidden.key: "hidden"}),
    )
    assert hidden not in {slot.idea for slot in again.slots}
    assert len(again.slots) == len(plan.slots)
    # Still listed on the ideas page, marked; a new idea makes up the day.
    assert set(plan.ideas) <= set(again.ideas)


def test_more_ideas_add_a_batch_to_one_theme_only():
    answers = answers_for("Software testing", ["flaky tests", "test data"])
    plan = build_plan(answers, LIB, seed=9, today=date(2026, 2, 26))
    more = build_plan(
        answers,
        LIB,
        seed=9,
        today=date(2026, 2, 26),
        preferences=IdeaPreferences(more={plan.outline[1].key: 1}),
    )
    before = [len(t.ideas) for t in plan.outline]
    after = [len(t.ideas) for t in more.outline]
    assert after[1] > before[1]
    assert after[:1] + after[2:] == before[:1] + before[2:]
    assert more.outline[1].ideas[: before[1]] == plan.outline[1].ideas


# --- a framework's title ----------------------------------------------------


@pytest.mark.parametrize(
    ("role", "field", "title"),
    [
        ("Site reliability engineer", "site reliability engineering", "Site reliability engineer"),
        ("Data scientist", "Data science", "Data scientist"),
        ("UX designer", "UX design", "UX designer"),
        ("Software tester", "software testing", "Software tester"),
        ("Senior specialist in pharmacovigilance", "Pharmacovigilance",
         "Senior specialist in pharmacovigilance"),
        ("Security engineer", "security", "Security engineer"),
        ("Test lead in the payments team", "software testing",
         "Test lead in the payments team: software testing"),
        ("Product manager", "product marketing", "Product manager: product marketing"),
        ("Engineer", "site reliability engineering", "Engineer: site reliability engineering"),
        ("", "software testing", "Software testing"),
        ("Tax adviser", "", "Tax adviser"),
        ("", "", ""),
    ],
)
def test_a_title_never_says_the_same_thing_twice(role, field, title):
    assert framework_title(role, field) == title


def test_forms_of_a_word_are_one_word_but_neighbours_are_not():
    assert same_word("engineer", "engineering")
    assert same_word("marketer", "marketing")
    assert not same_word("manager", "marketing")
    assert not same_word("test", "team")
