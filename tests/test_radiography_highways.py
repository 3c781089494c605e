"""Diagnostic radiographers and highways engineers match their own field
guides (a radiologist, a therapeutic radiographer or a network traffic
engineer does not), read cards for their field's own risks in their country's
words (patient images and DICOM headers, IR(ME)R incidents or a US event
report, scan findings; claims under section 58 or a state tort claims act,
the pre-election period or the Hatch Act, councillors, consultations, abuse
of officers), and get ideas that name the field's real standards without
another country's law."""

from __future__ import annotations

import pytest

from tests.field_plans import field_playbook
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library
from wizard.library.voice import load_voice

RADIOGRAPHER = ("Diagnostic radiography", "Diagnostic radiographer, NHS hospital")
HIGHWAYS = ("Highways engineering", "Highways engineer, county council")


@pytest.fixture(scope="module")
def library():
    return load_library()


def text(entry) -> str:
    return " ".join(
        [entry.title, entry.summary, entry.approach, entry.detail, *entry.do, *entry.dont]
    )


def premises(library, slug: str, country: str) -> str:
    area = library.area(slug)
    return " ".join(
        " ".join([a.premise, *a.points])
        for t in area.themes
        for a in t.angles
        if a.holds_in(country)
    )


MATCHES = [
    ("Diagnostic radiography", "Diagnostic radiographer, NHS hospital", "diagnostic-radiography"),
    ("Radiographer", "", "diagnostic-radiography"),
    ("CT radiographer", "", "diagnostic-radiography"),
    ("MRI radiographer", "", "diagnostic-radiography"),
    ("Radiologic technologist", "", "diagnostic-radiography"),
    ("X-ray tech", "", "diagnostic-radiography"),
    ("Radiology", "Radiographer, NHS trust", "diagnostic-radiography"),
    ("Highways engineering", "Highways engineer, county council", "highways-engineering"),
    ("Highway engineer", "", "highways-engineering"),
    ("Traffic engineer", "", "highways-engineering"),
    ("Street works", "Street works coordinator, city council", "highways-engineering"),
    ("Road safety auditor", "", "highways-engineering"),
    ("Transportation engineer", "", "highways-engineering"),
]


@pytest.mark.parametrize(("expertise", "role", "slug"), MATCHES)
def test_each_new_field_is_found(library, expertise, role, slug):
    area = library.field_for({"expertise": expertise, "role": role})
    assert area is not None and area.slug == slug


NEIGHBOURS = [
    # A radiologist is a doctor who reports the images, a typo away from "radiologic".
    ("Radiologist", "", None),
    ("Radiology", "Consultant radiologist", None),
    # A therapeutic radiographer treats cancer with radiotherapy.
    ("Therapeutic radiographer", "", None),
    ("Sonographer", "", None),
    # Traffic engineering on a data network shapes packets.
    ("Network traffic engineering", "", None),
    ("Civil engineering", "", None),
    ("Transport planner", "", None),
    ("Traffic warden", "", None),
    ("Structural engineer", "", "structural-engineering"),
    ("Air traffic controller", "", "air-traffic-control"),
]


@pytest.mark.parametrize(("expertise", "role", "slug"), NEIGHBOURS)
def test_neighbouring_jobs_keep_their_own_match(library, expertise, role, slug):
    area = library.field_for({"expertise": expertise, "role": role})
    assert (area.slug if area else None) == slug


def test_a_uk_radiographer_reads_images_incidents_and_findings_cards(library):
    book = field_playbook(library, *RADIOGRAPHER, "GB")
    images = text(book["scan-images-online"])
    assert "DICOM" in images and "the HCPC" in images and "UK GDPR" in images
    incident = text(book["exposure-incident"])
    assert "IR(ME)R" in incident and "CQC" in incident
    assert "say nothing online" in book["exposure-incident"].approach.lower()
    findings = text(book["scan-findings"])
    assert "referred" in findings and "big one today" in findings
    assert "background radiation" in text(book["dose-question-online"])
    # The ward cards they replace, and another regulator list, are not shown.
    for slug in ("photos-at-work", "clinical-advice-online", "patient-contacts-you"):
        assert slug not in book, slug
    assert "GMC, NMC" not in " ".join(text(e) for e in book.values())


def test_a_us_technologist_reads_an_event_report_not_irmer(library):
    book = field_playbook(library, "Radiologic technology", "Radiologic technologist", "US")
    incident = text(book["exposure-incident"])
    assert "IR(ME)R" not in incident and "CQC" not in incident
    assert "radiation safety officer" in incident and "HIPAA" in incident
    assert "ARRT" in text(book["scan-images-online"])


def test_only_radiographers_get_the_radiography_cards(library):
    book = field_playbook(library, "Nursing", "Staff nurse", "GB")
    for slug in ("scan-images-online", "exposure-incident", "scan-findings"):
        assert slug not in book, slug
    assert "photos-at-work" in book


def test_radiography_ideas_follow_the_reader_s_country(library):
    gb = premises(library, "diagnostic-radiography", "GB")
    for term in (
        "IR(ME)R",
        "diagnostic reference level",
        "tube current modulation",
        "UKHSA",
        "HCPC",
    ):
        assert term.lower() in gb.lower(), term
    assert "ARRT" not in gb and "ALARA" not in gb
    us = premises(library, "diagnostic-radiography", "US")
    for term in ("ARRT", "ACR Appropriateness Criteria", "Dose Index Registry", "ALARA"):
        assert term in us, term
    assert "IR(ME)R" not in us and "HCPC" not in us and "reasonably practicable" not in us


def test_a_council_highways_engineer_reads_the_public_officer_cards(library):
    book = field_playbook(library, *HIGHWAYS, "GB")
    claim = text(book["highway-claim"])
    assert "section 58 of the Highways Act 1980" in claim
    assert "claims" in book["highway-claim"].approach
    assert "pre-election period" in text(book["highways-political-restriction"])
    assert "monitoring officer" in text(book["members-and-schemes"])
    assert "traffic regulation order" in text(book["scheme-consultation"])
    assert "police" in text(book["scheme-abuse"])
    assert "FixMyStreet" in text(book["defect-tagged"])
    assert "Freedom of Information" in text(book["official-information"]) or (
        "freedom of information" in text(book["official-information"])
    )
    # A council officer never argues with critics of the council in public.
    assert book["criticism-of-employer"].approach.startswith("Don't reply")


def test_a_us_highways_engineer_reads_tort_claims_and_the_hatch_act(library):
    book = field_playbook(
        library, "Traffic engineering", "Traffic engineer, city public works", "US"
    )
    assert "tort claims act" in text(book["highway-claim"])
    assert "Highways Act" not in text(book["highway-claim"])
    political = text(book["highways-political-restriction"])
    assert "Hatch Act" in political and "pre-election" not in political
    assert "311" in text(book["defect-tagged"])


def test_only_highways_engineers_get_the_highways_cards(library):
    book = field_playbook(
        library, "Town planning", "Senior planning officer, district council", "GB"
    )
    for slug in ("highway-claim", "defect-tagged", "scheme-abuse"):
        assert slug not in book, slug


def test_highways_ideas_follow_the_reader_s_country(library):
    gb = premises(library, "highways-engineering", "GB")
    for term in (
        "Well-managed Highway Infrastructure",
        "Section 58 of the Highways Act 1980",
        "Section 41(1A)",
        "LTN 1/20",
        "GG 119",
        "Traffic Management Act 2004",
        "SCRIM",
    ):
        assert term.lower() in gb.lower(), term
    # The MUTCD is named only beside the UK's own code, to compare the two.
    assert "The MUTCD is" not in gb and "tort claims" not in gb and "Complete Streets" not in gb
    us = premises(library, "highways-engineering", "US")
    for term in ("MUTCD", "Complete Streets", "tort claims", "pavement condition index"):
        assert term.lower() in us.lower(), term
    for term in ("LTN 1/20", "Highways Act", "SCANNER", "GG 119"):
        assert term not in us, term


def test_a_council_engineer_in_winter_gets_winter_service_and_their_sub_topics(library):
    work = {
        "expertise": HIGHWAYS[0],
        "role": HIGHWAYS[1],
        "subtopics": "road maintenance\nactive travel schemes",
        "audience": "other engineers and local residents",
    }
    ticked = [
        r["key"].rsplit(":", 1)[-1]
        for r in theme_rows(suggest_themes(work, ["expert", "hiring"], library))
        if r.get("include")
    ]
    assert {"winter-service", "active-travel", "maintenance"} <= set(ticked)
    consultant = {**work, "role": "Highways engineer, engineering consultancy"}
    ticked = [
        r["key"].rsplit(":", 1)[-1]
        for r in theme_rows(suggest_themes(consultant, ["expert", "hiring"], library))
        if r.get("include")
    ]
    assert "winter-service" not in ticked and "active-travel" in ticked


def test_radiographer_plan_opens_on_ct_dose(library):
    work = {
        "expertise": RADIOGRAPHER[0],
        "role": RADIOGRAPHER[1],
        "subtopics": "CT\nradiation dose",
        "audience": "other radiographers and students",
    }
    rows = [
        r
        for r in theme_rows(suggest_themes(work, ["expert", "network"], library))
        if r.get("include")
    ]
    assert rows[0]["key"] == "area:diagnostic-radiography:ct-dose"


def test_both_fields_sound_like_themselves():
    voice = load_voice()
    radiography = voice.evidence_for("diagnostic-radiography", "life-sciences", ["healthcare"])
    assert "dose audit" in radiography
    highways = voice.evidence_for("highways-engineering", "public", ["highways"])
    assert "code of practice" in highways
    examples = " ".join(
        s
        for dim in voice.for_field("highways-engineering", "public", ["highways"]).examples.values()
        for s in dim
    )
    assert "gritting" in examples and "clients" not in examples
    examples = " ".join(
        s
        for dim in voice.for_field(
            "diagnostic-radiography", "life-sciences", ["healthcare"]
        ).examples.values()
        for s in dim
    )
    assert "protocol" in examples and "clients" not in examples


def test_us_readers_hear_their_own_words_for_winter_and_maintenance(library):
    us = premises(library, "highways-engineering", "US")
    for term in ("Chip seal", "anti-icing", "snow and ice control plan", "bike and pedestrian"):
        assert term.lower() in us.lower(), term
    for word in ("gritted", "gritting", "Surface dressing", "winter duty officer"):
        assert word not in us, word
    gb = premises(library, "highways-engineering", "GB")
    assert "Surface dressing" in gb and "Chip seal" not in gb


def test_the_institution_is_never_a_trigger_for_ice_on_the_road(library):
    # "ICE" as a concept made "snow and ice" and "notice" read as posts about
    # the Institution of Civil Engineers; it is named in full instead.
    area = library.area("highways-engineering")
    assert "ICE" not in area.concepts
    assert "Institution of Civil Engineers" in area.concepts
