"""Sub-topics that name a place, a pest that is always there, or a code of
ethics, read for what they are in a plan for a field the library does not
know: nobody has "a hard day with Burgundy", varroa is no incident with "the
first minutes", and a code of ethics is principles that hold, not a rule that
keeps changing."""

from __future__ import annotations

import re
from datetime import date

import pytest

from wizard.generators import topic_kind as kinds
from wizard.generators.plan import build_plan
from wizard.generators.themes import spare_template_angles, suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()

SOMMELIER = {
    "role": "Head sommelier",
    "expertise": "Sommelier",
    "subtopics": "wine lists\nBurgundy\ncork taint",
    "audience": "restaurant guests and other sommeliers",
}
BEEKEEPER = {
    "role": "Commercial beekeeper",
    "expertise": "Beekeeping",
    "subtopics": "varroa\nqueen rearing\npollination contracts",
    "audience": "hobby beekeepers and growers",
}
INTERPRETER = {
    "role": "Court interpreter",
    "expertise": "Court interpreting",
    "subtopics": "legal terminology\ncode of ethics\nremote hearings",
    "audience": "attorneys and other interpreters",
}


def plan_of(work, rung=3, goals=("expert",)):
    rows = theme_rows(suggest_themes(work, list(goals), LIB))
    answers = {
        "work": work,
        "comfort": {"rung": rung, "channels": ["linkedin"], "time": "2-hours"},
        "goals": {"goals": list(goals)},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "time_zone": "UTC"},
        "situations": {},
    }
    return build_plan(answers, LIB, seed=7, today=date(2026, 11, 30))


def texts_of(work, rung):
    plan = plan_of(work, rung)
    spare = [a.premise for a in spare_template_angles(work, LIB, [])]
    return [t.title for t in plan.outline] + [i.hook for i in plan.ideas] + spare


@pytest.mark.parametrize(
    "topic",
    ["Burgundy", "burgundy", "Rhône", "Napa Valley", "Loire Valley", "the Mosel", "Champagne"],
)
def test_a_place_is_read_as_a_place(topic):
    assert kinds.topic_kinds(topic) == (kinds.PLACE,)
    assert not kinds.fits((kinds.ACTIVITY,), topic)


@pytest.mark.parametrize("topic", ["champagne", "china", "Eurocode", "river restoration"])
def test_a_common_word_is_no_place(topic):
    assert kinds.PLACE not in kinds.topic_kinds(topic)


@pytest.mark.parametrize("rung", [1, 3, 5])
def test_a_region_is_never_treated_as_a_task(rung):
    for text in texts_of(SOMMELIER, rung):
        assert not re.search(
            r"(shortcut|trouble|hard day|work|decisions|check my work|piece of work|"
            r"never skip|mistakes?|started) (in|with|on) Burgundy",
            text,
        ), text
        assert not re.search(r"part of Burgundy|Burgundy work|Burgundy easier", text), text


def test_a_region_gets_a_theme_of_its_own():
    suggested = suggest_themes(SOMMELIER, ["expert"], LIB)
    burgundy = [c for c in suggested if c.key.endswith(":Burgundy")]
    assert burgundy[0].key == "template:place:Burgundy", [c.key for c in burgundy]
    premises = [a.premise for a in burgundy[0].angles]
    assert any("get wrong about Burgundy" in p for p in premises), premises
    assert any("changed in Burgundy" in p for p in premises), premises


@pytest.mark.parametrize("rung", [1, 3, 5])
def test_a_pest_in_every_colony_is_no_incident(rung):
    plan = plan_of(BEEKEEPER, rung)
    for idea in plan.ideas:
        if idea.topic and idea.topic.lower() == "varroa":
            body = " ".join((idea.hook, *idea.outline))
            assert not re.search(r"who noticed it first|first minutes|one recent case", body), body


def test_a_pest_takes_no_incident_premise():
    for template in LIB.theme_templates:
        if not kinds.fits(template.fits, "varroa"):
            continue
        for angle in template.angles:
            if kinds.fits(angle.fits, "varroa"):
                text = " ".join((angle.premise, *angle.points))
                assert "first minutes" not in text, (template.slug, angle.slug)
                assert "who noticed it first" not in text, (template.slug, angle.slug)


def test_a_code_of_ethics_is_principles_not_a_changing_rule():
    assert kinds.topic_kinds("code of ethics") == (kinds.RULE, kinds.ETHICS)
    assert kinds.topic_kinds("building regulations") == (kinds.RULE,)
    for rung in (1, 3, 5):
        for text in texts_of(INTERPRETER, rung):
            assert not re.search(
                r"change(s|) (coming )?to the code of ethics|on file to show the work met the code",
                text,
                re.I,
            ), text
    suggested = suggest_themes(INTERPRETER, ["expert"], LIB)
    rule = next(c for c in suggested if c.key == "template:rule:code of ethics")
    premises = [a.premise for a in rule.angles]
    assert "When two duties under the code of ethics pull in different directions" in premises


def test_a_changing_rule_still_gets_its_changes():
    premises = [
        a.premise
        for template in LIB.theme_templates
        if template.slug == "rule"
        for a in template.angles
        if kinds.fits(a.fits, "building regulations")
    ]
    assert "How I keep up with changes to {topic}" in premises


@pytest.mark.parametrize("topic", ["varroa", "cork taint", "Burgundy", "clippers", "sulfites"])
def test_no_work_on_a_pest_a_place_kit_or_a_substance_meets_the_rest_of_the_job(topic):
    angle = next(
        a
        for t in LIB.theme_templates
        if t.slug == "week"
        for a in t.angles
        if a.slug == "rest-of-job"
    )
    assert not kinds.fits(angle.fits, topic)


def test_a_wine_list_is_a_live_priced_list_not_a_report():
    """A list people choose from is changed and priced as it goes: never "read
    back years later" or checked for "a signature"."""
    assert kinds.topic_kinds("wine lists") == (kinds.ACTIVITY, kinds.RECORD, kinds.MENU)
    assert kinds.topic_kinds("case notes") == (kinds.ACTIVITY, kinds.RECORD)
    suggested = suggest_themes(SOMMELIER, ["expert"], LIB)
    lists = next(c for c in suggested if c.key == "template:record:wine lists")
    premises = [a.premise for a in lists.angles]
    assert "The errors that slip into my wine lists, and how I catch them first" in premises
    for text in texts_of(SOMMELIER, 3):
        assert "read back years later" not in text, text


def test_the_about_names_the_subject_that_comes_back_not_a_headline():
    plan = plan_of(BEEKEEPER, 2)
    about = plan.setup.about
    assert "what I learn about varroa, queen rearing and pollination contracts" in about, about
    assert "that others don't" not in about, about


@pytest.mark.parametrize("rung", [1, 3, 5])
def test_one_skeleton_opens_at_most_one_idea(rung):
    """ "The question about legal terminology I hear most often", "… newcomers
    don't think to ask", "… I wish people asked me more often": one opening
    three times reads as one label. Bare labels ("The question") are no point."""
    for work in (SOMMELIER, BEEKEEPER, INTERPRETER):
        openings = []
        for idea in plan_of(work, rung).ideas:
            at = idea.hook.lower().find(idea.topic.lower()) if idea.topic else -1
            premise = idea.format_slug not in {"reshare-with-take", "thoughtful-comment"}
            if at > 0 and premise and idea.theme_key.startswith("template:"):
                openings.append(idea.hook[:at].strip().lower())
            assert "The question" not in idea.outline, idea.hook
        repeated = {o for o in openings if openings.count(o) > 1 and len(o.split()) >= 3}
        assert not repeated, repeated
