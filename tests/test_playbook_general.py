"""The general playbook fits anyone: people whose field Byline does not know
read it in neutral words (the people their work serves, a case, an
investigation, another organization), and only people whose work sells
products or services read about roadmaps, refunds, sales promotions,
competitors and praising their employer's products."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wizard.generators.plan import field_sectors
from wizard.generators.playbook import (
    PlaybookEntry,
    person_standing,
    playbook_family,
    playbook_field,
    playbook_sectors,
    sells_from_words,
    situation_playbook,
)
from wizard.library import load_library
from wizard.library.loader import LIBRARY_DIR, read_library
from wizard.library.schema import LibraryError


@pytest.fixture(scope="module")
def library():
    return load_library()


def playbook(library, work: dict, programme_sector: str = "") -> dict[str, PlaybookEntry]:
    """A person's playbook by situation slug, as their framework will hold it."""
    area = library.field_for(work)
    sectors = playbook_sectors(library, field_sectors(area, work, library), programme_sector)
    entries = situation_playbook(
        {},
        library,
        sectors,
        playbook_family(library, area, work),
        person_standing(work, bool(programme_sector)),
        playbook_field(area),
    )
    return {e.slug: e for e in entries}


def text_of(entry: PlaybookEntry) -> str:
    return " ".join(
        [entry.title, entry.summary, entry.approach, entry.detail, *entry.do, *entry.dont]
    )


def whole_text(book: dict[str, PlaybookEntry]) -> str:
    return " ".join(text_of(e) for e in book.values()).lower()


# Fields the library does not know, and whose words name no family and no
# sector: the general playbook is all they get.
UNMATCHED = [
    {
        "expertise": "Piano tuning",
        "role": "Piano technician",
        "subtopics": "concert instruments\nregulation",
    },
    {
        "expertise": "Youth work",
        "role": "Youth worker, detached youth team",
        "subtopics": "outreach sessions\nsummer programmes",
    },
    {
        "expertise": "Tram driving",
        "role": "Tram driver",
        "subtopics": "route learning\nnight services",
    },
    {"expertise": "Court reporting", "role": "Court reporter", "subtopics": "legal aid"},
    {"expertise": "Firefighting", "role": "Firefighter, watch manager", "subtopics": "RTCs"},
]

CORPORATE = (
    "refund",
    "roadmap",
    "sales promotion",
    "unreleased product",
    "share price",
    "spoil a launch",
    "a customer complains",
    "your employer's products",
    "competitor",
    "account lead",
    "mid-sized retailer",
)


@pytest.mark.parametrize("work", UNMATCHED, ids=[w["role"] for w in UNMATCHED])
def test_a_field_byline_does_not_know_reads_no_product_company_words(library, work):
    """Whatever sector their words place them in, no product-company words."""
    assert library.field_for(work) is None
    assert playbook_family(library, None, work) is None
    book = playbook(library, work)
    text = whole_text(book)
    assert [word for word in CORPORATE if word in text] == []
    assert "praising-products" not in book
    # Each card is still there, in words that hold for them.
    assert book["customer-complaint"].title == "Someone complains to you in public"
    assert book["competitor-mention"].title.startswith("Comparing where you work")


# No sector claims these people by the words of their work, so the general
# cards are theirs.
NO_SECTOR = UNMATCHED[:4]


@pytest.mark.parametrize("work", NO_SECTOR, ids=[w["role"] for w in NO_SECTOR])
def test_what_is_not_theirs_to_share_is_named_for_someone_outside_the_library(library, work):
    confidential = text_of(playbook(library, work)["confidential-information"])
    for words in ("a case", "under investigation", "kept safe or secure", "pay and working"):
        assert words in confidential, words
    naming = playbook(library, work)["naming-clients"]
    assert naming.title == "Naming people and organizations from your work"
    assert "logo" not in naming.summary + " ".join(naming.do)
    assert any("location data" in line for line in naming.do)
    assert any("where someone lives" in line for line in naming.dont)


PRODUCT_PEOPLE = [
    {"expertise": "Product management", "role": "Product manager"},
    {"expertise": "B2B sales", "role": "Account executive"},
    {"expertise": "Backend engineering", "role": "Software engineer"},
]


@pytest.mark.parametrize("work", PRODUCT_PEOPLE, ids=[w["role"] for w in PRODUCT_PEOPLE])
def test_people_whose_work_sells_keep_the_product_cards(library, work):
    assert library.field_for(work) is not None
    book = playbook(library, work)
    assert book["praising-products"].title == "Praising your employer's products"
    confidential = book["confidential-information"]
    assert confidential.title == "Confidential or unreleased information"
    assert any("roadmaps" in line and "sales promotions" in line for line in confidential.do)
    assert book["competitor-mention"].title == "A competitor comes up"
    # (The product family names customers as well as clients: an in-house
    # product manager has customers, an agency designer clients.)
    assert book["naming-clients"].title.endswith("clients or partners")
    assert "logo" in book["naming-clients"].detail
    # (A salesperson's family words the complaint for them: they are the
    # customer's channel.)
    assert book["customer-complaint"].title.startswith("A customer complains")
    assert any("refund" in line for line in book["customer-complaint"].dont)


def test_words_that_say_someone_sells_bring_the_product_cards_back(library):
    work = {
        "expertise": "Artisan bread",
        "role": "Head baker",
        "subtopics": "wholesale accounts\nnew products",
    }
    assert library.field_for(work) is None
    assert playbook_family(library, None, work) is None
    assert sells_from_words(work)
    book = playbook(library, work)
    assert "praising-products" in book
    assert book["confidential-information"].title == "Confidential or unreleased information"
    # A library, a railway or a council has customers too: that word alone
    # does not make someone's work a product company's.
    assert not sells_from_words({"expertise": "Public libraries", "role": "Customer services"})
    assert not sells_from_words({"expertise": "Railway signalling", "role": "Railway signaller"})


def test_someone_who_runs_their_own_business_outside_the_library_promotes_it(library):
    work = {"expertise": "Court reporting", "role": "Self-employed court reporter"}
    book = playbook(library, work)
    assert book["praising-products"].title == "Promoting your own business"
    assert book["criticism-of-employer"].title == "Someone criticizes your business in public"
    # The owner's words fall back to the words for people who sell.
    # (The product family names customers as well as clients: an in-house
    # product manager has customers, an agency designer clients.)
    assert book["naming-clients"].title.endswith("clients or partners")


def test_a_family_or_a_sector_says_whether_its_people_sell(library):
    selling = {f.slug for f in library.families if f.sells}
    assert {"software", "hardware", "commercial", "product", "life-sciences"} <= selling
    assert not {"legal", "public", "people", "trades"} & selling
    # A sector that sells brings the product words to someone of no known family.
    banker = playbook(library, {"expertise": "Private banking", "role": "Private banker"})
    assert library.field_for({"expertise": "Private banking"}) is None
    assert "roadmaps" in " ".join(banker["confidential-information"].do)


def test_a_litigator_reads_about_cases_not_roadmaps(library):
    card = playbook(library, {"expertise": "Commercial litigation", "role": "Associate"})[
        "confidential-information"
    ]
    text = text_of(card)
    assert "roadmaps" not in text and "sales promotions" not in text
    assert "under investigation" in text


def test_every_sells_wording_keeps_the_general_options_and_the_pay_guardrail(library):
    from wizard.programme import guardrail_warnings

    worded = [s for s in library.situations if s.sells]
    assert {s.slug for s in worded} >= {
        "customer-complaint",
        "competitor-mention",
        "confidential-information",
        "naming-clients",
    }
    for general in worded:
        words = general.sells
        assert [o.slug for o in words.options] == [o.slug for o in general.options]
        texts = [words.title, words.summary, *words.do, *words.dont]
        texts += [f"{o.label}. {o.detail}" for o in words.options]
        assert not [t for t in texts if guardrail_warnings(t)], general.slug
    for situation in (library.situation("confidential-information"),):
        for version in (situation, situation.sells):
            assert any("pay and working conditions" in line for line in version.do)


def test_the_loader_refuses_a_sells_wording_it_cannot_use(tmp_path: Path):
    folder = tmp_path / "library"
    shutil.copytree(LIBRARY_DIR, folder)
    path = folder / "situations.toml"
    text = path.read_text()
    marker = "[situations.sells.options.give-credit]"
    assert marker in text
    path.write_text(text.replace(marker, "[situations.sells.options.no-such-option]"))
    with pytest.raises(LibraryError, match="sells.options: 'no-such-option'"):
        read_library(folder)


def test_what_is_not_theirs_to_share_comes_first_for_someone_outside_the_library(library):
    slugs = list(playbook(library, UNMATCHED[2]))
    assert slugs[:2] == ["confidential-information", "naming-clients"]


def test_a_sector_that_sells_nothing_outranks_a_family_that_sells(library):
    # Air traffic control sits in the operations family, whose people mostly
    # work for firms that sell; its sector says controllers sell nothing.
    work = {"expertise": "Air traffic control", "role": "Air traffic controller"}
    area = library.field_for(work)
    assert area is not None and library.family(area.family).sells
    book = playbook(library, work)
    text = whole_text(book)
    assert [word for word in CORPORATE if word in text] == []
    assert book["confidential-information"].title == "Confidential or sensitive information"
    # The operations family's supply chain people keep the sells words.
    supply = playbook(library, {"expertise": "Supply chain management", "role": "Logistics lead"})
    assert supply["confidential-information"].title == "Confidential or unreleased information"


def test_a_museum_conservator_is_not_placed_with_archives(library):
    """A museum's conservator reads the museums sector's cards, not an
    archivist's; an archive or book conservator reads the archives sector's
    first."""
    museum = {
        "expertise": "Conservation of paintings",
        "role": "Museum conservator",
        "subtopics": "varnish removal\nloans",
    }
    assert library.sectors_for(" ".join(museum.values())) == ("museums",)
    book = playbook(library, museum)
    text = whole_text(book)
    for words in ("a reader finds", "strongroom", "student, staff", "donors' terms"):
        assert words not in text, words
    assert library.sectors_for("Archive conservator")[0] == "archives"
