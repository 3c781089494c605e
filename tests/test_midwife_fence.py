"""A midwife's home birth kit checklist keeps out what the playbook warns about:
photos of the kit or the car, the area she covers, and posting on call."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from tests.test_calendar_opening import MIDWIFE, answers
from wizard.generators.fences import split_fence
from wizard.generators.plan import build_plan
from wizard.library import load_library
from wizard.library.loader import LIBRARY_DIR, read_library
from wizard.library.schema import LibraryError

LIB = load_library()


def test_the_home_birth_kit_idea_keeps_out_photos_the_area_and_on_call_days():
    work = {**MIDWIFE, "subtopics": "home births\nplace of birth"}
    plan = build_plan(answers(work, 1, "GB"), LIB, seed=1, today=date(2026, 11, 30))
    ideas = [
        i for t in plan.outline for i in t.ideas if i.angle.endswith("home-birth-kit-checklist")
    ]
    assert ideas, [t.title for t in plan.outline]
    for idea in ideas:
        assert (
            "No photos of the kit or car, no medicines listed, no area named, never on an on-call day"
            in idea.caution
        )
        assert not any("photos" in step for step in idea.outline)


def test_the_kit_angle_carries_its_own_keep_out_line_not_a_tail_on_its_point():
    midwifery = next(a for a in LIB.areas if a.slug == "midwifery")
    kit = next(
        x for t in midwifery.themes for x in t.angles if x.slug == "home-birth-kit-checklist"
    )
    assert (
        kit.fence
        == "No photos of the kit or car, no medicines listed, no area named, never on an on-call day"
    )
    assert not [p for p in kit.points if "; no " in p or "photos" in p]
    # The post lists no medicines: a drugs list in a car is a lone-working risk.
    assert not [p for p in kit.points if "drug" in p.lower() or "medicine" in p.lower()]


def test_no_angle_ends_a_point_on_a_fence_tail():
    tails = [
        (area.slug, angle.slug, point)
        for area in LIB.areas
        for theme in area.themes
        for angle in theme.angles
        for point in angle.points
        if all(split_fence(angle.premise, point))
    ]
    assert tails == []


def test_the_loader_refuses_an_angle_fence_written_as_a_tail(tmp_path):
    target = tmp_path / "library"
    shutil.copytree(LIBRARY_DIR, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = target / "expertise" / "midwifery.toml"
    own = 'fence = "No photos of the kit or car, no medicines listed, no area named, never on an on-call day"'
    assert own in path.read_text()
    path.write_text(path.read_text().replace(own, 'fence = "no photos; no area named"'))
    with pytest.raises(LibraryError, match=r"midwifery.toml: .*\.fence: one clause"):
        read_library(target)
