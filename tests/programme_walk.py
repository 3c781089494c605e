"""Creates programmes through their real pages, the way a comms team would."""

from __future__ import annotations

from tests.pages import form_fields
from tests.wizard_walk import WizardWalk

GOOD_PROGRAMME = {
    "name": "Acme Voices",
    "company": "Acme",
    "rules": "- Say that you work at Acme when you post about Acme.\n"
    "- Never share customer names without their approval.",
    "disclosure": "#AcmeEmployee",
    "media_contact": "Press office, press@acme.example",
    "crisis_contact": "Comms on call, +44 20 0000 0000",
    "company_themes": "How we build for reliability\nLife in the platform team",
    # Serious company: no jokes, starting at "Mostly serious".
    "humour_default": "4",
    "humour_low": "3",
    "humour_high": "5",
}


def create_programme(client, changes: dict[str, str] | None = None):
    """Fill in /programmes/new and send it; returns the response."""
    page = client.get("/programmes/new").get_data(as_text=True)
    data = form_fields(page)
    for name, value in {**GOOD_PROGRAMME, **(changes or {})}.items():
        data[name] = [value]
    return client.post("/programmes/new", data=data)


def admin_token_from(location: str) -> str:
    """The manage token in the dashboard URL a new programme redirects to."""
    return location.split("/manage/")[1].split("?")[0].split("/")[0]


def join(client, code: str) -> WizardWalk:
    """A colleague opens the share link and presses Start; returns a walk on the new draft."""
    page = client.get(f"/join/{code}")
    response = client.post(f"/join/{code}", data=form_fields(page.get_data(as_text=True)))
    assert response.status_code == 303, response.status_code
    walk = WizardWalk(client)
    walk.token = response.location.split("/f/")[1].split("/")[0]
    return walk
