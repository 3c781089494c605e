"""A guarded person's ideas never ask for what their own playbook fences off.

A nurse, a solicitor, a quantity surveyor, a trust's data protection officer and
a treasury manager each have a playbook that keeps their employer's systems,
suppliers, banks, controls, incidents and past failures out of their posts.
Their "make it yours" prompts ask for patterns across cases, published examples
or what they would tell a newcomer instead, no title or key point admits an
earlier failure, and the fence itself sits beside the key points, not among them.
"""

from __future__ import annotations

import re

import pytest

from tests.field_plans import field_plan
from wizard.generators.fences import asks_too_much, fenced_ask, split_fence
from wizard.library import load_library

LIB = load_library()

PEOPLE = {
    "ICU nurse (US)": (
        {
            "role": "ICU nurse, academic medical center",
            "expertise": "Nursing",
            "subtopics": "sepsis\nnurse staffing",
            "audience": "other nurses and nursing students",
        },
        "US",
    ),
    "employment solicitor (GB)": (
        {
            "role": "Employment solicitor, regional law firm",
            "expertise": "Employment law",
            "subtopics": "unfair dismissal\nsettlement agreements",
            "audience": "HR managers and business owners",
        },
        "GB",
    ),
    "quantity surveyor (GB)": (
        {
            "role": "Senior quantity surveyor, main contractor",
            "expertise": "Quantity surveying",
            "subtopics": "NEC contracts\ncost planning",
            "audience": "other QSs and project managers",
        },
        "GB",
    ),
    "NHS DPO (GB)": (
        {
            "role": "Data protection officer, NHS trust",
            "expertise": "Data protection",
            "subtopics": "subject access requests\ndata sharing",
            "audience": "information governance colleagues and clinicians",
        },
        "GB",
    ),
    "treasury manager (US)": (
        {
            "role": "Treasury manager, manufacturing group",
            "expertise": "Treasury",
            "subtopics": "cash forecasting\nFX hedging",
            "audience": "other treasury and finance people",
        },
        "US",
    ),
}

# What practitioners read as an invitation to expose their own employer: its place,
# its set-up, its suppliers and controls, or an admission that it once got it wrong.
OWN_WORKPLACE = re.compile(
    r"\bwhere you work\b|\bat work\?|\bon your unit\b|\bat your (trust|firm|bank)\b"
    r"|\byour (NDA |own )?templates\b|\byour (company|group|treasury|trust)(['’]s)? \w+"
    r"|\bwhich bank\b|\bwhich control (stopped|caught)\b|\bwhich system\b|\bconnectivity mix\b"
    r"|\bbank accounts does\b|\bpooling structure does\b",
    re.IGNORECASE,
)
ADMISSIONS = re.compile(
    r"\bwe could no longer\b|\bcould no longer prove\b|\bwhat changed in your\b"
    r"|\bstopped a fraud\b|\bhardest to erase\b|\bnobody kept\b"
    r"|\binterviews with every team took months\b|\bsystems changed during them\b"
    r"|\bwhy we stopped treating erasure\b",
    re.IGNORECASE,
)


@pytest.fixture(scope="module", params=sorted(PEOPLE))
def person(request):
    work, country = PEOPLE[request.param]
    return request.param, work, field_field_plan(work, country)


def field_field_plan(work, country):
    return field_plan(work, country, library=LIB)


def test_each_of_them_is_guarded():
    for work, _country in PEOPLE.values():
        area = LIB.field_for(work, [])
        assert area is not None, work
        sectors = [LIB.sector(s) for s in area.sectors]
        assert any(s is not None and s.guarded for s in sectors), (area.slug, area.sectors)


def test_no_prompt_asks_for_the_workplace_or_an_admission(person):
    name, _work, plan = person
    bad = [
        i.make_it_yours
        for i in plan.ideas
        if OWN_WORKPLACE.search(i.make_it_yours) or ADMISSIONS.search(i.make_it_yours)
    ]
    assert not bad, (name, bad)
    assert not [i.make_it_yours for i in plan.ideas if asks_too_much(i.make_it_yours)], name


def test_no_title_or_key_point_admits_a_failure(person):
    name, _work, plan = person
    bad = [line for i in plan.ideas for line in (i.hook, *i.outline) if ADMISSIONS.search(line)]
    assert not bad, (name, bad)


def test_the_fence_sits_beside_the_key_points_never_among_them(person):
    name, _work, plan = person
    area = LIB.field_for(PEOPLE[name][0], [])
    fences = {LIB.sector(s).fence for s in area.sectors if LIB.sector(s) and LIB.sector(s).fence}
    assert fences
    assert not [i.hook for i in plan.ideas if fences & set(i.outline)], name
    cautioned = [i for i in plan.ideas if i.caution]
    assert cautioned, name
    assert any(f in i.caution for f in fences for i in cautioned), name


def test_a_guarded_story_is_told_as_a_lesson():
    work, country = PEOPLE["quantity surveyor (GB)"]
    plan = field_plan(work, country, library=LIB)
    stories = [i for i in plan.ideas if i.format_slug in ("mistake-story", "case-study")]
    assert stories
    for idea in stories:
        assert "Tell it as the lesson" in idea.caution, idea.hook
        assert not [p for p in idea.outline if re.search(r"what it cost|unidentifiable", p)]
        assert idea.caution.count(". ") >= 1 and idea.caution.endswith(".")


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        (
            "Which step of the hour-1 bundle is hardest to get done on time where you work?",
            "Which step of the hour-1 bundle is hardest to get done on time?",
        ),
        (
            "What has made a sepsis alert useful rather than noise on your unit?",
            "What has made a sepsis alert useful rather than noise?",
        ),
        (
            "Which question about probation do people keep asking you at work?",
            "Which question about probation do people keep asking you?",
        ),
        ("Which carve-out would you now expect in any confidentiality clause?", None),
        (
            "Which example from your own work shows the idea best?",
            "Which composite example, drawn from many cases so none can be recognised, "
            "shows the idea best?",
        ),
        ("What would you tell a newcomer about the cash forecast?", None),
    ],
)
def test_a_workplace_tail_is_dropped_and_a_fair_prompt_kept(prompt, expected):
    assert fenced_ask(prompt, "sepsis") == (expected or prompt)


@pytest.mark.parametrize(
    "prompt",
    [
        "What changed in your NDA templates after the SRA's warning notice?",
        "Which bank's camt.053 format surprised you?",
        "What connectivity mix does your treasury use?",
        "Which control stopped a fraud attempt for you?",
        "Which system was hardest to erase from?",
        "How many bank accounts does your company hold per entity?",
    ],
)
def test_a_prompt_for_the_set_up_or_an_admission_becomes_a_pattern_or_a_newcomer(prompt):
    fenced = fenced_ask(prompt, "camt.053")
    assert fenced != prompt
    assert not asks_too_much(fenced)
    assert re.search(r"newcomer|pattern|published example", fenced), fenced


def test_fenced_prompts_take_turns_and_never_repeat_one_already_said():
    said = {"What would you tell a newcomer about FX hedging in their first month?"}
    fenced = fenced_ask("Which bank do you use?", "FX hedging", said.__contains__)
    assert fenced not in said
    assert fenced_ask("Which bank do you use?", "", turn=2).startswith("Which published example")


@pytest.mark.parametrize(
    ("premise", "point", "said", "kept_out"),
    [
        (
            "The CPD that changed my practice was a ten-minute huddle",
            "No patient details in the teaching or in any post about it",
            "",
            "No patient details in the teaching or in any post about it",
        ),
        (
            "The VUS that was reclassified, and what we changed",
            "A reanalysis schedule is now part of our process; no patient details here",
            "A reanalysis schedule is now part of our process",
            "No patient details here",
        ),
        (
            "Unagreed value in a CVR: where it sits until it is agreed",
            "A reporting method only: no company or job figures",
            "",
            "A reporting method only: no company or job figures",
        ),
        # A rule the post itself teaches, and a point under a premise about a refusal.
        (
            "Coordinated disclosure taught me to write for the vendor",
            "Never publish details of an unpatched flaw",
            "Never publish details of an unpatched flaw",
            "",
        ),
        (
            "Why I never name the previous installer",
            "No names: you don't know what they were asked to do",
            "No names: you don't know what they were asked to do",
            "",
        ),
        (
            "Cash pooling in plain words",
            "Physical pooling moves cash",
            "Physical pooling moves cash",
            "",
        ),
    ],
)
def test_a_fence_among_the_key_points_goes_to_the_caution(premise, point, said, kept_out):
    assert split_fence(premise, point) == (said, kept_out)


def test_no_key_point_of_a_library_idea_is_a_fence_sentence():
    plan = field_plan(*PEOPLE["quantity surveyor (GB)"], library=LIB)
    fences = [
        i
        for i in plan.ideas
        if any(
            re.match(r"(A reporting )?method only\b|A method, not a job", p, re.I)
            for p in i.outline
        )
    ]
    assert not fences, [i.hook for i in fences]


def test_a_reader_at_home_is_not_told_the_rule_holds_at_home():
    work, country = PEOPLE["ICU nurse (US)"]
    plan = field_plan(work, country, library=LIB)
    notes = [p for i in plan.ideas for p in i.outline if p.startswith("Say in the post that")]
    assert not [n for n in notes if "about the US" in n], notes


def test_a_guarded_persons_recent_case_is_a_composite():
    # A council's housing officer (public sector): one recent arrears case is a
    # tenant's and the council's, so the story is a composite across many.
    work = {
        "role": "Housing officer, local authority",
        "expertise": "Housing management",
        "subtopics": "rent arrears\nallocations",
        "audience": "other housing officers",
    }
    plan = field_plan(work, "GB", library=LIB)
    hooks = [i.hook for i in plan.ideas]
    assert not [h for h in hooks if "one recent case" in h], hooks
    assert [h for h in hooks if "composite case" in h], hooks
    asks = [i.make_it_yours for i in plan.ideas]
    assert not [a for a in asks if "after something went wrong" in a or "went wrong?" in a]


# An idea carries its sector's fence for what it is about, not only for its format.
FIRE_ENGINEER = {
    "role": "Fire safety engineer, consultancy",
    "expertise": "Fire safety engineering",
    "subtopics": "evacuation modelling\nresidential buildings",
    "audience": "architects and other fire engineers",
}
RECRUITER = {
    "role": "Recruiter, in-house talent team",
    "expertise": "Recruiting",
    "subtopics": "diversity audit\nsourcing",
    "audience": "hiring managers and other recruiters",
}


@pytest.fixture(scope="module")
def fire_plan():
    return field_plan(FIRE_ENGINEER, "GB", library=LIB)


@pytest.fixture(scope="module")
def recruiter_plan():
    return field_plan(RECRUITER, "US", library=LIB)


def _idea(plan, words):
    found = [i for i in plan.ideas if re.search(words, i.hook, re.IGNORECASE)]
    assert found, words
    return found


def test_an_explainer_on_stay_put_keeps_a_named_building_out(fire_plan):
    fence = LIB.sector("structures").fence
    for idea in _idea(fire_plan, r"\bstay put\b"):
        assert idea.format_slug not in ("mistake-story", "case-study"), idea.format_slug
        assert fence in idea.caution, (idea.hook, idea.format_slug)


def test_an_idea_that_touches_nothing_sensitive_carries_no_fence(fire_plan):
    # ASET and RSET are hand calculations: no building, no live project in them.
    for idea in _idea(fire_plan, r"\bASET\b"):
        assert not idea.caution, idea.hook
    assert len([i for i in fire_plan.ideas if not i.caution]) > len(fire_plan.ideas) / 2


def test_a_diversity_audit_keeps_people_and_protected_data_out(recruiter_plan):
    audits = _idea(recruiter_plan, r"\bdiversity audit\b|\bfour-fifths\b|\bbias audit\b")
    for idea in audits:
        assert "no protected data from a real funnel, audit or file" in idea.caution, idea.hook
    # A Boolean search string names no one.
    for idea in _idea(recruiter_plan, r"\bBoolean\b"):
        assert not idea.caution, idea.hook


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        (["client"], "What do your clients ask first?", True),
        (["client"], "The client's own scope", True),
        (["client"], "A clientele of small firms", False),
        (["stay put"], "Is stay put still right?", True),
        (["age"], "Is it worth the wage?", False),
        (["age"], "Age and disability in the funnel", True),
    ],
)
def test_sensitive_words_are_matched_whole(words, text, found):
    from wizard.generators.fences import ContentFence, sensitive_pattern, touched_fences

    fences = [ContentFence(sensitive_pattern(words), "Keep it out.")]
    assert touched_fences([text], fences) == (["Keep it out."] if found else [])


def test_a_sensitive_list_for_an_unknown_sector_is_refused(tmp_path):
    import shutil

    from wizard.library.loader import LIBRARY_DIR, read_library
    from wizard.library.schema import LibraryError

    target = tmp_path / "library"
    shutil.copytree(LIBRARY_DIR, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = target / "fences.toml"
    path.write_text(path.read_text() + '\n[[sensitive]]\nsector = "astrology"\nwords = ["x"]\n')
    with pytest.raises(LibraryError, match=r"fences.toml: sensitive\[\d+\].sector: unknown"):
        read_library(target)


def test_every_sector_with_a_fence_lists_its_sensitive_words():
    assert [s.slug for s in LIB.sectors if s.fence and not s.sensitive] == []


def test_a_nurses_lesson_speaks_of_patients_not_clients():
    work, country = PEOPLE["ICU nurse (US)"]
    plan = field_plan(work, country, library=LIB)
    lessons = [i.caution for i in plan.ideas if "Tell it as the lesson" in i.caution]
    assert lessons
    assert not [c for c in lessons if re.search(r"\ba client\b", c)]
    assert all("a patient or a named unit" in c for c in lessons)


def test_a_signal_under_assessment_stays_inside_the_company():
    work = {
        "role": "Drug safety physician",
        "expertise": "Pharmacovigilance",
        "subtopics": "signal detection\naggregate reports",
        "audience": "other drug safety people",
    }
    plan = field_plan(work, "GB", library=LIB)
    signals = _idea(plan, r"\bvalidated signal\b|\bclosing a signal\b")
    for idea in signals:
        assert "No signal, product or assessment that is not yet public" in idea.caution
    narratives = _idea(plan, r"\bcase narrative\b|\bvalid ICSR\b")
    for idea in narratives:
        assert idea.caution.startswith("No real case: no patient, reporter or product detail")


@pytest.mark.parametrize(
    ("work", "country"),
    [
        (
            {
                "role": "Principal planning officer",
                "expertise": "Town planning",
                "subtopics": "local plans\ndesign codes",
            },
            "GB",
        ),
        (
            {
                "role": "Data protection officer",
                "expertise": "Data protection",
                "subtopics": "subject access requests\ndata sharing",
            },
            "GB",
        ),
        (
            {
                "role": "Treasury manager",
                "expertise": "Treasury",
                "subtopics": "cash forecasting\nFX hedging",
            },
            "US",
        ),
    ],
)
def test_a_fields_everyday_work_carries_no_fence(work, country):
    """A planner's local plans, a DPO's subject access requests and a treasurer's
    cash forecast are the work itself: a fence on each of them would be noise."""
    plan = field_plan(work, country, library=LIB)
    fenced = [i.hook for i in plan.ideas if i.caution]
    assert len(fenced) < len(plan.ideas) / 3, fenced
