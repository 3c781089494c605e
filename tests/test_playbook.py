"""The playbook reads as written for each field: cautious defaults where a
role asks for them, an owner's words for people who run their own business,
and the hazards each field's practitioners named."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from wizard.generators.plan import field_sectors
from wizard.generators.playbook import (
    UNKNOWN_FAMILY_LEAD,
    PlaybookEntry,
    Standing,
    person_standing,
    playbook_family,
    playbook_field,
    playbook_sectors,
    runs_own_business,
    situation_playbook,
)
from wizard.library import load_library
from wizard.library.loader import LIBRARY_DIR, read_library
from wizard.library.schema import LibraryError
from wizard.steps import initial_situations

CAUTIOUS = {"where-expertise-meets", "stay-out-in-public"}


@pytest.fixture(scope="module")
def library():
    return load_library()


def playbook(
    library,
    expertise: str,
    role: str = "",
    programme_sector: str = "",
    programme: bool = False,
    country: str = "",
) -> dict[str, PlaybookEntry]:
    """A person's playbook by situation slug, as their framework will hold it
    (``country``: where they live, an ISO code; "" when they named none)."""
    work = {"expertise": expertise, "role": role or expertise}
    area = library.field_for(work)
    sectors = playbook_sectors(library, field_sectors(area, work, library), programme_sector)
    entries = situation_playbook(
        {},
        library,
        sectors,
        playbook_family(library, area, work),
        person_standing(work, programme or bool(programme_sector)),
        playbook_field(area),
        (),
        country,
    )
    return {e.slug: e for e in entries}


def text_of(entry: PlaybookEntry) -> str:
    return " ".join(
        [entry.title, entry.summary, entry.approach, entry.detail, *entry.do, *entry.dont]
    )


# Who should start cautious on politics and on criticism of their employer,
# and who keeps the general defaults.
CAUTIOUS_PEOPLE = [
    ("Nursing", "Staff nurse on an NHS ward"),
    ("Pensions actuarial work", "Scheme actuary"),
    ("Commercial litigation", "Litigation associate"),
    ("Public policy", "Policy adviser in a ministry"),
    ("Teaching", "Secondary school teacher"),
    ("Data protection", "Data protection officer"),
    ("Hydrogeology", "Senior hydrogeologist"),
    ("Pharmacovigilance", "Drug safety physician"),
]


@pytest.mark.parametrize(("expertise", "role"), CAUTIOUS_PEOPLE)
def test_regulated_and_impartial_roles_start_cautious(library, expertise, role):
    book = playbook(library, expertise, role)
    political, criticism = book["political-topics"], book["criticism-of-employer"]
    cautious = {library.situation("political-topics").option(o).label for o in CAUTIOUS}
    assert political.recommended and political.approach in cautious
    assert criticism.recommended and criticism.approach.startswith("Don't reply; pass it to")


def test_a_civil_servant_stays_out_of_politics_in_public_and_the_sector_outranks_the_family(
    library,
):
    civil_servant = playbook(library, "Public policy", "Policy adviser")
    assert civil_servant["political-topics"].approach == "Stay out of it in public"
    teacher = playbook(library, "Teaching", "Teacher")
    assert teacher["political-topics"].approach.startswith("Speak only where your expertise")
    # The public family alone says "speak only where your expertise meets";
    # the public-sector sector's "stay out" wins.
    assert dict(library.family("public").recommend)["political-topics"] == "where-expertise-meets"


def test_the_programme_s_sector_sets_the_default_first(library):
    engineer = playbook(library, "Backend engineering", "Software engineer")
    assert engineer["political-topics"].approach == "Share your view, clearly as your own"
    assert engineer["criticism-of-employer"].approach == "Correct wrong facts politely, once"
    in_hospital = playbook(
        library, "Backend engineering", "Software engineer", programme_sector="healthcare"
    )
    assert in_hospital["political-topics"].recommended
    assert in_hospital["political-topics"].approach.startswith("Speak only where")


def test_cautious_politics_never_stops_anyone_talking_about_pay_or_conditions(library):
    from wizard.programme import guardrail_warnings

    political = library.situation("political-topics")
    assert any("pay" in line and "industrial action" in line for line in political.do)
    assert "pay and working conditions stay yours" in political.option("stay-out-in-public").detail
    for situation in library.situations:
        for words in (situation, situation.owner):
            if words is None:
                continue
            texts = [words.title, words.summary, *words.do, *words.dont]
            texts += [f"{o.label}. {o.detail}" for o in words.options]
            texts += [line for o in words.options for line in (*o.do, *o.dont)]
            assert not [t for t in texts if guardrail_warnings(t)], situation.slug


def test_step_6_starts_each_person_on_their_own_default(library):
    nurse = initial_situations({"work": {"expertise": "Nursing", "role": "Staff nurse"}})
    assert nurse["political_topics"] in CAUTIOUS
    assert nurse["criticism_of_employer"] == "let-it-stand"
    engineer = initial_situations({"work": {"expertise": "Backend engineering"}})
    assert engineer["political_topics"] == "own-views-labelled"
    within = initial_situations(
        {"work": {"expertise": "Backend engineering"}}, programme_sector="public-sector"
    )
    assert within["political_topics"] == "stay-out-in-public"


def _copy(tmp_path: Path) -> Path:
    directory = tmp_path / "library"
    shutil.copytree(LIBRARY_DIR, directory, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return directory


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('recommend = { political-topics = "shout-loudly" }', "is not one of its options"),
        ('recommend = { no-such-situation = "x" }', "is not a general situation"),
        ('recommend = { customer-complaint = "take-offline" }', "is also skipped"),
    ],
)
def test_the_library_refuses_a_default_that_cannot_be_shown(tmp_path, line, message):
    directory = _copy(tmp_path)
    families = directory / "families.toml"
    text = families.read_text()
    # The legal family skips "A customer complains"; give it a new default.
    text = text.replace(
        'lead = ["confidential-information", "naming-clients", "journalist-contact"]\n'
        'recommend = { political-topics = "where-expertise-meets", '
        'criticism-of-employer = "let-it-stand" }',
        'lead = ["confidential-information", "naming-clients", "journalist-contact"]\n' + line,
    )
    families.write_text(text)
    with pytest.raises(LibraryError, match=message):
        read_library(directory)


def test_the_library_refuses_owner_words_for_an_unknown_option(tmp_path):
    directory = _copy(tmp_path)
    situations = directory / "situations.toml"
    situations.write_text(
        situations.read_text()
        + '\n[situations.owner.options.no-such-option]\nlabel = "Something"\n'
    )
    with pytest.raises(LibraryError, match="owner.options: 'no-such-option'"):
        read_library(directory)


@pytest.mark.parametrize(
    "role",
    [
        "Owner, Hale Electrical",
        "Self-employed electrician",
        "Freelance UX writer",
        "Founder and CEO",
        "Sole trader",
        "Partner at my own practice",
        "Director of my own consultancy",
        "I run my own plumbing business",
        "Co-owner of a bakery",
        "Owner-operator",
        "Heating engineer, runs a small plumbing and heating firm",
        "Runs a heating & plumbing business",
    ],
)
def test_owners_and_the_self_employed_are_known_from_their_role(role):
    assert runs_own_business(role)


@pytest.mark.parametrize(
    "role",
    [
        "Product owner",
        "Process owner at a bank",
        "Data owner for customer records",
        "Senior software engineer",
        "Electrician",
        "Partner manager",
        "Managing director",
        "Project manager running a programme for a firm",
        "Runs a team at a consultancy",
        "Runs the data practice at a consultancy",
        "",
    ],
)
def test_a_job_called_owner_inside_a_company_is_not_an_owner(role):
    assert not runs_own_business(role)


def test_an_owner_electrician_is_never_told_to_ask_his_comms_team(library):
    book = playbook(library, "Electrical contracting", "Owner, Hale Electrical")
    everything = " ".join(text_of(e) for e in book.values())
    for words in (
        "comms team",
        "media relations",
        "your employer",
        "official statement",
        "press team",
        "you work there",
    ):
        assert words not in everything, words
    assert book["criticism-of-employer"].title.startswith("Someone criticizes your")
    # The owner's words, in the trades' own: a business partner, not "fellow partners".
    viral = text_of(book["post-goes-viral"])
    assert "business partner" in viral and "fellow partners" not in viral
    assert book["company-crisis"].title == "Something goes badly wrong at your business"
    assert book["journalist-contact"].approach == "Take the question and call back prepared"
    # The owner's words are the same situation: the same options, in order.
    general = library.situation("criticism-of-employer")
    assert [o.slug for o in general.owner.options] == [o.slug for o in general.options]


def test_in_a_programme_an_owner_has_a_comms_team_after_all(library):
    standing = person_standing({"role": "Practice owner"}, programme=True)
    assert standing == Standing(owner=True, programme=True) and not standing.owner_words
    book = playbook(library, "Electrical contracting", "Owner, Hale Electrical", programme=True)
    assert book["criticism-of-employer"].title == "Someone criticizes your employer in public"


def test_general_cards_read_right_without_a_comms_team(library):
    """An employee outside a programme may work in a small firm: the cards name
    a manager or whoever handles press, not only a comms team."""
    book = playbook(library, "Backend engineering", "Software engineer")
    journalist = book["journalist-contact"]
    assert journalist.approach == "Thank them and pass it to whoever handles press"
    assert "small firm" in journalist.detail
    assert "small firm" in library.situation("criticism-of-employer").option("let-it-stand").detail


def test_trades_never_give_fixed_wiring_instructions_and_name_the_registered_person(library):
    book = playbook(library, "Electrical contracting", "Electrician", country="GB")
    diy = book["diy-question"]
    assert diy.recommended and "registered person" in diy.approach
    assert any("Part P in England and Wales" in line for line in diy.do)
    assert not any("in the US" in line for line in diy.do)
    assert any("fixed wiring" in line for line in diy.dont)
    fault = book["dangerous-fault-photo"]
    assert fault.approach == "Tell them to make it safe and call someone"
    assert any("Diagnose" in line for line in fault.dont)
    assert "scorched socket" in fault.summary
    us = playbook(library, "Electrical contracting", "Electrician", country="US")
    assert any("local permit rules" in line for line in us["diy-question"].do)
    assert not any("Part P" in line for line in us["diy-question"].do)
    assert any("breaker panel" in line for line in us["dangerous-fault-photo"].do)


def test_a_gas_smell_is_never_sent_to_the_switches(library):
    """A gas smell and a CO alarm have their own first steps: no switches, the
    consumer unit included, and the gas emergency line for the reader's
    country (Northern Ireland's number beside Great Britain's)."""
    book = playbook(
        library, "Plumbing and heating", "Heating engineer, runs a small plumbing and heating firm", country="GB"
    )
    fault = book["dangerous-fault-photo"]
    assert not any("gas meter" in line for line in fault.do)
    assert any("no switches" in line and "0800 111 999" in line for line in fault.do)
    gas = book["gas-smell-or-co"]
    text = " ".join(gas.do)
    assert "0800 111 999" in text and "0800 002 001" in text
    assert "no light switches" in text and "medical advice" in text
    assert "consumer unit" not in text
    assert any("switch anything on or off" in line for line in gas.dont)
    us = playbook(library, "Plumbing and heating", "Plumber", country="US")
    assert "0800" not in " ".join(us["gas-smell-or-co"].do) and "911" in " ".join(us["gas-smell-or-co"].do)
    claims = book["savings-claims"]
    assert "CAP Code" in claims.summary and "ASA" in claims.summary


def test_a_dpo_s_playbook_keeps_independence_requests_and_vendors_apart(library):
    book = playbook(library, "Data protection", "Data protection officer")
    slugs = list(book)
    assert slugs[:3] == [
        "own-organization-processing",
        "real-requests-and-breaches",
        "vendor-testimonial",
    ]
    assert "Article 38" in book["own-organization-processing"].summary
    assert any("even redacted" in line for line in book["real-requests-and-breaches"].dont)
    assert book["vendor-testimonial"].approach == "Decline politely"
    assert "disclosed" in library.sector("privacy").situations[2].options[1].label


def test_a_nurse_s_playbook_holds_boundaries_simulation_and_no_clinical_advice(library):
    book = playbook(library, "Nursing", "Staff nurse")
    assert "your regulator" in book["connection-requests"].summary
    assert book["clinical-advice-online"].approach.startswith("Don't advise")
    photos = book["photos-at-work"]
    assert any("teaching or debriefing" in line for line in photos.dont)
    assert "naming-clients" not in book


def test_an_environmental_consultant_has_a_family_of_their_own(library):
    assert library.field_for({"expertise": "Hydrogeology"}).family == "environment"
    assert library.family_for("Senior hydrogeologist").slug == "environment"
    assert library.family_for("Contaminated land consultant").slug == "environment"
    book = playbook(library, "Hydrogeology", "Senior hydrogeologist")
    assert list(book)[:4] == [
        "client-site-results",
        "pollution-in-the-news",
        "site-in-dispute",
        "someones-own-land",
    ]
    assert any("GPS" in line for line in book["client-site-results"].do)
    assert "defamation" in book["client-site-results"].summary
    assert "cross-examination" in book["site-in-dispute"].summary
    assert any("safe to drink" in line for line in book["someones-own-land"].dont)


def test_a_pensions_actuary_never_advises_a_member_or_names_a_deal_early(library):
    book = playbook(library, "Pensions actuarial work", "Scheme actuary")
    member = book["own-pension-question"]
    assert member.approach.startswith("Don't answer")
    assert any("MoneyHelper" in line for line in member.do)
    deals = book["deals-before-announced"]
    assert any("scheme, a sponsor or an insurer" in line for line in deals.dont)


def test_a_litigator_says_nothing_on_the_firm_s_cases_and_routes_advice_to_intake(library):
    book = playbook(library, "Commercial litigation", "Litigation associate")
    assert book["client-matter"].approach == "Say nothing, even if it's public"
    assert book["advice-by-message"].approach == "No advice; route it through intake"
    assert any("conflict" in line for line in book["advice-by-message"].do)


@pytest.mark.parametrize(("expertise", "role"), CAUTIOUS_PEOPLE)
def test_no_field_is_shown_the_same_situation_twice(library, expertise, role):
    work = {"expertise": expertise, "role": role}
    area = library.field_for(work)
    sectors = playbook_sectors(library, field_sectors(area, work, library))
    entries = situation_playbook({}, library, sectors, playbook_family(library, area, work))
    titles = [e.title for e in entries]
    assert len(titles) == len(set(titles))
    assert all(re.match(r"[A-Z]", t) for t in titles)


def test_step_6_shows_an_owner_his_own_words_and_a_nurse_her_cautious_defaults(walk, client, pages):
    """The situations step offers the words and starts on the approach the
    person's playbook will hold."""
    walk.start()
    for step in ("work", "comfort", "goals", "tone", "themes"):
        walk.submit(
            step,
            {
                "work": {
                    "role": "Owner, Hale Electrical",
                    "expertise": "Electrical contracting",
                    "subtopics": "EV chargers\nconsumer units",
                }
            }.get(step),
        )
    page = pages.check(client.get(f"{walk.base}/step/situations"))
    criticism = page.find(id="situation-criticism-of-employer")
    assert "Someone criticizes your business in public" in criticism.get_text()
    labels = [label.get_text(" ", strip=True) for label in criticism.select("label")]
    assert "Don't reply; keep a record" in labels
    assert "a defensive reply from the owner" in criticism.get_text()
    assert "an employee arguing" not in criticism.get_text()
    text = page.find("main").get_text(" ")
    assert "media relations" not in text and "comms team" not in text
    assert "A customer posts a photo of an electrical fault" in text

    walk.start()
    nurse = {"role": "Staff nurse", "expertise": "Nursing", "subtopics": "wound care\nsepsis"}
    for step in ("work", "comfort", "goals", "tone", "themes"):
        walk.submit(step, {"work": nurse}.get(step))
    page = pages.check(client.get(f"{walk.base}/step/situations"))
    checked = page.select_one('input[name="political_topics"][checked]')
    assert checked["value"] == "where-expertise-meets"
    political = page.find(id="situation-political-topics").get_text(" ")
    assert "Recommended: Speak only where your expertise meets the issue" in political
    assert page.find(id="situation-connection-requests")
    # The owner's words stayed with the owner's page.
    criticism = page.find(id="situation-criticism-of-employer").get_text(" ")
    assert "Someone criticizes your employer in public" in criticism
    assert "an employee arguing" in criticism and "keep a record" not in criticism


# The practitioners who read their playbooks and named the hazards of their
# own field that were missing.
PRACTITIONERS = [
    ("Security operations", "SOC lead"),
    ("Medical device regulatory affairs", "Regulatory affairs manager, medical devices"),
    ("Treasury", "Group treasurer"),
    ("Procurement", "Procurement category manager"),
    ("Customer success", "Customer success manager"),
    ("Nursing", "Staff nurse"),
    ("Teaching", "Secondary school teacher"),
]


def everything(book: dict[str, PlaybookEntry]) -> str:
    return " ".join(text_of(e) for e in book.values())


def all_words(library, slug: str) -> list[str]:
    """Every text of a situation a reader could be shown: its options'
    labels and details as well as the chosen one."""
    situation = next(
        s
        for s in (
            *library.situations,
            *(s for f in library.families for s in f.situations),
            *(s for sector in library.sectors for s in sector.situations),
        )
        if s.slug == slug
    )
    return [situation.summary, *situation.do, *situation.dont] + [
        f"{o.label} {o.detail}" for o in situation.options
    ]


@pytest.mark.parametrize(("expertise", "role"), PRACTITIONERS)
def test_practitioners_see_each_situation_once_and_their_field_s_hazards_first(
    library, expertise, role
):
    work = {"expertise": expertise, "role": role}
    area = library.field_for(work)
    sectors = playbook_sectors(library, field_sectors(area, work, library))
    entries = situation_playbook(
        {}, library, sectors, playbook_family(library, area, work), field=playbook_field(area)
    )
    titles = [e.title for e in entries]
    assert len(titles) == len(set(titles))
    assert entries[0].sector, "the field's own hazards come first"


def test_a_soc_lead_never_maps_the_defences_and_leaves_disclosure_clocks_to_legal(library):
    book = playbook(library, "Security operations", "SOC lead")
    defences = book["showing-defences"]
    assert list(book).index("showing-defences") < list(book).index("confidential-information")
    assert any("index names, hostnames" in line for line in defences.do)
    assert any("rough range" in line for line in defences.do)
    assert any("EDR, SIEM" in line and "gaps" in line for line in defences.dont)
    assert any("false-positive rate" in line and "on-call" in line for line in defences.dont)
    incident = " ".join(book["incident-talk"].do)
    for clock in ("Form 8-K Item 1.05", "NIS2 24-hour early warning", "DORA", "legal"):
        assert clock in incident, clock
    tlp = " ".join(book["threat-intel-sharing"].dont)
    for label in ("TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"):
        assert label in tlp, label


@pytest.mark.parametrize(
    ("expertise", "role"),
    [p for p in PRACTITIONERS if p[0] != "Nursing"]
    + [("Backend engineering", "Software engineer"), ("Public policy", "Policy adviser")],
)
def test_nobody_outside_medicines_is_told_about_prescription_medicines(library, expertise, role):
    book = playbook(library, expertise, role)
    assert "prescription medicine" not in everything(book).lower()
    # Nor in the options they did not choose.
    card = library.situation("confidential-information")
    assert not [o for o in card.options if "medicine" in o.detail]


def test_a_drug_safety_physician_keeps_the_medicines_exception(library):
    book = playbook(library, "Pharmacovigilance", "Drug safety physician")
    detail = book["confidential-information"].detail
    assert "prescription medicines" in detail and "medical affairs" in detail


def test_a_device_ra_manager_reads_a_device_playbook_not_a_drug_one(library):
    book = playbook(
        library, "Medical device regulatory affairs", "Regulatory affairs manager, medical devices"
    )
    text = everything(book)
    for drug_word in ("safety intake", "medicine", "SmPC", "Sites, investigators"):
        assert drug_word not in text, drug_word
    assert "sites-and-inspections" not in book and "praising-products" not in book
    complaint = book["device-complaint-online"]
    assert complaint.approach.startswith("Send it to complaint handling today")
    assert any("MDR Article 87" in line and "15 days" in line for line in complaint.do)
    claims = book["company-devices"]
    assert "MDR Article 7" in claims.summary
    assert any("intended purpose" in line for line in claims.dont)
    notice = book["field-safety-notice"]
    assert notice.approach == "Link the published notice and add nothing"
    assert any("before the notice is out" in line for line in notice.dont)
    audits = book["notified-body-and-audits"]
    assert any("notified body" in line for line in audits.dont)
    assert any("non-conformities" in line for line in audits.dont)
    assert "intended purpose" in book["confidential-information"].detail


def test_a_treasurer_keeps_the_payment_process_off_line_and_knows_the_closed_period(library):
    book = playbook(library, "Treasury", "Group treasurer")
    payments = book["payment-controls"]
    assert "BEC" in payments.summary
    assert any("approval limits, bank signatories" in line for line in payments.dont)
    assert any("treasury management system" in line for line in payments.dont)
    quote = book["bank-or-vendor-quote"]
    assert "endorsement" in quote.summary and quote.approach.startswith("Decline for now")
    inside = book["issuer-inside-information"]
    assert any("MAR" in line and "closed period" in line for line in inside.dont)
    # A corporate treasurer is an issuer's insider, not a broker-dealer: no
    # investment adviser referrals and no securities traded for clients.
    assert "advice-request" not in book and "market-statements" not in book
    assert "client confidentiality" not in everything(book)
    # An in-house treasurer has no customers and sees no one's payslips; an
    # accountant keeps both cards.
    assert "other-peoples-pay-data" not in book and "customer-complaint" not in book
    accountant = playbook(library, "Financial reporting", "Financial accountant")
    assert "other-peoples-pay-data" in accountant and "customer-complaint" in accountant


def test_a_tax_manager_meets_the_tax_authoritys_reading_first(library):
    book = playbook(library, "Corporate tax", "Corporate tax manager")
    slugs = list(book)
    # The tax cards lead; nobody else in the family sees them.
    assert slugs[:3] == ["live-tax-matter", "how-the-group-operates", "tax-policy-debate"]
    assert "APA" in book["live-tax-matter"].title and "MAP" in book["live-tax-matter"].title
    assert "transfer pricing file" in book["how-the-group-operates"].summary
    assert "not their adviser" in " ".join(book["own-tax-or-pay-question"].do)
    for card in ("customer-complaint", "praising-products", "payment-controls"):
        assert card not in book
    for card in ("pay-query-in-public", "sensitive-pay-data", "other-peoples-pay-data"):
        assert card not in book
    # A family situation for some fields only stays out of other fields' playbooks,
    # and out of those of people whose field Byline does not know.
    for expertise in ("Treasury", "Financial reporting", "Bookkeeping"):
        other = playbook(library, expertise)
        assert "live-tax-matter" not in other and "pay-error-at-work" not in other


def test_a_payroll_manager_meets_the_people_payroll_pays(library):
    book = playbook(library, "Payroll", "Payroll manager")
    slugs = list(book)
    assert slugs[:4] == [
        "pay-query-in-public",
        "sensitive-pay-data",
        "pay-error-at-work",
        "restructure-seen-early",
    ]
    assert book["pay-query-in-public"].approach == "Move it to the payroll helpdesk"
    assert "special category" in book["sensitive-pay-data"].summary
    assert any("under-deducted tax" in line for line in book["pay-error-at-work"].dont)
    assert any("bureau" in line for line in book["pay-error-at-work"].dont)
    assert "payment-controls" in book
    for card in (
        "customer-complaint",
        "competitor-mention",
        "praising-products",
        "numbers-from-work",
        "other-peoples-pay-data",
        "own-tax-or-pay-question",
        "live-tax-matter",
    ):
        assert card not in book
    # The family's own cards a payroll manager reads stay at six at most: the
    # W-2 phishing card is the sixth, for US readers only.
    own = {s.slug for f in library.families if f.slug == "finance" for s in f.situations}
    assert len(own & set(book)) == 5
    assert "w2-phishing" not in book


def test_a_category_manager_says_nothing_on_a_live_tender_and_endorses_no_supplier(library):
    book = playbook(library, "Procurement", "Procurement category manager")
    tender = book["live-tender"]
    assert "Bidders read LinkedIn" in tender.summary
    assert tender.approach == "Nothing until the award"
    pitch = book["vendor-pitch"]
    assert any("gifts and hospitality" in line for line in pitch.do)
    assert any("Praise, recommend or rate a supplier" in line for line in pitch.dont)
    assert any(
        "percentage against an invented baseline" in line
        for line in book["suppliers-and-negotiations"].do
    )
    assert book["disruption-or-accident"].title.startswith("A supplier failure")
    assert "customer-complaint" not in book
    assert "customer-complaint" in playbook(library, "IT consulting", "IT consultant")
    # In a public body's programme, the public sector's own tender card replaces the family's.
    public = playbook(library, "Procurement", "Buyer", programme_sector="public-sector")
    assert "live-tender" not in public and "procurement-or-tender" in public


def test_a_csm_is_the_channel_and_never_posts_retention_numbers(library):
    book = playbook(library, "Customer success", "Customer success manager")
    complaint = book["customer-complaint"]
    assert complaint.title == "A customer complains in public"
    assert complaint.recommended
    assert complaint.approach.startswith("If it's your account, reply once")
    assert "I'll call you today" in complaint.approach
    assert "official channel" not in complaint.approach
    assert list(book).index("customer-complaint") < list(book).index("competitor-mention")
    deals = book["deals-and-pricing"]
    assert any("churn" in line and "NRR, GRR" in line for line in deals.dont)
    reviews = book["reviews-and-testimonials"]
    assert any("16 CFR Part 465" in line and "incentive" in line for line in reviews.dont)
    # Everyone else keeps the general words.
    general = playbook(library, "Backend engineering", "Software engineer")["customer-complaint"]
    assert general.title == "A customer complains to you"


@pytest.mark.parametrize(
    ("expertise", "role", "own_words"),
    [
        ("Nursing", "Staff nurse", "report sheets"),
        ("Teaching", "Secondary school teacher", "exam papers"),
        ("Public policy", "Policy adviser", "unpublished statistics"),
    ],
)
def test_nurses_teachers_and_civil_servants_read_their_own_confidential_card(
    library, expertise, role, own_words
):
    card = playbook(library, expertise, role)["confidential-information"]
    text = text_of(card)
    for corporate in ("roadmaps", "unreleased products", "sales promotions", "spoil a launch"):
        assert corporate not in text, corporate
    assert own_words in text
    assert any("pay and working conditions are yours to discuss" in line for line in card.do)


def test_every_field_s_wording_keeps_the_pay_guardrail(library):
    from wizard.programme import guardrail_warnings

    for group in (*library.families, *library.sectors):
        for slug, worded in group.words:
            for words in (worded, worded.owner) if worded.owner else (worded,):
                texts = [words.title, words.summary, *words.do, *words.dont]
                texts += [f"{o.label}. {o.detail}" for o in words.options]
                texts += [line for o in words.options for line in (*o.do, *o.dont)]
                assert not [t for t in texts if guardrail_warnings(t)], (group.slug, slug)
                if slug == "confidential-information" and words.do != library.situation(slug).do:
                    assert any("pay and working conditions" in line for line in words.do)
            general = library.situation(slug)
            assert [o.slug for o in worded.options] == [o.slug for o in general.options]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[families.words.no-such-situation]\nsummary = "x"', "is not a general situation"),
        (
            '[families.words.customer-complaint.options.no-such-option]\nlabel = "x"',
            "'no-such-option' is not one of its options",
        ),
        ('[families.words.customer-complaint]\nrecommended = "take-offline"', "not a wording key"),
        ('[families.words.customer-complaint]\ndo = ["only one"]', "need 2-4 items"),
        ('[families.words.customer-complaint.owner]\nwhat = "x"', "owner.what: not a wording key"),
        (
            '[families.words.customer-complaint.owner.options.nope]\nlabel = "x"',
            "owner.options: 'nope' is not one of its options",
        ),
        (
            '[families.words.customer-complaint.options.take-offline]\ndo = ["only one"]',
            "take-offline.do: need 2-4 items",
        ),
    ],
)
def test_the_library_refuses_a_family_wording_it_cannot_show(tmp_path, table, message):
    directory = _copy(tmp_path)
    families = directory / "families.toml"
    families.write_text(families.read_text() + "\n" + table + "\n")
    with pytest.raises(LibraryError, match=message):
        read_library(directory)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('field_skip = { treasury = ["customer-complaint"] }', "not a field of the family"),
        (
            'field_skip = { hydrogeology = ["confidential-information"] }',
            "is not a general or the family's situation it may skip",
        ),
        ('field_skip = { hydrogeology = ["no-such-situation"] }', "it may skip"),
    ],
)
def test_the_library_refuses_a_field_skip_it_cannot_apply(tmp_path, line, message):
    directory = _copy(tmp_path)
    families = directory / "families.toml"
    text = families.read_text()
    # The environment family is the last one: put this field skip in place of its own.
    own = re.search(r"^field_skip = \{ structural-engineering = .*$", text, re.MULTILINE)
    assert own is not None
    families.write_text(text.replace(own.group(0), line))
    with pytest.raises(LibraryError, match=message):
        read_library(directory)


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("hydrogeology", "is not a field of the family"),
        ("payroll", "payroll is shown 7 of the family's situations, at most 6"),
    ],
)
def test_the_library_refuses_a_field_only_situation_it_cannot_show(tmp_path, field, message):
    directory = _copy(tmp_path)
    families = directory / "families.toml"
    text = families.read_text()
    # One more card of the finance family's own, for a field outside it, or
    # one too many for a payroll manager (who already reads six).
    card = f"""
[[families.situations]]
slug = "one-card-too-many"
only = ["{field}"]
title = "One card too many"
summary = "A card that makes the point."
recommended = "first"
do = ["Do one thing", "Do another"]
dont = ["Avoid one thing", "Avoid another"]
touches_employer = false

[[families.situations.options]]
slug = "first"
label = "The first way"
detail = "One way."

[[families.situations.options]]
slug = "second"
label = "The second way"
detail = "Another way."

"""
    assert "# Payroll only:" in text
    families.write_text(text.replace("# Payroll only:", card + "# Payroll only:", 1))
    with pytest.raises(LibraryError, match=message):
        read_library(directory)


# An approach that keeps the person out of the conversation, and a Do item
# that puts them in it: the two may never sit on one card.
_SILENT = re.compile(
    r"\b(don't reply|do not reply|stay out|stay quiet|leave (it|the comparison) alone|"
    r"let it go|leave it)\b",
    re.IGNORECASE,
)
_SPEAKING = re.compile(
    r"^(say|reply|speak|correct|comment|answer|mention|post|argue)\b|\bin the reply\b|"
    r"\breply as\b|\bbefore you share\b|^point people to\b|^when you compare\b|"
    r"^switch to a serious",
    re.IGNORECASE,
)


def test_no_card_tells_anyone_to_reply_under_an_approach_that_says_not_to(library):
    """Every family and sector (and none), for an employee and an owner, with
    every option of every situation held: the Do list of a silent approach
    ("Don't reply; pass it to comms", "Stay out of it in public", "Let it go")
    never tells the person to reply, speak or share."""
    from wizard.generators.playbook import field_name, person_situations

    families = [None, *(f.slug for f in library.families)]
    sectors = [(), *((s.slug,) for s in library.sectors)]
    clashes = set()
    silent_cards = 0
    for family in families:
        for sector in sectors:
            for owner in (False, True):
                standing = Standing(owner=owner)
                shown = person_situations(library, sector, family, standing)
                for n in range(3):
                    # Every situation held on its n-th option (or its last).
                    answers = {
                        field_name(s.slug): s.options[min(n, len(s.options) - 1)].slug
                        for s in shown
                    }
                    for entry in situation_playbook(answers, library, sector, family, standing):
                        if not _SILENT.search(entry.approach):
                            continue
                        silent_cards += 1
                        clashes |= {
                            (entry.slug, entry.approach, owner, item)
                            for item in entry.do
                            if _SPEAKING.search(item)
                        }
    assert silent_cards > 100
    assert not clashes, sorted(clashes)


def test_the_card_a_family_recommends_silence_on_lists_what_silence_needs(library):
    """A life-sciences person starts "Someone criticizes your employer" on not
    replying: the card's Do sends the link on, its Avoid is the reply."""
    entry = playbook(library, "Regulatory affairs for medical devices", "RA manager")[
        "criticism-of-employer"
    ]
    assert entry.approach == "Don't reply; pass it to comms"
    assert any(item.startswith("Send the link to comms today") for item in entry.do)
    assert not any("reply itself" in item for item in entry.do)
    assert any(item.startswith("Reply, like or share it") for item in entry.dont)
    chosen = {
        e.slug: e for e in situation_playbook({"criticism_of_employer": "correct-facts"}, library)
    }
    assert "Say that you work there, in the reply itself" in chosen["criticism-of-employer"].do


def test_the_reason_not_to_reply_is_one_that_holds_for_the_person(library):
    """Nobody is told they work "in a regulated field" unless their sector
    says why: a SOC lead's reason is that a reply reads as the employer's, a
    nurse's that a reply can confirm someone is a patient."""
    soc = playbook(library, "Security operations", "SOC lead")["criticism-of-employer"]
    assert soc.approach == "Don't reply; pass it to comms"
    assert "regulated" not in text_of(soc)
    assert "read as the employer's" in soc.detail
    nurse = playbook(library, "Nursing", "Ward sister")["criticism-of-employer"]
    assert "confirm that someone is a patient" in nurse.detail
    assert "Confirm or deny that the person was ever a patient" in nurse.dont
    assert not any("comms" in item for item in nurse.do)


@pytest.mark.parametrize(
    ("role", "partner"),
    [
        ("Small animal vet, partner in an independent practice", True),
        ("Partner at a small law firm", True),
        ("GP partner", True),
        ("Equity partner, Hale & Moss LLP", True),
        ("HR business partner at a law firm", False),
        ("Senior HR Business Partner", False),
        ("Partner manager", False),
        ("Channel partner manager at a software firm", False),
        ("People partner at a bank", False),
        ("Finance business partner in an accountancy practice", False),
        ("Salaried partner at a law firm", False),
        ("Business partner", False),
    ],
)
def test_a_partner_in_a_practice_reads_the_owner_s_words(role, partner):
    """A partner owns a share of the practice: no comms team or manager to
    pass things to, only fellow partners. An HR business partner, a channel
    partner or a partner manager is an employee like any other."""
    assert runs_own_business(role) is partner


def test_a_vet_partner_is_never_told_to_tell_comms_or_praise_an_employer_s_products(library):
    book = playbook(
        library, "Veterinary medicine", "Small animal vet, partner in an independent practice"
    )
    text = " ".join(text_of(e) for e in book.values())
    assert "comms team" not in text
    assert "your employer's products" not in text.lower()
    # The veterinary sector words these cards for a practice, partner or not,
    # and its wording knows a vet's clients better than an owner's words do.
    criticism = book["criticism-of-employer"]
    assert criticism.title == "Someone criticizes your practice in public"
    assert "fellow partners" in " ".join(criticism.do)
    confidential = text_of(book["confidential-information"])
    assert "kennel cards" in confidential and "tender" not in confidential
    assert "your own pay and working conditions" in confidential
    # The healthcare sector words the card for its owners: a private physio
    # reads "your business", and never a tradesman's invoice or van.
    physio = playbook(library, "Physiotherapy", "Self-employed physiotherapist")
    criticism = physio["criticism-of-employer"]
    assert criticism.title == "Someone criticizes your business in public"
    assert "patient" in criticism.summary and "invoice" not in text_of(criticism)
    assert "patients" in physio["confidential-information"].summary


def test_in_house_hr_stays_silent_in_a_consultation_and_on_claims(library):
    """An HR business partner's playbook holds HR's own fences (a live
    consultation, tribunal claims and settlements) and no cards on clients
    or competitors they do not have; an agency recruiter keeps both."""
    book = playbook(library, "HR business partnering", "HR business partner")
    consultation = book["live-consultation"]
    assert consultation.approach == "Never post on it during a consultation"
    assert "predetermination" in consultation.summary
    claims = book["claims-and-settlements"]
    assert claims.approach == "No comment, in public or in messages"
    assert "data subject access request" in claims.summary
    assert not {"naming-clients", "competitor-mention", "praising-products"} & set(book)
    agency = playbook(library, "Recruiting and talent acquisition", "Agency recruiter")
    assert "naming-clients" in agency and "competitor-mention" in agency


@pytest.mark.parametrize(
    ("expertise", "role"),
    [
        ("Structural engineering", "Associate structural engineer"),
        ("Veterinary medicine", "Small animal vet"),
        ("Cheese making", "Head cheesemaker"),
    ],
)
def test_a_field_byline_cannot_place_starts_politics_on_the_middle_option(library, expertise, role):
    """Byline cannot tell whether unknown work is regulated or public-facing,
    so politics starts on speaking where the person's expertise meets the
    issue, never on "share your view"; a known product field keeps it."""
    middle = library.situation("political-topics").option("where-expertise-meets").label
    book = playbook(library, expertise, role)
    assert book["political-topics"].approach != "Share your view, clearly as your own"
    if playbook_family(library, library.field_for({"expertise": expertise}), {}) is None:
        assert book["political-topics"].approach == middle
    software = playbook(library, "Backend engineering", "Backend engineer")
    assert software["political-topics"].approach == "Share your view, clearly as your own"


def test_a_structural_engineer_reads_the_hazards_of_the_built_environment(library):
    """A structural engineer, whose field the library has no file for, gets
    the built environment's own cards (failures under investigation, live
    projects, advice on someone's own structure, reporting to CROSS), starts
    politics on the engineering alone, and no product or customer cards."""
    book = playbook(library, "Structural engineering", "Associate structural engineer")
    assert list(book)[:4] == [
        "failure-in-the-news",
        "live-projects",
        "structure-advice",
        "unsafe-structure",
    ]
    assert "not an assessment of their structure" in " ".join(book["structure-advice"].do)
    assert "CROSS" in text_of(book["unsafe-structure"])
    assert "speak only to the engineering" in book["political-topics"].detail
    assert not {"praising-products", "customer-complaint"} & set(book)
    # Now a field of the environment family, it keeps the structures cards and
    # none of the family's cards on contaminated sites, pollution and boreholes;
    # a hydrogeologist still has them.
    environmental = {"client-site-results", "pollution-in-the-news", "site-in-dispute"}
    assert not (environmental | {"someones-own-land"}) & set(book)
    assert environmental <= set(playbook(library, "Hydrogeology", "Senior hydrogeologist"))
    # A civil servant is not a civil engineer.
    assert "structures" not in library.sectors_for("Civil servant, building policy")
    assert "structures" in library.sectors_for("Senior civil engineer")


def test_a_head_of_chemistry_meets_a_schools_cards_in_a_schools_words(library):
    book = playbook(
        library, "Teaching", "Secondary science teacher and head of chemistry", country="GB"
    )
    slugs = list(book)
    assert slugs[:6] == [
        "students-in-posts",
        "student-contacts-you",
        "exam-material",
        "inspection-findings",
        "practical-on-camera",
        "students-find-account",
    ]
    assert any("secure area" in line for line in book["exam-material"].do)
    assert "Ofsted" in book["inspection-findings"].summary
    assert any("CLEAPSS" in line for line in book["practical-on-camera"].do)
    assert "safeguarding lead" in book["students-find-account"].approach
    # A school's press goes through the head or the trust, never "comms" or "a small firm".
    criticism = book["criticism-of-employer"]
    assert criticism.approach == "Don't reply; pass it to your head or the press office"
    assert "school" in criticism.title
    cards = " ".join(
        " ".join((e.title, e.summary, e.approach, *e.do, *e.dont)) for e in book.values()
    )
    assert "small firm" not in cards
    assert "code and slides" not in cards
    assert "company logo" not in cards


SCHOOL_CARDS = ("exam-material", "inspection-findings", "practical-on-camera", "students-find-account")
UNIVERSITY_CARDS = (
    "study-participants",
    "students-marks-and-cases",
    "embargoed-research",
    "academic-freedom",
    "university-results",
)


def test_a_lecturer_is_not_shown_a_schools_own_cards(library):
    book = playbook(library, "Higher education", "Senior lecturer", country="GB")
    assert "students-in-posts" in book and "student-contacts-you" in book
    for card in SCHOOL_CARDS:
        assert card not in book
    for card in UNIVERSITY_CARDS:
        assert card in book
    # A primary teacher keeps them: exam papers, inspections, science at the
    # table, pupils online; and meets none of a university's.
    primary = playbook(library, "Teaching", "Primary teacher")
    for card in SCHOOL_CARDS:
        assert card in primary
    for card in UNIVERSITY_CARDS:
        assert card not in primary


def test_a_lecturer_reads_a_university_not_a_school(library):
    """The cards a lecturer shares with teachers speak of adult students, the
    university and its press office: no children, uniforms or parent portal,
    and a lecturer may correct a fact about their own work."""
    book = playbook(library, "Higher education", "Senior lecturer in sociology", country="GB")
    text = " ".join(
        " ".join((e.title, e.summary, e.approach, *e.do, *e.dont)) for e in book.values()
    )
    for school in ("the child", "uniform", "parent portal", "exam board", "exclusion",
                   "school's", "Ofsted", "in front of a class"):
        assert school not in text, school
    assert "the student, who is an adult" in book["students-in-posts"].summary
    assert "criticism-of-employer" not in book
    assert "correct only a wrong fact about your own work" in book["academic-freedom"].detail
    assert "NSS" in book["university-results"].summary
    assert "UK GDPR" in book["students-marks-and-cases"].summary
    us = playbook(library, "Higher education", "Professor of sociology", country="US")
    assert "FERPA" in us["students-marks-and-cases"].summary
    assert "NSS" not in " ".join((*us["university-results"].do, us["university-results"].summary))
    # A teacher still reads the school's words.
    teacher = playbook(library, "Teaching", "Primary teacher", country="GB")
    assert "parent portal" in teacher["student-contacts-you"].detail
    assert teacher["criticism-of-employer"].approach.startswith("Don't reply")


def test_a_lecturer_answers_journalists_on_their_own_research():
    """An academic talks to the media as an expert in their own field and tells
    the press office, which helps; only questions about the university itself
    go to it. A school teacher still passes every enquiry to the school."""
    from wizard.library.loader import load_library

    library = load_library()
    book = playbook(library, "Higher education", "Senior lecturer in sociology", country="GB")
    assert "journalist-contact" not in book and "public-complaint" not in book
    press = book["press-enquiry-research"]
    assert press.approach.startswith("Answer on your own research; tell the university's press office")
    assert any("impact log" in item for item in press.do)
    assert any(item.startswith("Pass questions about the university itself") for item in press.do)
    assert any("outside your field" in item for item in press.dont)
    assert "Freedom of Speech) Act 2023" in press.summary
    us = playbook(library, "Higher education", "Professor of sociology", country="US")
    assert "communications office" in us["press-enquiry-research"].approach
    assert "Act 2023" not in us["press-enquiry-research"].summary
    teacher = playbook(library, "Teaching", "Primary teacher", country="GB")
    assert "press-enquiry-research" not in teacher
    assert teacher["journalist-contact"].approach.startswith("Thank them and pass it to")


def test_a_lecturer_reads_no_school_leftovers():
    """No parents, registers, worksheets, schools or trusts in a lecturer's
    playbook; reused readings are checked against what a course licence covers."""
    from wizard.library.loader import load_library

    library = load_library()
    book = playbook(library, "Higher education", "Senior lecturer in sociology", country="GB")
    text = " ".join(
        " ".join((e.title, e.summary, e.approach, *e.do, *e.dont)) for e in book.values()
    )
    for school in ("parents", "registers", "worksheets", "school", "trust or", "college",
                   "exam papers", "your service"):
        assert school not in text, school
    assert any("copying license" in item for item in book["others-content"].do)
    assert any("Statement of Ethical Practice" in item for item in book["study-participants"].do)


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("payroll", "is not a field of the sector"),
        ("teaching", "teaching is shown 9 of the sector's situations, at most 8"),
    ],
)
def test_the_library_refuses_a_sector_only_situation_it_cannot_show(tmp_path, field, message):
    directory = _copy(tmp_path)
    sectors = directory / "sectors.toml"
    text = sectors.read_text()
    cards = "".join(
        f"""
[[sectors.situations]]
slug = "one-school-card-too-many-{n}"
only = ["{field}"]
title = "One card too many"
summary = "A card that makes the point."
recommended = "first"
do = ["Do one thing", "Do another"]
dont = ["Avoid one thing", "Avoid another"]
touches_employer = false

[[sectors.situations.options]]
slug = "first"
label = "The first way"
detail = "One way."

[[sectors.situations.options]]
slug = "second"
label = "The second way"
detail = "Another way."
"""
        for n in range(3)
    )
    marker = '[[sectors]]\nslug = "trades"'
    assert marker in text
    sectors.write_text(text.replace(marker, cards + "\n" + marker, 1))
    with pytest.raises(LibraryError, match=message):
        read_library(directory)


# Words that place a card in one profession, one country or a hospital.
ONE_REGULATOR = re.compile(r"NMC's or GMC's|NMC Code|NCSBN|state board|\b911\b")
EMPLOYEE_WORDS = re.compile(
    r"your employer's route|your manager|your ward|your hospital|Once your hospital|the ward\b"
)


def test_healthcare_cards_name_the_reader_s_own_regulator_and_no_us_body(library):
    """A pharmacist answers to the GPhC, a paramedic to the HCPC, a nurse to the
    NMC (each field's words: tests/test_playbook_terms.py); no UK reader is sent
    to a US board, and a clinician Byline has no field for reads every UK body."""
    for expertise, body in (
        ("Community pharmacy", "GPhC"),
        ("Nursing", "NMC"),
        ("Paramedicine", "HCPC"),
    ):
        book = playbook(library, expertise, "", country="GB")
        healthcare = [e for e in book.values() if e.sector == "Healthcare"]
        assert len(healthcare) == 8
        text = " ".join(text_of(e) for e in healthcare)
        assert not ONE_REGULATOR.search(text), ONE_REGULATOR.search(text)
        assert body in text
    book = playbook(
        library, "Speech and language therapy", "Speech and language therapist", country="GB"
    )
    safety = book["safety-concern"]
    assert all(body in " ".join(safety.do) for body in ("GMC", "NMC", "HCPC", "GPhC"))
    therapist = playbook(library, "Occupational therapy", "Occupational therapist", country="GB")
    assert "HCPC" in " ".join(therapist["safety-concern"].do)


def test_a_pharmacy_owner_reads_an_owner_s_healthcare_cards(library):
    """The owner is who staff raise concerns with; a review naming someone's
    medicines is answered without confirming they are a patient; no card
    speaks of their manager, their ward or their hospital."""
    book = playbook(
        library, "Community pharmacy", "Community pharmacist, independent pharmacy owner"
    )
    for slug in (
        "safety-concern",
        "patient-contacts-you",
        "confidential-information",
        "criticism-of-employer",
        "connection-requests",
        "error-or-inquest",
        "photos-at-work",
        "patient-story",
    ):
        assert not EMPLOYEE_WORDS.search(text_of(book[slug])), (slug, text_of(book[slug]))
    safety = book["safety-concern"]
    assert safety.title == "A safety or staffing concern in your own service"
    assert any("LPC" in line for line in safety.do)
    review = book["patient-contacts-you"]
    assert "review" in review.title.lower()
    assert any("Confirm or deny" in line for line in review.dont)
    assert any("complaints" in line for line in review.do)
    assert book["connection-requests"].approach.startswith("Welcome them on the business page")
    press = text_of(book["journalist-contact"])
    assert "patient" in press and "clients" not in press
    # The same cards, for an employed pharmacist, keep the employee's words.
    employed = playbook(library, "Community pharmacy", "Pharmacist manager")
    assert employed["safety-concern"].approach == "Use your employer's route first"


def test_clinicians_meet_errors_inquests_scenes_and_a_colleague_s_suicide(library):
    book = playbook(library, "Nursing", "Staff nurse")
    inquest = book["error-or-inquest"]
    assert inquest.approach == "Say nothing online while it is open"
    assert "Prevention of Future Deaths" in inquest.summary
    assert any("inquest" in line for line in inquest.dont)
    photos = " ".join(book["photos-at-work"].dont)
    assert "patients can be seen" in photos and "patient monitoring" in photos
    assert "dashcam" not in photos
    suicide = book["colleague-suicide"]
    assert any("Samaritans" in line for line in suicide.do)
    assert any("method" in line for line in suicide.dont)


def test_only_a_community_pharmacist_meets_prescription_only_medicine_promotion(library):
    pharmacist = playbook(library, "Community pharmacy", "Community pharmacist")
    card = pharmacist["prescription-medicine-service"]
    assert card.approach == "Advertise the consultation, never the medicine"
    assert any("GLP-1" in line for line in card.dont)
    assert "prescription-medicine-service" not in playbook(library, "Nursing", "Staff nurse")
    assert "prescription-medicine-service" not in playbook(library, "Pharmacovigilance")


def test_an_agronomist_reads_the_hazards_of_advice_on_crops(library):
    """An arable agronomist gets the crop advice sector's cards first (a
    stranger's "what would you put on this?", products an employer sells),
    clients' farms in place of a logo deal (location data, the farmer's
    written yes), and none of the environment family's cards on wells,
    land purchases, site results or expert evidence; a hydrogeologist in the
    same family keeps those and never reads the agronomist's."""
    book = playbook(library, "Agronomy", "Agronomist, arable farms")
    assert list(book)[:2] == ["what-would-you-put-on-this", "product-ties"]
    advice = text_of(book["what-would-you-put-on-this"])
    assert "BASIS" in advice and "certified crop adviser" in advice
    assert "label" in advice and "rate" in advice
    farms = book["naming-clients"]
    assert farms.title == "Photos and stories from clients' farms"
    assert "location data" in text_of(farms) and "written yes" in text_of(farms)
    assert "say so in the post" in text_of(book["product-ties"])
    assert not {"client-site-results", "someones-own-land", "site-in-dispute"} & set(book)
    assert not {"praising-products", "customer-complaint"} & set(book)
    assert "agronomy" in book["political-topics"].detail
    water = playbook(library, "Hydrogeology", "Senior hydrogeologist")
    assert {"client-site-results", "someones-own-land"} <= set(water)
    assert not {"what-would-you-put-on-this", "product-ties"} & set(water)
    assert water["naming-clients"].title != farms.title
    # Someone who types the job without the library's field still lands in the sector.
    assert "crop-advice" in library.sectors_for("Crop protection adviser for a distributor")


def test_an_fmcg_planner_s_playbook_fences_volumes_retailer_data_and_competitors(library):
    """A supply chain planner meets price-sensitive volumes, retailers'
    confidential data and competitors' staff in the comments, first; a
    consultant's, a buyer's and a consumer-care card are not theirs."""
    book = playbook(library, "Supply chain management", "Supply chain planning manager, FMCG")
    order = list(book)
    own = ["volumes-and-retailer-data", "competitors-in-comments", "out-of-stock-questions"]
    assert order[:3] == own
    data = book["volumes-and-retailer-data"]
    assert "inside information" in data.summary and "trading terms" in data.summary
    assert any("POS data" in line and "promotion calendar" in line for line in data.dont)
    assert any("indexed or made-up numbers" in line for line in data.do)
    rivals = book["competitors-in-comments"]
    assert "antitrust (competition) law" in rivals.summary
    assert any("capacity plans, allocations" in line for line in rivals.dont)
    stock = book["out-of-stock-questions"]
    assert stock.approach == "Point them to consumer care"
    assert any("restock date" in line for line in stock.dont)
    for slug in ("live-tender", "project-in-trouble", "naming-clients", "customer-complaint"):
        assert slug not in book, slug
    # The rest of the family keeps its cards and never sees the planner's.
    for expertise, role, kept in [
        ("Procurement", "Category manager", "live-tender"),
        ("Agile coaching", "Agile coach", "project-in-trouble"),
        ("IT consulting", "IT consultant", "customer-complaint"),
    ]:
        other = playbook(library, expertise, role)
        assert kept in other and "naming-clients" in other, expertise
        assert not set(own) & set(other), expertise


def _with_goals(library, expertise: str, role: str, goals: tuple[str, ...]) -> list[str]:
    work = {"expertise": expertise, "role": role}
    area = library.field_for(work)
    sectors = playbook_sectors(library, field_sectors(area, work, library))
    entries = situation_playbook(
        {},
        library,
        sectors,
        playbook_family(library, area, work),
        person_standing(work),
        playbook_field(area),
        goals,
    )
    return [e.slug for e in entries]


@pytest.mark.parametrize(
    ("expertise", "role"),
    [
        ("Supply chain management", "Supply chain planning manager, FMCG"),
        ("Nursing", "Ward manager"),
        ("Beekeeping", "Bee farmer"),
        ("Electrical installation", "Owner, Hale Electrical"),
    ],
)
def test_posting_a_role_comes_with_the_hiring_goal_for_anyone(library, expertise, role):
    with_hiring = _with_goals(library, expertise, role, ("expert", "hiring"))
    assert "posting-a-role" in with_hiring
    assert "posting-a-role" not in _with_goals(library, expertise, role, ("expert",))
    assert "posting-a-role" not in _with_goals(library, expertise, role, ())
    # It comes straight after the family's most pressing general cards.
    general = [s.slug for s in library.situations]
    shown = [slug for slug in with_hiring if slug in general]
    work = {"expertise": expertise, "role": role}
    family = library.family(playbook_family(library, library.field_for(work), work) or "")
    lead = [slug for slug in (family.lead if family else UNKNOWN_FAMILY_LEAD) if slug in shown]
    assert shown.index("posting-a-role") == len(lead), shown


def test_posting_a_role_sends_applicants_to_the_advert_and_owners_read_their_own_words(library):
    card = library.situation("posting-a-role")
    assert card.goals == ("hiring",)
    text = " ".join([card.summary, *card.do, *card.dont])
    for phrase in ("official advert", "CVs", "young, energetic team", "Discuss applicants"):
        assert phrase in text, phrase
    owner = card.owner
    assert owner is not None and "recruiting team" not in " ".join([*owner.do, *owner.dont])
    book = situation_playbook({}, library, (), "trades", Standing(owner=True), None, ("hiring",))
    entry = next(e for e in book if e.slug == "posting-a-role")
    assert entry.title == "You post a job at your business"


def test_step_6_and_the_playbook_hold_posting_a_role_only_with_the_hiring_goal(library):
    from tests.test_ideas import plan_for
    from wizard.steps import situations_form_for

    area = "Supply chain management"
    answers = {
        "work": {"expertise": area, "role": "Demand planner"},
        "goals": {"goals": ["hiring"]},
    }
    assert hasattr(situations_form_for(answers), "posting_a_role")
    assert initial_situations(answers)["posting_a_role"] == "link-the-advert"
    answers["goals"] = {"goals": ["expert"]}
    assert not hasattr(situations_form_for(answers), "posting_a_role")
    hiring = plan_for(area, ["demand planning"], goals=("expert", "hiring"))
    assert "posting-a-role" in [e.slug for e in hiring.playbook]
    expert = plan_for(area, ["demand planning"], goals=("expert",))
    assert "posting-a-role" not in [e.slug for e in expert.playbook]


def _replace(directory: Path, name: str, old: str, new: str) -> None:
    path = directory / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        ("situations.toml", 'goals = ["hiring"]', 'goals = ["fame"]', "'fame' is not a goal"),
        ("situations.toml", 'goals = ["hiring"]', "goals = []", "leave it out rather than empty"),
        (
            "families.toml",
            'only = ["supply-chain-management"]\nrecommended = "indexed-numbers"',
            'only = ["supply-chain-management"]\ngoals = ["hiring"]\n'
            'recommended = "indexed-numbers"',
            "only a general situation names goals",
        ),
    ],
)
def test_the_library_refuses_goals_it_cannot_apply(tmp_path, name, old, new, message):
    directory = _copy(tmp_path)
    _replace(directory, name, old, new)
    with pytest.raises(LibraryError, match=re.escape(message)):
        read_library(directory)


def test_an_air_traffic_controller_keeps_occurrences_and_the_ops_room_out_of_posts(library):
    """A controller's playbook opens on the operations room, investigations,
    live events, occurrences and rostering; an outage stays quiet; the press
    office takes journalists; and no supplier, tender, project or product card
    of the operations family or the general set is shown."""
    book = playbook(library, "Air traffic control", "Air traffic controller, area control")
    assert list(book)[:5] == [
        "ops-room-and-security",
        "occurrence-under-investigation",
        "live-event",
        "asked-about-an-occurrence",
        "hours-and-rostering",
    ]
    assert "Stay silent while it is live" in " ".join(book["live-event"].do)
    assert book["company-crisis"].approach == "Stay quiet for now"
    assert "press or public affairs office" in book["journalist-contact"].detail
    assert "pay and working conditions" in text_of(book["hours-and-rostering"])
    assert not {
        "suppliers-and-negotiations",
        "live-tender",
        "vendor-pitch",
        "disruption-or-accident",
        "project-in-trouble",
        "praising-products",
        "customer-complaint",
        "naming-clients",
    } & set(book)
    # A procurement lead in the same family keeps the family's cards.
    assert "live-tender" in playbook(library, "Procurement", "Category manager")


def test_a_council_planner_is_neutral_and_never_comments_on_a_live_case(library):
    """A town planner's own cards come first (live cases, political restriction,
    councillors' posts, a neighbor's application, developers' hospitality);
    politics starts on staying out of it, and no customer or product card."""
    book = playbook(library, "Town planning", "Senior planning officer, local authority")
    assert list(book)[:5] == [
        "live-planning-case",
        "political-neutrality",
        "councillors-and-predetermination",
        "neighbour-application",
        "developer-hospitality",
    ]
    assert "politically restricted" in text_of(book["political-neutrality"])
    assert book["political-topics"].approach == "Stay out of it in public"
    assert "online planning register" in text_of(book["neighbour-application"])
    assert "roadmaps" not in text_of(book["confidential-information"])
    assert not {"praising-products", "customer-complaint", "competitor-mention"} & set(book)


def test_an_archivist_reads_donors_living_people_copyright_and_readers_finds(library):
    """An archivist or a records manager, in the public family, gets the
    archives sector's cards first (a donor's terms and values, living people
    in collections, copyright in collection images, a reader's discovery),
    then the family's complaint and information-request cards; the sector's
    fence names donors, living people and readers' finds, and a teacher in
    the same family never reads an archivist's cards."""
    book = playbook(library, "Archives and records", "Archivist, university special collections")
    assert list(book)[:4] == [
        "donor-confidentiality",
        "living-people-in-collections",
        "collection-images",
        "reader-discovery",
    ]
    assert {"public-complaint", "official-information"} <= set(book)
    assert "2039" in text_of(book["collection-images"])
    assert "closed" in text_of(book["living-people-in-collections"])
    assert "scoop" in text_of(book["reader-discovery"])
    assert "readers' enquiries" in " ".join(book["confidential-information"].do)
    assert not {"praising-products", "customer-complaint"} & set(book)
    records = playbook(library, "Records management", "Records manager")
    assert "living-people-in-collections" in records
    teacher = playbook(library, "Teaching", "Secondary school teacher")
    assert not {"donor-confidentiality", "reader-discovery"} & set(teacher)
    assert "archives" in library.sectors_for("County archivist")
    assert "archives" not in library.sectors_for("Email archiving administrator")


def test_a_social_worker_tells_composites_and_never_comments_on_a_case(library):
    """A social worker, in the public family, gets the social care sector's
    cards first (a story from practice as a composite, a family who makes
    contact online, being named by a parent, being filmed or doorstepped, a
    case in the news, a family court case, advice on someone's own case, a
    politically restricted post); their confidential card names families and
    court hearings and keeps their own caseload theirs to discuss; a teacher
    in the same family reads none of them."""
    book = playbook(library, "Social work", "Senior social worker, children and families")
    assert list(book)[:8] == [
        "practice-story",
        "family-contacts-you",
        "named-online",
        "filmed-or-doorstepped",
        "case-in-the-news",
        "family-court-matter",
        "case-advice-request",
        "political-restriction",
    ]
    assert "composite" in text_of(book["practice-story"])
    assert "contempt of court" in text_of(book["family-court-matter"])
    assert "caseload" in " ".join(book["confidential-information"].do)
    assert "roadmaps" not in text_of(book["confidential-information"])
    assert not {"praising-products", "customer-complaint"} & set(book)
    assert library.sector("social-care").composite_cases
    assert "social-care" in library.sectors_for("Approved mental health professional")
    teacher = playbook(library, "Teaching", "Secondary school teacher")
    assert not {"practice-story", "family-court-matter"} & set(teacher)


def test_a_museum_conservator_names_no_lender_values_nothing_and_keeps_stores_private(library):
    """A paintings or objects conservator reads the museums sector's cards
    first (lenders and owners by credit line only, no valuations or cleaning
    advice to strangers, stores and travel kept out of frame, damage
    reported rather than posted, before-and-after photos with consent and
    copyright checked); an archivist reads none of them, and an ecologist
    typing "Conservation ecologist" is placed in no museum sector."""
    book = playbook(library, "Conservation", "Paintings conservator", country="GB")
    assert list(book)[:5] == [
        "lender-owner-confidentiality",
        "value-or-advice-request",
        "stores-and-security",
        "object-damaged",
        "treatment-images",
    ]
    assert "Conservation Register" in text_of(book["value-or-advice-request"])
    us = playbook(library, "Conservation", "Paintings conservator", country="US")
    assert "Find a Conservator" in text_of(us["value-or-advice-request"])
    assert "Conservation Register" not in text_of(us["value-or-advice-request"])
    assert "valuation" in text_of(book["value-or-advice-request"]).lower()
    assert "travel dates" in text_of(book["confidential-information"])
    archivist = playbook(library, "Archives and records", "Archivist")
    assert not {"lender-owner-confidentiality", "treatment-images"} & set(archivist)
    assert "museums" not in library.sectors_for("Conservation ecologist")
    assert library.match_expertise("Conservation officer") is None
    curator = playbook(library, "Museum curation", "Museum curator")
    assert "lender-owner-confidentiality" in curator and "treatment-images" not in curator


def test_a_signalling_engineer_waits_for_the_investigation_and_shows_no_equipment(library):
    """A railway signalling engineer reads the rail sector's cards first (an
    incident under investigation, drawings and photos of equipment, photos
    from the track, questions after a signal failure), with the investigation
    body named for their country, in place of the operations family's general
    accident card; a signaller is placed in the sector without being matched to
    the engineers' field."""
    book = playbook(library, "Railway signalling", "Signalling design engineer")
    assert list(book)[:4] == [
        "incident-under-investigation",
        "infrastructure-security",
        "photos-from-track",
        "disruption-questions",
    ]
    assert "disruption-or-accident" not in book and "customer-complaint" not in book
    assert "{investigator}" not in text_of(book["incident-under-investigation"])
    assert "interlocking data" in " ".join(book["confidential-information"].do)
    assert library.match_expertise("Railway signaller") is None
    assert "rail" in library.sectors_for("Railway signaller")


def test_a_clinician_reads_the_neutral_words_and_a_drug_company_the_selling_ones():
    """Healthcare sells nothing, though it shares the life sciences family with
    drugmakers: a ward nurse's confidential card speaks of sensitive information,
    a medical science liaison's of unreleased news."""
    from datetime import date

    from tests.test_calendar_weeks import answers
    from wizard.generators.plan import build_plan

    titles = {}
    for role, expertise in (
        ("Ward sister, acute medicine", "Nursing"),
        ("Medical science liaison at a drug company", "Medical affairs"),
    ):
        given = answers(expertise, [])
        given["work"]["role"] = role
        plan = build_plan(given, load_library(), seed=1, today=date(2026, 11, 30))
        titles[expertise] = {s.title for s in plan.playbook}
    assert "Confidential or sensitive information" in titles["Nursing"]
    assert "Confidential or unreleased information" not in titles["Nursing"]
    assert "Confidential or unreleased information" in titles["Medical affairs"]
