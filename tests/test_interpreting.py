"""Interpreters and translators have a field guide: their job titles find it, a
programming language's interpreter and software localization do not, every plan
keeps them away from their own assignments, and a US and a UK plan name each
country's own bodies and credentials."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from tests.test_calendar_opening import answers
from wizard.generators.plan import _career_angles, _names_setting, build_plan
from wizard.generators.setup import credential_gap
from wizard.library import load_library
from wizard.library.loader import LIBRARY_DIR, read_library
from wizard.library.schema import LibraryError

LIB = load_library()
FIELD = "interpreting-translation"
FENCE = "Nothing from any assignment you worked on, even a public trial or a published speech"

COURT_US = {
    "role": "Court interpreter",
    "expertise": "Court interpreting",
    "subtopics": "sight translation\nlegal terminology",
    "audience": "other interpreters",
}
PSI_UK = {
    "role": "Public service interpreter",
    "expertise": "Interpreting",
    "subtopics": "police interviews\nmental health appointments",
    "audience": "other interpreters",
}
MEDICAL_US = {
    "role": "Medical interpreter",
    "expertise": "Medical interpreting",
    "subtopics": "VRI\npatient consent",
    "audience": "clinicians and other interpreters",
}


def plan_for(work, rung, country, goals=("expert", "hiring")):
    return build_plan(answers(work, rung, country, goals), LIB, seed=1, today=date(2026, 11, 30))


@pytest.mark.parametrize(
    "typed",
    [
        "Court interpreter",
        "Medical interpreter",
        "Healthcare interpreter",
        "Conference interpreter",
        "Translator",
        "Sign language interpreter",
        "ASL interpreter",
        "BSL interpreter",
        "Public service interpreter",
    ],
)
def test_interpreters_and_translators_find_the_guide(typed):
    area = LIB.match_expertise(typed)
    assert area is not None and area.slug == FIELD, typed


@pytest.mark.parametrize(
    "typed",
    [
        "Python interpreter",
        "Bytecode interpreter",
        "Software localization",
        "Localization engineer",
    ],
)
def test_software_work_does_not(typed):
    assert LIB.match_expertise(typed) is None, typed


def test_a_us_court_interpreter_is_kept_away_from_their_own_assignments():
    plan = plan_for(COURT_US, 1, "US")
    assert plan.area_name == "Interpreting and translation"
    # The playbook opens on the field's own cards, the assignment in the news first.
    slugs = [e.slug for e in plan.playbook]
    assert slugs[0] == "assignment-in-the-news", slugs
    news = plan.playbook[0]
    assert "even once it is public" in " ".join(news.do)
    assert "even when it was heard in open court" in news.summary
    # The idea on the public-comment canon, and every idea that names a trial or a
    # witness, carries the fence as its "Keep out" line.
    ideas = [i for t in plan.outline for i in t.ideas]
    canon = [i for i in ideas if i.angle.endswith("no-public-comment")]
    assert canon, [i.hook for i in ideas]
    for idea in ideas:
        if idea in canon or any(w in idea.hook.lower() for w in ("trial", "witness", "testimony")):
            assert FENCE in idea.caution, idea.hook


def test_us_and_uk_plans_name_their_own_bodies():
    us, uk = plan_for(COURT_US, 1, "US"), plan_for(PSI_UK, 4, "GB")
    us_follow, uk_follow = " ".join(us.setup.follow), " ".join(uk.setup.follow)
    assert "NAJIT" in us_follow and "NRPSI" not in us_follow
    assert "NRPSI" in uk_follow and "NAJIT" not in uk_follow
    us_ideas = " ".join(i.hook for t in us.outline for i in t.ideas)
    uk_ideas = " ".join(i.hook for t in uk.outline for i in t.ideas)
    assert "state court certification" in us_ideas and "DPSI" not in us_ideas
    assert "police interview" in uk_ideas and "state court certification" not in uk_ideas
    assert "[MCIL, MITI or DPSI]" in uk.setup.profile_line


def test_a_credential_of_one_setting_is_offered_only_to_people_in_it():
    court = plan_for(COURT_US, 1, "US")
    medical = plan_for(MEDICAL_US, 2, "US", goals=("expert",))
    # A court interpreter is not asked to fill in a medical or an ASL certificate.
    assert "[" not in court.setup.profile_line, court.setup.profile_line
    assert "[CHI or CMI]" in medical.setup.profile_line
    # A BSL/English interpreter is offered the sign language register, not the DPSI.
    bsl = {
        **PSI_UK,
        "role": "BSL/English interpreter",
        "expertise": "BSL interpreting",
        "subtopics": "team interpreting\nDeaf interpreters",
    }
    assert "[RSLI]" in plan_for(bsl, 3, "GB").setup.profile_line
    # Without a way to tell the setting, a credential of one setting is left out.
    settings = {"CHI (US)": ["medical"]}
    assert credential_gap(["CHI (US)", "CT (US)"], "US", settings) == "[CT]"
    assert credential_gap(["CHI (US)", "CT (US)"], "US", settings, lambda s: True) == "[CHI or CT]"


def test_credential_settings_name_only_the_fields_credentials(tmp_path):
    target = tmp_path / "library"
    shutil.copytree(LIBRARY_DIR, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    guide = target / "expertise" / f"{FIELD}.toml"
    guide.write_text(
        guide.read_text().replace('"CT (US)" = ["translator"]', '"CT" = ["translator"]')
    )
    with pytest.raises(LibraryError, match="'CT' is not in credentials"):
        read_library(target)


def _idea_text(plan):
    """Every idea of a plan, dated or spare, as one lower-case text."""
    return " ".join(
        " ".join((i.hook, *i.outline, i.make_it_yours)) for t in plan.outline for i in t.ideas
    ).lower()


def test_a_us_court_interpreter_reads_court_work_only():
    plan = plan_for(COURT_US, 1, "US")
    ideas = _idea_text(plan)
    # No conference booking, medical certification, sign language or UK routes.
    for elsewhere in ("ciol", "cchi", "nbcmi", "sign language interpreter", "organizer", "booking"):
        assert elsewhere not in ideas, elsewhere
    for theme in plan.outline:
        assert "the UK" not in theme.summary, theme.summary
    # Legal terminology gets terms a US court uses with no equivalent elsewhere.
    assert "arraignment" in ideas and "plea bargain" in ideas
    # The proceeding sets the mode; modes are not a booking choice.
    titles = [t.title for t in plan.outline]
    assert "How the proceeding sets the mode in court" in titles, titles
    follow = " ".join(plan.setup.follow)
    assert "NAJIT" in follow and "state court's interpreter program" in follow
    for body in ("RID", "AIIC", "NCIHC", "CIOL"):
        assert body not in follow, body


def test_hiring_posts_come_from_the_careers_of_the_readers_setting():
    area = LIB.match_expertise("Court interpreter")

    def careers(work, country):
        return " ".join(m.premise for m in _career_angles(area, country, _names_setting(work)))

    court, medical = careers(COURT_US, "US"), careers(MEDICAL_US, "US")
    assert "Staff or per diem" in court and "state court certification" in court
    assert "CCHI" not in court and "sign language" not in court
    assert "CCHI" in medical and "state court certification" not in medical
    # A UK public service interpreter keeps the DPSI route.
    assert "DPSI" in careers(PSI_UK, "GB")


def test_impartiality_is_an_observation_on_the_canon_not_a_story():
    plan = plan_for(COURT_US, 1, "US")
    ideas = [i for t in plan.outline for i in t.ideas if i.angle.endswith("impartiality-sympathy")]
    assert ideas, "the impartiality idea is offered"
    for idea in ideas:
        assert "sympathize with one side" not in idea.hook, idea.hook
    # Told as a story from work, it would read as an admission of bias.
    angle = next(
        a
        for t in LIB.match_expertise("Court interpreter").themes
        for a in t.angles
        if a.slug == "impartiality-sympathy"
    )
    assert "story" not in angle.kinds, angle.kinds


def test_the_tone_examples_fit_a_court_interpreter_too():
    # A court interpreter works beside a team partner at the defense table, not in a booth.
    tone = plan_for(COURT_US, 1, "US").tone
    examples = " ".join((*tone.pairs, *(repr(line) for line in tone.lines)))
    assert "booth" not in examples.lower(), examples


def test_the_sign_languages_day_reaches_sign_language_interpreters():
    def moments(work):
        area = LIB.match_expertise(work["role"])
        return " ".join(m.name for m in area.moments_in(_names_setting(work)))

    asl = {**MEDICAL_US, "role": "ASL interpreter", "expertise": "Sign language interpreting"}
    assert "Sign Languages" not in moments(COURT_US)
    assert "Sign Languages" in moments(asl)
    assert "Translation Day" in moments(COURT_US)


def test_the_codes_compared_are_the_readers_countrys():
    us, uk = _idea_text(plan_for(COURT_US, 1, "US")), _idea_text(plan_for(PSI_UK, 1, "GB"))
    assert "ncsc model code" in us and "nrpsi code" not in us
    assert "najit" not in uk and "nad-rid" not in uk


def test_a_uk_court_interpreter_gets_court_work_in_uk_terms():
    ideas = _idea_text(plan_for(COURT_US, 2, "GB"))
    assert "nrpsi" in ideas and "the proceeding does" in ideas
    assert "najit" not in ideas and "state court" not in ideas
