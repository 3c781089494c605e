"""A guarded person's story of their own mistake is told as the lesson in their
sector's words: a midwife's is a composite of many cases with no patient or
named unit, a solicitor's keeps out the matter and anything privileged, and a
guarded sector without a line of its own falls back on the general one."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from tests.library_edits import refusal_of_edit
from tests.test_calendar_opening import MIDWIFE, answers
from wizard.generators.fences import LESSON_CAUTION
from wizard.generators.plan import _lesson, build_plan
from wizard.library import load_library
from wizard.library.loader import Sector

LIB = load_library()
SOLICITOR = {
    "role": "Employment solicitor",
    "expertise": "employment law",
    "subtopics": "unfair dismissal\nsettlement agreements\nTUPE",
    "audience": "HR managers and other employment lawyers",
}


def _lessons(work: dict, rung: int = 2) -> list[str]:
    plan = build_plan(answers(work, rung, "GB"), LIB, seed=1, today=date(2026, 11, 30))
    return [i.caution for i in plan.ideas if "Tell it as the lesson" in i.caution]


def test_a_midwifes_story_carries_the_healthcare_lesson_not_the_employers_cost():
    healthcare = LIB.sector("healthcare").lesson
    lessons = _lessons(MIDWIFE)
    assert lessons
    for caution in lessons:
        assert healthcare in caution
        assert "composite of many cases" in caution and "patient" in caution
        assert "what it cost your employer" not in caution


def test_a_solicitors_story_carries_the_legal_lesson():
    legal = LIB.sector("legal").lesson
    lessons = _lessons(SOLICITOR)
    assert lessons
    for caution in lessons:
        assert legal in caution and "privileged" in caution
        assert LESSON_CAUTION not in caution


def test_every_guarded_sector_tells_its_lesson_in_its_own_words():
    guarded = [s for s in LIB.sectors if s.guarded]
    assert guarded and all(s.lesson for s in guarded), [s.slug for s in guarded if not s.lesson]
    assert len({s.lesson for s in guarded}) == len(guarded)
    assert not [s.slug for s in LIB.sectors if s.lesson and not s.guarded]


def _sector(slug: str, guarded: bool, lesson: str = "") -> Sector:
    return Sector(slug, slug, "", "A fence.", (), (), guarded=guarded, lesson=lesson)


def test_a_guarded_sector_without_its_own_line_falls_back_on_the_general_one():
    sectors = {
        "quiet": _sector("quiet", guarded=True),
        "open": _sector("open", guarded=False),
        "own": _sector("own", guarded=True, lesson="Tell it as the lesson: our own words."),
    }
    library = SimpleNamespace(sector=sectors.get)
    assert _lesson(["quiet"], library) == LESSON_CAUTION
    assert _lesson(["open"], library) == ""
    assert _lesson(["open", "quiet", "own"], library) == "Tell it as the lesson: our own words."


def _refused(tmp_path, old: str, new: str) -> str:
    return refusal_of_edit(tmp_path, "sectors.toml", old, new)


def test_the_loader_refuses_a_lesson_of_two_sentences(tmp_path):
    legal = f'lesson = "{LIB.sector("legal").lesson}"'
    refused = _refused(tmp_path, legal, 'lesson = "Tell it as the lesson. Twice."')
    assert "lesson: one sentence ending in a full stop" in refused


def test_the_loader_refuses_a_lesson_on_a_sector_that_is_not_guarded(tmp_path):
    fence = f'fence = "{LIB.sector("recruiting").fence}"'
    refused = _refused(tmp_path, fence, fence + '\nlesson = "Tell it as the lesson."')
    assert "lesson: only a guarded sector's stories carry one" in refused
