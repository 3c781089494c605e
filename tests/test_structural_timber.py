"""A structural engineer who works on timber frames and retrofit gets timber
material of the field (CLT, charring, moisture, connections, the new Eurocode 5)
and a retrofit post on what they test in an existing frame, not a template's
"test or trial"; their words to leave out are a structural engineer's, not
contaminated land's; and one theme does not post gateway 2 twice."""

from __future__ import annotations

import re
from datetime import date

import pytest

from wizard.generators.plan import build_plan
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()

WORK = {
    "role": "Structural engineer",
    "expertise": "structural engineering",
    "subtopics": "timber frames\nretrofit",
    "audience": "other people in my field",
}


@pytest.fixture(scope="module")
def plan():
    rows = [r for r in theme_rows(suggest_themes(WORK, ["expert"], LIB)) if r.get("include")]
    answers = {
        "work": WORK,
        "comfort": {"rung": 4, "channels": ["linkedin"], "time": "2-hours"},
        "goals": {"goals": ["expert", "speaking"]},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "country": "GB"},
        "situations": {},
    }
    return build_plan(answers, LIB, seed=3, today=date(2026, 11, 30))


def test_timber_frames_get_the_field_s_timber_theme(plan):
    assert "area:structural-engineering:timber" in {t.key for t in plan.outline}
    text = " ".join(" ".join((i.hook, *i.outline)) for i in plan.ideas)
    assert re.search(r"\bCLT\b", text) and "charring" in text.lower()


def test_retrofit_is_the_field_s_own_testing_not_a_template_s(plan):
    lines = [line for i in plan.ideas for line in (i.hook, *i.outline)]
    assert not any("test or trial you do before you commit" in line for line in lines)
    premises = {a.premise for t in LIB.area("structural-engineering").themes for a in t.angles}
    assert any("retrofit" in p and "carbonation" in p for p in premises)


def test_a_structural_engineer_s_words_to_leave_out_are_their_own(plan):
    avoid = plan.tone.avoid_words
    assert not any("toxic" in w for w in avoid), avoid
    assert sum("client's" in w and "address" in w for w in avoid) == 1, avoid


def test_one_theme_posts_gateway_2_once(plan):
    for theme in plan.outline:
        posts = [i for i in theme.ideas if "gateway" in i.hook.lower()]
        assert len(posts) <= 1, [i.hook for i in posts]
