"""A field outside the library: the plan says so once, plainly, on every page
that shows the ideas, and in the Markdown."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.test_unknown_field_ideas import plan_of as unknown_field_plan
from wizard.exports.markdown_doc import header_lines
from wizard.generators.field_note import field_note
from wizard.library import load_library

LIB = load_library()
MASON = {
    "role": "Stonemason, cathedral works department",
    "expertise": "Heritage stonemasonry",
    "subtopics": "lime mortar repairs\nsurvey reports",
    "audience": "architects and other masons",
}
PHARMACIST = {
    "role": "Community pharmacist",
    "expertise": "Community pharmacy",
    "subtopics": "Pharmacy First consultations\nmedicines shortages",
    "audience": "patients and GPs",
}
NOTE = "Byline has no field guide for “Heritage stonemasonry”."


def plan_of(work):
    return unknown_field_plan(work, rung=2)


def test_an_unknown_field_gets_a_note_in_its_own_words():
    note = plan_of(MASON).field_note
    assert note is not None
    assert note.title == NOTE
    assert "lime mortar repairs, survey reports" in note.body
    assert "comms team" in note.body and "sub-topics in your answers" in note.body


def test_a_library_field_gets_no_note():
    assert plan_of(PHARMACIST).field_note is None


def test_the_note_names_the_sectors_whose_situations_the_playbook_borrows():
    work = {
        "role": "Speech and language therapist, NHS community team",
        "expertise": "Speech and language therapy",
        "subtopics": "swallowing assessments\nlanguage delay",
    }
    plan = plan_of(work)
    assert LIB.field_for(work) is None
    assert "plus situations for healthcare" in plan.field_note.body
    assert "plus situations" not in plan_of(MASON).field_note.body


def test_the_note_without_sub_topics_or_a_field_name_still_reads():
    note = field_note(None, "  ", [], [])
    assert note.title == "Byline has no field guide for your field."
    assert "what you typed about your work" in note.body
    many = field_note(None, "Organ building", ["a", "b", "c", "d"], ["Public sector"])
    assert "(a, b, c and others)" in many.body
    assert field_note(object(), "Anything", ["a"], []) is None


def test_the_markdown_carries_the_note_once():
    text = "\n".join(header_lines(plan_of(MASON)))
    assert text.count("no field guide for") == 1
    assert "no field guide" not in "\n".join(header_lines(plan_of(PHARMACIST)))


def _note_count(html: str) -> int:
    return BeautifulSoup(html, "html.parser").get_text().count("no field guide for")


def test_framework_ideas_and_print_pages_say_it_once(walk, client):
    walk.complete({"work": dict(MASON)})
    for path in ("", "/ideas", "/print"):
        response = client.get(walk.base + path)
        assert response.status_code == 200, path
        html = response.get_data(as_text=True)
        assert _note_count(html) == 1, path
        soup = BeautifulSoup(html, "html.parser")
        box = soup.select_one(".field-note, .cover-field-note")
        assert NOTE in box.get_text(), path
    screen = BeautifulSoup(client.get(walk.base).get_data(as_text=True), "html.parser")
    assert screen.select_one(".field-note")["role"] == "note"


def test_a_library_fields_pages_have_no_note(walk, client):
    walk.complete({"work": dict(PHARMACIST)})
    for path in ("", "/ideas", "/print"):
        assert _note_count(client.get(walk.base + path).get_data(as_text=True)) == 0, path


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_note_passes_axe_on_every_page_it_is_on(page, live_server, scheme):
    """No axe-core violation on the framework, ideas and print pages that carry
    the note, in light and dark, at a phone's width and a desktop's."""
    from axe_playwright_python.sync_playwright import Axe

    from tests.test_accessibility import AXE_OPTIONS
    from tests.wizard_walk import WizardWalk

    walk = WizardWalk(live_server.app.test_client())
    walk.complete({"work": dict(MASON)})
    page.emulate_media(color_scheme=scheme)
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for path in ("", "/ideas", "/print"):
            page.goto(live_server.url + walk.base + path)
            assert page.locator(".field-note, .cover-field-note").count() == 1, path
            results = Axe().run(page, options=AXE_OPTIONS)
            assert not results.violations_count, (path, width, results.generate_report())


def test_the_pdf_cover_carries_the_note(walk, client):
    from tests.pdftext import pdf_text

    walk.complete({"work": dict(MASON)})
    response = client.get(walk.base + "/framework.pdf")
    assert response.status_code == 200
    reader, text = pdf_text(response.data)
    cover = " ".join(reader.pages[0].extract_text().split())
    assert NOTE in cover
    assert " ".join(text.split()).count("no field guide for") == 1


def test_the_typed_field_in_the_note_is_escaped(walk, client):
    walk.complete({"work": {**MASON, "expertise": "Stone <b>carving</b> & lettering"}})
    for path in ("", "/ideas", "/print"):
        html = client.get(walk.base + path).get_data(as_text=True)
        assert "<b>carving</b>" not in html, path
        assert "“Stone &lt;b&gt;carving&lt;/b&gt; &amp; lettering”" in html, path


def test_a_lawyer_the_library_cannot_place_reads_each_borrowed_word_once():
    """A sector "Legal" and a family "Legal and compliance" once read "situations for
    legal and legal and compliance"."""
    plan = plan_of({"role": "Solicitor", "expertise": "Aviation law", "subtopics": "leases"})
    assert LIB.field_for({"expertise": "Aviation law"}) is None
    assert "plus situations for legal and compliance." in plan.field_note.body
    assert "legal and legal" not in plan.field_note.body


@pytest.mark.parametrize(
    ("borrowed", "said"),
    [
        (["Legal", "Legal and compliance"], "plus situations for legal and compliance."),
        (["Public sector", "Education and public sector"], "for education and public sector."),
        (["Healthcare", "Healthcare", "Security"], "for healthcare and security."),
        (
            ["Building and electrical trades", "Skilled trades and construction"],
            "for building and electrical trades.",
        ),
        (
            ["Data protection and privacy", "Legal and compliance"],
            "for data protection and privacy, and for legal and compliance.",
        ),
    ],
)
def test_borrowed_names_that_share_a_word_are_said_once(borrowed, said):
    body = field_note(None, "Organ building", ["a"], borrowed).body
    assert said in body
    words = body.split("situations for ")[1].split(".")[0].replace(",", "").split()
    named = [w for w in words if w not in ("and", "for")]
    assert len(named) == len(set(named))
