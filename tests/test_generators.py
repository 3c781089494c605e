"""The generators: answers in, plain data out."""

from datetime import date

import pytest

from wizard.generators.outline import cadence, next_monday, theme_periods
from wizard.generators.plan import build_plan
from wizard.generators.text import fill, join_words, lower_first, split_lines
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
    assert "you don't sell" in profile.summary
    assert LIB.tone_dimensions[0].describe[4] in profile.summary
    assert profile.advice  # an extreme position earns the gentle advice
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
    assert len(plan.playbook) == 17
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
        assert all(formats[i.format_slug].effort <= 2 for i in plan.ideas)
    if rung == 5:
        assert any(formats[i.format_slug].long_form for i in plan.ideas)


def test_every_idea_names_the_persons_words():
    subtopics = ["flaky tests", "test data"]
    plan = build_plan(
        answers_for("Software testing", subtopics), LIB, seed=3, today=date(2026, 2, 26)
    )
    for idea in plan.ideas:
        text = " ".join(
            (idea.hook, idea.topic, idea.theme, idea.make_it_yours, *idea.outline)
        ).lower()
        assert any(s in text for s in subtopics) or idea.theme.lower() in text


def test_same_framework_same_ideas_different_people_different_ideas():
    first = answers_for("Software testing", ["flaky tests", "test data"])
    second = answers_for("Software testing", ["accessibility audits", "contract tests"])
    again = build_plan(first, LIB, seed=11, today=date(2026, 2, 26)).ideas
    assert again == build_plan(first, LIB, seed=11, today=date(2026, 2, 26)).ideas
    other = {i.hook for i in build_plan(second, LIB, seed=12, today=date(2026, 2, 26)).ideas}
    shared = {i.hook for i in again} & other
    assert len(shared) < len(again) / 2


def test_chosen_rows_keep_the_persons_order():
    rows = [
        {"include": True, "title": "B", "order": 2},
        {"include": False, "title": "X", "order": 1},
        {"include": True, "title": "A", "order": 1},
        {"include": True, "title": "  ", "order": 3},
    ]
    assert [r["title"] for r in chosen_rows(rows)] == ["A", "B"]
