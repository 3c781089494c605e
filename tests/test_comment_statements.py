"""Comment prompts in real plans read as a note a practitioner would write to self.

Reviewers read "When a peer posts about the serious breach: …" (a breach the
reader has never heard of), "If your feed brings up groundwater level: pumping
nearby, or rainfall, noted against each change" (a checklist line glued after
the prompt's colon) and "…is narrower than families expect: grab bars and most
bathroom equipment aren't in it" (two colons in one title). These checks build
the plans of people in library fields, GB and US, at the rungs where comment
prompts are, and read their prompts back.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_comment_wording import angle_of
from tests.test_ideas import LIB
from wizard.generators.ideas import claim_lines, comment_parts, comment_point, reads_alone
from wizard.generators.plan import build_plan
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.generators.triggers import ANY_ONE, bare_term, determiner, term_phrase

COMMENT = "thoughtful-comment"
# (role, field, sub-topics, rung, goals, audience, country)
PEOPLE = {
    "cra": (
        "Clinical research associate, contract research organisation",
        "Clinical operations",
        "site monitoring;risk-based monitoring",
        2,
        "expert,network",
        "other CRAs and site staff",
        "GB",
    ),
    "hydro": (
        "Senior hydrogeologist, environmental consultancy",
        "Hydrogeology",
        "groundwater contamination;PFAS",
        2,
        "expert,network",
        "other hydrogeologists and regulators",
        "GB",
    ),
    "ot": (
        "Occupational therapist, inpatient rehab hospital",
        "Occupational therapy",
        "stroke rehabilitation;home modifications",
        1,
        "expert,network",
        "other OTs and OT students",
        "US",
    ),
    "hygienist": (
        "Dental hygienist, family dental practice",
        "Dental hygiene",
        "gum disease;patient anxiety",
        1,
        "expert",
        "patients and other hygienists",
        "US",
    ),
    "solicitor": (
        "Employment solicitor, regional law firm",
        "Employment law",
        "unfair dismissal;settlement agreements",
        2,
        "expert,network",
        "HR managers and business owners",
        "GB",
    ),
    "pv": (
        "Drug safety physician, pharmaceutical company",
        "Pharmacovigilance",
        "signal detection;case processing",
        1,
        "expert",
        "other drug safety physicians",
        "GB",
    ),
    "electrician": (
        "Electrician, runs a small electrical contracting business",
        "Electrical contracting",
        "EV chargers;consumer units",
        1,
        "expert",
        "homeowners and landlords",
        "GB",
    ),
    "supply": (
        "Supply chain planner, consumer goods manufacturer",
        "Supply chain planning",
        "demand forecasting;S&OP",
        3,
        "expert,hiring",
        "other planners and supply chain leaders",
        "US",
    ),
    "sre": (
        "Site reliability engineer",
        "Site reliability engineering",
        "incident response;SLOs",
        4,
        "expert",
        "other engineers",
        "US",
    ),
    "dpo": (
        "Data protection officer, NHS trust",
        "Data protection",
        "subject access requests;data sharing",
        2,
        "expert,network",
        "information governance colleagues and clinicians",
        "GB",
    ),
}


def person_plan(who: str, seed: int = 7):
    """The plan the wizard builds for one of `PEOPLE` (the themes it ticks first)."""
    role, field, topics, rung, goals, audience, country = PEOPLE[who]
    work = {
        "role": role,
        "expertise": field,
        "subtopics": "\n".join(topics.split(";")),
        "audience": audience,
        "questions": "",
    }
    rows = theme_rows(suggest_themes(work, goals.split(","), LIB))
    answers = {
        "work": work,
        "comfort": {"rung": rung, "channels": ["linkedin"], "time": "30-min"},
        "goals": {"goals": goals.split(",")},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "country": country},
        "situations": {},
    }
    return build_plan(answers, LIB, seed=seed, today=date(2026, 11, 30))


def comments_of(plan) -> list:
    return [i for i in plan.ideas if i.format_slug == COMMENT]


@pytest.fixture(scope="module")
def plans():
    return {(who, seed): person_plan(who, seed) for who in PEOPLE for seed in (3, 7)}


def test_a_term_meant_as_any_one_of_its_kind_takes_a_not_the(plans):
    """The CRA's premise says "A suspected serious breach": the prompt watches for "a
    serious breach", never "the serious breach"; and no prompt in any plan puts "the"
    before a term its premise writes with "a", "an", "each" or "every"."""
    hooks = [i.hook for i in comments_of(plans["cra", 7])]
    assert any(" about a serious breach: " in h for h in hooks), hooks
    for (who, _), plan in plans.items():
        for idea in comments_of(plan):
            _, term, point = comment_parts(idea.hook)
            assert "the serious breach" not in idea.hook and "the sharps injury" not in idea.hook
            angle = angle_of(idea, point.replace(" — ", ": "))
            if angle is None or not term.startswith("the "):
                continue
            assert determiner(bare_term(term), angle.premise) not in ANY_ONE, (who, idea.hook)


def test_a_countable_term_takes_the_article_its_premise_gives_it():
    assert term_phrase("serious breach", "A suspected serious breach: why the CRA escalates") == (
        "a serious breach"
    )
    assert term_phrase("sharps injury", "After a sharps injury: the first hour, in order") == (
        "a sharps injury"
    )
    assert term_phrase("adverse event", "If I see an adverse event in a post, I route it") == (
        "an adverse event"
    )
    assert (
        term_phrase(
            "confidentiality clause", "The carve-outs I write into every confidentiality clause"
        )
        == "a confidentiality clause"
    )
    assert term_phrase("DSAR", "When a DSAR arrives") == "a DSAR"
    assert term_phrase("IDTA", "Why the IDTA is enough") == "the IDTA"
    assert term_phrase("SPD", "An SPD is cheap insurance") == "an SPD"
    assert term_phrase("RCD", "An RCD trips on leakage") == "an RCD"
    assert term_phrase("general ledger", "") == "the general ledger"


def test_every_comment_title_has_one_colon_and_a_complete_statement(plans):
    """One colon in a prompt and in each line that backs it; the point after the colon
    has a subject and a verb of its own."""
    for (who, _), plan in plans.items():
        for idea in comments_of(plan):
            assert idea.hook.count(":") == 1, (who, idea.hook)
            for line in idea.outline:
                assert line.count(":") <= 1, (who, line)
            _, _, point = comment_parts(idea.hook)
            assert reads_alone(point), (who, idea.hook)


def test_the_grab_bars_prompt_says_its_point_with_one_colon(plans):
    hooks = [i.hook for i in comments_of(plans["ot", 7])]
    grab = [h for h in hooks if "grab bars" in h.split(":")[0]]
    assert grab == [
        "When a peer posts about grab bars: Medicare's durable medical equipment coverage is"
        " narrower than families expect — grab bars and most bathroom equipment aren't in it"
    ], hooks


# Key points of the library that are no statement: a checklist line, a title's noun
# phrase, a list, an instruction, a clause that leans on a post around it.
FRAGMENTS = (
    "Pumping nearby, or rainfall, noted against each change",
    "The version the participant saw, and the REC's or IRB's approval of that version",
    "The list of contracts and safety data exchange agreements",
    "Showing salary sacrifice on a payslip so nobody thinks their pay was cut",
    "Weekly searches of at least one major database, as GVP Module VI expects",
    "Asking them to explain a marked answer out loud shows the difference",
)
STATEMENTS = (
    "Most dismissals I see challenged are lost or won in the investigation",
    "The EU Clinical Trials Regulation (Article 52) and UK law give the sponsor seven days",
    "Ghyben-Herzberg, as a first estimate and no more, puts about 40 m of fresh water below",
    "Cows with a low somatic cell count and no recent clinical mastitis can often be dried off",
    "The IDTA stands alone; the UK Addendum adds UK terms to the EU SCCs",
    "When the uncertainty is disclosed, the opinion stays unmodified",
)


def test_a_fragment_of_the_library_is_never_a_comment_s_point():
    """Each fragment is a premise or key point of a library angle, as written; none is
    said under a post, and the hydrogeologist's level-data checklist makes no comment
    prompt."""
    points = {
        p.strip().rstrip("."): angle
        for area in LIB.areas
        for theme in area.themes
        for angle in theme.angles
        for p in (angle.premise, *angle.points)
    }
    for fragment in FRAGMENTS:
        assert fragment in points, fragment  # still the library's own words
        assert not reads_alone(fragment), fragment
        assert fragment not in claim_lines(points[fragment]), fragment
    assert comment_point(points[FRAGMENTS[0]]) == ""
    assert not reads_alone("Rules of engagement I will not start without")  # a title
    for statement in STATEMENTS:
        assert reads_alone(statement), statement


def test_no_seed_glues_the_level_checklist_after_a_prompt(plans):
    for seed in (1, 2, 3, 7, 11):
        plan = plans.get(("hydro", seed)) or person_plan("hydro", seed)
        for idea in comments_of(plan):
            assert "noted against each change" not in idea.hook, idea.hook
            assert "groundwater level:" not in idea.hook, idea.hook


def test_a_planner_told_to_comment_gets_comment_prompts_from_the_field(plans):
    """The US planner at rung 3 is told to comment five times a week: the plan gives
    prompts on the field's own terms (promo uplift, DDMRP…), each making a point of the
    field's material; so does an SRE at rung 4. None asks "What did yours change?"."""
    for who in ("supply", "sre"):
        prompts = comments_of(plans[who, 7])
        assert len(prompts) >= 3, (who, [i.hook for i in plans[who, 7].ideas])
        for idea in prompts:
            _, term, point = comment_parts(idea.hook)
            assert angle_of(idea, point.replace(" — ", ": ")) is not None, idea.hook
            assert "yours" not in idea.make_it_yours.lower().replace("make it yours", ""), idea
    terms = {comment_parts(i.hook)[1] for i in comments_of(plans["supply", 7])}
    assert terms & {"promo uplift", "DDMRP", "control towers", "forecast value added"}, terms


def test_a_field_with_no_material_still_gets_comment_prompts_on_its_own_sub_topics():
    """Beekeeping logistics has no guide in the library: its plan is told to comment each
    week, so its template themes give prompts on the typed sub-topics, each a note a
    practitioner could act on, with one colon and no stock "add your view"."""
    for rung in (1, 2):
        work = {
            "role": "Beekeeping logistics coordinator",
            "expertise": "Beekeeping logistics",
            "subtopics": "hive transport\nqueen shipping",
            "audience": "other beekeepers",
            "questions": "",
        }
        rows = theme_rows(suggest_themes(work, ["expert"], LIB))
        answers = {
            "work": work,
            "comfort": {"rung": rung, "channels": ["linkedin"], "time": "30-min"},
            "goals": {"goals": ["expert"]},
            "tone": {},
            "themes": {"themes": rows, "start_date": "2026-12-07", "country": "US"},
            "situations": {},
        }
        plan = build_plan(answers, LIB, seed=7, today=date(2026, 11, 30))
        prompts = comments_of(plan)
        assert prompts, [i.hook for i in plan.ideas]
        for idea in prompts:
            _, term, point = comment_parts(idea.hook)
            assert term in ("hive transport", "queen shipping") and idea.topic == term
            assert idea.hook.count(":") == 1, idea.hook
            assert point.split()[0] in ("name", "say"), point
            assert "add your view" not in idea.hook.lower()
