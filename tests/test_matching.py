"""Honest matching: the corpus of typed expertise, and the rules behind it."""

import pytest

from wizard.library import load_library
from wizard.library.corpus import describe, measure, read_context_corpus, read_corpus
from wizard.library.match import Matcher


@pytest.fixture(scope="module")
def report():
    return measure(load_library(), read_corpus(), read_context_corpus())


def test_the_corpus_is_large_and_names_every_field(report):
    library = load_library()
    assert len(report.outcomes) >= 300
    expected = {o.expected for o in report.outcomes if o.expected}
    assert expected <= {a.slug for a in library.areas}
    assert sum(1 for o in report.outcomes if not o.expected) >= 60  # near-misses and unknowns


def test_no_wrong_match_in_the_corpus(report):
    assert not report.wrong, describe(report)


def test_most_fields_are_found(report):
    assert report.recall >= 0.9, describe(report)
    assert report.field_coverage >= 0.9, describe(report)


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        # The first edition's wrong matches.
        ("Salesforce development", "salesforce"),
        ("Game development", "game-development"),
        ("Tax compliance for startups", "tax"),
        ("Kubernetes security", "cloud-security"),
    ],
)
def test_the_first_editions_wrong_matches_are_right_now(typed, slug):
    area = load_library().match_expertise(typed)
    assert area is not None and area.slug == slug


FIELDS = [
    ("qa", ["Software testing", "QA engineer"], ["exploratory testing"], ["test plan", "ISTQB"]),
    ("sec", ["Cybersecurity", "blue team"], ["threat modeling"], ["ISO 27001", "SIEM"]),
    ("soc", ["Security operations", "blue team", "SOC analyst"], [], ["SIEM", "DFIR"]),
    ("hr", ["People operations", "HR manager"], ["performance reviews"], ["management"]),
    ("infra", ["Health informatics", "nursing informatics"], [], ["HL7 FHIR"]),
]


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("QA engineer", "qa"),
        ("Senior QA Engineers", "qa"),
        ("qa engineeer", "qa"),  # a typo one letter away
        ("SOC analyst", "soc"),
        ("blue team", None),  # two fields claim it: no guess
        ("SIEM", None),  # a concept two fields share
        ("management", None),  # one plain concept word says too little
        ("nursing", None),  # one word of an alias whose other word is the field's own
        ("HL7 FHIR", "infra"),  # a term of art only one field has
        ("QA for a cybersecurity team", "qa"),  # context the library knows
        ("QA in beekeeping", None),  # context Byline has never seen
        ("threat modeling for QA", "sec"),  # the words before the context decide
        ("threat modeling and QA", None),  # two fields, each half
        ("", None),
    ],
)
def test_matching_rules(typed, slug):
    assert Matcher(FIELDS).match(typed) == slug


# A drug field and a device field that share "regulatory affairs", and a
# security field with a more specific sibling.
CLOSE = [
    ("ra", ["Regulatory affairs", "regulatory affairs manager"], ["eCTD submissions"], ["eCTD"]),
    (
        "device-ra",
        ["Medical device regulatory affairs", "notified bodies", "EU MDR"],
        ["clinical evaluation"],
        ["GSPR", "PMCF"],
    ),
    ("sec", ["Cybersecurity", "information security"], [], ["ISO 27001"]),
    ("soc", ["Security operations", "detection engineering"], ["alert triage"], ["SIEM"]),
    ("data", ["Data analytics", "data analyst"], [], ["dashboards"]),
    ("net", ["Network engineering", "data center networking"], ["BGP routing"], ["BGP"]),
    (
        "school",
        ["School teaching", "teacher", "maths teacher"],
        ["phonics"],
        ["retrieval practice"],
    ),
    (
        "sci",
        ["Secondary science teaching", "science teacher", "chemistry teacher"],
        ["practical science"],
        ["CLEAPSS"],
    ),
]


@pytest.mark.parametrize(
    ("typed", "context", "slug"),
    [
        # The person's words choose the more specific field that holds what they typed.
        ("Regulatory affairs", ["", "notified bodies", "EU MDR"], "device-ra"),
        ("Regulatory affairs", ["RA manager, medical device regulatory affairs"], "device-ra"),
        ("Regulatory affairs", ["", "clinical evaluation and PMCF"], "device-ra"),
        # The matched field's own words keep it, alone or against as many others.
        ("Regulatory affairs", ["", "eCTD submissions"], "ra"),
        ("Regulatory affairs", ["", "eCTD submissions", "notified bodies"], "ra"),
        # Nothing, a single stray word, or words that only repeat the expertise move nothing.
        ("Regulatory affairs", [], "ra"),
        ("Regulatory affairs", ["", "GSPR"], "ra"),
        ("Regulatory affairs", ["Regulatory affairs manager", "regulatory affairs"], "ra"),
        # A generic text that matched nothing is made specific; a tie is broken.
        ("Security", ["", "detection engineering", "alert triage"], "soc"),
        ("Security", ["", "SIEM"], None),
        # One word of a matched text is no field, and context never invents one.
        ("Data analyst", ["", "BGP routing", "data center networking"], "data"),
        ("Beekeeping", ["", "notified bodies", "EU MDR"], None),
        # One bare word moves only when a line names the more specific field whole.
        ("Teaching", ["Chemistry teacher"], "sci"),
        ("Teaching", ["Teacher", "practical science"], "sci"),
        ("Teaching", ["Secondary science teacher and head of chemistry"], "sci"),
        ("Teaching", [], "school"),
        ("Teaching", ["Maths teacher"], "school"),
        ("Teaching", ["Maths teacher", "chemistry teacher"], "school"),
        ("Teaching", ["", "CLEAPSS"], "sci"),
        ("Teaching", ["", "retrieval practice", "CLEAPSS"], "school"),
        ("Beekeeping security", ["", "detection engineering", "alert triage"], None),
        # What the text itself says wins: "drugs" is not a device word.
        ("Regulatory affairs for eCTD", ["", "notified bodies", "EU MDR"], "ra"),
    ],
)
def test_role_and_subtopics_choose_between_close_fields(typed, context, slug):
    assert Matcher(CLOSE).refine(typed, context) == slug


def test_a_finished_plans_themes_keep_the_field_the_expertise_matched():
    library = load_library()
    work = {
        "role": "Regulatory affairs manager, medical devices",
        "expertise": "Regulatory affairs",
        "subtopics": "EU MDR technical documentation\nnotified bodies",
    }
    assert library.field_for(work).slug == "medical-device-regulatory-affairs"
    drug = [f"area:regulatory-affairs:{t.slug}" for t in library.area("regulatory-affairs").themes]
    assert library.field_for(work, drug[:3]).slug == "regulatory-affairs"
    devices = library.area("medical-device-regulatory-affairs")
    device = f"area:{devices.slug}:{devices.themes[0].slug}"
    assert library.field_for(work, [drug[0], device]).slug == "medical-device-regulatory-affairs"
    assert library.field_for({**work, "field": "regulatory-affairs"}).slug == "regulatory-affairs"
    assert library.field_for({**work, "field": "own"}) is None


@pytest.mark.parametrize(
    ("typed", "role", "slug"),
    [
        # UK planning's "development management" decides planning applications.
        ("Development management", "", "town-planning"),
        ("Development management", "Principal planning officer", "town-planning"),
        ("Development control", "", "town-planning"),
        # Whose development it is keeps the engineering sense.
        ("Software development management", "", "engineering-management"),
        ("Engineering management", "", "engineering-management"),
        # ATC engineers keep the radar, radio and navigation aids running: no
        # controller's field, whatever their role line or sub-topics say.
        ("Air traffic control engineer", "", None),
        ("ATC engineer", "ATC systems engineer, NATS", None),
        ("Air traffic control engineering", "radar maintenance", None),
        ("Air traffic controller", "", "air-traffic-control"),
        ("Air traffic control", "Area controller", "air-traffic-control"),
        # A pharmacy technician works in the community pharmacy's field.
        ("Pharmacy technician", "", "community-pharmacy"),
        ("Pharmacy technician", "Accuracy checking pharmacy technician", "community-pharmacy"),
    ],
)
def test_neighbouring_jobs_find_their_own_home(typed, role, slug):
    area = load_library().field_for({"expertise": typed, "role": role})
    assert (area.slug if area else None) == slug


def test_a_pharmacy_technician_is_not_preselected_the_pharmacists_prescribing_theme():
    """Community pharmacy fits a technician (shortages, services, what a technician
    does), but "Pharmacists as prescribers" asks them to write "prescribing within
    my competence": offered, never preselected. A pharmacist keeps it."""
    from wizard.generators.themes import PRESELECTED, suggest_themes

    library = load_library()
    prescribing = "area:community-pharmacy:prescribing"
    for role, kept in (
        ("Pharmacy technician", False),
        ("Accuracy checking pharmacy technician", False),
        ("Community pharmacist", True),
        ("", True),
    ):
        work = {"expertise": "Pharmacy technician", "role": role}
        if kept:
            work["expertise"] = "Community pharmacy"
        keys = [c.key for c in suggest_themes(work, ["expert"], library)]
        assert prescribing in keys, role
        assert (prescribing in keys[:PRESELECTED]) is kept, (role, keys)
