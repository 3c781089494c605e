"""The draft check against a corpus of good and bad drafts across fields."""

from __future__ import annotations

import pytest

from tests.draft_corpus import findings_for, load_corpus

CONTEXTS, CASES = load_corpus()


def test_the_corpus_is_big_and_varied():
    """At least 60 drafts, in many contexts and channels, good ones included."""
    assert len(CASES) >= 60
    assert len({c.id for c in CASES}) == len(CASES)
    assert len({c.context for c in CASES}) >= 8
    assert len({c.channel for c in CASES}) >= 4
    assert sum(1 for c in CASES if not c.must) >= 15  # drafts that need (almost) nothing


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_draft_gets_what_it_must_and_nothing_it_must_not(case):
    found = findings_for(case, CONTEXTS)
    assert case.must <= found, f"missing {sorted(case.must - found)}; got {sorted(found)}"
    assert not case.must_not & found, f"unwanted {sorted(case.must_not & found)}"


@pytest.mark.parametrize("case", [c for c in CASES if c.misses], ids=lambda c: c.id)
def test_known_limits_are_still_limits(case):
    """A known miss that the check starts to catch moves into `must`."""
    found = findings_for(case, CONTEXTS)
    assert not case.misses & found, f"now caught: move {sorted(case.misses & found)} to must"
