"""A job title typed as the field ("Sommelier", "Locksmith") reads as the work
in every sentence a plan fills with it: "What is changing in sommelier work",
"[number] years as a sommelier", "locksmithing", never "in sommelier". And the
About says what the person knows, not "my work is mostly varroa"."""

from __future__ import annotations

import re

import pytest

from wizard.generators.setup import about_sentence, field_tags, profile_line
from wizard.generators.text import framework_title
from wizard.generators.themes import expertise_name, job_of_field, suggest_themes
from wizard.library import load_library

LIB = load_library()

SOMMELIER = {
    "role": "Head sommelier",
    "expertise": "Sommelier",
    "subtopics": "wine lists\nBurgundy\ncork taint",
    "audience": "restaurant guests and other sommeliers",
}


@pytest.mark.parametrize(
    ("role", "typed", "field"),
    [
        ("Head sommelier", "Sommelier", "sommelier work"),
        ("Locksmith", "Locksmith", "locksmithing"),
        ("Interpreter", "Interpreter", "interpreting"),
        ("Court interpreter", "Court interpreter", "court interpreting"),
        ("Court interpreter", "Court interpreting", "court interpreting"),
        ("Commercial beekeeper", "Beekeeper", "beekeeping"),
        ("Youth worker", "Youth worker", "youth work"),
        ("Payroll manager", "Payroll", "payroll"),
        ("Water engineer", "Water", "water"),
    ],
)
def test_a_job_typed_as_the_field_reads_as_the_work(role, typed, field):
    assert expertise_name({"role": role, "expertise": typed}, None) == field


@pytest.mark.parametrize(
    ("field", "job"),
    [("sommelier work", "sommelier"), ("electrical work", ""), ("social work", "")],
)
def test_the_job_is_read_back_only_from_a_job(field, job):
    assert job_of_field(field) == job


def test_no_theme_or_premise_puts_a_job_where_a_field_goes():
    for choice in suggest_themes(SOMMELIER, ["expert", "speaking", "hiring"], LIB):
        for text in (choice.title, *(a.premise for a in choice.angles)):
            assert not re.search(r"\bsommelier\b(?! work)", text), text
            assert "work in sommelier work" not in text, text


def test_the_about_counts_years_as_a_sommelier_and_keeps_the_region_capital():
    field = expertise_name(SOMMELIER, None)
    subtopics = ["wine lists", "Burgundy", "cork taint"]
    about = about_sentence("Head sommelier", field, subtopics, "restaurant guests", rung=4)
    assert "([number] years as a sommelier)" in about, about
    assert "Burgundy" in about and "burgundy" not in about, about
    assert "working on" not in about, about  # "working on cork taint" is research
    alone = about_sentence("", field, subtopics, "guests", rung=2)
    assert alone.startswith("I work as a sommelier"), alone
    assert "Burgundy" in profile_line("Head sommelier", field, subtopics)
    assert framework_title("Head sommelier", field) == "Head sommelier"
    assert field_tags(field, subtopics, None) == ("#Sommelier",)


def test_a_pest_is_not_the_work_in_the_about():
    topics = ["varroa", "queen rearing", "pollination contracts"]
    about = about_sentence("Commercial beekeeper", "beekeeping", topics, "growers", rung=2)
    assert "My work is mostly varroa" not in about, about
    assert "varroa, queen rearing and pollination contracts" in about, about
    work = about_sentence("Data engineer", "data engineering", ["pipelines"], "analysts", rung=2)
    assert "I share what I learn about pipelines, for analysts." in work, work


def test_a_code_in_the_about_takes_its_article():
    topics = ["legal terminology", "code of ethics"]
    about = about_sentence("Court interpreter", "court interpreting", topics, "attorneys", rung=3)
    assert "the code of ethics" in about, about
