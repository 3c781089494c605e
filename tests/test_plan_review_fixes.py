"""What practitioners reading their plans found at the generator level: a typed
sub-topic the field's material does not name became a stock opening ("Today I
learned something about pricing that I wish I'd known years ago."), a theme
inside a Christmas closure got no post, comment prompts dropped the article
("about CO alarm"), and a week that used all its time read "About 1 hour in all
this week, of your 1 hour."."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_ideas import LIB, answers_for
from wizard.generators.calendar import week_line
from wizard.generators.ideas import comment_hook
from wizard.generators.outline import fed_weeks
from wizard.generators.plan import build_plan
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.generators.triggers import term_phrase

TODAY = date(2026, 11, 30)
STOCK = (
    "Today I learned something about",
    "Something I noticed about",
    "My checklist for",
    "that I wish I'd known years ago",
)


def answers(expertise: str, subtopics: list[str], *, country: str, start: str, goals=("expert",)):
    work = {
        "role": "",
        "expertise": expertise,
        "subtopics": "\n".join(subtopics),
        "audience": "",
        "questions": "",
    }
    rows = theme_rows(suggest_themes(work, list(goals), LIB))
    return {
        "work": work,
        "comfort": {"rung": 2, "channels": ["linkedin"], "time": "1-hour"},
        "goals": {"goals": list(goals)},
        "tone": {},
        "themes": {"themes": rows, "start_date": start, "country": country},
        "situations": {},
    }


def plan(expertise: str, subtopics: list[str], country: str = "US", start: str = "2026-12-07"):
    return build_plan(
        answers(expertise, subtopics, country=country, start=start), LIB, seed=7, today=TODAY
    )


@pytest.mark.parametrize(
    ("expertise", "topic"),
    [
        ("Product management", "pricing"),
        ("Audit", "going concern"),
        ("Public policy", "social housing"),
    ],
)
def test_a_subtopic_the_field_does_not_name_gets_a_real_premise(expertise, topic):
    built = plan(expertise, ["discovery" if expertise == "Product management" else "", topic])
    about = [i for i in built.ideas if topic in i.hook.lower()]
    assert about, [i.hook for i in built.ideas]
    for idea in built.ideas:
        assert not any(s.lower() in idea.hook.lower() for s in STOCK), idea.hook
        if idea.is_post:
            assert not idea.hook.rstrip().endswith((".", ":")), idea.hook
    # A premise of its own, with points about it, not the format's generic steps.
    assert any(topic in " ".join(i.outline).lower() or i.make_it_yours for i in about)


def test_fed_weeks_moves_a_theme_out_of_a_closed_fortnight():
    # Weeks 3 and 4 closed: the second theme (weeks 3-4) takes week 5 from the third.
    posts = [2, 2, 0, 0, 2, 2, 2, 2]
    assert fed_weeks([2, 2, 2, 2], posts) == [2, 3, 1, 2]
    # The last theme closed: it takes the previous theme's last open week.
    assert fed_weeks([2, 2], [2, 2, 0, 0]) == [1, 3]
    # Nothing closed, nothing moves.
    assert fed_weeks([1, 2, 3], [1] * 6) == [1, 2, 3]


@pytest.mark.parametrize(
    ("expertise", "topics"),
    [
        ("Higher education", ["research impact", "peer review"]),
        ("Teaching", ["behaviour", "assessment"]),
    ],
)
@pytest.mark.parametrize("start", ["2026-12-07", "2026-12-14", "2026-12-21"])
def test_every_theme_gets_a_post_over_a_christmas_closure(expertise, topics, start):
    built = plan(expertise, topics, country="GB", start=start)
    assert built.outline
    for theme in built.outline:
        assert theme.posts >= 1, (theme.title, theme.period)


@pytest.mark.parametrize(
    ("term", "reads"),
    [
        ("CO alarm", "the CO alarm"),
        ("T&P valve", "the T&P valve"),
        ("expansion vessel", "the expansion vessel"),
        ("audit committee", "the audit committee"),
        ("Immediately Dangerous", "“Immediately Dangerous”"),
        ("SOC 1", "SOC 1"),
        ("Global Internal Audit Standards", "the Global Internal Audit Standards"),
        ("continuous discovery", "continuous discovery"),
    ],
)
def test_comment_terms_read_as_english(term, reads):
    phrase = term_phrase(term, f"Why {term} matters more than people think")
    assert phrase == reads
    hook = comment_hook(phrase, "opinion")
    assert f"about {term}," not in hook and f"about {term} " not in hook, hook


def test_a_week_that_uses_all_its_time_says_so_plainly():
    line = week_line("", starts_next="", minutes=60, budget=60, full=True)
    assert line == "About 1 hour in all this week: all the time you set aside."
    assert "of your 1 hour" not in line
    assert week_line("", starts_next="", minutes=45, budget=60, full=True).endswith(
        "this week (you set aside an hour)."
    )
    assert week_line("", starts_next="", minutes=25, budget=30, full=True) == (
        "About 25 minutes in all this week (you set aside 30 minutes)."
    )


def _card_text(country: str, owner: bool = False) -> str:
    from wizard.generators.playbook import Standing, situation_groups

    standing = Standing(owner=True) if owner else None
    groups = situation_groups(LIB, (), "tech", standing, "product-management", ["hiring"], country)
    parts = []
    for group in groups:
        for s in group.situations:
            parts += [s.title, s.summary, *s.do, *s.dont]
            for o in s.options:
                parts += [o.label, o.detail, *o.do, *o.dont]
    return " ".join(parts)


@pytest.mark.parametrize("owner", [False, True])
def test_general_cards_read_in_american_words_in_the_us(owner):
    us = _card_text("US", owner)
    for british in ("advert ", "advert,", "advert.", "CV", "industrial action"):
        assert british not in us, british
    assert "job posting" in us
    if not owner:
        assert "resumes" in us and "union activity" in us
    gb = _card_text("GB", owner)
    assert "advert" in gb
    # Anyone else reads the version for everyone, as before.
    assert _card_text("", owner) == gb


def test_hiring_posts_use_the_fields_own_angle_and_no_field_slot():
    pm = build_plan(
        answers(
            "Product management",
            ["discovery", "pricing"],
            country="US",
            start="2026-12-07",
            goals=("expert", "hiring"),
        ),
        LIB,
        seed=7,
        today=TODAY,
    )
    audit = build_plan(
        answers(
            "Audit",
            ["going concern", "audit quality reviews"],
            country="GB",
            start="2026-12-07",
            goals=("expert", "hiring"),
        ),
        LIB,
        seed=7,
        today=TODAY,
    )
    for built in (pm, audit):
        hiring = [i for i in built.ideas if i.angle.startswith("hiring:")]
        assert hiring
        for idea in hiring:
            text = " ".join((idea.hook, idea.make_it_yours)).lower()
            assert "certification" not in text, text
            assert built.expertise.lower() not in idea.hook.lower(), idea.hook
            assert "advert" not in " ".join(idea.outline), idea.outline
    pm_hooks = {i.hook for i in pm.ideas if i.angle.startswith("hiring:")}
    assert "What should a PM's first 90 days look like?" in pm_hooks


@pytest.mark.parametrize(
    ("field", "subtopics", "rung", "time"),
    [
        ("Product management", ["discovery", "pricing"], 3, "1-hour"),
        ("Product management", ["discovery", "pricing"], 3, "4-hours"),
        ("Audit", ["going concern", "audit quality reviews"], 2, "30-min"),
    ],
)
def test_a_hiring_goal_gets_a_hiring_post_on_the_calendar(field, subtopics, rung, time):
    """A product manager who chose hiring had both hiring ideas in the last theme and
    neither on the calendar: the how-to was longer than any week of theirs."""
    answers = answers_for(field, subtopics, rung=rung, goals=("expert", "hiring"))
    answers["comfort"]["time"] = time
    plan = build_plan(answers, LIB, seed=7, today=TODAY)
    hired = [s for s in plan.slots if s.idea.angle.startswith("hiring:")]
    assert hired, [i.hook for i in plan.ideas if i.angle.startswith("hiring:")]
    # Never the theme's first post: it opens with its own subject.
    theme = next(t for t in plan.outline if t.number == hired[0].theme_number)
    assert theme.slots[0].idea is not hired[0].idea
