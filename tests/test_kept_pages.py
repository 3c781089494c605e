"""Whole pages kept per framework state (wizard/fragments.py `kept_page`):
a kept page is served again only while nothing it shows has changed, always
with the requester's own CSRF token, and never to another framework."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from models import db
from models.artifacts import FrameworkPdf
from models.capabilities import utcnow
from models.frameworks import Framework
from models.programmes import Programme
from tests.pages import form_fields
from wizard import fragments
from wizard.lookups import page_state
from wizard.pdf_jobs import current_pdf

PAGES = ("", "/ideas", "/ideas?theme=&show=all", "/print")
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def without_csrf(html: str) -> str:
    return CSRF.sub('name="csrf_token" type="hidden" value=""', html)


@pytest.fixture
def rendered(monkeypatch):
    """How many times each page was rendered afresh (not served as kept)."""
    counts: dict[str, int] = {}
    real = fragments._render_with_placeholder

    def counting(render):
        from flask import request

        counts[request.path] = counts.get(request.path, 0) + 1
        return real(render)

    monkeypatch.setattr(fragments, "_render_with_placeholder", counting)
    return counts


def test_a_page_is_rendered_once_and_then_served_as_kept(walk, client, rendered):
    token = walk.complete()
    assert "Your framework is ready" in client.get(f"/f/{token}").get_data(as_text=True)
    for page in PAGES:
        first = client.get(f"/f/{token}{page}")
        second = client.get(f"/f/{token}{page}")
        assert first.status_code == second.status_code == 200
        assert without_csrf(first.get_data(as_text=True)) == without_csrf(
            second.get_data(as_text=True)
        )
        assert fragments.CSRF_PLACEHOLDER not in second.get_data(as_text=True)
    assert rendered == {f"/f/{token}": 1, f"/f/{token}/ideas": 2, f"/f/{token}/print": 1}


def test_every_visitor_gets_their_own_csrf_token_and_it_works(app, walk, client, rendered):
    token = walk.complete()
    client.get(f"/f/{token}/ideas")  # kept now
    other = app.test_client()  # another browser with the same private link
    page = other.get(f"/f/{token}/ideas").get_data(as_text=True)
    assert rendered[f"/f/{token}/ideas"] == 1
    mine = set(CSRF.findall(client.get(f"/f/{token}/ideas").get_data(as_text=True)))
    theirs = set(CSRF.findall(page))
    assert len(mine) == len(theirs) == 1 and mine != theirs
    # The token in the kept page is accepted for that browser's session.
    soup = BeautifulSoup(page, "html.parser")
    button = soup.select_one(".idea-grid article button[value^='s:']")
    data = form_fields(page, soup.find_all("form", method="post").index(soup.find(id="marks")))
    data[button["name"]] = [button["value"]]
    assert other.post(f"/f/{token}/ideas/mark", data=data).status_code == 303


def mark_first_idea(client, token, state):
    page = client.get(f"/f/{token}/ideas").get_data(as_text=True)
    soup = BeautifulSoup(page, "html.parser")
    key = soup.select_one(".idea-grid article")["id"].removeprefix("idea-")
    data = form_fields(page, soup.find_all("form", method="post").index(soup.find(id="marks")))
    data["mark"] = [f"{state}:{key}"]
    assert client.post(f"/f/{token}/ideas/mark", data=data).status_code == 303
    return key


def card(client, token, key):
    html = client.get(f"/f/{token}/ideas?theme=&show=all").get_data(as_text=True)
    return BeautifulSoup(html, "html.parser").find(id=f"idea-{key}")


def test_a_mark_shows_at_once_and_so_does_taking_it_back(walk, client):
    token = walk.complete()
    client.get(f"/f/{token}/ideas?theme=&show=all")
    key = mark_first_idea(client, token, "saved")
    assert card(client, token, key).select_one(".badge-mark").get_text() == "Saved"
    mark_first_idea(client, token, "clear")
    # Back to the state of the first page: the page kept for it is right again.
    assert card(client, token, key).select_one(".badge-mark") is None
    mark_first_idea(client, token, "used")
    assert card(client, token, key).select_one(".badge-mark").get_text() == "Used"


def test_messages_after_a_post_are_shown_not_swallowed(walk, client, rendered):
    token = walk.complete()
    client.get(f"/f/{token}")
    client.get(f"/f/{token}")
    assert rendered[f"/f/{token}"] == 1
    data = form_fields(client.get(f"/f/{token}").get_data(as_text=True), -1)
    # A refused POST (no CSRF token) flashes why; the next page must say so.
    client.post(f"/f/{token}/new-link", data={})
    page = client.get(f"/f/{token}").get_data(as_text=True)
    assert 'class="notice" role="status"' in page
    # Shown once: the page after it is the kept one again, without the message.
    again = client.get(f"/f/{token}").get_data(as_text=True)
    assert 'class="notice" role="status"' not in again
    assert data  # the page had its forms


def test_a_replaced_link_stops_at_once(walk, client):
    token = walk.complete()
    assert client.get(f"/f/{token}").status_code == 200
    page = client.get(f"/f/{token}").get_data(as_text=True)
    soup = BeautifulSoup(page, "html.parser")
    form = soup.find("form", action=f"/f/{token}/new-link")
    data = {"csrf_token": form.find("input", attrs={"name": "csrf_token"})["value"]}
    moved = client.post(f"/f/{token}/new-link", data=data)
    assert moved.status_code == 303
    for page in PAGES:
        assert client.get(f"/f/{token}{page}").status_code == 404
    new = moved.headers["Location"].rsplit("/", 1)[-1]
    assert new in client.get(f"/f/{new}").get_data(as_text=True)


def test_two_frameworks_never_share_a_kept_page(walk, client, app):
    first = walk.complete()
    second_client = app.test_client()
    from tests.wizard_walk import WizardWalk

    second = WizardWalk(second_client).complete()
    for page in PAGES:
        a = client.get(f"/f/{first}{page}").get_data(as_text=True)
        b = second_client.get(f"/f/{second}{page}").get_data(as_text=True)
        assert first in a and second not in a
        assert second in b and first not in b


def test_the_address_asked_at_is_the_one_in_the_private_link(walk, client):
    token = walk.complete()
    here = client.get(f"/f/{token}").get_data(as_text=True)
    there = client.get(f"/f/{token}", base_url="https://byline.example").get_data(as_text=True)
    assert f"http://localhost/f/{token}" in here
    assert f"https://byline.example/f/{token}" in there
    assert "http://localhost/" not in there


def test_filters_are_part_of_the_key(walk, client):
    token = walk.complete()

    def hooks(query):
        html = client.get(f"/f/{token}/ideas{query}").get_data(as_text=True)
        return [h.get_text() for h in BeautifulSoup(html, "html.parser").select(".idea-grid h3")]

    everything = hooks("?theme=&show=all")
    second = hooks("?theme=2")
    assert set(second) < set(everything)
    assert hooks("?theme=&show=all") == everything
    assert hooks("?theme=2&theme=3") == second  # the first value counts, as for the form
    assert hooks("?theme=nine")  # a bad filter shows its message and every idea
    assert "Choose a theme from the list" in client.get(f"/f/{token}/ideas?theme=nine").get_data(
        as_text=True
    )


def test_a_draft_is_sent_on_and_never_kept(walk, client):
    token = walk.start()
    for _ in range(2):
        response = client.get(f"/f/{token}")
        assert response.status_code == 302
    assert client.get(f"/f/{token}/print").status_code == 404


def test_sharing_a_programme_edit_and_a_ready_pdf_show_at_once(app, walk, client):
    token = walk.complete()
    with app.app_context():
        programme, _ = Programme.create(name="Acme Voices", company="Acme", rules="- Old rule.")
        db.session.flush()
        Framework.by_token(token).programme_id = programme.id
        db.session.commit()
        programme_id = programme.id
    page = client.get(f"/f/{token}").get_data(as_text=True)
    assert "Share my framework with the comms team" in page
    assert "being prepared" in page
    assert "Old rule." in client.get(f"/f/{token}/print").get_data(as_text=True)

    with app.app_context():
        Framework.by_token(token).shared_with_programme = True
        db.session.get(Programme, programme_id).update(rules="- New rule.")
        db.session.commit()
    page = client.get(f"/f/{token}").get_data(as_text=True)
    assert "Stop sharing" in page
    printed = client.get(f"/f/{token}/print").get_data(as_text=True)
    assert "New rule." in printed and "Old rule." not in printed

    with app.app_context():
        framework = Framework.by_token(token)
        _, digest = current_pdf(framework)
        db.session.add(
            FrameworkPdf(framework_id=framework.id, digest=digest, data=b"%PDF", made_at=utcnow())
        )
        db.session.commit()
    assert "being prepared" not in client.get(f"/f/{token}").get_data(as_text=True)


def test_the_state_covers_answers_marks_and_more_ideas(app, walk, client):
    token = walk.complete()
    with app.test_request_context():
        before = page_state(token)
        framework = Framework.by_token(token)
        framework.ask_for_more_ideas(framework.answer_map()["themes"]["themes"][0].get("key", "x"))
        db.session.commit()
        assert page_state(token) != before
        before = page_state(token)
        framework = Framework.by_token(token)
        framework.save_answer("work", {**framework.answer_map()["work"], "audience": "CTOs"})
        db.session.commit()
        assert page_state(token) != before
        before = page_state(token)
        Framework.by_token(token).mark_idea("abc", "saved")
        db.session.commit()
        assert page_state(token) != before
        assert page_state("no-such-link") is None
        assert page_state("x" * 101) is None
