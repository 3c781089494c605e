"""The setup week's profile line, About and tags read like a practitioner's:
what they do, a marked gap for their credential and years, a point of view as
bold as their rung, and the tags their field really uses."""

from __future__ import annotations

import re
from datetime import date

import pytest

from wizard.generators.setup import (
    about_sentence,
    credential_gap,
    field_tags,
    point_of_view,
    profile_line,
    setup_week,
    topic_tag,
)
from wizard.library import load_library
from wizard.library.schema import field_problems

LIB = load_library()
AREAS = {area.slug: area for area in LIB.areas}

PEOPLE = [
    # slug, role, field, sub-topics, audience, country
    (
        "midwifery",
        "Community midwife",
        "midwifery",
        ["antenatal care", "birth choices", "postnatal mental health"],
        "other midwives and student midwives",
        "GB",
    ),
    (
        "payroll",
        "Payroll manager",
        "payroll",
        ["multi-state payroll", "year-end W-2s", "garnishments"],
        "HR and finance leaders",
        "US",
    ),
    (
        "quantity-surveying",
        "Senior quantity surveyor",
        "quantity surveying",
        ["cost planning", "NEC4 contracts", "final accounts"],
        "clients and architects",
        "GB",
    ),
    (
        "treasury",
        "Treasury analyst",
        "treasury",
        ["cash forecasting", "FX hedging", "bank relationships"],
        "finance peers",
        "US",
    ),
]


def week(person, rung: int):
    slug, role, field, topics, audience, country = person
    area = AREAS[slug]
    return setup_week(
        first_post=date(2026, 12, 8),
        role=role,
        expertise=field,
        subtopics=topics,
        audience=audience,
        area=area,
        channels=["linkedin"],
        minutes_a_week=120,
        country=country,
        rung=rung,
        theme=area.themes[0],
    )


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p[0])
def test_the_about_is_no_longer_the_stock_sentence(person):
    made = week(person, 3)
    assert "Here I share what I learn about" not in made.about
    assert "[number] years" in made.about  # a marked gap for their years
    # The profile line leads with the job, not "Role · Field · sub-topics".
    role, field = person[1], person[2]
    assert made.profile_line.startswith(role)
    assert f" · {field.capitalize()} · " not in made.profile_line


@pytest.mark.parametrize(
    ("slug", "country", "gap"),
    [
        ("midwifery", "GB", "[RM]"),
        ("midwifery", "IE", "[RM]"),
        ("midwifery", "US", "[CNM or CPM]"),
        ("payroll", "US", "[CPP or FPC]"),
        ("payroll", "GB", "[MCIPP]"),
        ("quantity-surveying", "GB", "[MRICS or FRICS]"),
        ("treasury", "US", "[CTP]"),
        ("treasury", "GB", "[AMCT or MCT]"),
        ("structural-engineering", "GB", "[CEng MIStructE]"),
        ("structural-engineering", "US", "[PE or SE]"),
    ],
)
def test_the_credential_gap_is_the_fields_own_for_the_country(slug, country, gap):
    assert credential_gap(AREAS[slug].credentials, country) == gap


def test_no_credential_gap_where_the_library_knows_none():
    bare = next(area for area in LIB.areas if not area.credentials)
    assert credential_gap(bare.credentials, "GB") == ""
    about = about_sentence("Data engineer", "data engineering", ["pipelines"], "peers", rung=1)
    assert "[" in about and about.count("[") == 1  # the years only


def test_the_credential_shows_in_the_profile_line_and_the_about():
    made = week(PEOPLE[0], 1)
    assert made.profile_line.startswith("Community midwife, [RM] · ")
    assert made.about.startswith("I'm a community midwife ([RM], [number] years in midwifery)")


def test_the_about_is_as_bold_as_the_rung():
    midwife = week(PEOPLE[0], 1).about
    assert "My view" not in midwife and "I've learned" not in midwife
    assert "I'm starting to share what I learn about antenatal care" in midwife
    theme = AREAS["payroll"].themes[0]
    bold = about_sentence("Payroll manager", "payroll", ["garnishments"], "HR", rung=5, view="x.")
    shy = about_sentence("Payroll manager", "payroll", ["garnishments"], "HR", rung=1, view="x.")
    assert bold != shy
    assert "disagree" in bold and "disagree" not in shy
    view = point_of_view(theme, 5, "US")
    assert view.startswith("My view: ")
    premises = {angle.premise.lower() for angle in theme.angles}
    assert view.removeprefix("My view: ").rstrip(".").lower() in premises


def test_the_point_of_view_comes_from_the_first_theme():
    qs = AREAS["quantity-surveying"]
    views = [point_of_view(theme, 4, "GB") for theme in qs.themes]
    assert any(views)
    for theme, view in zip(qs.themes, views, strict=True):
        if view:  # a theme with no premise that states a view gives no line, not its title
            said = view.removeprefix("My view: ").rstrip(".").lower()
            assert said in {a.premise.lower() for a in theme.angles}
    assert point_of_view(None, 4) == ""
    # Rungs 1-2 state no view: the About says what they share, not a heading.
    assert point_of_view(AREAS["midwifery"].themes[0], 1) == ""


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p[0])
def test_tags_are_the_fields_own_not_glued_sub_topics(person):
    made = week(person, 3)
    area = AREAS[person[0]]
    assert made.tags[0].lower() == "#" + area.name.lower().replace(" ", "")
    for tag in (*area.hashtags,):
        assert tag in made.tags
    invented = {"#YearEndW2s", "#NEC4Contracts", "#BirthChoices", "#CashForecasting"}
    assert not invented & set(made.tags)
    # At most one tag from a sub-topic, and only a single established term.
    own = {t.lower() for t in (f"#{area.name.replace(' ', '')}", *area.hashtags)}
    extra = [t for t in made.tags if t.lower() not in own]
    assert len(extra) <= 1


def test_a_sub_topic_tag_is_a_single_established_term():
    terms = ["NEC4", "compensation event", "cash"]
    assert topic_tag("garnishments", terms) == "#Garnishments"
    assert topic_tag("NEC4 contracts", terms) == "#NEC4"
    assert topic_tag("cash forecasting", terms) == ""  # an everyday word is no tag
    assert topic_tag("year-end W-2s", terms) == ""
    assert field_tags("payroll", ["multi-state payroll", "garnishments"], AREAS["payroll"]) == (
        "#Payroll",
        "#Garnishments",
    )


def test_the_schema_refuses_a_tag_with_spaces_and_an_overlong_credential():
    path = "wizard/library/expertise/midwifery.toml"
    import tomllib

    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    data = tomllib.loads(text)
    families = {f.slug for f in LIB.families}
    sectors = {s.slug for s in LIB.sectors}
    assert not [
        p
        for p in field_problems("midwifery", data, text, families, sectors)
        if p.startswith(("hashtags", "credentials"))
    ]
    broken = {**data, "hashtags": ["#Birth choices"], "credentials": ["x" * 60]}
    problems = field_problems("midwifery", broken, text, families, sectors)
    assert any(p.startswith("hashtags") for p in problems)
    assert any(p.startswith("credentials") for p in problems)


def test_the_profile_line_names_the_field_only_where_the_job_does_not():
    line = profile_line("Security engineer", "cybersecurity", ["threat modeling"])
    assert line == "Security engineer · threat modeling in cybersecurity"
    assert re.fullmatch(
        r"Payroll manager · garnishments",
        profile_line("Payroll manager", "payroll", ["garnishments"]),
    )


def test_a_view_in_the_first_person_keeps_its_capital_i():
    class Angle:
        premise = "I'd rather see the records than the summary"
        kinds = ("opinion",)
        countries = ()

    class Theme:
        title = "Records"
        angles = (Angle(),)

    assert point_of_view(Theme(), 4) == "My view: I'd rather see the records than the summary."
