"""Soft hyphens: long words get break points, short words and the text itself stay."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wizard.hyphens import SOFT_HYPHEN, soft_hyphens


def test_long_words_break_where_a_reader_expects():
    assert soft_hyphens("Enthusiastic") == f"En{SOFT_HYPHEN}thu{SOFT_HYPHEN}si{SOFT_HYPHEN}ast{SOFT_HYPHEN}ic"
    assert soft_hyphens("Mostly respectful") == f"Mostly re{SOFT_HYPHEN}spect{SOFT_HYPHEN}ful"


def test_short_words_and_existing_hyphens_are_left_alone():
    assert soft_hyphens("In between") == "In between"
    assert soft_hyphens("Matter-of-fact") == "Matter-of-fact"
    assert soft_hyphens("") == ""


@given(st.text())
def test_only_soft_hyphens_are_added(text):
    assert soft_hyphens(text).replace(SOFT_HYPHEN, "") == text.replace(SOFT_HYPHEN, "")
