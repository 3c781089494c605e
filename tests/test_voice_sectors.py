"""A field's own voice for its people in one sector (voice.toml's `sector`).

A charity's public affairs manager and a civil servant share the public
policy field; one campaigns for a change, the other stays neutral, so the
charity's people hear their own sentences.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_tone import assert_voice_file_refuses
from wizard.generators.plan import build_plan
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library
from wizard.library.voice import DIMENSIONS, load_voice

LIBRARY = load_library()
VOICE = load_voice()
TONE = {"humour": 4, "formality": 3, "respect": 2, "enthusiasm": 4, "pairs": []}


def _tone(role: str, expertise: str = "Public policy"):
    """The tone profile of a plan built for ``role`` in ``expertise``."""
    work = {"expertise": expertise, "role": role, "subtopics": "social housing\nselect committees"}
    rows = theme_rows(suggest_themes(work, ["expert"], LIBRARY))
    answers = {
        "work": work,
        "comfort": {"rung": "1", "channels": ["linkedin"], "time": "30-min"},
        "goals": {"goals": ["expert"]},
        "tone": TONE,
        "themes": {"themes": rows, "country": "GB"},
    }
    return build_plan(answers, LIBRARY, seed=7, today=date(2026, 11, 30)).tone


def _sentences(tone) -> str:
    return " ".join(f"{line.example} {line.counter}" for line in tone.lines)


def test_a_charity_public_affairs_manager_hears_a_campaigner_not_a_civil_servant():
    charity = _tone("Public affairs manager at a housing charity")
    text = _sentences(charity)
    assert "our advice line" in text and "campaigned for" in text
    for official in (
        "The consultation received",
        "Policy teams work under real constraints",
        "the options we weighed",
        "percent",
    ):
        assert official not in text, official
    assert "names of the people your service deals with" not in charity.avoid_words
    assert "support for or against a party or a candidate" in charity.avoid_words
    assert "party-political labels" in charity.avoid_words
    # A civil servant of the same field keeps the neutral sentences.
    official = _tone("Policy adviser in a government department")
    assert "our advice line" not in _sentences(official)
    assert "options we weighed" in _sentences(official)


def test_the_sector_entry_reads_over_the_field_and_the_family():
    field = VOICE.for_field("public-policy", "public")
    charity = VOICE.for_field("public-policy", "public", ("charities-campaigning",))
    for dimension in DIMENSIONS:
        assert charity.examples[dimension] != field.examples[dimension]
    # Another field in the same sector, or the field in another, is unchanged.
    assert VOICE.for_field("higher-education", "public", ("charities-campaigning",)) == (
        VOICE.for_field("higher-education", "public")
    )
    assert VOICE.for_field("public-policy", "public", ("public-sector",)) == field


def test_a_field_keeps_only_the_family_words_it_names():
    lecturer = VOICE.for_field("higher-education", "public")
    assert "names of the people your service deals with" not in lecturer.avoid
    assert "campaign slogans" not in lecturer.avoid
    assert "party-political labels" in lecturer.avoid
    # A field that names none keeps all of its family's.
    assert set(VOICE.family("public").avoid) <= set(
        VOICE.for_field("archives-records", "public").avoid
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('sector = "charities-campaigning"', 'sector = "charity-shops"', "unknown sector"),
        (
            'family_avoid = ["party-political labels"]\n[fields.examples]\nhumour = [\n  "Our evidence',
            'family_avoid = ["party politics"]\n[fields.examples]\nhumour = [\n  "Our evidence',
            "no family avoids",
        ),
        ('sector = "charities-campaigning"\n', "", "listed twice"),
    ],
)
def test_the_voice_file_refuses_a_sector_entry_it_cannot_place(
    tmp_path, monkeypatch, old, new, message
):
    assert_voice_file_refuses(tmp_path, monkeypatch, old, new, message)
