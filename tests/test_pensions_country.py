"""A pensions actuary's plan follows their country: a US actuary reads §430,
the AFTAP, Schedule SB, lump-sum windows and the PBGC, and points a
participant to the plan administrator, EBSA and the Pension Rights Center; a
UK actuary keeps the DB Funding Code, technical provisions and MoneyHelper.
Neither is fenced with a bank's borrowers and share prices, and both hear
a valuation actuary's voice, not an accountant's month-end."""

from __future__ import annotations

import re
from datetime import date

import pytest

from wizard.generators.plan import build_plan
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()

WORK = {
    "role": "Pension actuary",
    "expertise": "pensions actuarial",
    "subtopics": "funding valuations\nlump-sum de-risking",
    "audience": "other people in my field",
}
# The UK regime's own words, which a US reader's plan never shows.
UK_ONLY = re.compile(
    r"DB Funding Code|technical provisions|statement of strategy|Fast Track|"
    r"low dependency|significant maturity|\bCMI\b|SAPS|Virgin Media|section 37|"
    r"GMP|gilt|MoneyHelper|Pension Wise|superfund|trustees"
)


def plan_for(country: str, work: dict[str, str] = WORK):
    """The plan of a person who keeps the themes Byline preselects for them."""
    rows = [r for r in theme_rows(suggest_themes(work, ["expert"], LIB)) if r.get("include")]
    answers = {
        "work": work,
        "comfort": {"rung": 2, "channels": ["linkedin"], "time": "2-hours"},
        "goals": {"goals": ["expert", "network"]},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "country": country},
        "situations": {},
    }
    return build_plan(answers, LIB, seed=3, today=date(2026, 11, 30))


def ideas_text(plan) -> str:
    return "\n".join(" ".join((i.hook, *i.outline, i.make_it_yours)) for i in plan.ideas)


def playbook_text(plan) -> str:
    return "\n".join(
        " ".join([e.title, e.summary, e.approach, e.detail, *e.do, *e.dont]) for e in plan.playbook
    )


@pytest.fixture(scope="module")
def us():
    return plan_for("US")


@pytest.fixture(scope="module")
def gb():
    return plan_for("GB")


def test_a_us_pensions_actuary_reads_us_funding_rules_and_none_of_the_uk_s(us):
    text = ideas_text(us)
    assert not UK_ONLY.search(text), UK_ONLY.search(text)
    titles = " ".join(t.title + " " + t.summary for t in us.outline)
    assert not UK_ONLY.search(titles), titles
    assert "§430" in text and "Schedule SB" in text


def test_a_uk_pensions_actuary_keeps_the_funding_code(gb):
    text = ideas_text(gb)
    assert "DB Funding Code" in text or "statement of strategy" in text
    assert "§430" not in text and "AFTAP" not in text


def test_a_pensions_actuary_s_ideas_keep_out_no_borrowers_or_share_prices(us, gb):
    for plan in (us, gb):
        cautions = " ".join(i.caution for i in plan.ideas)
        assert "borrower" not in cautions and "share price" not in cautions


def test_a_us_participant_is_sent_to_us_help_and_a_uk_member_to_uk_help(us, gb):
    book = playbook_text(us)
    assert "EBSA" in book and "Pension Rights Center" in book
    assert "MoneyHelper" not in book and "scheme administrator" not in book
    assert "MoneyHelper" in playbook_text(gb)
    slugs = {e.slug for e in us.playbook}
    assert "payment-controls" not in slugs


def test_a_pensions_actuary_hears_a_valuation_voice_not_month_end(us):
    examples = " ".join(f"{ln.example} {ln.counter}" for ln in us.tone.lines)
    assert "valuation" in examples
    assert not re.search(r"monthly|ledger|month-end", examples, re.I), examples


def test_a_us_pensions_actuary_s_words_to_use_are_american(us):
    terms = " ".join(us.tone.field_terms)
    assert not UK_ONLY.search(terms), terms
    assert "segment rates" in us.tone.field_terms and "AFTAP" in us.tone.field_terms


def test_a_uk_pensions_actuary_s_words_to_use_stay_british(gb):
    assert "DB Funding Code" in gb.tone.field_terms
    assert "AFTAP" not in gb.tone.field_terms


def test_a_us_actuary_s_setup_week_names_the_us_year_and_a_uk_one_s_does_not(us, gb):
    us_moments = " ".join(us.setup.moments)
    assert "10-K" in us_moments and "Form 5500" in us_moments
    assert "10-K" not in " ".join(gb.setup.moments)
    # The profile line leaves room for the credentials a US pensions actuary uses.
    assert "EA" in us.setup.profile_line and "FIA" not in us.setup.profile_line


def test_lump_sum_de_risking_opens_on_the_field_s_own_us_theme(us):
    """The typed sub-topic finds the theme that is about it, so the plan opens on
    lump sums and the PBGC rather than a template's "what I show a new colleague"."""
    assert us.outline[0].key == "area:pensions-actuarial:us-plans"
    assert not any("new colleague first about" in i.hook for i in us.ideas)


def test_a_pensions_actuary_s_asks_count_over_valuations_not_cases(us):
    asks = [
        i.make_it_yours
        for i in us.ideas
        if re.search(r"many \w+[,?]|your \w+, how", i.make_it_yours)
    ]
    assert asks and all("valuations" in a and "cases" not in a for a in asks), asks


def test_each_country_reads_its_own_theme_titles(us, gb):
    """A UK actuary's themes speak of schemes and trustees, a US actuary's of
    plans and sponsors; the shared wording is only for readers elsewhere."""
    gb_titles = [t.title for t in gb.outline]
    us_titles = [t.title for t in us.outline]
    assert "The DB Funding Code in practice" in gb_titles
    assert "Valuations trustees can follow" in gb_titles
    assert "Minimum funding in practice" in us_titles
    assert not any("trustees" in t or "scheme" in t for t in us_titles)
    assert not any(re.search(r"\ba board\b|\bplan\b", t) for t in gb_titles)
