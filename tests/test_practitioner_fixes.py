"""Fixes practitioners asked for: a dietitian, a school librarian, a payroll
manager, a midwife and a quantity surveyor each read their plan and found a
sub-topic without a theme, a Keep out line that contradicts the post, or an
idea that speaks for the wrong side or the wrong moment."""

from __future__ import annotations

from datetime import date

import pytest

from tests.field_plans import field_plan
from wizard.generators.plan import build_plan
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()

DIETITIAN = {
    "role": "Specialist dietitian",
    "expertise": "dietetics",
    "subtopics": "IBS and low FODMAP\nenteral feeding\nweight stigma",
    "audience": "patients and other dietitians",
}


@pytest.fixture(scope="module")
def dietitian_plan():
    return field_plan(DIETITIAN, "GB", every=False, library=LIB)


def test_a_dietitians_ibs_sub_topic_finds_a_theme_of_its_own():
    """IBS and low FODMAP was only a fill-in template; now the field's own
    theme, with the three phases and the Monash app, is ticked for it."""
    rows = theme_rows(suggest_themes(DIETITIAN, ["expert"], LIB))
    ticked = [r["key"] for r in rows if r.get("include")]
    assert "area:dietetics:ibs-low-fodmap" in ticked, ticked


def test_a_dietitians_ibs_ideas_name_the_phases_not_a_template(dietitian_plan):
    hooks = [i.hook for i in dietitian_plan.ideas]
    assert not [h for h in hooks if h.startswith("Two terms in")], hooks
    text = " ".join(" ".join(i.outline) for i in dietitian_plan.ideas)
    for phase in ("Restriction", "Reintroduction", "Personalisation"):
        assert phase in text


def test_refeeding_keeps_out_a_patients_figures_not_calories(dietitian_plan):
    """CG32's starting rates are calories per kilo: the post keeps out one
    patient's figures, not calories."""
    (idea,) = [i for i in dietitian_plan.ideas if i.hook.startswith("Refeeding")]
    assert idea.caution and "calories" not in idea.caution, idea.caution
    assert "feed figures" in idea.caution
    assert not [p for p in idea.outline if "; no " in p]


def test_a_glp1_idea_keeps_out_doses_and_buying_online():
    plan = field_plan(DIETITIAN, "GB", library=LIB)
    glp1 = [i for i in plan.ideas if "GLP-1" in i.hook]
    assert glp1
    for idea in glp1:
        assert "No dose" in idea.caution and "online" in idea.caution, idea.hook


LIBRARIAN = {
    "role": "School librarian",
    "expertise": "school librarianship",
    "subtopics": "reading for pleasure\nbook challenges\ninformation literacy",
    "audience": "teachers and parents",
}


def test_a_us_librarians_reading_for_pleasure_is_a_real_idea_in_us_words():
    """The sub-topic was a fill-in template; the idea that covers it now says
    independent reading, the US term, in the person's words' stead."""
    plan = field_plan(LIBRARIAN, "US", every=False, library=LIB)
    hooks = [i.hook for i in plan.ideas]
    assert not [h for h in hooks if h.startswith("Two terms in")], hooks
    assert [h for h in hooks if h.startswith("Independent reading time")], hooks
    assert not [h for h in hooks if "reading for pleasure" in h.lower()], hooks


def test_the_parents_rights_idea_keeps_a_states_law_out():
    plan = field_plan(LIBRARIAN, "US", library=LIB)
    (idea,) = [i for i in plan.ideas if i.hook.startswith("A parent can guide")]
    assert "law" in idea.caution, idea.caution
    assert "ALA" in " ".join(idea.outline)


PAYROLL = {
    "role": "Payroll manager",
    "expertise": "payroll",
    "subtopics": "multi-state payroll\nyear-end W-2s\ngarnishments",
    "audience": "HR and finance leaders",
}


def test_a_payroll_moment_reads_as_a_title_and_the_weekend_rule_as_a_point():
    """A moment's name becomes a post title ("… : what I start early, and
    why"): a short name, with the date rule left to the W-2 deadline angle."""
    area = LIB.area("payroll")
    (w2,) = [m for m in area.moments if "W-2" in m.name]
    assert len(w2.name.split()) <= 4 and "(" not in w2.name, w2.name
    plan = field_plan(PAYROLL, "US", library=LIB)
    points = " ".join(p for i in plan.ideas for p in i.outline)
    assert "next business day when it falls on a weekend" in points


def test_a_garnishment_idea_keeps_the_employee_and_the_order_out():
    plan = field_plan(PAYROLL, "US", library=LIB)
    orders = [
        i for i in plan.ideas if i.hook.startswith(("A child support", "Talking to an employee"))
    ]
    assert len(orders) == 2, [i.hook for i in orders]
    for idea in orders:
        assert "No employee, order or amount" in idea.caution, idea.hook
        assert not [p for p in idea.outline if "anyone could identify" in p], idea.hook


MIDWIFE = {
    "role": "Community midwife",
    "expertise": "midwifery",
    "subtopics": "antenatal care\nbirth choices\npostnatal mental health",
    "audience": "other midwives and student midwives",
}


def shy_plan(work: dict, country: str, seed: int):
    """The plan of someone who reads and rarely posts (rung 1), with the themes
    Byline ticks for them."""
    rows = [r for r in theme_rows(suggest_themes(work, ["expert"], LIB)) if r["include"]]
    answers = {
        "work": work,
        "comfort": {"rung": 1, "channels": ["linkedin"], "time": "2-hours"},
        "goals": {"goals": ["expert"]},
        "tone": {},
        "situations": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "country": country},
    }
    return build_plan(answers, LIB, seed=seed, today=date(2026, 11, 30))


@pytest.mark.parametrize("seed", range(3))
def test_a_shy_midwifes_first_weeks_do_not_send_her_into_the_normal_birth_debate(seed):
    plan = shy_plan(MIDWIFE, "GB", seed)
    first = [w.comments for w in plan.calendar[:2]]
    assert not [c for c in first if "normal birth" in c.lower()], first


def test_home_birth_suspensions_are_told_from_published_figures_not_polled():
    plan = shy_plan(MIDWIFE, "GB", 0)
    (idea,) = [
        i
        for i in plan.ideas
        if "home birth service" in i.hook.lower() or "suspension" in i.hook.lower()
    ]
    assert idea.format_slug != "question-or-poll", idea.hook
    assert "Published figures only" in idea.caution, idea.caution


CLIENT_QS = {
    "role": "Senior quantity surveyor",
    "expertise": "quantity surveying",
    "subtopics": "cost planning\nNEC4 contracts\nfinal accounts",
    "audience": "clients and architects",
}


def test_a_client_side_qs_plan_does_not_speak_for_the_contractor_unlabelled():
    """A QS who writes for clients and architects gets no "before we sign a
    PCSA" and no pricing in the first person; an idea about the contractor's
    quotation says whose it is."""
    plan = field_plan(CLIENT_QS, "GB", every=False, library=LIB)
    hooks = [i.hook for i in plan.ideas]
    assert not [h for h in hooks if "PCSA" in h], hooks
    points = [p for i in plan.ideas for p in i.outline]
    assert not [p for p in points if p.startswith("So I price it")], points
    quotes = [i for i in plan.ideas if "quotation" in i.hook.lower() and "CE" in i.hook]
    assert all("contractor" in i.hook.lower() for i in quotes), [i.hook for i in quotes]
    asks = [i.make_it_yours for i in plan.ideas]
    assert "What do you put in a quotation so it's accepted first time?" not in asks


def test_the_pcsa_idea_is_the_contractors_and_says_so():
    area = LIB.area("quantity-surveying")
    (theme,) = [t for t in area.themes if any(a.slug == "pcsa-client-cost-plan" for a in t.angles)]
    assert "contractor" in " ".join(theme.settings)
    (angle,) = [a for a in theme.angles if a.slug == "pcsa-client-cost-plan"]
    assert angle.premise.startswith("On the contractor's side")


def test_a_uk_dietitians_plan_names_her_groups_and_the_must_threshold():
    area = LIB.area("dietetics")
    follows = " ".join(area.follow)
    assert "Gastroenterology Specialist Group" in follows and "PENG" in follows
    assert "Beat" in follows
    names = {m.name for m in area.moments if "GB" in m.countries}
    assert {"Eating Disorders Awareness Week", "UK Malnutrition Awareness Week"} <= names
    premises = [a.premise for t in area.themes for a in t.angles]
    assert "A MUST score isn't treatment: what should happen at a score of 2 or more" in premises


def test_a_us_librarian_follows_the_digital_inquiry_group_and_her_january_moments():
    area = LIB.area("school-librarianship")
    text = " ".join(p for t in area.themes for a in t.angles for p in a.points)
    assert "Digital Inquiry Group" in text and "Stanford civic" not in text
    names = {m.name for m in area.moments if "US" in m.countries}
    assert "National News Literacy Week" in names
    assert "ALA Youth Media Awards" in names  # a short name: it becomes a title
