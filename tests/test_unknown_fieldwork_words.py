"""Fieldwork named with a document's word ("watching briefs", "site surveys")
is work the person does, not written work someone reads later: an
ecologist is never asked "Who reads my bat surveys", nor an archaeologist
"Who reads my watching briefs". Written work
("grant proposals", "safety cases", "discharge summaries") still reads as
written work."""

from __future__ import annotations

import pytest

from tests.test_unknown_safety import plan_of
from wizard.generators import topic_kind as kinds
from wizard.generators.themes import spare_template_angles
from wizard.library import load_library

LIB = load_library()


@pytest.mark.parametrize(
    "topic",
    ["watching briefs", "site surveys", "bat surveys", "walkover surveys", "field assessments"],
)
def test_fieldwork_named_with_a_documents_word_is_not_written_work(topic):
    assert kinds.RECORD not in kinds.topic_kinds(topic)
    assert kinds.ACTIVITY in kinds.topic_kinds(topic)


@pytest.mark.parametrize(
    "topic",
    [
        "grant proposals",
        "safety cases",
        "discharge summaries",
        "design briefs",
        "risk assessments",
        "case notes",
        "watching brief reports",
    ],
)
def test_written_work_still_reads_as_written_work(topic):
    assert kinds.RECORD in kinds.topic_kinds(topic)


@pytest.mark.parametrize(
    ("work", "fieldwork"),
    [
        (
            {
                "role": "Ecologist",
                "expertise": "ecological consultancy",
                "subtopics": "bat surveys\nwalkover surveys",
            },
            "bat surveys",
        ),
        (
            {
                "role": "Archaeologist",
                "expertise": "commercial archaeology",
                "subtopics": "watching briefs\npost-excavation",
            },
            "watching briefs",
        ),
    ],
    ids=["ecologist, a field outside the library", "archaeologist"],
)
def test_fieldwork_is_never_read_as_a_document_someone_reads(work, fieldwork):
    """An ecologist's field is outside the library, so her plan is built from the
    templates; an archaeologist's has its own guide, and neither is asked who
    reads their fieldwork."""
    plan = plan_of(work, 5)
    texts = [t.title for t in plan.outline] + [i.hook for i in plan.ideas]
    texts += [a.premise for a in spare_template_angles(work, LIB, [])]
    for text in texts:
        assert not any(
            phrase in text.lower()
            for phrase in (f"who reads my {fieldwork}", f"first lines of my {fieldwork}")
        ), text
        assert f"in {fieldwork}" not in text or "words" not in text.lower(), text


def test_the_ecologist_is_outside_the_library():
    """The template case above only tests the templates while the field is unknown."""
    assert LIB.match_expertise("ecological consultancy") is None
