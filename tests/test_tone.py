"""The tone profile: examples people can hear, words, channels, field defaults."""

from __future__ import annotations

import itertools
import re

import pytest

from wizard.generators.tone import field_defaults, fits_tone, is_formal_field, tone_profile
from wizard.library import load_library
from wizard.library.voice import DIMENSIONS, load_voice
from wizard.steps import initial_tone

LIBRARY = load_library()
VOICE = load_voice()


def settings(humour=3, formality=3, respect=3, enthusiasm=3, pairs=()):
    """Tone answers as the tone step stores them."""
    return {
        "humour": humour,
        "formality": formality,
        "respect": respect,
        "enthusiasm": enthusiasm,
        "pairs": list(pairs),
    }


def test_every_family_in_the_library_has_a_voice():
    families = {area.family for area in LIBRARY.areas}
    assert families <= set(VOICE.families), families - set(VOICE.families)
    for family in VOICE.families.values():
        for dimension in DIMENSIONS:
            left, middle, right = family.examples[dimension]
            assert len({left, middle, right}) == 3, (family.slug, dimension)


def test_each_dimension_shows_this_and_the_other_end_in_the_field():
    tone = tone_profile(
        settings(humour=5, formality=1, respect=1, enthusiasm=5), LIBRARY, family="life-sciences"
    )
    humour = next(line for line in tone.lines if line.dimension == "humour")
    examples = VOICE.family("life-sciences").examples["humour"]
    assert humour.example == examples[2]  # serious
    assert humour.counter == examples[0]  # the funny end
    assert humour.counter_label == "Funny"
    formality = next(line for line in tone.lines if line.dimension == "formality")
    assert formality.example == VOICE.family("life-sciences").examples["formality"][0]
    assert formality.counter_label == "Casual"


def test_examples_differ_by_field_family():
    software = tone_profile(settings(enthusiasm=5), LIBRARY, family="software")
    drug_safety = tone_profile(settings(enthusiasm=5), LIBRARY, family="life-sciences")
    assert [ln.example for ln in software.lines] != [ln.example for ln in drug_safety.lines]
    assert not set(ln.example for ln in software.lines) & set(
        ln.example for ln in drug_safety.lines
    )


def test_unknown_field_hears_the_general_examples():
    tone = tone_profile(settings(humour=1), LIBRARY, family=None)
    assert tone.lines[0].example == VOICE.family("general").examples["humour"][0]


def test_matter_of_fact_writer_is_told_to_leave_hype_out():
    tone = tone_profile(settings(enthusiasm=5), LIBRARY, family="software")
    assert "game-changer" in tone.avoid_words
    assert "numbers" in tone.use_words
    warm = tone_profile(settings(enthusiasm=1), LIBRARY, family="software")
    assert "game-changer" not in warm.avoid_words


def test_formal_writer_is_told_to_leave_slang_out_and_field_words_join_in():
    tone = tone_profile(
        settings(formality=1),
        LIBRARY,
        family="life-sciences",
        concepts=("MedDRA", "ICSR", "PSUR/PBRER", "signal detection", "QPPV"),
    )
    assert "gonna" in tone.avoid_words
    assert "breakthrough" in tone.avoid_words  # the field's own
    assert tone.field_terms[:2] == ("MedDRA", "ICSR")
    assert tone.explain_terms == ("ICSR", "PSUR/PBRER", "QPPV")


def test_each_chosen_channel_gets_a_line_and_only_those():
    tone = tone_profile(settings(), LIBRARY, family="software", channels=("x", "linkedin"))
    names = [name for name, _line in tone.channel_lines]
    assert names == ["X (Twitter)", "LinkedIn"]
    assert "shorter" in tone.channel_lines[0][1].lower()
    assert "first two lines" in tone.channel_lines[1][1]
    assert tone_profile(settings(), LIBRARY, channels=()).channel_lines == ()


def test_formal_fields_start_formal_and_serious():
    assert is_formal_field("life-sciences")
    assert is_formal_field("software", sectors=("medical-devices",))
    assert not is_formal_field("software")
    start = field_defaults("finance")
    assert start["humour"] >= 4 and start["formality"] <= 2 and start["enthusiasm"] >= 4
    assert field_defaults("software", ("healthcare",))["formality"] <= 2


def test_serious_and_respectful_is_not_pushed_back_in_a_formal_field():
    answers = settings(humour=5, formality=1, respect=1, enthusiasm=5)
    assert tone_profile(answers, LIBRARY, family="life-sciences").advice == ""
    # The same far ends in a field that does not lean formal get the hint.
    assert tone_profile(answers, LIBRARY, family="software").advice
    # A jokey physician still gets it.
    assert tone_profile(settings(humour=1), LIBRARY, family="life-sciences").advice
    # Serious and matter-of-fact are never pushed back on.
    assert tone_profile(settings(humour=5, enthusiasm=5), LIBRARY, family="software").advice == ""


def test_the_tone_step_starts_from_the_field_and_a_programme_wins():
    area = next(a for a in LIBRARY.areas if is_formal_field(a.family, a.sectors))
    answers = {"work": {"expertise": area.name}}
    assert initial_tone(answers) == field_defaults(area.family, area.sectors)

    class Limit:
        dimension, default, low, high = "humour", 2, 1, 3

    assert initial_tone(answers, (Limit(),))["humour"] == 2
    assert initial_tone({"work": {"expertise": "zxqv underwater basket weaving"}})["formality"] == 4


@pytest.mark.parametrize(
    "opening",
    ["TIL that error budgets run out", "Hot take: postmortems are theatre", "Shipped it!! 🎉"],
)
def test_a_serious_matter_of_fact_writer_gets_no_casual_openings(opening):
    assert not fits_tone(opening, settings(humour=5, enthusiasm=5))
    assert fits_tone(opening, settings(humour=1, formality=5, respect=5, enthusiasm=1))


def test_plain_openings_suit_everyone():
    for combo in itertools.product(range(1, 6), repeat=4):
        positions = dict(zip(DIMENSIONS, combo, strict=True))
        assert fits_tone(
            "Serious is not severe: the difference decides the 15-day clock", positions
        )


def _sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


@pytest.mark.parametrize("family", ["software", "life-sciences", "general"])
def test_every_setting_reads_as_plain_correct_sentences(family):
    pair_sets = [(), ("confident-not-cocky", "expert-not-bossy", "calm-not-cold")]
    for combo in itertools.product(range(1, 6), repeat=4):
        for pairs in pair_sets:
            tone = tone_profile(settings(*combo, pairs=pairs), LIBRARY, family=family)
            summary = tone.summary
            assert summary.endswith("."), summary
            assert "  " not in summary and "None" not in summary
            for sentence in _sentences(summary):
                assert len(re.findall(r"\band\b", sentence)) <= 1, summary
            words = re.findall(r"[a-z'-]+", summary.lower())
            trigrams = list(zip(words, words[1:], words[2:], strict=False))
            assert len(trigrams) == len(set(trigrams)), summary
            assert not re.search(r"\b(\w+) \1\b", summary), summary
            for pair in tone.pairs:
                assert " but not " in pair and pair[0].isupper()


def _plan(tone, expertise="Pharmacovigilance", rung="3"):
    from datetime import date

    from wizard.generators.plan import build_plan
    from wizard.generators.themes import suggest_themes, theme_rows

    work = {"expertise": expertise, "subtopics": "signal detection\ncase processing"}
    rows = theme_rows(suggest_themes(work, ["expert", "learning"], LIBRARY))
    answers = {
        "work": work,
        "comfort": {"rung": rung, "channels": ["linkedin", "x"], "time": "2-hours"},
        "goals": {"goals": ["expert", "learning"]},
        "tone": tone,
        "themes": {"themes": rows},
    }
    return build_plan(answers, LIBRARY, seed=7, today=date(2026, 11, 30))


@pytest.mark.parametrize("expertise", ["Pharmacovigilance", "Frontend engineering", "Payroll"])
def test_ideas_keep_a_serious_matter_of_fact_tone(expertise):
    serious = settings(humour=5, formality=2, respect=1, enthusiasm=5)
    plan = _plan(serious, expertise)
    assert plan.ideas
    for idea in plan.ideas:
        assert fits_tone(idea.hook, serious), idea.hook
        assert fits_tone(idea.format_name, serious), idea.format_name
        assert not idea.hook.lower().startswith(("til", "hot take"))


def test_a_light_casual_writer_may_get_today_i_learned():
    light = settings(humour=1, formality=5, respect=4, enthusiasm=2)
    serious = settings(humour=5, formality=2, respect=1, enthusiasm=5)
    for expertise in ("Frontend engineering", "Pharmacovigilance", "Payroll", "SAP"):
        casual_formats = {i.format_name for i in _plan(light, expertise, rung="2").ideas}
        serious_formats = {i.format_name for i in _plan(serious, expertise, rung="2").ideas}
        assert "Today I learned" not in serious_formats
        if "Today I learned" in casual_formats:
            return
    pytest.fail("no light, casual writer got a 'Today I learned' idea in four fields")


def test_fields_with_their_own_voice_are_heard_in_it():
    slugs = {area.slug for area in LIBRARY.areas}
    assert set(VOICE.fields) <= slugs, set(VOICE.fields) - slugs
    firmware = tone_profile(
        settings(humour=5), LIBRARY, field="medical-device-software", family="life-sciences"
    )
    assert "SOUP" in firmware.lines[0].example
    assert "the company's products" not in firmware.avoid_words
    assert "breakthrough" in firmware.avoid_words  # the family's list still holds
    drug_safety = tone_profile(
        settings(humour=5), LIBRARY, field="pharmacovigilance", family="life-sciences"
    )
    assert "ICH E2A" in drug_safety.lines[0].example
    clinical = tone_profile(
        settings(humour=5), LIBRARY, field="clinical-operations", family="life-sciences"
    )
    assert clinical.lines[0].example == VOICE.family("life-sciences").examples["humour"][2]
    assert not {ln.example for ln in clinical.lines} & {ln.example for ln in drug_safety.lines}


def test_a_plan_hears_its_own_field():
    plan = _plan(settings(humour=5, formality=2, respect=2, enthusiasm=4), "Payroll manager")
    assert "payday" in plan.tone.lines[0].example
