"""What a practitioner reads week by week: no premise twice in a row, their own
sub-topics in the good weeks, closes that vary, a tone that hears their rung.

These read the library rather than pin its text, over many fields and rungs.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import date, timedelta

import pytest

from tests.test_ideas import area_fields
from wizard.generators.calendar import WEEKS_APART, premise_of, week_days
from wizard.generators.ideas import CLOSES, FENCE_DEFAULT
from wizard.generators.outline import arrange_themes, fed_weeks
from wizard.generators.plan import asked_for, asked_score, build_plan
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.generators.tone import field_defaults, tone_profile
from wizard.library import load_library

LIB = load_library()
FORMATS = {f.slug: f for f in LIB.formats}
TODAY = date(2026, 11, 30)
# A plan that runs over Christmas and the new year: the weeks people are away.
HOLIDAY_START = "2026-12-07"


def answers(
    expertise: str,
    subtopics: list[str],
    *,
    rung: int = 3,
    channels: tuple[str, ...] = ("linkedin",),
    goals: tuple[str, ...] = ("expert",),
    time: str = "2-hours",
    start: str = HOLIDAY_START,
    order: list[int] | None = None,
) -> dict:
    work = {
        "role": "Senior practitioner",
        "expertise": expertise,
        "subtopics": "\n".join(subtopics),
        "audience": "peers in my field",
    }
    rows = theme_rows(suggest_themes(work, list(goals), LIB))
    if order:
        rows = [dict(rows[i], order=n + 1) for n, i in enumerate(order)]
    return {
        "work": work,
        "comfort": {"rung": rung, "channels": list(channels), "time": time},
        "goals": {"goals": list(goals)},
        "tone": {},
        "themes": {"themes": rows, "start_date": start, "post_time": "08:30", "time_zone": "UTC"},
        "situations": {},
    }


def plan_for(*args, seed: int = 7, **kwargs):
    return build_plan(answers(*args, **kwargs), LIB, seed=seed, today=TODAY)


# The practitioners who read their plans, as they answered.
PRACTITIONERS = [
    (
        "Nurse education",
        ["simulation debriefing", "preceptorship"],
        4,
        ("linkedin", "x", "events"),
        ("expert", "speaking"),
        "2-hours",
    ),  # noqa: E501
    (
        "Data protection",
        ["DPIAs", "subject access requests"],
        3,
        ("linkedin", "blog"),
        ("expert", "speaking"),
        "2-hours",
    ),  # noqa: E501
    (
        "Commercial litigation",
        ["disclosure", "witness statements"],
        1,
        ("linkedin",),
        ("expert",),
        "30-min",
    ),  # noqa: E501
    (
        "Pensions actuarial",
        ["funding valuations", "buy-in"],
        3,
        ("linkedin",),
        ("expert",),
        "2-hours",
    ),  # noqa: E501
    (
        "Electrical contracting",
        ["EICRs", "EV chargers"],
        2,
        ("linkedin",),
        ("expert", "hiring"),
        "1-hour",
    ),  # noqa: E501
]


def practitioner_plan(person, **kwargs):
    expertise, topics, rung, channels, goals, time = person
    return plan_for(
        expertise, topics, rung=rung, channels=channels, goals=goals, time=time, **kwargs
    )


def many_plans():
    """Plans over many fields and every other rung, and the five practitioners at
    several seeds (the week-2 poll showed for some seeds only)."""
    for area in area_fields(24):
        for rung in (1, 3, 5):
            yield (
                area.slug,
                plan_for(
                    area.name,
                    list(area.subtopics[:2]),
                    rung=rung,
                    channels=("linkedin", "blog"),
                    time="4-hours" if rung == 5 else "2-hours",
                ),
            )
    for person in PRACTITIONERS:
        for seed in (1, 7, 42, 1234):
            yield person[0], practitioner_plan(person, seed=seed)


GLUED = re.compile(r"^([^:?]{3,60}): (.+\?)$")


def test_no_premise_twice_within_two_weeks_and_no_sub_topic_glued_on():
    """A question or follow-up grown from a post never sits near it (week 2's poll
    repeating week 1), and a title "<sub-topic>: <question>" only puts the
    sub-topic before a question whose angle is about it."""
    for name, plan in many_plans():
        slots = [s for t in plan.outline for s in t.slots]
        for a, b in itertools.combinations(slots, 2):
            if premise_of(a.idea.angle) == premise_of(b.idea.angle):
                assert abs(a.week - b.week) >= WEEKS_APART, (name, a.idea.hook, b.idea.hook)
        topics = [t.lower() for t in plan.subtopics]
        angles = {i.angle: i for i in plan.ideas}
        for idea in plan.ideas:
            found = GLUED.match(idea.hook)
            if not found or found.group(1).lower() not in topics:
                continue
            # The sub-topic's words appear in what the question grew from.
            parent = premise_of(idea.angle)
            grown = [i for a, i in angles.items() if premise_of(a) == parent and i is not idea]
            text = " ".join(" ".join((i.hook, *i.outline)) for i in grown).lower()
            text += " " + " ".join(idea.outline).lower()
            words = [w for w in re.findall(r"[a-z0-9]+", found.group(1).lower()) if len(w) > 3]
            assert any(w.rstrip("s") in text for w in words), (name, idea.hook)


def test_questions_put_to_peers_have_their_own_prompt_and_set_up():
    """A question grown from an angle asks the writer something of its own, not
    the stock "your own answer", and does not open by restating its parent's title."""
    seen = 0
    for name, plan in many_plans():
        for idea in plan.ideas:
            if not idea.angle.startswith("ask:"):
                continue
            seen += 1
            assert "your own answer" not in idea.make_it_yours.lower(), (name, idea.hook)
            parent = next((i for i in plan.ideas if i.angle == idea.angle.partition(":")[2]), None)
            if parent is not None:
                assert parent.make_it_yours != idea.make_it_yours, (name, idea.hook)
                assert not any(parent.hook in step for step in idea.outline), (name, idea.hook)
    assert seen  # the plans did put questions to peers


def test_a_later_post_on_the_same_premise_still_waits_for_its_post():
    """Spacing never puts a follow-up that links back before the post it follows."""
    for name, plan in many_plans():
        for theme in plan.outline:
            placed: set[str] = set()
            offered = {i.angle for i in theme.ideas}
            for slot in theme.slots:
                prefix, _, parent = slot.idea.angle.partition(":")
                if prefix == "more":
                    assert parent in placed or parent not in offered, (name, slot.idea.hook)
                placed.add(slot.idea.angle)


def test_arrange_themes_gives_asked_themes_the_full_weeks_and_keeps_order_otherwise():
    # Week 4 is a holiday week: the second asked theme moves past it.
    assert arrange_themes([2, 2, 2, 2], [3, 3, 3, 1], [2, 2, 2, 0, 2, 2, 2, 2]) == [0, 3, 1, 2]
    assert arrange_themes([2, 2, 2, 2], [True, True, False, False], [2, 2, 2, 0, 2, 2, 2, 2]) == [
        0,
        2,
        1,
        3,
    ]
    # Asked themes come first when nothing else differs.
    assert arrange_themes([2, 2, 2], [False, True, False], [2] * 6) == [1, 0, 2]
    # Nothing asked, or everything: the person's order stands.
    assert arrange_themes([2, 2, 2], [False] * 3, [2, 0, 2, 2, 2, 2]) == [0, 1, 2]
    assert arrange_themes([2, 2], [True, True], [0, 0, 2, 2]) == [0, 1]
    # Longer themes are placed by their own length.
    assert arrange_themes([1, 3], [False, True], [2, 2, 2, 0]) == [1, 0]


@pytest.mark.parametrize("person", PRACTITIONERS, ids=[p[0] for p in PRACTITIONERS])
def test_the_persons_sub_topics_come_first_and_get_the_fullest_weeks(person):
    """Over Christmas and the new year, the themes most built on the sub-topics the
    person typed run first and hold at least as many posts as the others; the
    theme that meets the quiet weeks runs on past them and loses no post to them."""
    plan = practitioner_plan(person)
    topics = list(person[1])
    scores = [asked_score(topics, t) for t in plan.outline]
    posts = [len(t.slots) for t in plan.outline]
    shown = list(zip([t.title for t in plan.outline], scores, posts, strict=True))
    assert max(scores) > 0, shown
    assert scores[0] == max(scores), shown
    most = [n for n, score in zip(posts, scores, strict=True) if score == max(scores)]
    assert min(most) >= min(posts), shown
    # The weeks of Christmas and the new year (a quiet period in the calendar).
    quiet_from, quiet_to = date(2026, 12, 21), date(2027, 1, 3)
    over = [t for t in plan.outline if t.period.start <= quiet_to and t.period.end >= quiet_from]
    assert any(t.period.closed for t in over), shown
    others = [len(t.slots) for t in plan.outline if not t.period.closed]
    for theme in over:
        if theme.period.closed:
            assert len(theme.slots) >= min(others), shown
            assert "quiet weeks, 24 December to 1 January" in theme.pause, theme.pause
    # Before, the second typed sub-topic's theme ran over Christmas for most of them.
    if person[0] == "Data protection":
        dpia = next(t for t in plan.outline if "DPIA" in t.title)
        assert dpia.period.start < quiet_from or dpia.period.start > quiet_to, shown


def test_asked_for_reads_the_typed_sub_topic_not_any_shared_word():
    area = LIB.area("compliance-privacy")
    themes = {t.title: t for t in suggest_themes({"expertise": area.name}, [], LIB)}
    dsr = next(t for title, t in themes.items() if "subject" in title.lower())
    transfers = next(t for title, t in themes.items() if "transfer" in title.lower())
    assert asked_for(["subject access requests"], dsr)
    assert not asked_for(["subject access requests"], transfers)


def test_the_questions_people_bring_count_as_asked_for():
    work = {
        "expertise": "Software testing",
        "subtopics": "flaky tests",
        "questions": "How do you decide what to automate first?",
    }
    themes = suggest_themes(work, ["expert"], LIB)
    question = next(t for t in themes if t.key == "question")
    assert asked_score(["flaky tests"], question) > 0
    field_themes = [t for t in themes if t.key.startswith("area:")]
    assert min(asked_score(["flaky tests"], t) for t in field_themes) == 0


def test_a_person_who_moved_their_themes_keeps_their_order():
    """Only the suggested order is rearranged: themes the person moved run as they put them."""
    person = PRACTITIONERS[1]
    suggested = [t.title for t in practitioner_plan(person).outline]
    expertise, topics, rung, channels, goals, time = person
    moved = plan_for(
        expertise,
        topics,
        rung=rung,
        channels=channels,
        goals=goals,
        time=time,
        order=[3, 2, 1, 0],
    )
    work = answers(expertise, topics)["work"]  # the same person: role and audience count
    rows = theme_rows(suggest_themes(work, list(goals), LIB))
    assert [t.title for t in moved.outline] == [rows[i]["title"] for i in (3, 2, 1, 0)]
    assert [t.title for t in moved.outline] != suggested


def closing(idea) -> str:
    """The idea's last step that is not a safety fence or a disclosure."""
    fences = {FENCE_DEFAULT, idea.disclosure}
    safety = {s for f in FORMATS.values() if f.slug not in CLOSES for s in f.angle_steps}
    steps = [
        s
        for s in idea.outline
        if s not in fences and s not in safety and not s.startswith(("Nothing ", "No ", "Only "))
    ]
    return steps[-1] if steps else ""


def test_no_closing_line_repeats_more_than_twice_in_a_plan():
    """ "Ask whether others have seen the same" closed almost every observation."""
    for name, plan in many_plans():
        closes = Counter(closing(i) for i in plan.ideas if closing(i))
        line, count = closes.most_common(1)[0]
        # A follow-up's own last step ("Take this one point further…") is its body, not a close.
        repeated = {
            text: n
            for text, n in closes.items()
            if n > 2
            and any(
                text in f.angle_steps or text in CLOSES.get(f.slug, ()) for f in FORMATS.values()
            )
        }
        assert not repeated, (name, repeated)
        observations = [i for i in plan.ideas if i.format_slug == "field-observation"]
        said = sum(1 for i in observations if "Ask whether others have seen the same" in i.outline)
        assert said <= 2, (name, said, len(observations))


def test_closes_tie_the_question_to_the_post_or_end_without_one():
    plan = practitioner_plan(PRACTITIONERS[1])
    observations = [i for i in plan.ideas if i.format_slug == "field-observation"]
    closes = {closing(i) for i in observations}
    assert len(closes) >= min(3, len(observations))
    assert any(not c.startswith("Ask") for c in closes)


def tone_for(person):
    expertise, topics, rung, channels, goals, _ = person
    area = LIB.field_for({"expertise": expertise})
    return tone_profile(
        field_defaults(area.family, area.sectors),
        LIB,
        field=area.slug,
        family=area.family,
        sectors=area.sectors,
        concepts=area.concepts,
        channels=channels,
        rung=rung,
        goals=goals,
    )


def test_a_confident_speaker_hears_a_livelier_voice_than_a_shy_beginner():
    """Rung 1 and rung 4 used to read "mostly serious, polished, considerate and
    calm" and nothing else; the tone settings still lead, the rung and goals colour it."""
    nurse, dpo, litigator = (tone_for(p) for p in PRACTITIONERS[:3])
    assert nurse.summary != litigator.summary
    # The tone settings are the same: the field's description leads both.
    assert nurse.summary.split(".")[0] == litigator.summary.split(".")[0]
    assert "first line" in nurse.summary and "speak" in nurse.summary
    # The beginner's comfort is said in the field's own terms: a lawyer explains
    # the law on one point, never a live matter.
    assert "first line" not in litigator.summary and "For now you explain" in litigator.summary
    assert dpo.summary not in (nurse.summary, litigator.summary)


def test_the_rung_never_overrides_the_tone_settings():
    calm = {"humour": 5, "formality": 2, "respect": 2, "enthusiasm": 5}
    lively = {"humour": 3, "formality": 4, "respect": 3, "enthusiasm": 1}
    for settings in (calm, lively):
        low = tone_profile(settings, LIB, family="legal", rung=1)
        high = tone_profile(settings, LIB, family="legal", rung=5, goals=("speaking",))
        plain = tone_profile(settings, LIB, family="legal")
        assert low.summary.startswith(plain.summary)
        assert high.summary.startswith(plain.summary)
        assert low.summary != high.summary
    # A calm writer's confidence is calm, not louder.
    assert "Calm but not quiet" in tone_profile(calm, LIB, family="legal", rung=5).summary
    assert "Calm but not quiet" not in tone_profile(lively, LIB, family="legal", rung=5).summary


def test_a_theme_inside_a_closure_takes_its_week_from_a_theme_nobody_asked_for():
    """Four fortnights over a two-week Christmas closure (weeks 3 and 4): the theme
    there takes the next theme's first week, so that theme is one the person did
    not ask for, and both asked themes keep their two weeks."""
    capacity = [1, 1, 0, 0, 1, 1, 1, 1]
    order = arrange_themes([2, 2, 2, 2], [1, 0, 1, 0], capacity)
    lengths = fed_weeks([2, 2, 2, 2], capacity)
    asked_weeks = [length for index, length in zip(order, lengths, strict=True) if index in (0, 2)]
    assert asked_weeks == [2, 2], (order, lengths)


def test_a_quiet_period_does_not_put_two_posts_on_consecutive_days():
    # The week of 21 December 2026 before a quiet period from the 24th: Thursday's
    # post used to move to Wednesday, next to Tuesday's.
    monday = date(2026, 12, 21)
    quiet = {monday + timedelta(days=n) for n in range(3, 7)}
    days = week_days(monday, 2, quiet)
    assert len(days) == 2 and (days[1] - days[0]).days > 1
    assert days == [date(2026, 12, 21), date(2026, 12, 23)]


def test_posts_sit_side_by_side_only_when_the_free_days_leave_no_other_way():
    monday = date(2026, 12, 21)
    only_two = {monday + timedelta(days=n) for n in (0, 3, 4, 5, 6)}
    assert week_days(monday, 2, only_two) == [date(2026, 12, 22), date(2026, 12, 23)]
    assert week_days(monday, 2) == [date(2026, 12, 22), date(2026, 12, 24)]
