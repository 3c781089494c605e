"""The setup week's follows fit where the person lives (wizard/generators/setup.py)."""

from __future__ import annotations

from wizard.generators.setup import follows_for
from wizard.library import load_library

FOLLOW = (
    "Electrical Safety First (UK)",
    "NECA and your local apprenticeship training center (US)",
    "electricians who post tidy installs and explain the why",
)


def test_a_uk_reader_follows_the_uk_bodies_without_the_tag():
    assert follows_for(FOLLOW, "GB") == (
        "Electrical Safety First",
        "electricians who post tidy installs and explain the why",
    )


def test_a_us_reader_follows_the_us_bodies():
    assert follows_for(FOLLOW, "US") == (
        "NECA and your local apprenticeship training center",
        "electricians who post tidy installs and explain the why",
    )


def test_anyone_else_sees_every_follow_with_its_country():
    assert follows_for(FOLLOW, "DE") == FOLLOW
    assert follows_for(FOLLOW, "") == FOLLOW


def test_a_list_of_only_other_countries_follows_is_kept_whole():
    only_us = ("NECA (US)",)
    assert follows_for(only_us, "GB") == only_us


def test_no_library_follow_leaves_a_uk_or_us_reader_with_nothing():
    for area in load_library().areas:
        for country in ("GB", "US"):
            assert follows_for(area.follow, country) or not area.follow, area.slug
