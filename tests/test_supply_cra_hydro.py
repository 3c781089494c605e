"""Three plans read in the reader's own job and country.

A US demand planner reads US supply chain words (POS data, distribution
centers, consumer care, antitrust), no idea that casts them as an S&OP lead,
and no idea that describes their employer's year-end stock management. A GB
CRA at a CRO reads a playbook about the medicines in the trials they work on,
with the REC and MHRA inspections, and no live escalation story. A GB
contaminated-land hydrogeologist whose sub-topics are groundwater
contamination and PFAS gets a theme about them, first.
"""

from __future__ import annotations

import re

import pytest

from tests.field_plans import field_plan
from tests.test_nursing_guidance import idea_text
from tests.test_playbook import playbook, text_of
from wizard.library import load_library

PLANNER = {
    "role": "Supply chain planner, consumer goods manufacturer",
    "expertise": "Supply chain planning",
    "subtopics": "demand forecasting\nS&OP",
    "audience": "other planners and supply chain leaders",
}
CRA = {
    "role": "Clinical research associate, contract research organisation",
    "expertise": "Clinical operations",
    "subtopics": "site monitoring\nrisk-based monitoring",
    "audience": "other CRAs and site staff",
}
HYDRO = {
    "role": "Senior hydrogeologist, environmental consultancy",
    "expertise": "Hydrogeology",
    "subtopics": "groundwater contamination\nPFAS",
    "audience": "other hydrogeologists and regulators",
}
BRITISH_TRADE = ("EPOS", "FMCG", "careline", "depot", "Christmas peak", "NPD", "ranging",
                 "delist", "minimum life on receipt", "competition-law", "Brilliant")


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture(scope="module")
def us_planner(library):
    return field_plan(PLANNER, "US", library=library)


@pytest.fixture(scope="module")
def gb_cra(library):
    return field_plan(CRA, "GB", library=library)


@pytest.fixture(scope="module")
def gb_hydro(library):
    return field_plan(HYDRO, "GB", every=False, weeks=2, library=library)


def _whole(plan, book) -> str:
    tone = " ".join(str(x) for x in vars(plan.tone).values())
    return " ".join([idea_text(plan), tone, *(text_of(e) for e in book.values())])


def test_a_us_planner_reads_us_trade_words(us_planner, library):
    book = playbook(library, "Supply chain planning", PLANNER["role"], country="US")
    text = _whole(us_planner, book)
    for word in BRITISH_TRADE:
        assert not re.search(rf"\b{re.escape(word)}", text, re.IGNORECASE), word
    assert "POS data" in text and "antitrust" in text
    assert "consumer care" in text_of(book["out-of-stock-questions"])
    assert "tariff" in text_of(book["competitors-in-comments"])


def test_a_planner_is_not_cast_as_a_lead_nor_exposes_year_end_stock(us_planner):
    text = idea_text(us_planner)
    assert "From planner to S&OP lead" not in text
    assert "starve the network" not in text
    assert "Year-end inventory targets and service" in text
    # The promotion story asks; it does not tell every planner the same events.
    assert "Sales ran a promotion" not in text
    assert "How we got sales" not in text


def test_a_cra_at_a_cro_reads_sponsors_medicines_not_the_company_s(library):
    book = playbook(library, "Clinical operations", CRA["role"], country="GB")
    everything = " ".join(text_of(e) for e in book.values())
    assert "your company's medicines" not in everything
    assert "medical information line" not in everything
    assert "upcoming sales promotions" not in everything
    assert "the medicines in the trials you work on" in everything
    assert "MHRA GCP inspection findings" in text_of(book["sites-and-inspections"])
    assert "FDA 483" not in everything
    us = playbook(library, "Clinical operations", "Clinical trial manager", country="US")
    assert "FDA 483" in text_of(us["sites-and-inspections"])
    # Someone asking how to join a trial is sent to the public route, never a study.
    join = text_of(book["joining-a-trial"])
    assert "Be Part of Research" in join and "Confirm that a site" in join
    assert "ClinicalTrials.gov" in text_of(us["joining-a-trial"])
    # A drug safety physician keeps the company's own medicines.
    pv = playbook(library, "Drug safety", "Drug safety physician", country="GB")
    assert "your company's medicines" in text_of(pv["company-medicines"])
    assert "joining-a-trial" not in pv


def test_a_gb_cra_reads_no_us_trial_words_nor_a_live_escalation_story(gb_cra):
    text = idea_text(gb_cra)
    for word in ("SCRS", "home health", "study drug", "FDA 483"):
        assert word not in text, word
    assert "IRB or ethics committee" not in text
    assert "the REC in the UK" in text
    assert "problem I could not fix" not in text
    assert "the route, not the case" in text


def test_a_contaminated_land_hydrogeologist_starts_with_contamination_and_pfas(gb_hydro):
    assert gb_hydro.outline[0].title == "Groundwater contamination and PFAS"
    text = idea_text(gb_hydro)
    for real in ("AFFF", "TOP assay", "PTFE", "LCRM", "compliance point", "Part 2A"):
        assert real in text, real
    assert "explained for planners" not in text
    assert "40 meters" not in text


def test_a_consultant_hydrogeologist_s_playbook_covers_other_firms_reports(library):
    book = playbook(library, "Hydrogeology", HYDRO["role"], country="GB")
    review = text_of(book["another-consultants-report"])
    assert "not advice on any site" in review and "Criticize a named firm" in review
    assert "GeoIndex" in text_of(book["someones-own-land"])
    other = playbook(library, "Environmental consulting", "Environmental consultant")
    assert "another-consultants-report" not in other
