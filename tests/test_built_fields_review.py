"""Built-environment, legal, privacy, finance and rail fields read true for the
country and the date (30 Nov 2026) a practitioner reads them on.

Each test pins one thing a practitioner's review found wrong: another country's
law or words in the plan, a rule stated out of date, or an idea that asks for
what the field's own playbook forbids.
"""

from __future__ import annotations

from tests.test_playbook import playbook, text_of
from tests.test_playbook_newfields import reviewed_plan
from wizard.library import load_library

LIB = load_library()


def field_text(slug: str, country: str) -> str:
    """Every angle of a field a person in ``country`` can read: premise, points, ask."""
    return " ".join(
        " ".join((a.premise, *a.points, a.ask))
        for theme in LIB.area(slug).themes
        for a in theme.angles
        if a.holds_in(country)
    )


def plan_text(made) -> str:
    """A plan's ideas and tone, as the person reads them."""
    ideas = " ".join(" ".join((i.hook, *i.outline)) for t in made.outline for i in t.ideas)
    return ideas + " " + repr(made.tone)


# --- Employment law (GB solicitor) ------------------------------------------


def solicitor():
    return reviewed_plan(
        "Employment law",
        "Employment solicitor, regional law firm",
        "unfair dismissal\nsettlement agreements",
        "HR managers and business owners",
        "GB",
        2,
    )


def test_a_gb_solicitor_reads_no_us_statute_in_ideas_or_tone():
    text = plan_text(solicitor())
    for us in ("OWBPA", "ADEA", "in the US", "EEOC", "NLRB"):
        assert us not in text, us
    for us in ("OWBPA", "ADEA", "EEOC", "NLRB", "SEC "):
        assert us not in field_text("employment-law", "GB"), us


def test_the_shorter_qualifying_period_is_dated_and_not_put_off():
    text = field_text("employment-law", "GB")
    assert "1 January 2027" in text and "six months" in text
    assert "section 97(2)" in text
    assert "Why I don't give dates" not in text
    assert "qualifying period is shrinking" not in text


def test_a_missed_section_203_condition_leaves_contract_claims_settleable():
    text = field_text("employment-law", "GB")
    assert "settles nothing" not in text
    assert "settles no statutory claim" in text


def test_the_solicitor_advises_employers_not_the_employee_on_fees():
    text = field_text("employment-law", "GB")
    assert "contribution to my fee" not in text
    assert "surprises employees" not in text


def test_the_solicitor_s_tone_examples_are_private_practice_not_in_house():
    tone = repr(solicitor().tone)
    assert "48 percent" not in tone and "legal said so" not in tone


# --- Electrical contracting (GB electrician) --------------------------------


def test_no_amendment_number_or_retired_surge_rule_is_named():
    text = field_text("electrical-contracting", "GB")
    assert "Amendment 2" not in text
    assert "risk assessment shows it isn't needed" not in text
    assert "owner chooses to accept the risk" in text


def test_the_ev_theme_names_open_pen_and_the_smart_charge_point_regulations():
    ev = LIB.area("electrical-contracting").theme("ev-charging")
    text = " ".join(" ".join((a.premise, *a.points)) for a in ev.angles if a.holds_in("GB"))
    assert "PME" in text and "open-PEN" in text
    assert "Electric Vehicles (Smart Charge Points) Regulations 2021" in text


def test_landlords_read_every_eicr_code_and_their_deadlines():
    text = field_text("electrical-contracting", "GB")
    assert "C1, C2, C3 and FI" in text
    assert "£30,000" in text and "7 days" in text


def test_no_invented_first_person_number_or_dig_at_other_firms():
    text = field_text("electrical-contracting", "GB")
    assert "halves the time" not in text
    assert "done from the doorway" not in text
    assert "fine for good" not in text
    assert "do customers pay for them" not in text


# --- Architecture (GB associate) ---------------------------------------------


def architect():
    return reviewed_plan(
        "Architecture",
        "Associate architect, mid-size practice",
        "retrofit\nbuilding safety",
        "clients and other architects",
        "GB",
        3,
    )


def test_a_gb_architect_reads_no_us_codes_or_zoning():
    made = architect()
    text = plan_text(made) + " " + " ".join(t.summary for t in made.outline)
    for us in ("building code", "energy code", "Energy codes", "zoning", "IECC", "AIA"):
        assert us not in text, us
    for us in ("building code", "zoning", "in the US"):
        assert us not in field_text("architecture", "GB"), us


def test_the_third_approval_is_the_party_wall_act_and_fire_is_in_building_safety():
    text = field_text("architecture", "GB")
    assert "Party Wall etc. Act 1996" in text
    assert "Regulation 7(2)" in text


def test_gateway_and_pre_purchase_ideas_carry_their_fence():
    text = field_text("architecture", "GB")
    assert "no live submission" in text
    assert "not advice on a property" in text


def test_the_architect_s_words_to_leave_out_are_an_architect_s():
    tone = architect().tone
    assert "clean bill of health" not in tone.avoid_words
    assert not any("toxic" in w for w in tone.avoid_words)


# --- Quantity surveying (GB main contractor) --------------------------------


def test_the_payment_notice_rule_and_grove_are_stated_exactly():
    text = field_text("quantity-surveying", "GB")
    assert "by the dates the contract sets" not in text
    assert "five days after the payment due date" in text
    assert "Grove v S&T" in text


def test_no_qs_idea_admits_lost_cost_or_hints_at_the_margin():
    text = field_text("quantity-surveying", "GB")
    assert "could no longer prove at audit" not in text
    assert "Over-valuing a job" not in text
    assert "no comment on any contractor's accounts" in text


def test_cost_planning_speaks_from_the_contractor_s_side_too():
    text = field_text("quantity-surveying", "GB")
    assert "before we sign a PCSA" in text
    assert "Design development risk in design and build" in text
    assert "clause 61.3" in text and "clause 62.6" in text


# --- Railway signalling (GB design engineer) --------------------------------


def signalling_book(country="GB"):
    return playbook(
        LIB,
        "Railway signalling",
        "Signalling design engineer, rail infrastructure",
        country=country,
    )


def test_a_signalling_engineer_s_playbook_has_a_safety_concern_route():
    book = signalling_book()
    assert "rail-safety-concern" in book
    text = text_of(book["rail-safety-concern"])
    assert "CIRAS" in text and "Office of Rail and Road" in text
    assert "CIRAS" not in text_of(signalling_book("US")["rail-safety-concern"])


def test_the_signalling_tone_keeps_what_its_ideas_ask_for():
    made = reviewed_plan(
        "Railway signalling",
        "Signalling design engineer, rail infrastructure",
        "ETCS\ninterlocking",
        "other rail engineers",
        "GB",
        3,
    )
    tone = repr(made.tone)
    assert "Half the records I inherit" not in tone
    assert "mess room" in tone


def test_signalling_ideas_carry_clapham_and_their_fences():
    text = field_text("railway-signalling", "GB")
    assert "Clapham Junction" in text
    assert "say so if you work on it" in text
    assert "digital signaling programs" not in text
    assert "passes the signal" in text


# --- Data protection (GB NHS trust DPO) -------------------------------------


def nhs_dpo():
    return reviewed_plan(
        "Data protection",
        "Data protection officer, NHS trust",
        "subject access requests\ndata sharing",
        "information governance colleagues and clinicians",
        "GB",
        2,
    )


def test_a_dpo_reads_no_tech_company_erasure_story_or_discovery_tool():
    text = field_text("compliance-privacy", "GB")
    for company in (
        "deletion map",
        "discovery tool",
        "analytics copies",
        "legal, security or the DPO",
    ):
        assert company not in text, company
    assert "interviews with every team took months" not in text.lower()


def test_an_nhs_dpo_reads_article_17_3_the_records_code_and_section_170():
    text = field_text("compliance-privacy", "GB")
    assert "Article 17(3)" in text and "Records Management Code" in text
    assert "Section 170" in text
    assert "Many access requests come from employees in a dispute" not in text
    assert "motive doesn't change the search" in text


def test_the_dpo_s_tone_is_about_requests_not_transfers_or_a_stock_metric():
    tone = nhs_dpo().tone
    text = repr(tone)
    assert "48 percent" not in text and "transferred to another country" not in text
    assert "client names" not in tone.avoid_words


# --- Town planning (GB district council officer) ----------------------------


def planner():
    return reviewed_plan(
        "Town planning",
        "Senior planning officer, district council",
        "local plans\ndesign codes",
        "other planners and local developers",
        "GB",
        2,
    )


def test_a_gb_planner_reads_no_us_form_based_codes_or_zoning():
    made = planner()
    text = plan_text(made)
    for us in ("form-based code", "zoning ordinance", "in the US"):
        assert us not in text, us
    assert "form-based code" not in field_text("town-planning", "GB")
    assert "can't be checked at validation" in field_text("town-planning", "GB")


def test_bng_is_dated_as_history_and_the_small_site_change_is_flagged():
    text = field_text("town-planning", "GB")
    assert "Since February 2024 most major development" not in text
    assert "changed the rules for the smallest sites" in text


def test_a_planner_waits_out_the_challenge_period_and_keeps_enforcement_quiet():
    book = playbook(LIB, "Town planning", "Senior planning officer, district council", country="GB")
    live = text_of(book["live-planning-case"])
    assert "time for a challenge or an appeal has run" in live
    assert "enforcement-complaints" in book
    assert "who complained" in text_of(book["enforcement-complaints"])


# --- Treasury (US manufacturing group) --------------------------------------


def treasurer():
    return reviewed_plan(
        "Treasury",
        "Treasury manager, manufacturing group",
        "cash forecasting\nFX hedging",
        "other treasury and finance people",
        "US",
        3,
    )


def test_a_us_treasurer_reads_asc_815_not_ifrs_18_or_administration():
    text = field_text("treasury", "US")
    assert "IFRS 18" not in text and "administration" not in text
    assert "ASC 815" in text and "ASU 2017-12" in text
    assert "IFRS 18" in field_text("treasury", "GB")
    plan = plan_text(treasurer())
    assert "IFRS 18" not in plan and "administration" not in plan


def test_no_treasury_prompt_asks_for_banks_setup_or_controls():
    text = " ".join(
        a.ask for theme in LIB.area("treasury").themes for a in theme.angles if a.holds_in("US")
    )
    for leak in (
        "Which bank's",
        "does your treasury use",
        "does your group use",
        "stopped a fraud attempt",
        "bank accounts does your company hold",
        "The reasoning, never the positions",
    ):
        assert leak not in text, leak


def test_financing_news_waits_for_the_announcement_and_no_first_person_numbers():
    text = field_text("treasury", "US")
    assert "refinanced our revolving credit facility" not in text
    assert "after the company has announced" in text
    assert "closed forty bank accounts" not in text
    assert "structured or hybrid postal addresses" in text
    assert "false pretenses" in text


def test_a_us_treasurer_s_blackout_line_does_not_imply_performance_is_fair_game_outside_it():
    book = playbook(LIB, "Treasury", "Treasury manager, manufacturing group", country="US")
    text = text_of(book["issuer-inside-information"])
    assert "that isn't public, at any time" in text


# --- Terms to spell out, by country ------------------------------------------


def test_the_tone_spells_out_only_terms_of_the_reader_s_own_country():
    us = reviewed_plan(
        "Employment lawyer",
        "Employment lawyer, mid-size firm",
        "severance agreements\nat-will employment",
        "HR managers and business owners",
        "US",
        2,
    )
    assert not {"COT3", "COT3 agreement", "Acas Code"} & set(us.tone.explain_terms)
    gb = solicitor()
    # COT3 is an Acas form's number, with nothing to spell out: a GB solicitor
    # is asked to spell out NDA, never COT3.
    assert "NDA" in gb.tone.explain_terms
    assert not any(t.startswith("COT3") for t in (*us.tone.explain_terms, *gb.tone.explain_terms))
    assert not {"AIA", "IECC", "NCARB"} & set(architect().tone.explain_terms)


def test_figures_in_a_gb_architect_s_ideas_are_metric_abbreviations():
    text = field_text("architecture", "GB")
    assert "18 meters" not in text and "18 m " in text


# --- Playbook cards a practitioner missed ------------------------------------


def test_a_signalling_designer_reads_schemes_and_suppliers_not_a_buyer_s_card():
    book = signalling_book()
    assert "schemes-and-suppliers" in book
    assert "suppliers-and-negotiations" not in book
    assert "non-disclosure agreement" in text_of(book["schemes-and-suppliers"])


def test_a_contractor_qs_keeps_payment_approvers_and_bank_details_out_of_posts():
    book = playbook(
        LIB, "Quantity surveying", "Senior quantity surveyor, main contractor", country="GB"
    )
    assert "payments-and-bank-details" in book
    text = text_of(book["payments-and-bank-details"])
    assert "bank details" in text and "insolvency" in text


def test_a_gb_employment_solicitor_reads_the_harassment_prevention_duty():
    text = field_text("employment-law", "GB")
    assert "reasonable steps to prevent sexual harassment" in text


def test_a_planner_s_complaint_card_is_about_planning_not_a_child():
    book = playbook(LIB, "Town planning", "Senior planning officer, district council", country="GB")
    assert "public-complaint" not in book
    text = text_of(book["planning-complaint"])
    assert "a child" not in text and "Local Government and Social Care Ombudsman" in text


def test_a_lawyer_is_told_a_disclaimer_is_no_cover_and_not_to_thank_a_client_in_public():
    book = playbook(LIB, "Employment law", "Employment solicitor, regional law firm", country="GB")
    text = text_of(book["personal-vs-professional"])
    assert "gives no cover" in text and "confirms they are a client" in text
    assert "Add a short" not in text
