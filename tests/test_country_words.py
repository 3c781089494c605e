"""Words that differ between American and British English, not only in
spelling: a US reader of a field outside the library is never told to crop
"number plates", asked what "the films" get wrong or warned off "a tribunal";
a UK reader is not sent to "Meetups"."""

from __future__ import annotations

from datetime import date

import pytest

from wizard.generators.plan import build_plan
from wizard.generators.spelling import AMERICAN, BRITISH, VOCABULARY, respell
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()


def plan_text(work, country, rung, goals):
    rows = theme_rows(suggest_themes(work, list(goals), LIB))
    answers = {
        "work": {**work, "country": country},
        "comfort": {"rung": rung, "channels": ["linkedin"], "time": "2-hours"},
        "goals": {"goals": list(goals)},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "country": country},
        "situations": {},
    }
    return repr(build_plan(answers, LIB, seed=5, today=date(2026, 11, 30)))


@pytest.mark.parametrize(("american", "british"), VOCABULARY)
def test_a_word_choice_follows_the_reader(american, british):
    assert respell(f"Crop out {american} first.", BRITISH) == f"Crop out {british} first."
    assert respell(f"Crop out {british} first.", AMERICAN) == f"Crop out {american} first."
    assert respell(f"{american.capitalize()} first.", BRITISH) == f"{british.capitalize()} first."


def test_a_us_reader_hears_american_words():
    work = {
        "role": "Wind turbine technician",
        "expertise": "wind turbine maintenance",
        "subtopics": "blade inspection\ntower rescue",
    }
    text = plan_text(work, "US", 2, ("expert", "hiring"))
    for word in ("number plate", "the films", "tribunal"):
        assert word not in text, word
    assert "license plates" in text


def test_a_uk_reader_is_not_sent_to_meetups():
    work = {
        "role": "Ecologist",
        "expertise": "ecological consultancy",
        "subtopics": "bat surveys\nhabitat assessments",
    }
    text = plan_text(work, "GB", 5, ("expert", "speaking"))
    assert "Meetups" not in text
    assert "number plates" in text
