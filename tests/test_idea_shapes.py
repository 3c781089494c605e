"""Ideas a practitioner would sign: labels that read right before their premise,
formats that fit the premise's shape, real hiring posts, long pieces with an
argument, every typed sub-topic and chosen channel used, fences on stories.

Each test reads the library rather than pinning its text, apart from a few
practitioners' plans named after the people who read them.
"""

from __future__ import annotations

import re

import pytest

from tests.test_ideas import FORMATS, LIB, TODAY, answers_for, area_fields, plan_for
from wizard.generators.ideas import (
    FENCE_DEFAULT,
    HIRING_ADVERT,
    TITLE_SHAPE,
    comment_parts,
    mentions,
    one_line_claim,
    premise_shape,
    series_fits,
)
from wizard.generators.plan import build_plan

SERIES = re.compile(r"^What I learned, part (\d+): (.+)$")


def premise_of(idea) -> str:
    """The angle's premise inside a working title (after a label, if any)."""
    match = SERIES.match(idea.hook)
    return match.group(2) if match else idea.hook


@pytest.mark.parametrize("area", area_fields(12), ids=lambda a: a.slug)
def test_series_is_numbered_in_order_and_only_on_lessons(area):
    plan = plan_for(area.name, list(area.subtopics[:2]), rung=2, goals=("expert", "learning"))
    parts = [SERIES.match(i.hook) for i in plan.ideas]
    numbers = [int(m.group(1)) for m in parts if m]
    assert numbers == list(range(1, len(numbers) + 1)), numbers
    angles = {a.slug: a for t in area.themes for a in t.angles}
    for idea, match in zip(plan.ideas, parts, strict=True):
        if match:
            assert not re.match(r"why I\b", match.group(2), re.I), idea.hook
            assert premise_shape(match.group(2)) in ("", "how-to"), idea.hook
            if idea.angle in angles:
                assert series_fits_angle(angles[idea.angle]), idea.hook


def series_fits_angle(angle) -> bool:
    from wizard.generators.ideas import material

    return series_fits(material(angle))


def test_firmware_series_never_labels_a_position_as_a_lesson():
    plan = plan_for(
        "Firmware for medical devices",
        ["secure boot", "IEC 62304", "OTA updates"],
        rung=2,
        channels=("linkedin", "github"),
        goals=("expert", "learning"),
    )
    hooks = [i.hook for i in plan.ideas]
    assert not any(h.startswith("What I learned") and "Why I never" in h for h in hooks)
    assert any(h.startswith("What I learned, part 1: ") for h in hooks)


def test_hiring_gives_real_hiring_posts_built_on_the_career_theme():
    payroll = plan_for(
        "Payroll manager", ["multi-country payroll", "year-end"], rung=4, goals=("expert", "hiring")
    )
    text = " ".join(" ".join((i.hook, *i.outline)) for i in payroll.ideas)
    assert "What the work is really like" not in text
    assert "for someone thinking of joining" not in text
    hooks = {i.hook for i in payroll.ideas}
    # Both posts are the field guide's own angles, never the line every field's
    # plan would share, nor the fallback that names the field.
    assert "Is payroll a career people choose, or one they find?" in hooks
    assert (
        "A new payroll administrator's first months: gross-to-net and the reconciliation" in hooks
    )
    assert "What the first 90 days look like for someone who joins my team" not in hooks
    assert "What I look for when I hire, beyond the job description" not in hooks
    assert not any(h.startswith("A newcomer's first three months in payroll") for h in hooks)
    # A field with a career theme: its angles' points carry the skills post.
    area = LIB.match_expertise("Pharmacovigilance")
    career = [a for t in area.themes if "career" in t.slug for a in t.angles]
    assert career
    pv = plan_for("Pharmacovigilance", ["signal detection"], rung=3, goals=("hiring",))
    skills = next(i for i in pv.ideas if i.angle == "hiring:skills")
    points = {p for a in career for p in a.points}
    assert set(skills.outline) & points
    # It says whose team it is; the reminder about the employer's products does not fit.
    assert not skills.disclosure and HIRING_ADVERT in skills.outline
    for idea in (*payroll.ideas, *pv.ideas):
        if idea.angle.startswith("hiring:"):
            assert "Say where the approach does not work" not in idea.outline


@pytest.mark.parametrize("area", area_fields(12), ids=lambda a: a.slug)
def test_reactions_are_short_and_carry_no_post_title(area):
    plan = plan_for(area.name, list(area.subtopics[:2]), rung=1, goals=("network",))
    premises = {a.premise.rstrip(".") for t in area.themes for a in t.angles}
    for idea in plan.ideas:
        if idea.format_slug == "thoughtful-comment":
            found = comment_parts(idea.hook)
            assert found, idea.hook
            # The point to make, not a post's title with a stock prefix before it.
            point = found[2].rstrip(".")
            titles = {
                p
                for p in premises
                if TITLE_SHAPE.search(p)
                or premise_shape(p) in ("question", "checklist", "how-to", "myth")
            }
            assert not any(point.lower() == t.lower() for t in titles), idea.hook
            assert len(idea.hook) < 240, idea.hook
            assert not idea.channel_tip, idea.channel_tip
            assert len(idea.outline) <= 2
        if idea.format_slug == "reshare-with-take":
            if idea.hook.startswith("Re-share a clear explainer on "):
                # No claim to take: the person's own line for their audience.
                assert re.fullmatch(
                    r"Re-share a clear explainer on [^:,]+, (with the line you would say to [^:,]+"
                    r"|with one line of your own on why it matters)",
                    idea.hook,
                ), idea.hook
                assert "one line about" in idea.make_it_yours, idea.make_it_yours
                continue
            take = idea.hook.split("one-line take: ", 1)[1]
            assert one_line_claim(take), idea.hook
            assert ":" not in take and not take.lower().startswith("myth"), idea.hook
            assert "?" not in take, idea.hook
            angle = next((a for t in area.themes for a in t.angles if a.slug == idea.angle), None)
            if angle:
                assert not set(angle.points) & set(idea.outline), idea.outline


@pytest.mark.parametrize("area", area_fields(12), ids=lambda a: a.slug)
def test_rung_one_leads_with_short_posts(area):
    plan = plan_for(area.name, list(area.subtopics[:2]), rung=1)
    for theme in plan.outline:
        if len(theme.ideas) < 2:
            continue
        assert theme.ideas[0].is_post, theme.ideas[0].hook
        assert any(i.format_slug == "field-observation" for i in theme.ideas[:2]), [
            i.format_slug for i in theme.ideas[:2]
        ]


@pytest.mark.parametrize("rung", [1, 2, 4, 5])
def test_formats_fit_the_premises_shape(rung):
    for area in area_fields(20):
        plan = plan_for(area.name, list(area.subtopics[:2]), rung=rung)
        for idea in plan.ideas:
            if idea.format_slug in ("thoughtful-comment", "talk", "long-form-article"):
                continue
            shape = premise_shape(premise_of(idea))
            if shape == "checklist":
                assert idea.format_slug not in ("today-i-learned", "trend-take"), idea.hook
            if shape == "how-to":
                assert idea.format_slug not in ("today-i-learned", "trend-take"), idea.hook
            if idea.format_slug == "today-i-learned" and not idea.angle.startswith("tpl:"):
                assert shape == "", idea.hook
                assert "Say where you came across it" not in " ".join(idea.outline) or shape == ""


def test_a_take_with_a_question_in_it_is_no_one_line_take():
    plan = plan_for("Tax compliance for startups", ["R&D credits", "VAT registration"], rung=1)
    takes = [i.hook for i in plan.ideas if i.format_slug == "reshare-with-take"]
    assert takes and not any("?" in t for t in takes), takes


def test_premise_shapes():
    assert premise_shape("Five questions I ask before a statistical alert becomes a signal") == (
        "checklist"
    )
    assert premise_shape("Before I submit data to a public archive: my checklist") == "checklist"
    assert premise_shape("How we prepare for W-2 season starting in October") == "how-to"
    assert premise_shape("Why I never post details of an unpatched vulnerability") == "opinion"
    # An opinion about checklists is an opinion, not a checklist.
    assert premise_shape(
        "Rosenshine's Principles are a checklist for my lessons, not for forms"
    ) == ("opinion")
    assert premise_shape("Retro pay is where simple payroll becomes hard") == ""


def test_practitioners_examples_get_their_formats():
    pv = plan_for("Pharmacovigilance", ["signal detection", "aggregate reports"], rung=3)
    # "Five questions" over three listed reads "Three questions" (the count is the list's).
    five = [i for i in pv.ideas if i.hook.startswith("Three questions I ask before")]
    assert five and five[0].format_slug == "checklist"
    # The parallel runs idea is the implementations theme's: a person who names it.
    payroll = plan_for(
        "Payroll manager",
        ["multi-country payroll", "payroll implementations"],
        rung=4,
        goals=("expert",),
    )
    runs = [i for i in payroll.ideas if i.hook.startswith("Two parallel runs minimum")]
    assert runs and runs[0].format_slug != "trend-take", runs[0].format_slug


@pytest.mark.parametrize("area", area_fields(10), ids=lambda a: a.slug)
def test_long_pieces_argue_one_angle_and_talks_tell_no_other_title(area):
    plan = plan_for(area.name, list(area.subtopics[:2]), rung=5, goals=("expert", "speaking"))
    summaries = {t.summary.rstrip(".") for t in area.themes}
    premises = {a.premise.rstrip("."): a for t in area.themes for a in t.angles}
    titles = {i.hook for i in plan.ideas}
    longs = [i for i in plan.ideas if i.format_slug == "long-form-article"]
    assert longs
    for idea in longs:
        assert idea.hook not in summaries
        # A theme whose every angle is already a post argues one of them in full.
        assert idea.hook.removesuffix(", argued in full") in premises, idea.hook
        assert not any(step.removeprefix("Section: ") in titles for step in idea.outline)
        assert any(step.startswith("Supporting section: ") for step in idea.outline)
    for idea in plan.ideas:
        if idea.format_slug == "talk":
            assert not any(step.startswith("A story that shows it:") for step in idea.outline)
            assert not any(t in step for step in idea.outline for t in titles if t != idea.hook)


@pytest.mark.parametrize(
    ("expertise", "topics", "rung", "channels"),
    [
        (
            "Firmware for medical devices",
            ["secure boot", "IEC 62304", "OTA updates"],
            2,
            ("linkedin", "github"),
        ),
        ("Tax compliance for startups", ["R&D credits", "VAT registration"], 1, ("linkedin",)),
        ("Payroll manager", ["multi-country payroll", "year-end"], 4, ("linkedin", "newsletter")),
        ("Beekeeping equipment logistics", ["hive transport", "seasonal demand"], 2, ("linkedin",)),
    ],
)
def test_every_typed_sub_topic_appears_in_an_idea(expertise, topics, rung, channels):
    plan = plan_for(expertise, topics, rung=rung, channels=channels)
    for topic in topics:
        # A theme named after the sub-topic covers it; otherwise an idea names it.
        if any(mentions(t.title, topic) for t in plan.outline):
            continue
        assert any(mentions(" ".join((i.hook, *i.outline)), topic) for i in plan.ideas), topic


def test_mentions_reads_plurals_and_whole_terms():
    assert mentions("Signed OTA update images", "OTA updates")
    assert mentions("When to register for VAT: the registration threshold", "VAT registration")
    assert not mentions("Secure coding", "secure boot")


@pytest.mark.parametrize("rung", [1, 2, 3])
def test_every_chosen_channel_gets_ideas_that_suit_it(rung):
    answers = answers_for(
        "Firmware for medical devices",
        ["secure boot", "IEC 62304", "OTA updates"],
        rung=rung,
        channels=("linkedin", "github"),
        goals=("expert", "learning"),
    )
    # A serious writer: no "Today I learned", the one light format GitHub would take.
    answers["tone"] = {"humour": "5", "formality": "3", "respect": "3", "enthusiasm": "5"}
    plan = build_plan(answers, LIB, seed=7, today=TODAY)
    assert not any(i.format_slug == "today-i-learned" for i in plan.ideas)
    on_github = [i for i in plan.ideas if i.channel_slug == "github"]
    fits = [
        i
        for i in plan.ideas
        if "github" in FORMATS[i.format_slug].channels and i.format_slug != "thoughtful-comment"
    ]
    # Where a format the person can use fits GitHub, GitHub gets ideas.
    assert bool(on_github) == bool(fits), [i.format_slug for i in plan.ideas]
    if rung > 1:
        # Early, not only in the last themes: the first theme the person reads has one.
        first = plan.outline[0].ideas
        assert any(i.channel_slug == "github" for i in first), [i.format_slug for i in first]
    for idea in on_github:
        assert "github" in FORMATS[idea.format_slug].channels
        assert idea.format_slug != "thoughtful-comment"
        assert idea.channel_tip.startswith("GitHub")


@pytest.mark.parametrize("rung", [3, 5])
def test_stories_about_the_employer_carry_the_fence(rung):
    for area in area_fields(20):
        plan = plan_for(area.name, list(area.subtopics[:2]), rung=rung)
        sector_fence = [
            s.fence for s in LIB.sectors if s.slug in getattr(area, "sectors", ()) and s.fence
        ]
        for idea in plan.ideas:
            if idea.format_slug in ("mistake-story", "case-study"):
                # The fence is what the post keeps out, beside its key points, never one.
                text = idea.caution
                assert not set(idea.outline) & {FENCE_DEFAULT, *sector_fence}, idea.outline
                if sector_fence:
                    assert all(f in text for f in sector_fence), (area.slug, idea.hook)
                else:
                    assert FENCE_DEFAULT in text, (area.slug, idea.hook)
