"""What Byline fills in for a person must pass its own checks.

Step 5 offers themes built from the words of step 1. Whatever step 1 accepts,
at and near every one of its limits, the themes step as Byline fills it in
must be accepted as it stands: a person is never stuck on a field they did
not touch. And every message a form can give is in Byline's words.
"""

from __future__ import annotations

import string

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from tests.pages import wtforms_messages
from wizard.engine import form_answers
from wizard.forms import (
    MAX_QUESTIONS,
    QUESTION_LENGTH,
    SUBTOPIC_LENGTH,
    ThemesForm,
    WorkForm,
)
from wizard.generators.themes import TITLE_LENGTH, fitted_title
from wizard.library import load_library
from wizard.library.loader import OWN_WORDS
from wizard.programme_forms import MAX_COMPANY_THEMES
from wizard.steps import initial_themes, prepare_themes

LETTERS = string.ascii_letters + "éøß-'&/"


def phrase(length: int) -> st.SearchStrategy[str]:
    """Words of letters, exactly ``length`` characters long, starting with a letter."""

    def shape(words: list[str]) -> str:
        text = " ".join(words)
        text = (text * (length // max(len(text), 1) + 1))[:length]
        return ("a" + text[1:]) if text else text

    word = st.text(alphabet=LETTERS, min_size=1, max_size=30)
    return st.lists(word, min_size=1, max_size=12).map(shape)


def near(limit: int) -> st.SearchStrategy[int]:
    """A length at or near a limit (and a short one)."""
    return st.sampled_from([1, 3, limit - 2, limit - 1, limit])


def text_near(limit: int) -> st.SearchStrategy[str]:
    return near(limit).flatmap(phrase)


def expertise() -> st.SearchStrategy[str]:
    """A field the library knows, or the person's own words of any accepted length."""
    names = [area.name for area in load_library().areas]
    return st.one_of(st.sampled_from(names), text_near(120))


step_one = st.fixed_dictionaries(
    {
        "role": text_near(120),
        "expertise": expertise(),
        "subtopics": st.lists(text_near(SUBTOPIC_LENGTH), min_size=2, max_size=5).map("\n".join),
        "audience": st.one_of(st.just(""), text_near(200)),
        "field": st.sampled_from(["", OWN_WORDS, *(area.slug for area in load_library().areas)]),
        "questions": st.lists(
            st.sampled_from([10, 11, QUESTION_LENGTH - 1, QUESTION_LENGTH]).flatmap(phrase),
            max_size=MAX_QUESTIONS,
        ).map("\n".join),
    }
)
goals = st.sets(st.sampled_from([g.slug for g in load_library().goals]), min_size=1, max_size=3)
# A programme's themes as the programme keeps them: (stable id, title).
company_themes = st.lists(text_near(TITLE_LENGTH), max_size=MAX_COMPANY_THEMES).map(
    lambda titles: tuple((f"{n:08x}", title) for n, title in enumerate(titles))
)


def browser_post(form) -> MultiDict:
    """What a browser sends back from the themes step exactly as Byline filled it in."""
    data = MultiDict()
    for entry in form.themes.entries:
        row = entry.form
        if row.include.data:
            data.add(row.include.name, "y")
        for field in (row.title, row.weeks, row.order, row.key):
            data.add(field.name, "" if field.data is None else str(field.data))
    data.add("start_date", form.start_date.data.isoformat())
    data.add("post_time", form.post_time.data.strftime("%H:%M"))
    data.add("time_zone", form.time_zone.data)
    return data


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(work=step_one, chosen=goals, company=company_themes)
@example(
    work={
        "role": "Platform lead",
        "expertise": "Cost optimisation for multi-tenant Kubernetes platforms at large enterprises",
        "subtopics": "x" * 73 + "\nright-sizing clusters",
        "audience": "",
        "field": "",
        "questions": "",
    },
    chosen={"expertise", "speaking"},
    company=(),
)
def test_the_themes_byline_suggests_pass_its_own_checks(app, work, chosen, company):
    with app.test_request_context():
        step_form = WorkForm(formdata=MultiDict(work), meta={"csrf": False})
        assume(step_form.validate())  # every answer step 1 accepts
        answers = {"work": form_answers(step_form), "goals": {"goals": sorted(chosen)}}

        filled = ThemesForm(formdata=None, data=initial_themes(answers, company))
        prepare_themes(filled, answers)
        for entry in filled.themes.entries:
            assert len(entry.form.title.data or "") <= TITLE_LENGTH, entry.form.title.data

        sent = ThemesForm(formdata=browser_post(filled), meta={"csrf": False})
        assert sent.validate(), sent.errors


def test_a_long_title_keeps_the_persons_words_whole():
    values = {
        "topic": "cost optimisation for multi-tenant Kubernetes platforms at large enterprises",
        "expertise": "platform engineering",
        "audience": "engineering managers",
    }
    title = fitted_title("The basics of {topic}, explained", "topic", values)
    assert title == "Cost optimisation for multi-tenant Kubernetes platforms at large enterprises"
    values["topic"] = "observability " * 10
    title = fitted_title("The basics of {topic}, explained", "topic", values)
    assert len(title) <= TITLE_LENGTH and title.endswith("observability…")
    short = fitted_title("The basics of {topic}, explained", "topic", {"topic": "SLOs"})
    assert short == "The basics of SLOs, explained"


# --- every message in Byline's words --------------------------------------------


def test_bad_input_on_every_step_gets_byline_messages(walk, pages):
    walk.start()
    too_long = {
        "role": "r" * 190,
        "expertise": "e" * 121,
        "subtopics": "risk-based testing\n" + "s" * 95,
        "audience": "a" * 201,
    }
    page = pages.check(walk.submit("work", too_long))
    summary = [a.get_text(strip=True) for a in page.select(".error-summary a")]
    assert summary == [
        "Your role must be 120 characters or fewer; it has 190.",
        "Your area of expertise must be 120 characters or fewer; it has 121.",
        "Line 2 of the things you know well must be 80 characters or fewer; it has 95.",
        "Who you would like to reach must be 200 characters or fewer; it has 201.",
    ]
    assert walk.submit("work").status_code == 303

    page = pages.check(walk.submit("comfort", {"rung": "9", "channels": ["fax"], "time": "x"}))
    assert not wtforms_messages(str(page))
    assert walk.submit("comfort").status_code == 303
    page = pages.check(walk.submit("goals", {"goals": ["fame"]}))
    assert "choose one of the answers offered" in page.select_one(".error-summary").get_text()
    assert walk.submit("goals").status_code == 303
    page = pages.check(walk.submit("tone", {"humour": "7", "pairs": ["nope"]}))
    assert len(page.select(".error-summary a")) == 2
    assert walk.submit("tone").status_code == 303

    page = pages.check(
        walk.submit(
            "themes",
            {
                "themes-0-title": "T" * 95,
                "themes-1-weeks": "99",
                "themes-2-order": "first",
                "start_date": "31/02/2026",
                "post_time": "half past eight",
            },
        )
    )
    summary = [a.get_text(strip=True) for a in page.select(".error-summary a")]
    assert "Theme 1 must be 80 characters or fewer; it has 95." in summary
    assert "“For how long”: choose one of the answers offered" in summary
    assert "“Order”: choose one of the answers offered" in summary
    assert "Enter a start date, for example 2 March 2026" in summary
    assert "Enter a time, for example 08:30" in summary
    # What was typed stays, with the count that shows how much is too much.
    assert page.find(id="themes-0-title").get_text() == "T" * 95  # a growing text box
    assert "15 too many" in page.select_one("#themes-0-title-count").get_text()


def test_every_theme_the_library_suggests_fits_the_themes_step():
    library = load_library()
    titles = [theme.title for area in library.areas for theme in area.themes]
    assert titles
    too_long = [title for title in titles if len(title) > TITLE_LENGTH]
    assert not too_long, too_long
