"""The setup week's About reads as the person would write it: what their work
is in their field's own words, what they share about their own sub-topics and
for whom, as plain as rung 1 or as pointed as rung 5, never a theme's title
slotted into a sentence; and a field outside the library gets English too."""

from __future__ import annotations

import re
from datetime import date

import pytest

from wizard.generators.plan import build_plan
from wizard.generators.setup import about_sentence, plural, point_of_view, setup_week
from wizard.generators.text import lower_first
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library
from wizard.library.schema import field_problems

LIB = load_library()
AREAS = {area.slug: area for area in LIB.areas}


def about_of(area, rung: int, audience: str = "other people in my field", country: str = "US"):
    """The About a practitioner of ``area`` gets, naming its first sub-topics."""
    return setup_week(
        first_post=date(2026, 12, 7),
        role="Team lead",
        expertise=area.name,
        subtopics=list(area.subtopics[:2]),
        audience=audience,
        area=area,
        channels=["linkedin"],
        minutes_a_week=120,
        country=country,
        rung=rung,
        theme=area.themes[0],
        themes=area.themes[1:],
    ).about


def plan_about(work: dict, rung: int, country: str = "US") -> str:
    rows = theme_rows(suggest_themes(work, ["expert"], LIB))
    answers = {
        "work": work,
        "comfort": {"rung": rung, "channels": ["linkedin"], "time": "2-hours"},
        "goals": {"goals": ["expert"]},
        "tone": {},
        "themes": {
            "themes": rows,
            "start_date": "2026-12-07",
            "time_zone": "UTC",
            "country": country,
        },
        "situations": {},
    }
    return build_plan(answers, LIB, seed=7, today=date(2026, 11, 30)).setup.about


@pytest.mark.parametrize("rung", [1, 2, 3, 4, 5])
def test_no_theme_title_is_slotted_into_the_about(rung):
    """ "What I come back to most: signals, not noise" reads as a heading pasted
    in; a theme is named through the person's sub-topics, or not at all."""
    for area in LIB.areas:
        # The field's words for its work and the person's own sub-topics may share a
        # title's words ("dashboards people use"): what is left must hold no title.
        # A premise stated as a view may name a theme's subject in lower case ("for
        # many anxious patients …"), as a person would; never as a heading.
        about = about_of(area, rung)
        for own in (area.about, *area.subtopics[:2]):
            about = re.sub(re.escape(own), "", about, flags=re.IGNORECASE)
        framing = re.split(r"My view: |One thing I've learned: ", about)[0]
        for theme in area.themes:
            title = theme.title.split(":")[0]
            if len(title.split()) > 1:
                assert not re.search(rf"[^.:] {re.escape(title)}", about), (area.slug, title)
                assert lower_first(title) not in framing, (area.slug, title, about)


def test_every_field_says_what_its_work_is_and_the_about_says_it():
    for area in LIB.areas:
        assert area.about, area.slug
        about = about_of(area, 2)
        assert f"My work is {area.about}." in about, about
        # "Other people in my field" are the person's peers: others who do their job.
        assert "my field" not in about, about
        assert "for other team leads" in about, about
        # With no one named, the field's own first readers stand in.
        about = about_of(area, 2, "")
        assert area.audiences[0] in about, about  # "SAP consultants", as the field writes it


def peers_about(role: str, slug: str, audience: str, country: str) -> str:
    """The About of a ``role`` in field ``slug`` who writes for ``audience``."""
    area = AREAS[slug]
    return setup_week(
        first_post=date(2026, 12, 7),
        role=role,
        expertise=area.name,
        subtopics=list(area.subtopics[:1]),
        audience=audience,
        area=area,
        channels=["linkedin"],
        minutes_a_week=120,
        country=country,
        rung=3,
    ).about


def test_other_people_in_my_field_are_peers_not_the_fields_public():
    """A vet who writes for other people in the field writes for other vets, not
    pet owners; an actuary's peers are not the trustees the field advises."""
    vet = peers_about("Veterinary surgeon", "veterinary-medicine", "other people in my field", "IE")
    assert "for other veterinary surgeons" in vet and "pet owners" not in vet, vet
    head = peers_about("Head of pensions", "pensions-actuarial", "peers", "US")
    peers = [a for a in AREAS["pensions-actuarial"].audiences if a.startswith("other ")]
    assert (peers[0] if peers else AREAS["pensions-actuarial"].audiences[0]) in head, head


def test_a_persons_own_audience_wins_over_the_fields():
    area = AREAS["pharmacovigilance"]
    assert "for regulatory affairs teams" in about_of(area, 3, "regulatory affairs teams")


@pytest.mark.parametrize("rung", [1, 2, 3, 4, 5])
def test_the_abouts_sentences_open_with_a_capital_and_end_with_a_full_stop(rung):
    for area in LIB.areas:
        about = about_of(area, rung)
        for sentence in re.split(r"(?<=\.) (?=[A-Z])", about):
            assert sentence[:1].isupper() and sentence.endswith("."), (area.slug, sentence)
        assert ".." not in about and " ," not in about, about


def test_two_people_in_one_field_at_different_rungs_read_different_abouts():
    """A rung-1 physician shares what they learn; a rung-5 one states a view."""
    physician = {
        "role": "Drug safety physician",
        "expertise": "Pharmacovigilance",
        "subtopics": "signal detection\naggregate reports",
        "audience": "clinical researchers",
    }
    shy = plan_about(physician, 1)
    bold = plan_about({**physician, "subtopics": "signal detection\nrisk management plans"}, 5)
    assert shy != bold
    assert "starting to share" in shy and "My view" not in shy, shy
    assert "My view: " in bold and "disagree" in bold, bold
    assert "signal detection and aggregate reports" in shy
    assert "signal detection and risk management plans" in bold
    # Every rung of the same person reads differently.
    abouts = {about_of(AREAS["payroll"], rung) for rung in range(1, 6)}
    assert len(abouts) == 5


def test_a_field_outside_the_library_gets_an_about_in_english():
    beekeeper = {
        "role": "Beekeeper",
        "expertise": "apiculture",
        "subtopics": "varroa\nqueen rearing\noverwintering",
        "audience": "other people in my field",
    }
    assert LIB.field_for(beekeeper, []) is None
    about = plan_about(beekeeper, 2)
    assert about == (
        "I'm a beekeeper ([number] years in apiculture). Now and then I share what I learn"
        " about varroa, queen rearing and overwintering, for other beekeepers."
    ), about
    # Its themes are built from the sub-topics, with headlines for premises: at
    # rung 4 it says it speaks its mind, not "My view: a trend around varroa …".
    bold = plan_about(beekeeper, 4)
    assert bold == (
        "I'm a beekeeper ([number] years in apiculture). I write about varroa, queen rearing"
        " and overwintering for other beekeepers, and say what I'd do and why."
    ), bold


def test_a_view_is_a_statement_not_a_headline():
    """ "Why design check categories get set too low …" is a post's title, not a
    view: the next theme that states one gives it."""
    structural = AREAS["structural-engineering"]
    for theme in structural.themes:
        view = point_of_view(theme, 5, "GB")
        assert not re.match(r"My view: (why|how|what|when) ", view), view
    for area in LIB.areas:
        for theme in area.themes:
            view = point_of_view(theme, 4)
            # A gerund opens a headline ("Replacing …"); "bring" and "during" are no gerunds.
            assert not re.match(r"My view: (?!bring |during )\w+ing ", view.replace("thing", "")), (
                view
            )
    about = plan_about(
        {
            "role": "Structural engineer",
            "expertise": "Structural engineering",
            "subtopics": "temporary works\nRAAC assessments",
            "audience": "architects",
        },
        5,
        "GB",
    )
    assert "My view: " in about, about


def test_a_sub_topic_with_its_own_and_does_not_run_into_the_next():
    about = about_sentence("Team lead", "digital accessibility", ["WCAG", "ARIA and semantics"], "")
    assert "WCAG, and ARIA and semantics" in about, about


def test_code_one_works_on_takes_no_article_but_a_code_of_rules_does():
    about = about_sentence(
        "Team lead", "test automation", ["testing legacy code", "infrastructure as code"], ""
    )
    assert "about testing legacy code and infrastructure as code" in about, about
    assert "the code of ethics" in about_sentence("Interpreter", "x", ["code of ethics"], "")


def test_a_sub_topic_named_for_a_term_of_the_field_keeps_its_capital():
    """A structural engineer writes "Eurocodes"; a line typed "Temporary works" is
    still lower case inside the sentence."""
    structural = AREAS["structural-engineering"]
    made = setup_week(
        first_post=date(2026, 12, 7),
        role="Structural engineer",
        expertise="Structural engineering",
        subtopics=["Temporary works", "Eurocodes"],
        audience="architects",
        area=structural,
        channels=[],
        minutes_a_week=60,
        country="GB",
        rung=1,
    )
    assert "temporary works and Eurocodes" in made.about, made.about
    assert made.profile_line.endswith("· temporary works and Eurocodes"), made.profile_line


def test_plural_jobs():
    assert [plural(w) for w in ("beekeeper", "analyst", "secretary", "coach", "boss")] == [
        "beekeepers",
        "analysts",
        "secretaries",
        "coaches",
        "bosses",
    ]
    about = about_sentence("Court interpreter", "court interpreting", ["glossaries"], "", rung=1)
    assert "for other court interpreters." in about, about
    head = about_sentence("Head of apiary", "apiculture", ["varroa"], "people in my field")
    assert "for people in my field." in head and "apiarys" not in head, head


def test_the_schema_refuses_an_about_that_cannot_follow_my_work_is():
    path = "wizard/library/expertise/payroll.toml"
    import tomllib

    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    data = tomllib.loads(text)
    families = {f.slug for f in LIB.families}
    sectors = {s.slug for s in LIB.sectors}
    assert not field_problems("payroll", data, text, families, sectors)
    for bad in ("Paying people on time", "paying people on time.", "x" * 121):
        problems = field_problems("payroll", {**data, "about": bad}, text, families, sectors)
        assert any(p.startswith("about:") for p in problems), bad


def test_the_print_page_asks_for_the_draft_in_their_own_words_above_the_about(client, walk):
    token = walk.complete()
    html = client.get(f"/f/{token}/print").get_data(as_text=True)
    ask = html.find("Rewrite these in your own words")
    assert 0 < ask < html.find("<dt>About</dt>")
    markdown = client.get(f"/f/{token}/framework.md").get_data(as_text=True)
    ask = markdown.find("Rewrite these in your own words")
    assert 0 < ask < markdown.find("**About:**")
