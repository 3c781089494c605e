"""A field the library does not know has no bodies to follow, and none is
invented; but a rule or a standard the person names in a sub-topic by its
initials, number or title ("CIfA standards", "BS EN 1303") is a source they
can follow, named in their own words."""

from __future__ import annotations

from datetime import date

import pytest

from wizard.generators.setup import names_a_rule, setup_week


def follows(subtopics):
    week = setup_week(
        first_post=date(2026, 12, 7),
        role="Archaeologist",
        expertise="commercial archaeology",
        subtopics=subtopics,
        audience="",
        area=None,
        channels=["linkedin"],
        minutes_a_week=120,
        country="GB",
    )
    return week.follow


@pytest.mark.parametrize(
    "topic", ["CIfA standards", "BS EN 1303", "HIPAA", "the Building Safety Act", "ISO 9001"]
)
def test_a_rule_named_as_its_publisher_names_it_is_a_source(topic):
    assert names_a_rule(topic)


@pytest.mark.parametrize(
    "topic",
    [
        "building regulations",
        "Building regulations",
        "code of ethics",
        "ADHD assessments",
        "GWO training",
    ],
)
def test_a_rule_in_common_words_or_initials_of_no_rule_are_not(topic):
    assert not names_a_rule(topic)


def test_a_named_standard_joins_the_follows_and_nothing_is_invented():
    named = follows(["watching briefs", "CIfA standards"])
    assert "the official pages for CIfA standards, where changes are announced" in named
    plain = follows(["watching briefs", "post-excavation"])
    assert not any("official" in line for line in plain)
    assert len(named) == len(plain) + 1
