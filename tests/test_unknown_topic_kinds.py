"""Sub-topics that are not work, read for what they are: a pest is a pressure
watched for and acted on, kit is chosen and looked after, a rule is met, and
animals are neither tasks nor people who ask for things. A plan for a field
the library does not know never slots them into a premise written for work
("The small decisions in varroa nobody writes down")."""

from __future__ import annotations

import re

import pytest

from tests.test_unknown_field_ideas import plan_of as unknown_plan
from wizard.generators import topic_kind as kinds
from wizard.generators.themes import spare_template_angles, suggest_themes
from wizard.library import load_library

LIB = load_library()

BEEKEEPER = {
    "role": "Commercial beekeeper",
    "expertise": "Commercial beekeeping",
    "subtopics": "varroa\nqueen rearing\npollination contracts",
    "audience": "other beekeepers",
}
GROOMER = {
    "role": "Dog groomer",
    "expertise": "Dog grooming",
    "subtopics": "matted coats\nhand stripping\nclippers\nnervous dogs",
    "audience": "dog owners",
}
# Court interpreting has a field guide now; court reporting, its neighbour in the
# courtroom, is still outside the library.
REPORTER = {
    "role": "Court reporter",
    "expertise": "Court reporting",
    "subtopics": "code of ethics\nrealtime writing\nreporter fatigue",
    "audience": "other court reporters",
}
LOCKSMITH = {
    "role": "Locksmith",
    "expertise": "Locksmithing",
    "subtopics": "lockouts\nmaster key systems\nhigh security cylinders",
    "audience": "property managers and homeowners",
}
PEOPLE = (BEEKEEPER, GROOMER, REPORTER, LOCKSMITH)

# Templates and field-wide premises written for work the person does.
WORK_TEMPLATES = ("basics", "mistakes", "day-to-day", "tools")


def plan_of(work, rung=3):
    return unknown_plan(work, rung, time="2-hours")


def test_these_people_are_outside_the_library():
    for work in PEOPLE:
        assert LIB.field_for(work) is None, work["expertise"]


@pytest.mark.parametrize(
    ("topic", "found"),
    [
        ("varroa", (kinds.PROBLEM, kinds.PEST)),
        ("aphids", (kinds.PROBLEM, kinds.PEST)),
        ("Japanese knotweed", (kinds.PROBLEM, kinds.PEST)),
        ("cork taint", (kinds.PROBLEM,)),
        ("matted coats", (kinds.PROBLEM,)),
        ("lockouts", (kinds.PROBLEM,)),
        ("damp and mould", (kinds.PROBLEM,)),
        ("clippers", (kinds.TOOL,)),
        ("LED fixtures", (kinds.TOOL,)),
        ("high security cylinders", (kinds.TOOL,)),
        ("Paraloid B-72", (kinds.TOOL,)),
        ("code of ethics", (kinds.RULE, kinds.ETHICS)),
        ("building regulations", (kinds.RULE,)),
        ("BS EN 1303", (kinds.RULE,)),
        ("ASME A17.1", (kinds.RULE,)),
        ("GDPR", (kinds.RULE,)),
        ("nervous dogs", (kinds.ANIMAL,)),
        ("pollination contracts", (kinds.ACTIVITY, kinds.RECORD)),
        ("wine lists", (kinds.ACTIVITY, kinds.RECORD, kinds.MENU)),
        ("waiting lists", (kinds.PROBLEM,)),
        # Work, whatever a word in it looks like alone.
        ("action regulation", (kinds.ACTIVITY,)),
        ("K-12 education", (kinds.ACTIVITY,)),
        ("queen rearing", (kinds.ACTIVITY,)),
    ],
)
def test_a_sub_topic_is_read_for_what_it_is(topic, found):
    assert kinds.topic_kinds(topic) == found
    assert kinds.fits((kinds.ACTIVITY,), topic) is (kinds.ACTIVITY in found)


@pytest.mark.parametrize(
    ("topic", "phrase"),
    [
        ("code of ethics", "the code of ethics"),
        ("data protection act", "the data protection act"),
        ("building regulations", "building regulations"),
        ("BS EN 1303", "BS EN 1303"),
        ("the Building Safety Act", "the Building Safety Act"),
        ("varroa", "varroa"),
    ],
)
def test_a_rule_is_named_as_a_sentence_names_it(topic, phrase):
    assert kinds.rule_phrase(topic) == phrase


def test_a_pest_is_watched_for_and_acted_on_never_worked_at():
    """Varroa gets the pressure theme first, with premises about when to act;
    no title or idea makes it a task ("decisions in varroa", "what really goes
    into varroa") or asks for its cause."""
    suggested = suggest_themes(BEEKEEPER, ["expert"], LIB)
    varroa = [c.key.split(":")[1] for c in suggested if c.key.endswith(":varroa")]
    assert varroa[0] == "pressure", varroa
    assert not set(varroa) & set(WORK_TEMPLATES), varroa
    plan = plan_of(BEEKEEPER)
    hooks = [i.hook for i in plan.ideas]
    assert "When I act on varroa, and when I keep watching" in hooks
    assert "How I watch for varroa before the damage shows" in hooks
    spare = [a.premise for a in spare_template_angles(BEEKEEPER, LIB, [])]
    for text in [t.title for t in plan.outline] + hooks + spare:
        assert not re.search(r"decisions in varroa|goes into varroa|cause of varroa", text, re.I)
        assert not re.search(
            r"(mistakes?|wrong|recipe|opinion) (in|with|for|on) varroa", text, re.I
        )


def test_kit_gets_a_theme_about_choosing_and_looking_after_it():
    suggested = suggest_themes(GROOMER, ["expert"], LIB)
    clippers = {c.key.split(":")[1]: c for c in suggested if c.key.endswith(":clippers")}
    assert "tool" in clippers, list(clippers)
    assert not set(clippers) & set(WORK_TEMPLATES)
    premises = [a.premise for a in clippers["tool"].angles]
    assert any(p.startswith("Choosing clippers") or "clippers" in p for p in premises)
    spare = [a.premise for a in spare_template_angles(GROOMER, LIB, [])]
    hooks = [i.hook for i in plan_of(GROOMER).ideas]
    for text in spare + hooks:
        assert not re.search(r"(learn|decisions in|mistakes? (in|with)|tools? for) clippers", text)


def test_a_rule_gets_what_meeting_it_takes_with_its_article():
    suggested = suggest_themes(REPORTER, ["expert"], LIB)
    titles = [c.title for c in suggested]
    assert "The code of ethics in practice, not just on paper" in titles
    rule = next(c for c in suggested if c.key == "template:rule:code of ethics")
    assert len(rule.angles) >= 3
    for angle in rule.angles:
        assert "the code of ethics" in angle.premise.lower(), angle.premise
    hooks = [i.hook for i in plan_of(REPORTER).ideas]
    assert not any(re.search(r"(?<!the )code of ethics", h, re.I) for h in hooks), hooks
    assert not any("rule of thumb for the code" in h for h in hooks)


def test_animals_are_not_asked_what_they_need_like_people():
    spare = [a.premise for a in spare_template_angles(GROOMER, LIB, [])]
    hooks = [i.hook for i in plan_of(GROOMER).ideas]
    for text in spare + hooks:
        assert not re.search(r"nervous dogs ask|ask nervous dogs|work on nervous dogs", text), text


# "{topic}" then a word ending in "s": a verb agreeing with it, unless the
# sub-topic is the object of a preposition ("my setup for {topic} works") or
# the word is a noun ("{topic} results").
VERB = re.compile(r"(?:^|(\w+) )\{topic\} (\w+s)\b")
OBJECT_OF = {"for", "on", "with", "about", "of", "in", "to", "around", "under", "behind"}
NOUNS = {"newcomers", "results", "less", "this", "cases"}


def test_no_template_makes_the_sub_topic_agree_with_a_singular_verb():
    """ "What good pitch raises looks like" or "Where high security cylinders
    meets the rest of my job": a template is filled with plurals as often as
    not, so the sub-topic is never the subject of a verb that agrees with it."""
    for template in LIB.theme_templates:
        for angle in template.angles:
            for text in (template.title, angle.premise, angle.ask, *angle.points):
                for found in VERB.finditer(text):
                    if found.group(2) not in NOUNS:
                        assert (found.group(1) or "").lower() in OBJECT_OF, (template.slug, text)


@pytest.mark.parametrize("rung", [1, 3, 5])
def test_newcomers_learn_work_never_kit_a_pest_or_a_pressure(rung):
    for work in PEOPLE:
        for idea in plan_of(work, rung).ideas:
            found = re.search(r"How newcomers learn (.+) now", idea.hook)
            if found:
                assert kinds.fits((kinds.ACTIVITY, kinds.RULE), found.group(1)), idea.hook


NOT_PREMISES = {"reshare-with-take", "thoughtful-comment"}


@pytest.mark.parametrize("rung", [1, 3, 5])
def test_two_premises_in_a_plan_never_share_a_skeleton(rung):
    """ "What changed in queen rearing this year, and what I now do differently"
    and "What changed about varroa this year, and what I now do differently" in
    one plan read as one label with two words slotted in."""
    for work in PEOPLE:
        endings = []
        for idea in plan_of(work, rung).ideas:
            at = idea.hook.lower().find(idea.topic.lower()) if idea.topic else -1
            if idea.format_slug in NOT_PREMISES or at < 0:
                continue
            ending = idea.hook[at + len(idea.topic) :].strip()
            if len(ending.split()) >= 4:
                endings.append(ending)
        assert len(endings) == len(set(endings)), sorted(endings)


@pytest.mark.parametrize("rung", [1, 3, 5])
def test_make_it_yours_names_the_persons_own_sub_topic(rung):
    """ "Which early mistake still shapes how you work?" could be asked of anyone;
    "Which early mistake with pitch raises still shapes how you work?" is theirs."""
    for work in PEOPLE:
        for idea in plan_of(work, rung).ideas:
            if idea.is_post and idea.theme_key.startswith("template:") and idea.topic:
                assert idea.topic.lower() in idea.make_it_yours.lower(), (
                    idea.hook,
                    idea.make_it_yours,
                )


SOMMELIER = {
    "role": "Sommelier",
    "expertise": "Wine service",
    "subtopics": "sulfites\nCalifornia ABC rules\nwine lists",
    "audience": "restaurant owners",
}


def test_a_substance_is_asked_about_never_worked_at():
    assert kinds.topic_kinds("sulfites") == (kinds.SUBSTANCE,)
    assert kinds.topic_kinds("food allergens") == (kinds.SUBSTANCE,)
    assert kinds.topic_kinds("allergen labeling") == (kinds.ACTIVITY,)
    assert LIB.field_for(SOMMELIER) is None
    suggested = suggest_themes(SOMMELIER, ["expert"], LIB)
    sulfites = {c.key.split(":")[1] for c in suggested if c.key.endswith(":sulfites")}
    assert sulfites and not sulfites & set(WORK_TEMPLATES), sulfites
    hooks = [i.hook for i in plan_of(SOMMELIER).ideas]
    assert not any(
        re.search(r"(decisions|recipe|mistakes?) (in|for|with) sulfites", h) for h in hooks
    )


def test_a_name_typed_with_an_acronym_keeps_its_capital():
    titles = [c.title for c in suggest_themes(SOMMELIER, ["expert"], LIB)]
    assert "California ABC rules in practice, not just on paper" in titles, titles
    hooks = " ".join(i.hook for i in plan_of(SOMMELIER).ideas)
    assert "california ABC" not in hooks


STOCK_PHRASES = re.compile(
    r"there is no recipe|nobody talks about|game.changer|the secret to", re.I
)


def test_template_premises_make_a_claim_not_a_stock_phrase():
    """ "There is no recipe for hand stripping" says nothing a groomer could
    start writing from; two jobs that looked alike and needed different
    handling is a story only they can tell."""
    for template in LIB.theme_templates:
        for angle in template.angles:
            assert not STOCK_PHRASES.search(angle.premise), angle.premise
    hooks = [i.hook for i in plan_of(GROOMER).ideas]
    assert "Hand stripping: two jobs that looked alike and needed different handling" in hooks


def test_written_work_has_no_hard_days():
    """A hard day comes with work done or a pressure met, not with a contract
    or a list someone reads later."""
    elevator = {
        "role": "Elevator technician",
        "expertise": "Elevator servicing",
        "subtopics": "door faults\nASME A17.1\nmaintenance contracts\ntraction machines",
        "audience": "building managers",
    }
    assert kinds.topic_kinds("maintenance contracts") == (kinds.ACTIVITY, kinds.RECORD)
    for rung in (1, 3, 5):
        hooks = [i.hook for i in plan_of(elevator, rung).ideas]
        assert not any("hard day with maintenance contracts" in h for h in hooks), hooks


def test_a_body_of_words_is_explained_never_carried_out():
    assert kinds.topic_kinds("legal terminology") == (kinds.TERMS,)
    reporter = {**REPORTER, "subtopics": "realtime writing\nlegal terminology"}
    hooks = [i.hook for i in plan_of(reporter).ideas]
    for hook in hooks:
        assert not re.search(
            r"legal terminology in the order|good work on legal terminology", hook, re.I
        )


def test_two_sub_topics_do_not_get_the_same_template_while_another_fits():
    """ "Questions I'm asked about realtime writing, answered" and
    "Questions I'm asked about legal terminology, answered" read as one label."""
    reporter = {
        **REPORTER,
        "subtopics": "realtime writing\nlegal terminology\ncode of ethics\nreporter fatigue",
    }
    suggested = suggest_themes(reporter, ["expert"], LIB)
    first = {}
    for choice in suggested:
        _, slug, topic = choice.key.split(":", 2) if choice.key.count(":") >= 2 else ("", "", "")
        if slug and topic != "court reporting":
            first.setdefault(topic, slug)
    assert len(first) == 4, first
    assert len(set(first.values())) == len(first), first
