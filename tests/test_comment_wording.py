"""Comment prompts read as English a practitioner would accept, in every field.

"Someone you follow posts about statutory filing? Add your own answer" offers an
answer to a post that asks nothing; "Next time your feed brings up cut-offs"
watches for a word that says nothing out of context; "a post that mentions
lesson" and "your own answer on payrolls" are template leaks. These checks run
over every library field at the two lowest rungs (where comment prompts are),
and over two fields outside the library.
"""

from __future__ import annotations

import re

import pytest

from tests.test_ideas import LIB, TODAY, answers_for
from wizard.generators.ideas import MYTH_SAID, comment_frame, one_line_claim, premise_shape
from wizard.generators.plan import build_plan
from wizard.generators.themes import topic_phrase
from wizard.generators.triggers import (
    ARTICLE,
    MIN_LETTERS,
    acronym,
    everyday,
    mass_noun,
    own_words,
    reads_bare,
    term_phrase,
    worth_watching,
)

COMMENT = "thoughtful-comment"
POINT = "The point to make, in your own words: "
UNMATCHED = [
    ("Beekeeping logistics", ["hive transport", "queen shipping"]),
    ("Stage lighting design for touring theatre productions", ["DMX networks", "rig load-outs"]),
]
PEOPLE = [(area.name, list(area.subtopics[:2])) for area in LIB.areas] + UNMATCHED


def comment_prompts(name: str, subtopics: list[str], rung: int):
    """The comment prompts of a person's plan, with the field's own words."""
    answers = answers_for(name, subtopics, rung=rung, channels=("linkedin",), audience="peers")
    answers["comfort"]["time"] = "1-hour"
    plan = build_plan(answers, LIB, seed=7, today=TODAY)
    area = next((a for a in LIB.areas if a.name == name), None)
    own = own_words([name, *((area.name, *area.aliases) if area else ())])
    return [i for i in plan.ideas if i.format_slug == COMMENT], own


def point_of(idea) -> str:
    return next((s[len(POINT) :] for s in idea.outline if s.startswith(POINT)), "")


@pytest.mark.parametrize("rung", [1, 2])
@pytest.mark.parametrize("person", PEOPLE, ids=[p[0] for p in PEOPLE])
def test_every_comment_prompt_reads_right(person, rung):
    name, subtopics = person
    prompts, own = comment_prompts(name, subtopics, rung)
    typed = {topic_phrase(t, LIB) for t in subtopics}
    for idea in prompts:
        found = comment_frame(idea.hook)
        assert found, idea.hook
        term, point = found[1], point_of(idea)
        bare = term[len(ARTICLE) :] if term.startswith(ARTICLE) else term.strip("“”")
        # Someone else's post need not ask anything: nothing offers "your own answer".
        assert "answer" not in idea.hook.lower(), idea.hook
        assert "your own answer" not in idea.make_it_yours.lower(), idea.make_it_yours
        # Pushing back ("what you have seen instead") only under a claim.
        if idea.hook.endswith("what you have seen instead"):
            claim = (
                premise_shape(point) == "myth" or MYTH_SAID.search(point) or one_line_claim(point)
            )
            assert claim, (idea.hook, point)
        if bare in typed:
            continue  # the person's own words stand as they typed them
        # The term as the premise or the field writes it, never a plural made up for it.
        assert re.search(rf"(?<![\w-]){re.escape(bare.lower())}(?![\w-])", point.lower()), (
            term,
            point,
        )
        # A term the field owns: no word of its own name, no short or everyday word.
        assert worth_watching(bare, own), (name, term)
        if " " not in bare and not acronym(bare):
            assert len(re.sub(r"[^a-z]", "", bare)) >= MIN_LETTERS, term
            assert not all(everyday(w) for w in re.findall(r"[a-z]+", bare)), term
            # One plain countable word never reads bare ("a post that mentions lesson").
            if re.fullmatch(r"[a-z]+", bare) and not bare.endswith("s") and not mass_noun(bare):
                assert term.startswith(ARTICLE), (idea.hook, term)
        assert not (mass_noun(bare[:-1]) and bare.endswith("s") and not bare.endswith("ss")) or (
            bare.lower() in point.lower()
        ), term


def test_the_brief_s_examples_no_longer_watch_for_generic_words():
    fields = {a.name: a for a in LIB.areas}
    payroll = own_words([fields["Payroll"].name, *fields["Payroll"].aliases])
    teaching = own_words([fields["School teaching"].name, *fields["School teaching"].aliases])
    assert not worth_watching("payroll", payroll)
    assert not worth_watching("cut-off", payroll)
    assert not worth_watching("year-end", payroll)
    assert worth_watching("statutory filing", payroll)
    assert worth_watching("payroll calendar", payroll)
    assert worth_watching("RTI", payroll)
    assert not worth_watching("school", teaching)
    assert not worth_watching("lesson", teaching)
    assert not worth_watching("pupils", teaching)
    assert not worth_watching("primary school", teaching)
    assert worth_watching("lesson planning", teaching)
    assert worth_watching("retrieval practice", teaching)
    assert not worth_watching("pay")
    assert not worth_watching("edge")
    assert not worth_watching("promotional")
    assert worth_watching("dewatering")
    assert worth_watching("SOC 1")


def test_terms_are_never_inflected():
    assert term_phrase("payroll", "Why the payroll runs late") == "payroll"
    assert term_phrase("funding", "Our funding is not a strategy") == "funding"
    assert term_phrase("lesson planning", "My lesson planning takes too long") == "lesson planning"
    assert term_phrase("covenant", "Covenant headroom is a conversation") == "covenant"
    assert term_phrase("covenant", "Why the covenant is tight") == "the covenant"
    assert term_phrase("runbook", "Runbooks nobody reads") == "runbooks"
    assert term_phrase("retro pay", "Our retro pay is always late") == "retro pay"
    assert term_phrase("general ledger", "General ledger tie-outs") == "the general ledger"
    assert term_phrase("Madrid Protocol", "Madrid Protocol filings") == "the Madrid Protocol"
    assert term_phrase("under care", "Under care, redefined") == "“under care”"
    assert not worth_watching("13-week")
    assert reads_bare("covenant") and not reads_bare("the covenant")
    assert not reads_bare("dewatering") and not reads_bare("runbooks")
