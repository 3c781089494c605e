"""The tone section at each comfort rung, in each field's own terms.

Rungs 3, 4 and 5 used to read one sentence ("You sound like someone people
already come to") whatever the field, and a nurse, a recruiter and a solicitor
were all told to say "we measured". Each rung now says how much of a view the
person puts forward, in their field's words and inside its fence, and the
words that sound like a calm writer are their field's.
"""

from __future__ import annotations

import re

import pytest

from tests.test_tone import assert_voice_file_refuses
from wizard.generators.tone import field_defaults, tone_profile
from wizard.library import load_library
from wizard.library.voice import PRESENCE_RUNGS, load_voice

LIBRARY = load_library()
VOICE = load_voice()
CALM = {"humour": 4, "formality": 2, "respect": 2, "enthusiasm": 5}

# (field slug, the readers they name) for fields of eight families.
PEOPLE = {
    "nurse": ("nursing", "other nurses"),
    "recruiter": ("recruiting-talent-acquisition", "hiring managers and other recruiters"),
    "solicitor": ("employment-law", "HR managers and other employment lawyers"),
    "electrician": ("electrical-contracting", "homeowners and landlords"),
    "backend engineer": ("backend-engineering", "other backend engineers"),
    "actuary": ("actuarial", "other actuaries"),
    "teacher": ("teaching", "other teachers"),
    "drug safety physician": ("pharmacovigilance", "other drug safety physicians"),
}


def _tone(person: str, rung: int, tone=None, audience: str | None = None, goals=("expert",)):
    slug, readers = PEOPLE[person]
    area = LIBRARY.area(slug)
    return tone_profile(
        tone or field_defaults(area.family, area.sectors),
        LIBRARY,
        field=slug,
        family=area.family,
        sectors=area.sectors,
        concepts=area.concepts,
        rung=rung,
        audience=readers if audience is None else audience,
        goals=goals,
    )


def _presence(person: str, rung: int) -> str:
    slug, _ = PEOPLE[person]
    area = LIBRARY.area(slug)
    return VOICE.presence_for(slug, area.family, area.sectors, rung)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


@pytest.mark.parametrize("person", PEOPLE)
def test_each_rung_reads_differently(person):
    summaries = [_tone(person, rung).summary for rung in range(1, 6)]
    assert len(set(summaries)) == 5, summaries
    views = [_presence(person, rung) for rung in (1, 3, 4, 5)]
    assert len(set(views)) == 4, views
    # Rung 3 takes a view on one point, rung 4 a clear position in the first line,
    # rung 5 argues it as in a talk and disagrees with peers in public.
    assert "one" in views[1] and "first line" in views[2]
    assert re.search(r"\b(talk|conference|congress|event|meeting)\b", views[3]), views[3]
    assert "disagree" in views[3] or "challenge" in views[3]


def test_the_field_keeps_its_fence_at_every_rung():
    """A rung-5 solicitor still never comments on a live matter, a rung-5 nurse
    never on a patient, a teacher never names a student."""
    fences = {
        "solicitor": "live matter",
        "nurse": "patient",
        "teacher": "student",
        "recruiter": "candidate",
        "actuary": "customer",
    }
    for person, fence in fences.items():
        for rung in range(1, 6):
            assert fence in _presence(person, rung), (person, rung)
    planner = LIBRARY.area("town-planning")
    for rung in range(1, 6):
        view = VOICE.presence_for(planner.slug, planner.family, planner.sectors, rung)
        assert "live application" in view, rung


def test_the_field_s_terms_carry_through_the_rungs():
    """The nurse's patterns across many patients are still there at rung 3;
    the electrician speaks to other trades at rung 5."""
    assert "patterns across many patients" in _presence("nurse", 3)
    assert "across many hires" in _presence("recruiter", 3)
    assert "other trades" in _presence("electrician", 5)
    assert "engineers" in _presence("backend engineer", 5)


def test_a_calm_writer_at_the_top_rungs_is_calm_not_quiet():
    for person in PEOPLE:
        for rung in (4, 5):
            calm = _tone(person, rung, tone=CALM).summary
            assert "Calm but not quiet: you " in calm, (person, rung, calm)
        assert "Calm but not quiet" not in _tone(person, 3, tone=CALM).summary


def test_the_second_rung_adds_a_line_of_its_own():
    """Rungs 1 and 2 share the field's first steps; rung 2 already shares other
    people's posts, so it hears the next step."""
    first, second = _tone("nurse", 1).summary, _tone("nurse", 2).summary
    assert "add a line of your own" in second and "add a line of your own" not in first


def test_every_rung_of_every_field_reads_as_plain_sentences():
    """At most one "and" a sentence, no three words said twice in the summary,
    with the evidence sentence beside it."""
    for area in LIBRARY.areas:
        for rung in range(1, 6):
            summary = tone_profile(
                CALM,
                LIBRARY,
                field=area.slug,
                family=area.family,
                sectors=area.sectors,
                rung=rung,
                goals=("expert",),
            ).summary
            view = VOICE.presence_for(area.slug, area.family, area.sectors, rung)
            assert view in summary or view[1:] in summary, (area.slug, rung)
            for sentence in _sentences(view):
                assert len(re.findall(r"\band\b", sentence)) <= 1, (area.slug, rung, sentence)
            words = re.findall(r"[a-z'-]+", summary.lower())
            trigrams = list(zip(words, words[1:], words[2:], strict=False))
            repeated = {t for t in trigrams if trigrams.count(t) > 1}
            assert not repeated, (area.slug, rung, repeated, summary)


def test_every_field_with_its_own_first_steps_has_every_rung():
    for rung in PRESENCE_RUNGS:
        for kind, table in VOICE.presence.items():
            assert set(table) <= set(VOICE.presence_by_rung[rung].get(kind, {})), (rung, kind)


# The families whose people measure things on a bench, a system or a dataset.
MEASURING = {"software", "data-ai", "infrastructure", "hardware", "legacy-modernisation"}


def test_only_fields_that_measure_are_told_to_say_we_measured():
    """ "we measured" and "in our case" were every calm writer's words: a
    solicitor's "in our case" reads as a live matter, a nurse does not measure."""
    for area in LIBRARY.areas:
        tone = tone_profile(
            CALM, LIBRARY, field=area.slug, family=area.family, sectors=area.sectors
        )
        assert "in our case" not in tone.use_words, area.slug
        if area.family not in MEASURING:
            assert "we measured" not in tone.use_words, area.slug


def test_a_calm_writer_hears_the_words_of_their_own_field():
    words = {person: _tone(person, 3, tone=CALM).use_words for person in PEOPLE}
    assert {"the audit showed", "on our unit"} <= set(words["nurse"])
    assert "this quarter's hires" in words["recruiter"]
    assert "in practice" in words["solicitor"]
    assert "we measured" in words["backend engineer"]
    assert "test readings" in words["electrician"]
    assert "precise verbs such as assessed, escalated, documented" in words["nurse"]
    assert "precise verbs such as selected, projected, tested" in words["actuary"]
    assert not any("measured" in w for w in words["solicitor"])
    # Each of the eight hears a list no other one does.
    assert len({tuple(w) for w in words.values()}) == len(PEOPLE)


def test_readers_typed_in_the_first_person_are_spoken_to_as_yours():
    summary = _tone("nurse", 3, audience="other nurses on my unit").summary
    assert "other nurses on your unit" in summary and " my unit" not in summary


def test_readers_outside_the_field_are_not_told_colleagues_come_back():
    peers = _tone("nurse", 3).summary
    outsiders = _tone("nurse", 3, audience="patients and families").summary
    assert "that is what colleagues come back for" in peers
    assert "come back for" not in outsiders
    assert "You name the guideline, the audit figure or the published evidence" in outsiders


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("[own_words.fields.nursing]", "[own_words.fields.nursinq]", "unknown 'nursinq'"),
        (
            'enthusiasm.right_use = ["the audit showed", "on our unit"',
            'enthusiasm.middle_use = ["the audit showed", "on our unit"',
            "is not a list of",
        ),
        ('\nhealthcare = "You take a view', '\n# healthcare = "You take a view', "lacks"),
    ],
)
def test_the_voice_file_refuses_words_or_rungs_it_cannot_place(
    tmp_path, monkeypatch, old, new, message
):
    assert_voice_file_refuses(tmp_path, monkeypatch, old, new, message)


def test_a_teacher_leaves_out_students_not_a_service_s_people():
    """The public family's "names of the people your service deals with" read
    oddly beside a teacher's own "students' names, faces or work"."""
    avoid = _tone("teacher", 3, tone=CALM).avoid_words
    assert "students' names, faces or work" in avoid
    assert "names of the people your service deals with" not in avoid
    science = LIBRARY.area("science-teaching")
    avoid = tone_profile(
        CALM, LIBRARY, field=science.slug, family=science.family, sectors=science.sectors
    ).avoid_words
    assert "names of the people your service deals with" not in avoid
    assert "party-political labels" in avoid


def test_peers_typed_as_mine_are_still_peers():
    """ "my colleagues and hospital managers" was read as outsiders only."""
    mixed = _tone("nurse", 3, audience="my colleagues and hospital managers").summary
    assert "Your readers mix your colleagues with hospital managers" in mixed
    peers = _tone("nurse", 3, audience="Our fellow nurses").summary
    assert "Writing for your fellow nurses, you can use the field's own terms" in peers


def test_safety_critical_operations_keep_live_occurrences_out():
    """An air traffic controller and a signalling engineer heard the operations
    family's "naming no client or supplier"; theirs is a live occurrence."""
    for slug, fence in (("air-traffic-control", "occurrence"), ("railway-signalling", "incident")):
        area = LIBRARY.area(slug)
        for rung in range(1, 6):
            view = VOICE.presence_for(slug, area.family, area.sectors, rung)
            assert fence in view and "supplier" not in view, (slug, rung, view)


def _unknown_field_examples(rung: int) -> list[str]:
    """The example lines a field the library does not know hears at ``rung``."""
    tone = tone_profile(
        field_defaults(None), LIBRARY, family=None, rung=rung, audience="other people in my field"
    )
    return [line.example for line in tone.lines] + [line.counter for line in tone.lines]


def test_a_field_outside_the_library_hears_examples_that_step_up_with_the_rung():
    first, third, fifth = (_unknown_field_examples(rung) for rung in (2, 3, 5))
    assert not set(first) & set(fifth)
    assert third != first and third != fifth
    assert _unknown_field_examples(1) == first
    assert _unknown_field_examples(4) == fifth
    # Someone who argues in public with peers is never shown following the standard way.
    assert not any("follow it most of the time" in line for line in fifth)
    assert any("follow it most of the time" in line for line in first)


def test_a_fields_own_examples_hold_at_every_rung():
    for slug in VOICE.fields:
        own = VOICE.for_field(slug, LIBRARY.area(slug).family, LIBRARY.area(slug).sectors)
        for dimension, sentences in VOICE.fields[slug]["examples"].items():
            for rung in (1, 3, 5):
                assert own.examples_at(rung)[dimension] == sentences, (slug, rung)
