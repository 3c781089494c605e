"""A comment prompt watches for what its point is about, and its "make it yours"
names that term.

A UK penetration tester read "Under a post about CBEST: NCSC CHECK lets approved
companies test…", a highways engineer "In a thread on LTN 1/20: a low traffic
neighbourhood uses modal filters…" (two different LTNs, the very mix-up the
angle warns about) and a radiographer "Under a post about CTDIvol: effective dose
is an estimate…". Each prompt's term was one its premise names, but its point was
a claim about something else. And "Which moment from your own cases backs the
point up?" told a practitioner nothing of what the point was.
"""

from __future__ import annotations

import re

import pytest

from tests.test_ideas import LIB, TODAY, answers_for
from wizard.generators.ideas import (
    COMMENT_ASKS,
    COMMENT_ASKS_GUARDED,
    DANGLING_ASK,
    any_one,
    ask_term,
    claim_lines,
    comment_ask,
    comment_parts,
    comment_point,
    comment_term,
    names_term,
    premise_terms,
    with_claim_article,
)
from wizard.generators.plan import build_plan
from wizard.generators.triggers import own_words, term_key, term_phrase

COMMENT = "thoughtful-comment"
AREAS = {a.slug: a for a in LIB.areas}
# What one of `COMMENT_ASKS` or `COMMENT_ASKS_GUARDED` says (not an angle's own ask).
STOCK_ASK = re.compile(r"what you say about|the usual line on|before years in the job")


def angle(field: str, slug: str):
    return next(a for t in AREAS[field].themes for a in t.angles if a.slug == slug)


def term_of(field: str, slug: str) -> str:
    """The term a comment on this library angle watches for, as the plan chooses it."""
    area, found = AREAS[field], angle(field, slug)
    own = own_words([area.name, *area.aliases])
    terms = premise_terms(found.premise, area.concepts, [], LIB, own)
    return comment_term(terms, claim_lines(found))


@pytest.mark.parametrize(
    ("field", "slug", "term", "opens"),
    [
        # "CHECK, CREST, CBEST: what the letters mean": the claim about CBEST, not CHECK.
        ("penetration-testing", "check-crest-cbest-letters", "CBEST", "CBEST is the Bank"),
        # "LTN 1/20 isn't a low traffic neighbourhood": no claim says what LTN 1/20 is
        # in a line of its own, so the comment is on the neighbourhood its claim names.
        ("highways-engineering", "two-ltns", "a low traffic neighbourhood", "A low traffic"),
        # "CTDIvol isn't the patient's dose": the claim that says what CTDIvol is.
        ("diagnostic-radiography", "ctdi-isnt-patient-dose", "CTDIvol", "CTDIvol describes"),
        # "a local DRL audit": the claim writes "local DRLs", and so does the prompt.
        ("diagnostic-radiography", "local-drl-audit", "DRLs", "IR(ME)R asks"),
    ],
)
def test_a_comment_makes_its_point_about_the_term_it_watches_for(field, slug, term, opens):
    assert term_of(field, slug) == term
    point = comment_point(angle(field, slug), term)
    assert point.startswith(opens), point
    assert names_term(point, term), (term, point)


def test_names_term_reads_one_or_many_with_or_without_an_article():
    assert names_term("A trial pit shows made ground", "trial pits")
    assert names_term("set and review local DRLs", "DRL")
    assert names_term("Collecting policies differ", "a collecting policy")
    assert names_term("a new process", "processes")
    assert not names_term("NCSC CHECK lets approved companies test", "CBEST")
    assert not names_term("effective dose is an estimate", "CTDIvol")
    # A typed sub-topic stands as the person wrote it, never made plural.
    assert comment_term(["DRL"], ["local DRLs are set"], typed={"DRL"}) == "DRL"
    assert comment_term(["DRL"], ["local DRLs are set"]) == "DRLs"
    # With no term a claim names, the first term the premise names.
    assert comment_term(["CTDIvol", "DLP"], ["Effective dose is an estimate"]) == "CTDIvol"


def gb_comments(field: str, topics: list[str], rung: int):
    answers = answers_for(field, topics, rung=rung, goals=("expert", "hiring"), audience="peers")
    answers["themes"]["country"] = "GB"
    return [
        i for i in build_plan(answers, LIB, seed=7, today=TODAY).ideas if i.format_slug == COMMENT
    ]


@pytest.mark.parametrize(
    ("field", "topics"),
    [
        ("Penetration testing and red teaming", ["rules of engagement", "red team operations"]),
        ("Highways engineering", ["active travel schemes", "road safety"]),
        ("Diagnostic radiography", ["CT", "radiation dose"]),
    ],
)
@pytest.mark.parametrize("rung", [1, 3])
def test_a_uk_plan_s_comments_are_about_what_they_watch_for(field, topics, rung):
    area = next(a for a in LIB.areas if a.name == field)
    own = own_words([area.name, *area.aliases])
    angles = {a.slug: a for t in area.themes for a in t.angles}
    comments = gb_comments(field, topics, rung)
    assert comments
    for idea in comments:
        _, term, point = comment_parts(idea.hook)
        found = angles.get(idea.angle.split(":", 1)[-1])
        if found is None:
            continue  # a typed template's note
        terms = premise_terms(found.premise, area.concepts, topics, LIB, own)
        claims = claim_lines(found)
        if any(names_term(c, t) for c in claims for t in terms):
            # Or, where every claim on the term opens with it, another claim that
            # names no other term or concept ("In a thread on potholes: water gets
            # into cracks…", not "…: potholes appear…").
            others = [c for c in (*terms, *area.concepts) if term_key(c) != term_key(term)]
            elsewhere = not any(names_term(point, c) for c in others)
            # A pronoun that opens the point stands for the term the prompt has named.
            said = names_term(point, term) or point.startswith(("it ", "they "))
            assert said or elsewhere, (idea.hook, found.premise)
        # "Make it yours" names the comment's term, never "the point".
        assert "the point" not in idea.make_it_yours, idea.make_it_yours
        if STOCK_ASK.search(idea.make_it_yours):
            assert ask_term(term) in idea.make_it_yours, (term, idea.make_it_yours)


def test_the_ask_names_the_comment_s_term_in_the_field_s_words():
    asks = [comment_ask("", turn=n, cases="projects", term="error budgets") for n in range(3)]
    assert asks[2] == (
        "Which number from your own projects backs up what you say about error budgets:"
        " a count, a time or a cost?"
    )
    for ask in asks:
        assert "error budgets" in ask and "your own projects" in ask, ask
        assert not re.search(r"\bthe point\b", ask), ask
        assert not DANGLING_ASK.search(ask), ask
    guarded = [comment_ask("", True, n, "patients", "the 15-day clock") for n in range(3)]
    assert all("the 15-day clock" in ask for ask in guarded), guarded
    # A guarded field keeps its guard: a pattern across many, or a change of mind.
    assert "no detail anyone could trace" in guarded[0] and "many patients" in guarded[0]
    assert "years in the job" in guarded[1]
    assert "name no one" in guarded[2] and "many patients" in guarded[2]
    for ask in (*COMMENT_ASKS, *COMMENT_ASKS_GUARDED):
        assert "{term}" in ask and "the point" not in ask, ask
    # For want of a term, still never "the point".
    bare = comment_ask("", turn=0, cases="jobs")
    assert "the point" not in bare and not DANGLING_ASK.search(bare), bare


def test_the_ask_names_any_one_of_a_kind_in_the_plural():
    """ "What did you believe about a heat map…" reads as one map: the kind, plural."""
    assert ask_term("a heat map") == "heat maps"
    assert ask_term("an RCD") == "RCDs"
    assert ask_term("a collecting policy") == "collecting policies"
    assert ask_term("an analysis") == "analyses"
    assert ask_term("a serious breach") == "serious breaches"
    for kept in ("the SLO", "CTDIvol", "error budgets", "“under care”", "drainage"):
        assert ask_term(kept) == kept
    assert comment_ask("", True, 1, "cases", "a heat map") == (
        "What did you believe about heat maps before years in the job changed your mind?"
    )


def test_an_ask_that_points_back_at_the_post_is_not_kept():
    """ "Which other abbreviation causes the most confusion?" asks other than which
    one: under someone else's post, the reader cannot tell."""
    ask = "Which other abbreviation causes the most confusion in your consultations?"
    assert DANGLING_ASK.search(ask)
    assert comment_ask(ask, False, 0, "schemes", "LTN 1/20") != ask
    assert not DANGLING_ASK.search("Which abbreviation causes the most confusion for you?")


@pytest.mark.parametrize(
    ("field", "slug", "term"),
    [
        # "Capping a rate change moves…": "a post about rate change" is no English.
        ("actuarial", "off-balance", "a rate change"),
        ("social-work", "family-group-conference", "a family group conference"),
        # "The DSUR covers development safety…": a post about the DSUR.
        ("pharmacovigilance", "dsur-vs-pbrer", "the DSUR"),
    ],
)
def test_a_term_takes_the_article_its_premise_or_claim_gives_it(field, slug, term):
    assert term_of(field, slug) == term


def test_a_term_that_names_the_kind_of_a_longer_noun_stays_bare():
    assert any_one(
        "paid social", "Checks before a paid social campaign goes live", "paid social"
    ) == ("paid social")
    assert any_one("design code", "A design code that can't be checked", "design code") == (
        "a design code"
    )
    assert term_phrase("Society of Radiographers", "") == "the Society of Radiographers"
    assert term_phrase("General Medical Council", "") == "the General Medical Council"


def test_a_typed_sub_topic_the_premise_only_brushes_against_is_no_comment_term():
    """ "Purple teaming taught our blue team more in a week than a report did" is no
    post about reporting, though the person typed "reporting"."""
    found = angle("penetration-testing", "purple-teaming-taught-blue-team")
    assert comment_term(["reporting"], claim_lines(found), typed={"reporting"}) == ""
    assert comment_term(["reporting"], ["Reporting findings early helps"], {"reporting"})


@pytest.mark.parametrize(
    ("field", "slug", "line"),
    [
        (
            "actuarial",
            "trip-data-is-personal",
            "Invented or aggregated examples make the same point",
        ),
        ("actuarial", "excess-deaths-story", "Public data, not company data, is the example here"),
        ("actuarial", "experience-study", "Clean exposure data, define decrements, compute"),
        ("recruiting-talent-acquisition", "candidate-survey", "Act on one finding per quarter"),
        ("highways-engineering", "pci-us", "Pavement management software turns those ratings"),
    ],
)
def test_a_line_that_leans_on_the_one_before_or_gives_orders_is_no_comment_point(field, slug, line):
    found = angle(field, slug)
    assert any(p.startswith(line) for p in found.points), line
    assert not any(c.startswith(line) for c in claim_lines(found)), claim_lines(found)


def test_a_claim_that_stands_alone_is_still_a_point():
    assert any(
        c.startswith("Clean core has a cost")
        for c in claim_lines(angle("sap", "clean-core-has-cost-slides"))
    )
    assert any(
        "those charged with governance" in c
        for c in claim_lines(angle("external-audit", "management-letter"))
    )


def test_a_closing_note_to_the_writer_is_not_said_under_the_post():
    """ "…we kept losing weeks (pattern only, no customer names)": the aside tells the
    writer what to keep out; the words typed under a post end before it."""
    claims = claim_lines(angle("legal", "super-caps-data-breach-how-stopped"))
    assert "Customers asked for unlimited liability for any DPA breach; we kept losing weeks" in (
        claims
    )
    assert not any("(" in c for c in claims), claims
    kept = claim_lines(angle("quantity-surveying", "payment-notices"))
    assert any(c.endswith("(section 111)") for c in kept), kept


def test_a_bare_term_takes_the_article_its_claim_gives_it():
    """ "Under a post about discount rate: the discount rate decides…" dropped the
    article the claim itself uses."""
    point = "The discount rate decides long-term policies, and the choice is never neutral"
    assert comment_term(["discount rate"], [point]) == "the discount rate"
    assert with_claim_article("north star metric", "A north star metric needs inputs") == (
        "a north star metric"
    )
    for kept in ("feature engineering", "service credits", "Terraform state", "alarm"):
        assert with_claim_article(kept, f"The {kept} matters") == kept


def test_the_ask_reads_with_people_as_the_field_s_cases():
    """ "Where, in your own patients, …" is no English; across them it is."""
    ask = comment_ask("", False, 1, "patients", "running injuries")
    assert ask.startswith("Where, across your own patients, has the usual line on running")


def test_a_point_that_says_no_such_leans_on_the_line_before():
    claims = claim_lines(
        angle("corporate-compliance", "facilitation-payments-legal-under-fcpa-crime")
    )
    assert "The UK Bribery Act has no such exception" not in claims, claims
