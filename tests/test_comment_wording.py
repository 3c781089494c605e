"""Comment prompts read as English a practitioner would accept, in every field.

A comment prompt says what to write under a peer's post: where the post is
("Under a post about the gas safety record:") and one point of the field's own
material to make there. "Find a post about heat pumps this week and add your
view", with "The point to make: Why I won't promise that a heat pump will halve
anyone's bills" (a post's title), said nothing; "add what you have seen
instead" asked instead of what. "Someone you follow posts about statutory
filing? Add your own answer" offered an answer to a post that asks nothing;
"Next time your feed brings up cut-offs" watched for a word that says nothing
out of context. These checks run over every library field at the two lowest
rungs (where comment prompts are), and over two fields outside the library.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.test_ideas import LIB, TODAY, answers_for
from wizard.generators.ideas import (
    COMMENT_ASKS,
    COMMENT_ASKS_GUARDED,
    COMMENT_FRAMES,
    DANGLING_ASK,
    TITLE_SHAPE,
    comment_parts,
    question_words,
    said_after_colon,
    states_claim,
)
from wizard.generators.plan import build_plan
from wizard.generators.themes import topic_phrase
from wizard.generators.triggers import (
    ARTICLES,
    MIN_LETTERS,
    acronym,
    bare_term,
    everyday,
    mass_noun,
    own_words,
    reads_bare,
    term_phrase,
    worth_watching,
)

COMMENT = "thoughtful-comment"
UNMATCHED = [
    ("Beekeeping logistics", ["hive transport", "queen shipping"]),
    ("Stage lighting design for touring theatre productions", ["DMX networks", "rig load-outs"]),
]
PEOPLE = [(area.name, list(area.subtopics[:2])) for area in LIB.areas] + UNMATCHED
# The old stock wordings: a label slotted into a sentence that says nothing of its own.
STOCK = re.compile(
    r"add what you have seen instead|add your view|add how you do it|add the detail people"
    r"|fill in what most explanations|add what the published guidance|point to a public example"
    r"|link the published source|add an example from your own work|this week and"
    r"|the point to make|what have you seen of |what example from your own work with"
    r"|which published guidance or public report on ",
    re.IGNORECASE,
)
ANGLES: dict[str, list] = {}
for _area in LIB.areas:
    for _theme in _area.themes:
        for _angle in _theme.angles:
            ANGLES.setdefault(_angle.slug, []).append(_angle)


def comment_prompts(name: str, subtopics: list[str], rung: int):
    """The comment prompts of a person's plan, with the field's own words."""
    answers = answers_for(name, subtopics, rung=rung, channels=("linkedin",), audience="peers")
    answers["comfort"]["time"] = "1-hour"
    plan = build_plan(answers, LIB, seed=7, today=TODAY)
    area = next((a for a in LIB.areas if a.name == name), None)
    own = own_words([name, *((area.name, *area.aliases) if area else ())])
    return [i for i in plan.ideas if i.format_slug == COMMENT], own


def angle_of(idea, point: str):
    """The library angle a comment prompt was built from (of those with its slug, the
    one whose material holds its point). A point that opens with "it" or "they" says
    the prompt's term once: the pronoun stands for it, and the rest is the claim's."""
    found = ANGLES.get(idea.angle.split(":", 1)[-1], [])
    said = words_of(re.sub(r"^(it|they) ", "", point))
    return next((a for a in found if said in words_of(" ".join((a.premise, *a.points)))), None)


def words_of(text: str) -> str:
    return " ".join(question_words(text).split())


@pytest.mark.parametrize("rung", [1, 2])
@pytest.mark.parametrize("person", PEOPLE, ids=[p[0] for p in PEOPLE])
def test_every_comment_prompt_reads_right(person, rung):
    name, subtopics = person
    prompts, own = comment_prompts(name, subtopics, rung)
    typed = {topic_phrase(t, LIB) for t in subtopics}
    for idea in prompts:
        found = comment_parts(idea.hook)
        assert found, idea.hook
        _, term, point = found
        if idea.angle.startswith("note:"):
            # A theme of a typed template: the note is on the person's own sub-topic.
            assert term in typed and idea.topic == term, (idea.hook, typed)
            continue
        # The point is a claim of the field's own material, not a post's title.
        angle = angle_of(idea, point)
        assert angle is not None, (idea.angle, point)
        premise = angle.premise
        bare = bare_term(term).strip("“”")
        # No stock sentence with a label in it: the prompt, what backs it, "make it yours".
        for line in (idea.hook, *idea.outline[:-1], idea.make_it_yours):
            assert not STOCK.search(line), line
        assert not point.endswith("?"), point
        if words_of(point) == words_of(premise):
            assert not TITLE_SHAPE.search(premise), premise
        # Someone else's post need not ask anything: nothing offers "your own answer".
        assert "answer" not in idea.hook.lower().split(":")[0], idea.hook
        assert "your own answer" not in idea.make_it_yours.lower(), idea.make_it_yours
        if bare in typed:
            continue  # the person's own words stand as they typed them
        # The term as the premise or its point writes it ("local DRLs"), never a plural
        # made up for it.
        written = f"{premise} {point}".lower()
        assert re.search(rf"(?<![\w-]){re.escape(bare.lower())}(?![\w-])", written), (
            term,
            premise,
        )
        # A term the field owns: no word of its own name, no short or everyday word.
        assert worth_watching(bare, own), (name, term)
        if " " not in bare and not acronym(bare):
            assert len(re.sub(r"[^a-z]", "", bare)) >= MIN_LETTERS, term
            assert not all(everyday(w) for w in re.findall(r"[a-z]+", bare)), term
            # One plain countable word never reads bare ("a post that mentions lesson").
            if re.fullmatch(r"[a-z]+", bare) and not bare.endswith("s") and not mass_noun(bare):
                assert term.startswith(ARTICLES), (idea.hook, term)
        assert not (mass_noun(bare[:-1]) and bare.endswith("s") and not bare.endswith("ss")) or (
            bare.lower() in premise.lower()
        ), term
    # Varied: no two prompts of a plan make the same point or watch for the same term,
    # and the places to find a post take turns.
    assert len({words_of(comment_parts(i.hook)[2]) for i in prompts}) == len(prompts)
    frames = Counter(comment_parts(i.hook)[0] for i in prompts)
    if prompts:
        assert max(frames.values()) - min(frames.get(n, 0) for n in range(len(COMMENT_FRAMES))) <= 1


def test_the_reviewers_examples_now_make_the_point():
    """The heating engineer's heat-pump prompt says what running cost depends on, not
    the title of a post; no prompt in the plan pushes back "instead" of nothing."""
    prompts, _ = comment_prompts("Plumbing, heating and heat pumps", ["heat pumps"], 2)
    hooks = [i.hook for i in prompts]
    assert hooks
    assert not any("instead" in h.split(":")[0] for h in hooks), hooks
    assert not any("halve anyone's bills" in h for h in hooks), hooks
    for idea in prompts:
        assert not any(line.startswith("The point to make") for line in idea.outline)
        # "Make it yours" does not ask the prompt's question again in other words.
        assert words_of(idea.make_it_yours) not in words_of(idea.hook)


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
    assert term_phrase("Regulator of Social Housing", "") == "the Regulator of Social Housing"
    assert term_phrase("Boiler Upgrade Scheme", "") == "the Boiler Upgrade Scheme"
    assert not worth_watching("13-week")
    assert reads_bare("covenant") and not reads_bare("the covenant")
    assert not reads_bare("dewatering") and not reads_bare("runbooks")


def test_a_point_states_something():
    """A comment's point has a verb of its own: not a title's noun phrase, not a list
    of what to say, not the writer asking to hear from others."""
    assert states_claim("Remote prescribing rules differ from country to country")
    assert states_claim("When the uncertainty is disclosed, the opinion stays unmodified")
    assert not states_claim("The date table every model needs")
    assert not states_claim("The upstream change that broke our model without a single error")
    assert not states_claim("How identity was confirmed, how the participant signed")
    assert not states_claim("Calculation groups to stop writing the same measure 40 times")
    for ask in (*COMMENT_ASKS, *COMMENT_ASKS_GUARDED):
        assert not DANGLING_ASK.search(ask), ask


def test_a_point_keeps_a_name_s_capital_after_the_colon():
    assert said_after_colon("The EU directive requires objective criteria") == (
        "the EU directive requires objective criteria"
    )
    assert said_after_colon("Most ASC 606 arguments are about obligations").startswith("most")
    assert said_after_colon("Working Together (2023) expects health").startswith("Working")
    assert said_after_colon("I size emitters for the flow temperature").startswith("I ")
    concepts = ["Malnutrition Universal Screening Tool", "malnutrition", "Oracle Fusion"]
    assert said_after_colon("Malnutrition hides in bigger bodies", concepts).startswith("malnu")
    assert said_after_colon("Oracle is moving pages", concepts).startswith("Oracle")


def test_defined_terms_and_countable_words_take_their_article():
    """A QS read "Replying to a colleague on Accepted Programme" and a buyer "posts
    about framework": a defined term or named document written with capitals takes
    "the", and a countable "-work" word is no mass noun; names and products stay bare."""
    assert term_phrase("Accepted Programme", "") == "the Accepted Programme"
    assert term_phrase("Three Lines Model", "") == "the Three Lines Model"
    assert term_phrase("Statement of Actuarial Opinion", "") == (
        "the Statement of Actuarial Opinion"
    )
    assert term_phrase("Barcelona Principles", "") == "the Barcelona Principles"
    assert term_phrase("Clinical Frailty Scale", "") == "the Clinical Frailty Scale"
    for name in ("Defined Cost", "Option C", "Business Central", "Monte Carlo", "Awaab's Law"):
        assert term_phrase(name, "") == name
    assert term_phrase("Saving Babies' Lives", "") == "Saving Babies' Lives"
    assert not mass_noun("framework") and not mass_noun("network")
    assert mass_noun("fieldwork") and mass_noun("falsework")
    # The premise means any framework: "a framework", never one the reader has not met.
    assert term_phrase("framework", "A framework or my own tender: how I decide") == ("a framework")
    assert reads_bare("framework")


def test_the_qs_and_the_buyer_watch_for_their_terms_with_the_article():
    for name, topics, term in (
        ("Quantity surveying", ["NEC4 contracts"], "Accepted Programme"),
        ("Procurement", ["frameworks"], "framework"),
    ):
        for rung in (1, 2):
            prompts, _ = comment_prompts(name, topics, rung)
            for idea in prompts:
                assert not re.search(rf"(about|on|up) {term}\b", idea.hook), idea.hook
