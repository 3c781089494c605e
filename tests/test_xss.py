"""Markup typed into any text field is shown as text everywhere: pages, print,
PDF and every export."""

from __future__ import annotations

import json
import re

import pytest
from icalendar import Calendar

from models.programmes import Programme
from tests.pdftext import pdf_text
from tests.programme_walk import admin_token_from, create_programme
from tests.test_programmes import join_and_complete

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(2)>"
PAYLOAD = f"{SCRIPT}{IMAGE}"
RAW = ("<script>alert", "<img src=x", "onerror=alert(2)>")


def hostile_answers():
    return {
        "work": {
            "role": f"Lead {PAYLOAD}",
            "expertise": f"Testing {SCRIPT}",
            "subtopics": f"flaky tests {SCRIPT}\n{IMAGE} risk",
            "audience": f"managers {PAYLOAD}",
        },
        "themes": {"themes-0-title": f"Reliability {PAYLOAD}"},
    }


def assert_no_markup(text: str, where: str) -> None:
    for raw in RAW:
        assert raw not in text, f"{raw!r} unescaped in {where}"


@pytest.fixture
def hostile(client, app):
    """A programme and a framework in it, every text field full of markup."""
    created = create_programme(
        client,
        {
            "name": f"Voices {SCRIPT}"[:100],
            "company": f"Acme {IMAGE}",
            "rules": f"- Be kind {PAYLOAD}\n- [link](javascript:alert(3))",
            "disclosure": f"#Acme {SCRIPT}",
            "media_contact": f"press {IMAGE}",
            "crisis_contact": f"crisis {SCRIPT}",
            "company_themes": f"Our work {SCRIPT}",
        },
    )
    admin = admin_token_from(created.location)
    with app.app_context():
        code = Programme.by_admin_token(admin).share_code
    token = join_and_complete(client, code, hostile_answers())
    with app.app_context():
        from models.frameworks import Framework

        framework = Framework.by_token(token)
        framework.shared_with_programme = True
        from models import db

        db.session.commit()
        framework_id = framework.id
    return token, admin, code, framework_id


def test_pages_show_markup_as_text(client, hostile, pages):
    token, admin, code, framework_id = hostile
    urls = [
        f"/f/{token}",
        f"/f/{token}/ideas?theme=&show=all",
        f"/f/{token}/print",
        f"/f/{token}/check",
        f"/f/{token}/step/work",
        f"/f/{token}/step/themes",
        f"/f/{token}/step/situations",
        f"/join/{code}",
        f"/manage/{admin}",
        f"/manage/{admin}/settings",
        f"/manage/{admin}/guide",
        f"/manage/{admin}/shared/{framework_id}",
    ]
    for url in urls:
        response = client.get(url)
        pages.check(response)
        html = response.get_data(as_text=True)
        assert_no_markup(html, url)
        assert 'href="javascript:' not in html, url
    framework = client.get(f"/f/{token}").get_data(as_text=True)
    assert "Lead &lt;script&gt;alert(1)&lt;/script&gt;" in framework


def test_exports_and_pdf_carry_markup_only_as_text(client, hostile):
    token = hostile[0]
    markdown = client.get(f"/f/{token}/framework.md").get_data(as_text=True)
    # Markdown escapes markup with a backslash (or as an entity): none is left live.
    assert not re.search(r"(?<!\\)<(script|img)", markdown), markdown
    assert "javascript:" not in markdown

    body = client.get(f"/f/{token}/framework.json")
    assert body.mimetype == "application/json"
    assert_no_markup(body.get_data(as_text=True), "framework.json")
    assert json.loads(body.get_data(as_text=True))["answers"]["work"]["role"] == f"Lead {PAYLOAD}"

    calendar = Calendar.from_ical(client.get(f"/f/{token}/calendar.ics").get_data())
    assert calendar.walk("VEVENT")

    pdf = client.get(f"/f/{token}/framework.pdf")
    _reader, text = pdf_text(pdf.data)
    # Shown as the very characters typed, not interpreted.
    assert "<script>alert(1)</script>" in text


def test_dashboard_csv_defuses_markup_and_formulas(client, hostile):
    admin = hostile[1]
    csv_text = client.get(f"/manage/{admin}/aggregates.csv").get_data(as_text=True)
    assert "Our work <script>" in csv_text  # a CSV is text, not a page
    assert "\n=" not in csv_text
