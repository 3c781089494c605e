"""British or American spelling for a person's plan (wizard/generators/spelling.py)."""

import dataclasses
import re
from datetime import date

import pytest

from wizard.exports.ics import slot_description
from wizard.exports.markdown_doc import framework_markdown
from wizard.generators import plan as plan_module
from wizard.generators.plan import KEEP_SPELLING, build_plan
from wizard.generators.spelling import (
    AMERICAN,
    BRITISH,
    PROTECTED,
    respell,
    respell_tree,
    spelling_for,
    word_map,
)
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()


def uk(text: str) -> str:
    return respell(text, BRITISH)


def us(text: str) -> str:
    return respell(text, AMERICAN)


# --- the map -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("american", "british"),
    [
        ("criticizes", "criticises"),
        ("organization", "organisation"),
        ("reorganization", "reorganisation"),
        ("prioritize", "prioritise"),
        ("recognized", "recognised"),
        ("analyze", "analyse"),
        ("behavior", "behaviour"),
        ("behaviors", "behaviours"),
        ("neighboring", "neighbouring"),
        ("rumors", "rumours"),
        ("labor", "labour"),
        ("favorite", "favourite"),
        ("center", "centre"),
        ("centered", "centred"),
        ("theater", "theatre"),
        ("modeling", "modelling"),
        ("labeling", "labelling"),
        ("canceled", "cancelled"),
        ("counselor", "counsellor"),
        ("enrollment", "enrolment"),
        ("defense", "defence"),
        ("offense", "offence"),
        ("license", "licence"),
        ("pediatric", "paediatric"),
        ("anesthesia", "anaesthesia"),
        ("skeptical", "sceptical"),
        ("recognizable", "recognisable"),
        ("organizational", "organisational"),
        ("sulfur", "sulphur"),
        ("plowing", "ploughing"),
        ("cataloging", "cataloguing"),
        ("catalog", "catalogue"),
        ("moldy", "mouldy"),
        ("cannibalization", "cannibalisation"),
        ("notarized", "notarised"),
        ("notarization", "notarisation"),
    ],
)
def test_the_map_goes_both_ways(american, british):
    assert uk(american) == british
    assert us(british) == american
    assert uk(british) == british  # already British: left alone
    assert us(american) == american


def test_every_word_in_the_map_round_trips():
    british = word_map(BRITISH)
    american = word_map(AMERICAN)
    for us_word, uk_word in british.items():
        assert us_word == us_word.lower() and us_word != uk_word
        if not uk_word.endswith("yses"):  # analyses: a plural noun too, see below
            assert american[uk_word] == us_word, (us_word, uk_word)


def test_words_that_are_the_same_in_both_stay():
    for word in ("size", "seize", "prize", "advertise", "expertise", "exercise", "practice"):
        assert uk(word) == word
        assert us(word) == word
    # humorous, laborious, vigorous are spelled one way everywhere
    assert uk("humorous, laborious and vigorous") == "humorous, laborious and vigorous"


def test_plural_nouns_that_look_like_verbs_stay():
    assert us("interim analyses and dialyses") == "interim analyses and dialyses"
    assert uk("she analyzes the analyses") == "she analyses the analyses"


def test_american_readers_get_program_practice_and_license():
    assert us("a programme board") == "a program board"
    assert us("Programmes of work") == "Programs of work"
    assert us("practise what you preach; a licence") == "practice what you preach; a license"
    assert us("good judgement") == "good judgment"


# --- case and whole words ------------------------------------------------------------


def test_case_is_kept():
    assert uk("Organize your week") == "Organise your week"
    assert uk("organize your week") == "organise your week"
    assert uk("Behavior change. Behavior again") == "Behaviour change. Behaviour again"
    assert us("Behaviour change") == "Behavior change"
    # A capital after a line break, a colon or an opening quote still opens a sentence.
    assert uk("Tip:\nOrganize") == "Tip:\nOrganise"
    assert uk("One thing: “Center stage”") == "One thing: “Centre stage”"
    assert us("Program manager · Programme management") == "Program manager · Program management"


def test_acronyms_and_shouted_words_are_left_alone():
    assert uk("ANALYZE and analyze") == "ANALYZE and analyse"


def test_whole_words_only():
    assert uk("Colorado, centerpiece and behaviorism") == "Colorado, centerpiece and behaviorism"
    assert uk("the organizer's notes") == "the organiser's notes"
    assert uk("patient-centered care, behavior-led") == "patient-centred care, behaviour-led"
    assert uk("rumors.") == "rumours."


def test_a_capitalised_word_inside_a_sentence_is_a_name():
    text = "Read the Apache License, ask the DevOps Center, or see Threat Modeling Manifesto."
    assert uk(text) == text
    assert uk("the Labor Day weekend and labor law") == "the Labor Day weekend and labour law"


# --- what is never touched ---------------------------------------------------------


@pytest.mark.parametrize("name", PROTECTED)
def test_protected_names_are_kept_wherever_they_stand(name):
    for text in (f"{name} says so.", f"Ask the {name}.", f"{name.lower()} as well"):
        assert uk(text) == text
        assert us(text) == text


def test_protected_names_in_a_sentence_that_respells_the_rest():
    assert uk("The World Health Organization criticized the behavior.") == (
        "The World Health Organization criticised the behaviour."
    )
    assert uk("Center for Devices and Radiological Health: its center of gravity") == (
        "Center for Devices and Radiological Health: its centre of gravity"
    )
    assert uk("Organization for Economic Co-operation and Development; organization") == (
        "Organization for Economic Co-operation and Development; organisation"
    )
    assert uk("Federal Program rules for a compliance program") == (
        "Federal Program rules for a compliance programme"
    )
    assert (
        us("The Ministry of Defence and our defence") == "The Ministry of Defence and our defense"
    )


@pytest.mark.parametrize(
    "token",
    [
        "https://example.org/organization/behavior?color=gray",
        "www.center.org/labeling",
        "privacy@organization.com",
        "/var/lib/organization",
        "~/behavior/center",
        "organization_id",
        "utils.organize",
        "colorScheme",
        "`normalize()`",
        "#behavior",
        "@organization",
    ],
)
def test_urls_and_code_like_tokens_are_never_touched(token):
    text = f"See {token} for the organization"
    assert uk(text) == f"See {token} for the organisation"


# --- program and license ---------------------------------------------------------


def test_program_is_programme_only_where_it_cannot_mean_software():
    assert uk("a compliance program and the program board") == (
        "a compliance programme and the programme board"
    )
    assert uk("residency programs, a speak-up program") == (
        "residency programmes, a speak-up programme"
    )
    assert uk("an immunization program") == "an immunisation programme"
    assert uk("Program managers meet") == "Programme managers meet"
    for software in (
        "a program that crashes",
        "run the program",
        "the COBOL program",
        "your program using it",
    ):
        assert uk(software) == software


def test_license_is_a_noun_in_british_spelling_and_a_verb_stays():
    assert uk("check the license on images; licenses expire") == (
        "check the licence on images; licences expire"
    )
    assert uk("we need to license the code; they will license it") == (
        "we need to license the code; they will license it"
    )


# --- who reads which ----------------------------------------------------------------


@pytest.mark.parametrize("country", ["GB", "IE", "AU", "NZ", "ZA", "IN", "SG", "HK", "MT", "CY"])
def test_commonwealth_countries_read_british(country):
    assert spelling_for(country) == BRITISH


@pytest.mark.parametrize("country", ["US", "PH", "PR"])
def test_americans_read_american(country):
    assert spelling_for(country) == AMERICAN


@pytest.mark.parametrize("country", ["", "DE", "CA", "FR", "JP", "??"])
def test_everyone_else_reads_the_text_as_written(country):
    assert spelling_for(country) == ""
    assert respell("organization and behaviour", spelling_for(country)) == (
        "organization and behaviour"
    )


# --- the tree walk -----------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class _Leaf:
    key: str
    text: str
    lines: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class _Tree:
    title: str
    leaves: tuple[_Leaf, ...]
    again: tuple[_Leaf, ...]
    labels: dict
    count: int = 0


def test_respell_tree_skips_keys_and_keeps_shared_parts_shared():
    leaf = _Leaf(key="color-behavior", text="Behavior", lines=("a color", "plain"))
    plain = _Leaf(key="x", text="nothing here")
    tree = _Tree("Organize", (leaf, plain), (leaf,), {"behavior": "favorite"}, 3)
    new = respell_tree(tree, BRITISH, skip={"key"})
    assert new.title == "Organise"
    assert new.leaves[0] == _Leaf("color-behavior", "Behaviour", ("a colour", "plain"))
    assert new.leaves[0] is new.again[0]  # one idea, one object
    assert new.leaves[1] is plain  # nothing to respell: the same object
    assert new.labels == {"behavior": "favourite"}  # keys of a mapping stay
    assert respell_tree(tree, "") is tree


# --- whole plans -----------------------------------------------------------------


def _answers(role, expertise, subtopics, audience, country):
    work = {
        "role": role,
        "expertise": expertise,
        "subtopics": "\n".join(subtopics),
        "audience": audience,
    }
    rows = theme_rows(suggest_themes(work, ["expert", "learning"], LIB))
    for n, row in enumerate(rows, start=1):
        row.update(include=True, weeks=2, order=n)
    return {
        "work": work,
        "comfort": {"rung": 3, "channels": ["linkedin", "blog", "events"], "time": "2-hours"},
        "goals": {"goals": ["expert", "learning"]},
        "tone": {"humour": 3, "formality": 4, "respect": 2, "enthusiasm": 3, "pairs": []},
        "themes": {
            "themes": rows,
            "start_date": "2027-01-04",
            "post_time": "08:30",
            "time_zone": "UTC",
            "country": country,
            "quiet_period": True,
        },
        "situations": {},
    }


def _text(value, out=None) -> str:
    """Every string a plan holds (and its sentences made on reading), in one text."""
    out = [] if out is None else out
    if isinstance(value, str):
        out.append(value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name not in KEEP_SPELLING:
                _text(getattr(value, f.name), out)
    elif isinstance(value, (tuple, list)):
        for item in value:
            _text(item, out)
    elif isinstance(value, dict):
        for item in value.values():
            _text(item, out)
    return "\n".join(out)


def _plan(answers, monkeypatch=None, as_written=False):
    if as_written:
        monkeypatch.setattr(plan_module, "spelling_for", lambda country: "")
    return build_plan(answers, LIB, seed=7, today=date(2026, 11, 30))


def _full_text(plan) -> str:
    """The plan's words; hashtags (made from the person's own words) are tags, not words."""
    text = "\n".join([_text(plan), plan.pace, plan.days_off_line, *plan.review.questions])
    return re.sub(r"#\w+", "", text)


NURSE = ("Staff nurse", "Nursing", ["infection prevention", "patient safety"], "Other nurses")
# A nurse who writes about posting in public: their plan holds the theme whose
# premise says "anonymized" (a staff nurse's plan otherwise leaves it for last).
NURSE_IN_PUBLIC = (
    "Staff nurse",
    "Nursing",
    ["infection prevention", "social media"],
    "Other nurses",
)


def test_a_uk_nurse_reads_british_spelling(monkeypatch):
    plan = _plan(_answers(*NURSE, "GB"))
    text = _full_text(plan).lower()
    assert plan.spelling == BRITISH
    for american in ("criticize", "behavior", "organization", "neighboring", "rumors"):
        assert american not in text
    assert "criticises" in text and "behaviour" in text and "organisation" in text
    # The same plan as written has them: the spelling pass is what takes them out.
    written = _full_text(_plan(_answers(*NURSE, "GB"), monkeypatch, as_written=True)).lower()
    assert "criticize" in written and "behavior" in written and "organization" in written


def test_respelling_changes_no_key_no_slot_and_no_typed_answer(monkeypatch):
    british = _plan(_answers(*NURSE, "GB"))
    written = _plan(_answers(*NURSE, "GB"), monkeypatch, as_written=True)
    assert [i.key for i in british.ideas] == [i.key for i in written.ideas]
    assert [i.angle for i in british.ideas] == [i.angle for i in written.ideas]
    assert [(s.day, s.idea.key) for s in british.slots] == [
        (s.day, s.idea.key) for s in written.slots
    ]
    assert [t.key for t in british.outline] == [t.key for t in written.outline]
    assert [e.slug for e in british.playbook] == [e.slug for e in written.playbook]
    assert british.tone.lines[0].dimension == written.tone.lines[0].dimension
    # A slot's idea is the very idea of its theme, as before.
    by_key = {i.key: i for i in british.ideas}
    assert all(s.idea is by_key[s.idea.key] for s in british.slots)


def test_a_us_engineer_reads_american_spelling(monkeypatch):
    engineer = (
        "Programme manager",
        "Programme management",
        ["behaviour change in teams", "how leaders get criticised"],
        "Engineering leaders",
    )
    plan = _plan(_answers(*engineer, "US"))
    text = _full_text(plan).lower()
    assert plan.spelling == AMERICAN
    for british in ("criticise", "behaviour", "programme"):
        assert british not in text
    assert "behavior change" in text and "program" in text
    written = _full_text(_plan(_answers(*engineer, "US"), monkeypatch, as_written=True)).lower()
    assert "behaviour" in written and "criticised" in written and "programme" in written


def test_a_plan_elsewhere_keeps_the_text_as_written(monkeypatch):
    german = _plan(_answers(*NURSE, "DE"))
    assert german.spelling == ""
    assert "behavior" in _full_text(german).lower()


def test_the_markdown_and_the_calendar_read_the_plans_spelling(monkeypatch):
    def outputs(plan) -> str:
        events = [slot_description(s, "https://example.org/f", "Open:") for s in plan.slots]
        return "\n".join([framework_markdown(plan), *events, *(s.idea.hook for s in plan.slots)])

    british = outputs(_plan(_answers(*NURSE_IN_PUBLIC, "GB"))).lower()
    for american in ("criticize", "behavior", "organization", "rumors", "anonymized"):
        assert american not in british
    assert "behaviour" in british and "anonymised" in british
    as_written = _plan(_answers(*NURSE_IN_PUBLIC, "GB"), monkeypatch, as_written=True)
    written = outputs(as_written).lower()
    assert "behavior" in written and "anonymized" in written


def test_every_page_and_file_of_a_uk_nurse_reads_british(walk, client):
    token = walk.complete(
        {
            "work": {
                "role": "Staff nurse",
                "expertise": "Nursing",
                "subtopics": "infection prevention\nsocial media",
                "audience": "other nurses",
            },
            "themes": {"country": "GB", "time_zone": "Europe/London"},
        }
    )
    british = {
        "": "criticises",
        "/ideas?show=all": "anonymised",
        "/print": "criticises",
        "/framework.md": "criticises",
        "/calendar.ics": "",
    }
    for page, word in british.items():
        response = client.get(f"/f/{token}{page}")
        assert response.status_code == 200, page
        text = response.get_data(as_text=True).lower()
        for american in ("criticize", "behavior", "organization", "rumors", "anonymized"):
            assert american not in text, (page, american)
        assert word in text, page
