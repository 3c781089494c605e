"""Ideas and moments that hold in one country reach only the people who live there."""

import re
from datetime import date

import pytest

from tests.field_plans import field_plan
from wizard.generators.plan import build_plan
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library
from wizard.library.loader import Angle, Moment, read_library
from wizard.library.schema import LibraryError

LIB = load_library()
HR = "HR business partnering"
FMLA = "When FMLA leave runs out, the ADA conversation may only be starting"
SIX_MONTHS = (
    "Unfair dismissal protection after six months, not two years: what changes for managers"
)
PROBATION = "Probation reviews that happen on time, now that six months is the line"
WARN = "The WARN Act's 60 days is a floor, and state laws can ask for more"


def plan_for(country: str, *, expertise=HR, subtopics="restructuring consultations", every=True):
    """A plan for a person in ``country`` ("" when they named none): every theme
    of the field, or only the suggested ones."""
    work = {
        "role": "Senior specialist",
        "expertise": expertise,
        "subtopics": subtopics,
        "audience": "line managers and HR peers",
    }
    return field_plan(work, country, every=every)


def texts(plan) -> str:
    return "\n".join(" ".join((i.hook, *i.outline)) for i in plan.ideas)


def test_an_angle_with_countries_holds_only_there():
    us = Angle("a", "A premise", ("x", "y"), ("opinion",), "", countries=("US",))
    anywhere = Angle("b", "Another premise", ("x", "y"), ("opinion",), "")
    assert us.holds_in("US")
    assert not us.holds_in("GB") and not us.holds_in("")
    assert anywhere.holds_in("GB") and anywhere.holds_in("")
    uk = Moment("UK tax year-end", 4, "deadline", ("GB",))
    assert uk.holds_in("GB") and uk.holds_in("UK")  # the country list also offers "UK"
    assert not uk.holds_in("IE")


def test_the_hr_field_tags_its_one_country_ideas():
    area = LIB.area("people-hr")
    tagged = {a.premise: a.countries for t in area.themes for a in t.angles}
    assert tagged[FMLA] == ("US",)
    assert tagged[WARN] == ("US",)
    assert tagged[SIX_MONTHS] == ("GB",)
    assert tagged["The Acas Code of Practice in one page for managers"] == ("GB",)
    assert tagged["Day-one sick pay changes what our absence data is telling us"] == ("GB",)


def test_a_uk_plan_has_the_uk_ideas_and_none_of_the_us_ones():
    plan = plan_for("GB")
    premises = {i.hook for i in plan.ideas} | {i.outline[0] for i in plan.ideas if i.outline}
    words = texts(plan)
    assert SIX_MONTHS in words and PROBATION in words
    assert "FMLA" not in words and "WARN Act" not in words
    assert any("Acas" in p for p in premises)


def test_a_us_plan_has_the_us_ideas_and_none_of_the_uk_ones():
    plan = plan_for("US")
    words = texts(plan)
    # The FMLA angle as a post, or as a comment prompt making one of its points.
    fmla = [i for i in plan.ideas if i.angle == "fmla-ada-interplay"]
    assert (FMLA in words or fmla and "FMLA" in fmla[0].hook) and WARN in words
    for uk_only in ("Acas", "Statutory Sick Pay", "fit note", "six months", "HSE", "Bradford"):
        assert uk_only not in words, uk_only


@pytest.mark.parametrize("country", ["DE", ""])
def test_elsewhere_or_without_a_country_no_tagged_idea_shows(country):
    words = texts(plan_for(country))
    for tagged in ("FMLA", "WARN Act", "Acas", "Statutory Sick Pay", "six months"):
        assert tagged not in words, tagged
    # Every theme still has the field's own ideas for them.
    assert all(theme.ideas for theme in plan_for(country).outline)


def test_a_typed_sub_topic_never_pulls_in_another_country_s_idea():
    # "FMLA" names the US-only angle of a theme the person did not choose.
    plan = plan_for("GB", subtopics="FMLA leave\nonboarding", every=False)
    assert "FMLA leave runs out" not in texts(plan)
    assert "FMLA leave runs out" in texts(
        plan_for("US", subtopics="FMLA leave\nonboarding", every=False)
    )


def test_restructuring_consultations_get_field_ideas_not_a_stock_line():
    for country in ("GB", "US", ""):
        plan = plan_for(
            country, subtopics="restructuring consultations\nabsence management", every=False
        )
        change = next(t for t in plan.outline if t.key == "area:people-hr:change")
        assert all(not i.angle.startswith("tpl:") for i in change.ideas), country
        assert any(
            "restructuring consultation" in " ".join((i.hook, *i.outline)).lower()
            for i in change.ideas
        ), country


def test_moments_of_one_country_reach_only_its_people():
    uk = plan_for("GB", expertise="Payroll", subtopics="year-end").setup.moments
    us = plan_for("US", expertise="Payroll", subtopics="year-end").setup.moments
    assert any("UK tax year-end" in m for m in uk) and not any("W-2" in m for m in uk)
    assert any("W-2" in m for m in us) and not any("UK tax year-end" in m for m in us)
    # PayrollOrg's Congress is a US conference: a UK payroll manager is not sent to it.
    assert any("PayrollOrg" in m for m in us) and not any("PayrollOrg" in m for m in uk)


def _copy_library(tmp_path):
    import shutil

    from wizard.library.loader import LIBRARY_DIR

    target = tmp_path / "library"
    shutil.copytree(LIBRARY_DIR, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


@pytest.mark.parametrize("codes", ['["UK"]', '["usa"]', "[]", '"US"'])
def test_a_bad_country_code_is_refused(tmp_path, codes):
    directory = _copy_library(tmp_path)
    path = directory / "expertise" / "people-hr.toml"
    # An angle's countries (the field's moments may carry countries of their own).
    head, themes = path.read_text().split("[[themes]]", 1)
    themes = themes.replace('countries = ["US"]', f"countries = {codes}", 1)
    path.write_text(f"{head}[[themes]]{themes}")
    with pytest.raises(
        LibraryError, match=r"people-hr.toml: themes\[\d+\].angles\[\d+\].countries"
    ):
        read_library(directory)


def test_a_theme_must_keep_angles_for_a_reader_anywhere(tmp_path):
    directory = _copy_library(tmp_path)
    path = directory / "expertise" / "people-hr.toml"
    text = path.read_text()
    for slug in ("return-to-work-conversation", "oh-referral-questions"):
        text = text.replace(f'slug = "{slug}"\n', f'slug = "{slug}"\ncountries = ["GB"]\n', 1)
    path.write_text(text)
    with pytest.raises(LibraryError, match="angles without countries, need 3"):
        read_library(directory)


PLANNER = {
    "role": "Senior planning officer, district council",
    "expertise": "Town planning",
    "subtopics": "local plans\ndesign codes",
    "audience": "other planners and local developers",
}
US_PLANNING = (
    "zoning ordinance",
    "comprehensive plan",
    "conditional use permit",
    "form-based code",
    "planning commission",
    "variance",
)
GB_PLANNING = (
    "NPPF",
    "section 106",
    "biodiversity net gain",
    "statutory biodiversity metric",
    "green belt",
    "Planning Inspectorate",
    "permitted development",
)


def _watched(plan) -> list[str]:
    """What a plan's comments watch for: each comment prompt's term and each week's
    "posts that mention …" line."""
    terms = [i.topic for i in plan.ideas if i.format_slug == "thoughtful-comment"]
    lines = [w.comments for w in plan.calendar]
    return [t.lower() for t in terms] + [line.lower() for line in lines]


def planner_plan(country: str, rung: int):
    """A UK or US town planner's plan at a comfort rung, every theme of the field."""
    rows = theme_rows(suggest_themes(PLANNER, ["expert"], LIB))
    chosen = [{**r, "include": True, "weeks": 1, "order": n} for n, r in enumerate(rows, 1)]
    answers = {
        "work": dict(PLANNER),
        "comfort": {"rung": rung, "channels": ["linkedin"], "time": "1-hour"},
        "goals": {"goals": ["expert"]},
        "tone": {},
        "themes": {"themes": chosen, "start_date": "2026-12-07", "country": country},
        "situations": {},
    }
    return build_plan(answers, LIB, seed=3, today=date(2026, 11, 30))


@pytest.mark.parametrize(
    ("country", "foreign", "home"), [("GB", US_PLANNING, GB_PLANNING), ("US", GB_PLANNING, ())]
)
def test_a_planner_s_comments_watch_for_their_own_country_s_terms(country, foreign, home):
    """A UK town planner read "One comment this week, on posts that mention zoning
    ordinance or statutory biodiversity metric": zoning ordinances are American."""
    watched = []
    for rung in (1, 2):
        plan = planner_plan(country, rung)
        watched += _watched(plan) + [i.topic.lower() for i in plan.ideas]
    blob = "\n".join(watched)
    for term in foreign:
        assert not re.search(rf"\b{re.escape(term.lower())}\b", blob), (country, term)
    assert not home or any(term.lower() in blob for term in home)


def test_a_concept_tagged_for_a_country_is_abroad_everywhere_else():
    area = next(a for a in LIB.areas if a.slug == "town-planning")
    assert "zoning ordinance" in area.concepts_abroad("GB")
    assert "zoning ordinance" in area.concepts_abroad("UK")
    assert "zoning ordinance" not in area.concepts_abroad("US")
    assert "NPPF" in area.concepts_abroad("US") and "NPPF" not in area.concepts_abroad("GB")
    assert area.concepts_abroad("") == frozenset()
    assert "planning conditions" not in area.concepts_abroad("US")  # untagged: anywhere


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('US = ["zoning bylaw"]', r"concept_countries.US: \['zoning bylaw'\] are not"),
        ('UK = ["NPPF"]', r"concept_countries.UK.countries"),
        ("US = []", r"concept_countries.US: need a list"),
    ],
)
def test_a_bad_concept_countries_table_is_refused(tmp_path, table, message):
    directory = _copy_library(tmp_path)
    path = directory / "expertise" / "town-planning.toml"
    text = path.read_text()
    start = text.index("[concept_countries]")
    end = text.index("[[moments]]")
    path.write_text(text[:start] + f"[concept_countries]\n{table}\n\n" + text[end:])
    with pytest.raises(LibraryError, match=message):
        read_library(directory)
