"""A field the library does not know: the person's own words make the plan."""

import re
from datetime import date

import pytest

from wizard.generators import topic_kind as kinds
from wizard.generators.plan import build_plan, field_sectors
from wizard.generators.themes import question_outline, suggest_themes, theme_rows
from wizard.library import load_library
from wizard.library.loader import LIBRARY_DIR

LIB = load_library()

# (field, sub-topics, the three questions people bring, audience)
PEOPLE = [
    (
        "Pipe organ building",
        ["voicing pipes", "tracker action", "tuning schedules"],
        [
            "Can you move a pipe organ to another church?",
            "Why does an organ rebuild take two years?",
            "How often should an organ be tuned?",
        ],
        "church musicians",
    ),
    (
        "Wind turbine blade inspection",
        ["leading edge erosion", "drone inspection", "rope access repairs"],
        [
            "Can the blade wait until next season?",
            "Why do drones miss some damage?",
            "How bad is this crack?",
        ],
        "wind farm owners",
    ),
    (
        "Beekeeping extension officer",
        ["varroa control", "swarm management", "queen rearing"],
        [
            "When should I treat for varroa?",
            "Why did my colony die over winter?",
            "How do I stop them swarming?",
        ],
        "hobby beekeepers",
    ),
    (
        "Court reporting",
        ["realtime writing", "transcript production", "legal terminology"],
        [
            "Can you just leave out the swearing?",
            "Why do you need breaks?",
            "Do you take down every word?",
        ],
        "lawyers and judges",
    ),
]


def plan_for(field, topics, questions, audience, rung=3):
    work = {
        "role": field,
        "expertise": field,
        "subtopics": "\n".join(topics),
        "questions": "\n".join(questions),
        "audience": audience,
    }
    rows = theme_rows(suggest_themes(work, ["expert"], LIB))
    answers = {
        "work": work,
        "comfort": {"rung": rung, "channels": ["linkedin", "blog"], "time": "2-hours"},
        "goals": {"goals": ["expert"]},
        "tone": {},
        "themes": {
            "themes": rows,
            "start_date": "2026-12-07",
            "post_time": "08:30",
            "time_zone": "UTC",
        },
        "situations": {},
    }
    return build_plan(answers, LIB, seed=7, today=date(2026, 11, 30))


def test_the_people_here_are_unknown_to_the_library():
    for field, *_ in PEOPLE:
        assert LIB.match_expertise(field) is None, field


@pytest.mark.parametrize("rung", [1, 3, 5])
def test_no_idea_is_shared_between_fields_once_the_field_name_is_set_aside(rung):
    """Two people in unrelated fields get different ideas, not one list with the
    field's name swapped in."""
    seen: dict[str, str] = {}
    for field, topics, questions, audience in PEOPLE:
        plan = plan_for(field, topics, questions, audience, rung=rung)
        names = {field.lower(), plan.expertise.lower()}
        for idea in plan.ideas:
            title = idea.hook.lower()
            for name in names:
                title = title.replace(name, "{field}")
            title = re.sub(r"\s+", " ", title)
            assert seen.setdefault(title, field) == field, (title, seen[title], field)


@pytest.mark.parametrize("rung", [1, 3, 5])
def test_their_questions_and_sub_topics_are_in_the_plan(rung):
    for field, topics, questions, audience in PEOPLE:
        plan = plan_for(field, topics, questions, audience, rung=rung)
        hooks = " ".join(i.hook for i in plan.ideas).lower()
        for topic in topics:
            assert topic in hooks, (field, topic)
        for question in questions:
            assert question.lower() in hooks, (field, question)


def test_each_question_gets_an_outline_built_from_its_shape():
    field, topics, questions, audience = PEOPLE[2]
    plan = plan_for(field, topics, questions, audience)
    theme = next(t for t in plan.outline if t.key == "question")
    outlines = {i.hook: " ".join(i.outline) for i in theme.ideas}
    when = next(o for h, o in outlines.items() if "When should I treat" in h)
    why = next(o for h, o in outlines.items() if "Why did my colony" in h)
    how = next(o for h, o in outlines.items() if "How do I stop" in h)
    assert "too early, and too late" in when
    assert "The reason in one sentence, as you would say it to hobby beekeepers" in why
    assert "The steps you would walk hobby beekeepers through, in order" in how


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("How far will the plume go?", "The range you give"),
        ("Why can't you give me one number?", "The reason in one sentence"),
        ("Should we buy out now?", "yes, no or it depends"),
        ("How do I read a borehole log?", "The steps you would walk"),
        ("When should I treat for varroa?", "The moment or the sign"),
        ("What is a conceptual site model?", "Your answer in two sentences"),
    ],
)
def test_question_shapes(question, words):
    points, ask = question_outline(question, "peers in my field")
    assert any(words in p for p in points), points
    assert ask.endswith("?")
    assert not any(" my field" in p for p in points)  # the writer's audience reads as theirs


def test_field_wide_themes_are_made_of_their_own_sub_topics():
    field, topics, questions, audience = PEOPLE[1]
    work = {"expertise": field, "subtopics": "\n".join(topics), "audience": audience}
    choices = suggest_themes(work, ["expert"], LIB)
    wide = [c for c in choices if c.key.startswith("template:heading:")]
    assert wide, [c.key for c in choices]
    premises = [a.premise for a in wide[0].angles]
    assert all(any(t in p for t in topics) for p in premises), premises
    assert not any(field.lower() in p.lower() for p in premises), premises


PHARMACIST = {
    "role": "Community pharmacist, independent pharmacy owner",
    "expertise": "Community pharmacy",
    "subtopics": "Pharmacy First consultations\nmedicines shortages",
    "audience": "patients and GPs",
}
# A pharmacist the library has no field for (it knows community pharmacy).
HOSPITAL_PHARMACIST = {
    "role": "Lead pharmacist, acute trust",
    "expertise": "Hospital pharmacy",
    "subtopics": "aseptic services\nmedicines shortages",
    "audience": "patients and GPs",
}


def plan_of(work, rung=2, goals=("expert", "network")):
    rows = theme_rows(suggest_themes(work, list(goals), LIB))
    answers = {
        "work": work,
        "comfort": {"rung": rung, "channels": ["linkedin", "x"], "time": "30-min"},
        "goals": {"goals": list(goals)},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "time_zone": "UTC"},
        "situations": {},
    }
    return build_plan(answers, LIB, seed=7, today=date(2026, 11, 30))


@pytest.mark.parametrize(
    ("topic", "kind"),
    [
        ("medicines shortages", kinds.PROBLEM),
        ("Runway incursions", kinds.PROBLEM),
        ("handover delays", kinds.PROBLEM),
        ("waiting lists", kinds.PROBLEM),
        ("frequent callers", kinds.PEOPLE),
        ("young carers (under 18)", kinds.PEOPLE),
        ("Pharmacy First consultations", kinds.ACTIVITY),
        ("nitrogen management", kinds.ACTIVITY),
        ("patient safety", kinds.ACTIVITY),
        # The head noun comes before a preposition: a condition, not the people it affects.
        ("malnutrition in older adults", kinds.PROBLEM),
        ("frailty in the community", kinds.PROBLEM),
        ("women with complex needs", kinds.PEOPLE),
        ("dysphagia", kinds.PROBLEM),
        ("stammering in children", kinds.PROBLEM),
        ("diabetic foot ulcers", kinds.PROBLEM),
        ("social media", kinds.ACTIVITY),
        ("acceptance criteria", kinds.ACTIVITY),
        ("care of older people", kinds.ACTIVITY),
        ("", kinds.ACTIVITY),
    ],
)
def test_a_sub_topic_is_read_as_work_a_pressure_or_people(topic, kind):
    assert kinds.topic_kind(topic) == kind


def test_a_pressure_gets_premises_written_for_a_pressure():
    """Nobody "gets medicines shortages wrong": a shortage gets its last case, what
    patients and GPs can do about it and what changed this year."""
    assert LIB.field_for(HOSPITAL_PHARMACIST, ()) is None
    plan = plan_of(HOSPITAL_PHARMACIST)
    theme = next(t for t in plan.outline if t.key == "template:pressure:medicines shortages")
    hooks = [i.hook for i in theme.ideas]
    # A pharmacist's cases are patients': the story is a composite, never one recent case.
    assert "Medicines shortages: a composite case, start to finish, drawn from many" in hooks
    assert not any("one recent case" in h for h in hooks)
    assert any(
        h.startswith("What patients and GPs can do about medicines shortages") for h in hooks
    )
    every = " ".join(i.hook for i in plan.ideas).lower()
    assert "mistakes i still see in medicines shortages" not in every
    assert "get medicines shortages wrong" not in every
    assert "a small win with medicines shortages" not in every


def test_an_unknown_pharmacist_keeps_the_healthcare_fence():
    plan = plan_of(HOSPITAL_PHARMACIST)
    slugs = {entry.slug for entry in plan.playbook}
    assert {"patient-story", "clinical-advice-online"} <= slugs, slugs
    fenced = [i for i in plan.ideas if "No patient details" in i.caution]
    assert fenced


def test_people_get_premises_about_what_they_need():
    work = {
        "expertise": "Paramedic practice",
        "subtopics": "frequent callers\ncardiac arrest",
        "audience": "the public and nurses",
    }
    assert LIB.match_expertise(work["expertise"]) is None
    hooks = [i.hook for i in plan_of(work).ideas]
    assert "What frequent callers ask for, and what they usually need" in hooks
    assert not any(
        "work on frequent callers" in h or "with frequent callers this week" in h for h in hooks
    )


@pytest.mark.parametrize("rung", [1, 2, 3, 4, 5])
def test_themes_short_of_posts_take_real_premises_before_stock_openings(rung):
    """A format's stock opening with the sub-topic slotted in ("My checklist for
    soil health, refined after a few painful lessons.") comes last: the unused
    templates' premises about the person's own sub-topics come first."""
    for work in (
        HOSPITAL_PHARMACIST,
        {
            "expertise": "Viticulture",
            "subtopics": "vineyard soil health\nnitrogen management\ncover crops",
            "audience": "growers",
        },
    ):
        plan = plan_of(work, rung=rung)
        stock = [i.hook for i in plan.ideas if i.angle.startswith("tpl:")]
        assert not stock, stock


def test_a_template_angle_no_sub_topic_fits_is_left_out():
    work = {"expertise": "Airport operations", "subtopics": "runway incursions\nfatigue"}
    choices = suggest_themes(work, ["expert"], LIB)
    week = next(c for c in choices if c.key.startswith("template:week:"))
    premises = " ".join(a.premise for a in week.angles)
    assert "A small win with" not in premises  # work, not a pressure, has small wins
    assert "What I take with me when I work on" not in premises
    assert week.angles
    assert all("runway incursions" in a.premise or "fatigue" in a.premise for a in week.angles)


def test_the_library_refuses_an_unknown_kind_of_sub_topic(tmp_path):
    import shutil

    from wizard.library.loader import LibraryError, read_library

    shutil.copytree(LIBRARY_DIR, tmp_path / "library")
    path = tmp_path / "library" / "themes.toml"
    path.write_text(path.read_text().replace('fits = ["people"]', 'fits = ["persons"]'))
    with pytest.raises(LibraryError, match="persons"):
        read_library(tmp_path / "library")


def test_a_community_pharmacist_is_no_longer_unknown():
    """The library's own field: the seven Pharmacy First pathways and Serious
    Shortage Protocols, not premises built from the words typed."""
    assert LIB.field_for(PHARMACIST, ()).slug == "community-pharmacy"
    plan = plan_of(PHARMACIST)
    keys = [t.key for t in plan.outline]
    assert "area:community-pharmacy:pharmacy-first" in keys
    assert "area:community-pharmacy:shortages" in keys
    text = " ".join(" ".join((i.hook, *i.outline)) for i in plan.ideas)
    assert "Pharmacy First is seven pathways" in text
    assert not any(i.angle.startswith(("tpl:", "spare:")) for i in plan.ideas)
    assert {"patient-story", "clinical-advice-online"} <= {e.slug for e in plan.playbook}


@pytest.mark.parametrize("rung", [2, 3, 5])
def test_premises_taken_to_fill_a_theme_never_open_like_another_idea(rung):
    """'A mistake with planting plans …' is not taken to fill a theme when the plan's
    mistakes theme already opens 'A mistake with play spaces …'."""
    for expertise, topics, audience in (
        ("Landscape architecture", "planting plans\nplay spaces\nstreet trees", "councillors"),
        ("Viticulture", "vineyard soil health\nnitrogen management\ncover crops", "growers"),
        (
            "Museum curation",
            "object loans\nexhibition interpretation\ncollections care",
            "visitors",
        ),
    ):
        work = {"expertise": expertise, "subtopics": topics, "audience": audience}
        assert LIB.match_expertise(expertise) is None
        plan = plan_of(work, rung=rung)
        # A theme holds only its share of a template's premises (themes.
        # TEMPLATE_ANGLES), so it may need no spare premise at all.
        spares = [i for i in plan.ideas if i.angle.startswith("spare:")]
        for idea in spares:
            opening = " ".join(idea.hook.lower().split()[:3])
            same = [i.hook for i in plan.ideas if i.hook.lower().startswith(opening)]
            assert same == [idea.hook], same


@pytest.mark.parametrize(
    ("work", "sectors"),
    [
        ({"expertise": "Aseptic pharmacy services"}, ("healthcare",)),
        ({"expertise": "Sonographer"}, ("healthcare",)),
        ({"expertise": "Health visitor"}, ("healthcare",)),
        ({"expertise": "Practice management", "audience": "patients and GPs"}, ("healthcare",)),
        ({"expertise": "Practice management", "audience": "dental patients"}, ("healthcare",)),
        # The audience counts for its patients alone: selling to hospitals is not care.
        ({"expertise": "Office furniture supply", "audience": "hospital procurement teams"}, ()),
        ({"expertise": "Practice management", "audience": "architects"}, ()),
    ],
)
def test_an_unknown_field_is_placed_in_healthcare_by_its_words_or_its_patients(work, sectors):
    assert LIB.field_for(work, ()) is None
    assert field_sectors(None, work, LIB) == sectors


def test_a_case_story_is_a_composite_where_cases_are_confidential():
    """A clinician's, a lawyer's or a vet's "one recent case" would identify
    someone: their sectors mark cases confidential, and the template's story
    becomes a composite across many; a baker keeps the recent case."""
    for role in ("Occupational therapist", "Paramedic, ambulance service"):
        work = {"expertise": "Falls prevention", "role": role, "subtopics": "falls"}
        hooks = [a.premise for t in suggest_themes(work, ["expert"], LIB) for a in t.angles]
        assert not any("one recent case" in h or "A recent piece of work" in h for h in hooks)
        assert any("a composite case" in h for h in hooks), hooks
        asks = " ".join(a.ask for t in suggest_themes(work, ["expert"], LIB) for a in t.angles)
        assert "last month" not in asks
    baker = {"expertise": "Artisan baking", "role": "Baker", "subtopics": "flour shortages"}
    hooks = [a.premise for t in suggest_themes(baker, ["expert"], LIB) for a in t.angles]
    assert "Flour shortages: one recent case, start to finish" in hooks
    assert {s.slug for s in LIB.sectors if s.composite_cases} >= {"healthcare", "legal"}
