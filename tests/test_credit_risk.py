"""A credit analyst, an underwriter or a credit risk modeler finds the credit
risk guide, and nobody else's people do: an insurance underwriter, a loan
officer or a risk manager stays where they were. Their plan follows their
country (CECL for a US reader, IFRS 9 elsewhere) and their playbook keeps the
fence of their work: no borrower or live deal, no supervisory findings, no
suspicious activity report, and a declined applicant sent to the lender's
own route."""

from __future__ import annotations

import re
from datetime import date

import pytest

from wizard.generators.plan import build_plan
from wizard.generators.playbook import PlaybookEntry
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()

ANALYST_US = {
    "role": "Credit analyst, commercial bank",
    "expertise": "Credit analyst",
    "subtopics": "covenants\ncash flow lending\nwatchlist",
}
MODELER_GB = {
    "role": "Credit risk modeller, UK bank",
    "expertise": "Credit risk modelling",
    "subtopics": "IFRS 9\nPD models\nmodel validation",
}
CREDIT_CARDS = {"borrowers-and-deals", "supervisory-information", "suspicions-and-sars"}
US_WORDS = re.compile(
    r"Bank Secrecy Act|BSA officer|CFPB|adverse action|matter requiring attention|"
    r"material nonpublic|\bCECL\b|ECOA|Regulation B|SR 11-7|HMDA|[Dd]isparate impact|"
    r"[Ff]ive Cs|[Ff]air lending|Basel III endgame"
)
UK_WORDS = re.compile(
    r"Proceeds of Crime|MLRO|Financial Ombudsman|skilled person|PRA\b|FCA\b|"
    r"Consumer Duty|SS1/23|MoneyHelper|Market Abuse Regulation"
)


def plan_for(work, country, goals=("expert",)):
    """The plan of a person who keeps the themes Byline preselects for them."""
    rows = [r for r in theme_rows(suggest_themes(work, list(goals), LIB)) if r.get("include")]
    answers = {
        "work": work,
        "comfort": {"rung": 3, "channels": ["linkedin"], "time": "2-hours"},
        "goals": {"goals": list(goals)},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "country": country},
        "situations": {},
    }
    return build_plan(answers, LIB, seed=3, today=date(2026, 11, 30))


def card_text(entry: PlaybookEntry) -> str:
    return " ".join(
        [entry.title, entry.summary, entry.approach, entry.detail, *entry.do, *entry.dont]
    )


def ideas_text(plan) -> str:
    return "\n".join(" ".join((i.hook, *i.outline)) for i in plan.ideas)


@pytest.fixture(scope="module")
def analyst_us():
    return plan_for(ANALYST_US, "US", ("expert", "hiring"))


@pytest.fixture(scope="module")
def modeler_gb():
    return plan_for(MODELER_GB, "GB")


@pytest.mark.parametrize(
    "typed",
    [
        "Credit analyst",
        "Credit risk",
        "credit risk",
        "Corporate credit analyst",
        "Credit underwriter",
        "Mortgage underwriter",
        "IFRS 9 modelling",
        "IFRS 9 modeling",
        "CECL",
        "Credit risk modeller",
        "Expected credit loss",
    ],
)
def test_credit_words_find_the_credit_risk_guide(typed):
    area = LIB.match_expertise(typed)
    assert area is not None and area.slug == "credit-risk", typed


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("Risk management", "risk-management"),
        ("Operational risk", "risk-management"),
        ("Model risk", "risk-management"),
        ("Treasury", "treasury"),
        ("Hedge accounting", "treasury"),
        # An underwriter may be an insurer's or a securities underwriter.
        ("Underwriter", None),
        ("Underwriting", None),
        ("Insurance underwriter", None),
        ("Lloyd's underwriter", None),
        # A loan officer originates loans; a credit controller chases invoices.
        ("Loan officer", None),
        ("Commercial loan officer", None),
        ("Credit controller", None),
    ],
)
def test_the_credit_guide_takes_nobody_else_s_people(typed, slug):
    area = LIB.match_expertise(typed)
    assert (area.slug if area else None) == slug, typed


def test_an_underwriter_is_a_lender_s_only_when_their_own_words_say_so():
    lender = {
        "role": "Underwriter, commercial bank",
        "expertise": "Underwriter",
        "subtopics": "cash-flow lending\ncovenants",
    }
    insurer = {
        "role": "Underwriter, Lloyd's syndicate",
        "expertise": "Underwriter",
        "subtopics": "marine cargo\nbinding authorities",
    }
    assert LIB.field_for(lender).slug == "credit-risk"
    assert LIB.field_for(insurer) is None


def test_a_us_analyst_s_playbook_keeps_borrowers_exams_and_sars_out(analyst_us):
    book = {e.slug: e for e in analyst_us.playbook}
    assert CREDIT_CARDS | {"declined-applicant", "inside-information"} <= set(book)
    assert "material nonpublic information" in card_text(book["borrowers-and-deals"])
    assert "watchlist" in card_text(book["borrowers-and-deals"])
    assert "agency's property" in card_text(book["supervisory-information"])
    sars = card_text(book["suspicions-and-sars"])
    assert "Bank Secrecy Act" in sars and "BSA officer" in sars
    declined = card_text(book["declined-applicant"])
    assert "adverse action notice" in declined and "CFPB" in declined
    assert "riskier borrowers" in declined
    # A credit analyst approves no payments, names no borrower even with its
    # consent, and meets a complaint as a declined applicant's.
    assert not {"payment-controls", "customer-complaint", "naming-clients"} & set(book)
    for entry in book.values():
        assert not UK_WORDS.search(card_text(entry)), entry.slug


def test_a_uk_modeler_s_playbook_speaks_of_the_uk_s_rules(modeler_gb):
    book = {e.slug: e for e in modeler_gb.playbook}
    assert CREDIT_CARDS | {"declined-applicant"} <= set(book)
    sars = card_text(book["suspicions-and-sars"])
    assert "Proceeds of Crime Act 2002" in sars and "MLRO" in sars
    assert "skilled person review" in card_text(book["supervisory-information"])
    assert "Financial Ombudsman Service" in card_text(book["declined-applicant"])
    assert "MoneyHelper" in card_text(book["advice-request"])
    for entry in book.values():
        assert not US_WORDS.search(card_text(entry)), entry.slug


def test_a_uk_modeler_gets_models_and_ifrs_9_without_us_rules(modeler_gb):
    titles = [t.title for t in modeler_gb.outline]
    assert titles[:2] == [
        "PD, LGD and EAD models that survive validation",
        "Expected credit loss: staging, scenarios and overlays",
    ]
    text = ideas_text(modeler_gb)
    assert "SS1/23" in text and "Stage 2" in text
    # Fair lending in the UK's words: indirect discrimination, not disparate impact.
    assert "Equality Act 2010" in text
    assert not US_WORDS.search(text), US_WORDS.search(text)


def test_a_us_reader_gets_cecl_where_others_get_ifrs_9_staging():
    work = {
        "role": "Credit risk manager",
        "expertise": "Credit risk",
        "subtopics": "expected credit loss",
    }
    us = ideas_text(plan_for(work, "US"))
    gb = ideas_text(plan_for(work, "GB"))
    assert "CECL has no stages" in us and "Stage 2 cliff" not in us
    assert "Stage 2 cliff" in gb and "CECL" not in gb


def _offered(work) -> list[str]:
    """The credit guide's themes in the order the themes step offers them, then
    those it does not offer at all."""
    rows = theme_rows(suggest_themes(work, ["expert"], LIB))
    offered = [r["key"].rsplit(":", 1)[1] for r in rows if r["key"].startswith("area:credit-risk:")]
    area = LIB.area("credit-risk")
    return offered + [t.slug for t in area.themes if t.slug not in offered]


def test_a_consumer_underwriter_gets_retail_themes_before_business_lending():
    order = _offered(
        {
            "role": "Mortgage underwriter, building society",
            "expertise": "Credit underwriting",
            "subtopics": "",
        }
    )
    # Retail underwriting is ticked; covenants, written for business lending,
    # are offered after the guide's other themes.
    assert order.index("retail-sme") < 4 <= order.index("covenants")
    assert order.index("covenants") > order.index("pricing")
    assert order.index("ratings") > order.index("pricing")
    assert order.index("spreading-memos") > order.index("pricing")


def test_a_commercial_analyst_gets_fair_lending_after_their_own_themes():
    order = _offered(ANALYST_US)
    assert order.index("covenants") < order.index("fair-lending")
    assert order.index("early-warning") < order.index("fair-lending")
    assert order.index("spreading-memos") < order.index("fair-lending")
    assert order.index("retail-sme") > order.index("spreading-memos")


@pytest.mark.parametrize(
    ("work", "seen", "unseen"),
    [
        ({"expertise": "Actuarial", "role": "Pricing actuary"}, set(), CREDIT_CARDS),
        (
            {"expertise": "Risk management", "role": "Chief risk officer, bank"},
            {"supervisory-information"},
            {"borrowers-and-deals", "suspicions-and-sars", "declined-applicant"},
        ),
        (
            {"expertise": "AML", "role": "Financial crime analyst, bank"},
            {"suspicions-and-sars"},
            {"borrowers-and-deals", "supervisory-information", "declined-applicant"},
        ),
    ],
)
def test_credit_cards_reach_only_the_fields_that_meet_them(work, seen, unseen):
    slugs = {e.slug for e in plan_for(work, "US").playbook}
    assert seen <= slugs and not unseen & slugs, slugs


def angle_text(country: str) -> str:
    """Every angle of the credit guide a reader in ``country`` can be given, as text."""
    area = LIB.area("credit-risk")
    return "\n".join(
        " ".join((a.premise, *a.points, a.ask or ""))
        for t in area.themes
        for a in t.angles
        if a.holds_in(country)
    )


def test_a_us_reader_is_told_asc_842_keeps_operating_lease_cost_in_ebitda():
    """IFRS 16 took lease costs out of operating expenses; ASC 842 did not, so a
    US analyst told that EBITDA rose would spread leverage wrongly."""
    us, gb = angle_text("US"), angle_text("GB")
    assert "ASC 842" in us and "stays in operating expenses" in us
    assert not re.search(r"(?<!IFRS 16 )[Ll]ease costs left operating expenses", us)
    assert "IFRS 16" in gb and "ASC 842" not in gb


def test_a_uk_modeler_s_titles_and_moments_name_no_us_rule(modeler_gb):
    """ "IFRS 9 and CECL" and "(ECL and CECL)" told a UK modeller of a US
    standard their plan never discussed."""
    titles = " ".join(t.title for t in modeler_gb.outline)
    assert not US_WORDS.search(titles), titles
    area = LIB.area("credit-risk")
    gb = " ".join(m.name for m in area.moments if m.holds_in("GB"))
    assert not US_WORDS.search(gb), gb
    assert "Credit Scoring and Credit Control" in gb


def test_a_uk_modeler_is_offered_basel_3_1_before_fair_lending():
    """A PRA-facing modeller's biggest change in these weeks is Basel 3.1, not
    a commercial analyst's five Cs."""
    order = _offered(MODELER_GB)
    assert order.index("capital") < 4 and order.index("cash-flow-lending") >= 4
    assert order.index("capital") < order.index("fair-lending")
    gb = angle_text("GB")
    assert "Basel 3.1" in gb and "check the current date" in gb
    assert "Basel 3.1" not in angle_text("US")


def test_uk_readers_read_uk_law_on_explaining_and_testing_decisions():
    """Disparate impact, adverse action reasons and fair lending are US law; a
    UK reader reads indirect discrimination, the Consumer Credit Act's named
    agency and UK GDPR Article 22, and a commercial analyst CAMPARI."""
    gb = angle_text("GB")
    for words in ("Equality Act 2010", "credit reference agency", "Article 22", "CAMPARI"):
        assert words in gb, words
    assert not US_WORDS.search(gb), US_WORDS.search(gb)
    us = angle_text("US")
    assert "disparate impact" in us.lower() and "five Cs" in us
    assert "CAMPARI" not in us and "Article 22" not in us


UK_CREDIT_WORDS = re.compile(
    r"interest cover\b|cover ratio|credit paper|facility agreement|management accounts|"
    r"note to the accounts|[Cc]ovenant headroom\b(?!,)"
)


def test_a_us_analyst_reads_us_credit_words(analyst_us):
    """Interest cover, covenant headroom, credit paper, facility agreements and
    management accounts are a UK banker's words; forbearance in the EU sense is
    not the US rule, which since ASU 2022-02 discloses modifications to
    borrowers experiencing financial difficulty."""
    us = angle_text("US")
    assert not UK_CREDIT_WORDS.search(us), UK_CREDIT_WORDS.search(us)
    assert "is forbearance, whatever the paperwork" not in us
    assert "ASU 2022-02" in us and "experiencing financial difficulty" in us
    titles = " ".join(t.title + " " + t.summary for t in analyst_us.outline)
    assert not UK_CREDIT_WORDS.search(titles), titles
    assert "is forbearance, whatever the paperwork" in angle_text("GB")


def test_a_us_analyst_s_playbook_names_csi_and_glba(analyst_us):
    """Exam findings are confidential supervisory information, and a
    guarantor's personal financial statement is GLBA-protected customer data:
    a US analyst's playbook says both in their own words."""
    text = " ".join(card_text(e) for e in analyst_us.playbook)
    assert "confidential supervisory information (CSI)" in text
    assert "Gramm-Leach-Bliley" in text and "personal financial statement" in text


def test_a_uk_modeler_s_own_models_and_allowance_are_kept_out():
    """A validator's findings, a model's Gini and the loss allowance before
    results are the bank's: the playbook keeps them out, the ideas on them carry
    the fence, and no idea asks for the weakness the reader found."""
    plan = plan_for(MODELER_GB, "GB", ("expert", "speaking"))
    cards = {e.slug: e for e in plan.playbook}
    assert "models-and-allowance" in cards
    assert "validation finding" in card_text(cards["models-and-allowance"])
    fenced = {i.hook for i in plan.ideas if i.caution}
    own = [
        i.hook
        for i in plan.ideas
        if "validate a PD model" in i.hook or "post-model adjustment" in i.hook.lower()
    ]
    assert own and set(own) <= fenced, own
    said = {i.caution for i in plan.ideas if i.hook in own}
    assert all("your own bank's models" in c for c in said), said
    assert "turns up most often" not in angle_text("GB")


def test_the_tone_s_exact_terms_hold_for_a_uk_modeler(modeler_gb):
    """The five Cs and the credit memo are a US commercial analyst's words; a UK
    modeller's tone names terms they use, and the EAD idea says revolving
    facility, not the US revolver."""
    terms = modeler_gb.tone.field_terms
    assert "probability of default" in terms
    area = LIB.area("credit-risk")
    assert not set(terms) & area.concepts_abroad("GB"), terms
    assert not {"five Cs", "credit memo", "cash-flow lending"} & set(terms), terms
    assert not re.search(r"\brevolvers?\b", ideas_text(modeler_gb))


def test_a_us_analyst_follows_us_bodies_not_the_lma(analyst_us):
    """The LMA writes Europe's loan documents; a US analyst follows the LSTA, the
    Fed's SR letters and the Comptroller's Handbook's Rating Credit Risk booklet."""
    follow = " ".join(analyst_us.setup.follow)
    assert "LSTA" in follow and "Rating Credit Risk" in follow and "SR letters" in follow
    assert "Loan Market Association" not in follow


def test_credit_people_are_offered_the_tags_they_use(analyst_us, modeler_gb):
    """#CreditRisk and #CreditAnalysis are the field's tags; #PD reads as
    anything but probability of default."""
    for plan in (analyst_us, modeler_gb):
        assert {"#CreditRisk", "#CreditAnalysis"} <= set(plan.setup.tags), plan.setup.tags
        assert "#PD" not in plan.setup.tags


def test_a_us_business_borrower_is_sent_to_us_routes(analyst_us):
    """Under Regulation B a larger business may get its reasons only on request,
    a business-loan complaint goes to the bank's federal regulator more than the
    CFPB, and a small business owner's own adviser is an SBDC or SCORE."""
    text = " ".join(card_text(e) for e in analyst_us.playbook)
    assert "how to ask for them" in text
    assert "the bank's federal regulator (the OCC, the FDIC or the Federal Reserve)" in text
    assert "Small Business Development Centers" in text


def test_a_guarantor_s_personal_finances_carry_their_own_fence(analyst_us):
    """The global cash flow idea asks about a guarantor's personal financial
    statement: its Keep out line names it, not a share price."""
    idea = next(i for i in analyst_us.ideas if i.hook.startswith("Global cash flow"))
    assert "personal financial statement, tax return" in idea.caution


def test_a_site_visit_story_keeps_the_borrower_unplaceable(analyst_us):
    """Most borrowers are private companies, recognized by their town and trade,
    not by a share price."""
    idea = next(i for i in analyst_us.ideas if "site visit" in i.hook)
    assert "no industry, town, size or date" in idea.caution
