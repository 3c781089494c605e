"""Ideas for fields outside the library, read as their practitioners would:
shaped by what each sub-topic is, in the person's own role and audience words,
never assuming a number, a kit or a recipe the work may not have."""

from __future__ import annotations

import re
from datetime import date

import pytest

from wizard.generators import topic_kind as kinds
from wizard.generators.plan import build_plan
from wizard.generators.themes import _from_template, someone_phrase, suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()

MASON = {
    "role": "Stonemason, cathedral works department",
    "expertise": "Heritage stonemasonry",
    "subtopics": "lime mortar repairs\nsurvey reports",
    "audience": "architects and other masons",
}
ORGAN_BUILDER = {
    "role": "Organ builder",
    "expertise": "Organ building",
    "subtopics": "pipe voicing\ntuning visits",
    "audience": "organists and church wardens",
}
OT = {
    "role": "Speech and language therapist, NHS community team",
    "expertise": "Speech and language therapy",
    "subtopics": "swallowing assessments\nlanguage delay",
    "audience": "other therapists and GPs",
}
ATC_ENGINEER = {
    "role": "ATC systems engineer",
    "expertise": "Air traffic control engineer",
    "subtopics": "radar maintenance\nsystem outages",
    "audience": "engineers and controllers",
}
PEOPLE = (MASON, ORGAN_BUILDER, OT, ATC_ENGINEER)


def plan_of(work, rung=3, time="1-hour"):
    """The plan of a person outside the library (comfort ``rung``, ``time`` a week)."""
    rows = theme_rows(suggest_themes(work, ["expert"], LIB))
    answers = {
        "work": work,
        "comfort": {"rung": rung, "channels": ["linkedin"], "time": time},
        "goals": {"goals": ["expert"]},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "time_zone": "UTC"},
        "situations": {},
    }
    return build_plan(answers, LIB, seed=7, today=date(2026, 11, 30))


def test_these_people_are_outside_the_library():
    for work in PEOPLE:
        assert LIB.field_for(work) is None, work["expertise"]


@pytest.mark.parametrize(
    ("topic", "found"),
    [
        ("condition reporting", (kinds.ACTIVITY, kinds.RECORD)),
        ("case notes", (kinds.ACTIVITY, kinds.RECORD)),
        ("risk assessments", (kinds.ACTIVITY, kinds.RECORD)),
        ("heat loss surveys", (kinds.ACTIVITY, kinds.RECORD)),
        ("asbestos removal", (kinds.ACTIVITY, kinds.TREATMENT)),
        ("varnish removal", (kinds.ACTIVITY, kinds.TREATMENT)),
        ("home adaptations", (kinds.ACTIVITY, kinds.TREATMENT)),
        ("interlocking design", (kinds.ACTIVITY,)),
        ("pipe voicing", (kinds.ACTIVITY,)),
        ("caseloads", (kinds.PROBLEM,)),
        ("system outages", (kinds.PROBLEM,)),
        ("frequent callers", (kinds.PEOPLE,)),
    ],
)
def test_written_work_and_treatments_are_work_of_their_own_sort(topic, found):
    assert kinds.topic_kinds(topic) == found
    # Premises written for any work still fit them; those for one sort fit only it.
    assert kinds.fits((kinds.ACTIVITY,), topic) is (kinds.ACTIVITY in found)
    assert kinds.fits((kinds.RECORD,), topic) is (kinds.RECORD in found)


def test_a_masons_themes_follow_what_each_sub_topic_is():
    """Lime mortar repairs are a treatment (when not to, what to test first, when
    to stop); survey reports are written for a reader (who reads them, what they
    leave out, what still makes sense years later)."""
    plan = plan_of(MASON)
    keys = [t.key for t in plan.outline]
    assert "template:treatment:lime mortar repairs" in keys
    assert "template:record:survey reports" in keys
    hooks = [i.hook for i in plan.ideas]
    assert "When I advise against lime mortar repairs" in hooks
    assert "What I test before lime mortar repairs, and what the test tells me" in hooks
    assert "Words I no longer use in survey reports, and what I write instead" in hooks


def test_people_in_different_fields_get_differently_shaped_plans():
    """Not one list with the sub-topic pasted in: the templates behind a
    mason's and an organ builder's themes differ."""
    shapes = {
        w["expertise"]: {t.key.split(":")[1] for t in plan_of(w).outline if ":" in t.key}
        for w in (MASON, ORGAN_BUILDER, OT)
    }
    assert shapes["Heritage stonemasonry"] != shapes["Organ building"]
    assert shapes["Speech and language therapy"] != shapes["Organ building"]


STOCK = re.compile(
    r"the number i check|what i take with me|my step-by-step approach|mix up two terms",
    re.IGNORECASE,
)


@pytest.mark.parametrize("rung", [1, 3, 5])
def test_no_idea_assumes_a_number_a_kit_or_a_recipe(rung):
    for work in PEOPLE:
        for idea in plan_of(work, rung).ideas:
            assert not STOCK.search(idea.hook), idea.hook
            assert not any(p.startswith("It at work") for p in idea.outline), idea.outline


@pytest.mark.parametrize("rung", [2, 3, 4])
def test_the_audience_is_not_pasted_into_title_after_title(rung):
    for work in (MASON, ORGAN_BUILDER, OT):
        hooks = [i.hook.lower() for i in plan_of(work, rung).ideas]
        pasted = [h for h in hooks if work["audience"] in h]
        assert len(pasted) <= 2, pasted


def test_the_persons_own_job_names_whose_decisions_a_post_shows():
    # Which of the templates a person's plan starts at depends on their words
    # (themes.person_seed); the premise itself names their job wherever it is.
    basics = next(n for n, t in enumerate(LIB.theme_templates) if t.slug == "basics")
    person = someone_phrase(ORGAN_BUILDER, "organ building")
    theme = _from_template(
        LIB, basics, "pipe voicing", "organ building", "organists", (), False, person
    )
    premises = [a.premise for a in theme.angles]
    assert "The decisions an organ builder makes in pipe voicing that others never see" in premises
    hooks = " ".join(i.hook for i in plan_of(ORGAN_BUILDER).ideas)
    assert "someone in organ building" not in hooks


@pytest.mark.parametrize(
    ("role", "phrase"),
    [
        ("Paintings conservator, national museum", "a paintings conservator"),
        ("Occupational therapist, NHS community team", "an occupational therapist"),
        ("ATC systems engineer", "an ATC systems engineer"),
        ("Senior hydrogeologist", "a hydrogeologist"),
        ("Engineer at Network Rail", "an engineer"),
        ("", "someone in conservation"),
        ("I look after the paintings and most other things", "someone in conservation"),
        ("I'm a conservator", "someone in conservation"),
    ],
)
def test_someone_is_the_job_from_the_role_line(role, phrase):
    assert someone_phrase({"role": role}, "conservation") == phrase


def test_an_air_navigation_engineers_outage_is_never_one_recent_case():
    """Aviation's occurrences are not the person's to tell one by one: the
    pressure's story is a composite across many, under the aviation fence."""
    plan = plan_of(ATC_ENGINEER)
    hooks = [i.hook for i in plan.ideas]
    assert not any("one recent case" in h for h in hooks), hooks
    assert "System outages: a composite case, start to finish, drawn from many" in hooks


@pytest.mark.parametrize("rung", [1, 2, 3])
def test_today_i_learned_labels_only_a_fact_learned(rung):
    """The label never sits on the writer's own practice ("Who relies on my work
    on falls prevention", "The people I work with on…"), which is no news to them."""
    for work in PEOPLE:
        for idea in plan_of(work, rung).ideas:
            if idea.format_slug == "today-i-learned":
                assert not re.search(r"\b(I|my|me)\b|^(Who|Which|Where)\b", idea.hook), idea.hook


def test_the_field_wide_themes_take_premises_for_treatments_and_written_work():
    """ "What is changing" and "the unseen side" hold premises of their own for a
    treatment (a method no longer used; the part before anything visible) and
    for written work (what a reader now expects; the hours nobody counts)."""
    hooks = [i.hook for i in plan_of(MASON).ideas]
    for hook in (
        "A method for lime mortar repairs I no longer use, and what replaced it",
        "What nobody sees of lime mortar repairs: the part before anything visible happens",
        "The hours behind survey reports that nobody counts",
    ):
        assert hook in hooks, hooks
    # Written for any noun phrase: no verb that agrees with the sub-topic.
    assert not any(re.search(r"survey reports (has|is|was)\b", h) for h in hooks), hooks
