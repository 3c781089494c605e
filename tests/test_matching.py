"""Honest matching: the corpus of typed expertise, and the rules behind it."""

import pytest

from wizard.library import load_library
from wizard.library.corpus import describe, measure, read_corpus
from wizard.library.match import Matcher


@pytest.fixture(scope="module")
def report():
    return measure(load_library(), read_corpus())


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
