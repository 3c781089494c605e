"""CSRF protection on every state change, and an expired token that loses nothing."""

import time

import pytest

from models import db
from models.frameworks import StepAnswer
from tests.conftest import drop_everything, make_app
from tests.pages import form_fields
from tests.wizard_walk import WizardWalk


def test_a_post_without_a_token_changes_nothing(walk, client, app, pages):
    walk.start()
    response = client.post(f"{walk.base}/step/work", data={"role": "Tester", "expertise": "QA"})
    page = pages.check(response, 400)
    assert "could not be saved yet" in page.get_text()
    assert page.find("input", id="role")["value"] == "Tester"
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(StepAnswer)) == 0


def test_start_without_a_token_creates_nothing(client, pages):
    page = pages.check(client.post("/start"), 400)
    assert "could not be saved yet" in page.get_text()


@pytest.fixture
def impatient_app(tmp_path):
    application = make_app(tmp_path, WTF_CSRF_TIME_LIMIT=1)
    yield application
    drop_everything(application)


def test_an_expired_token_shows_the_form_again_with_the_input_and_a_fresh_token(
    impatient_app, pages
):
    client = impatient_app.test_client()
    walk = WizardWalk(client)
    walk.start()
    page = client.get(f"{walk.base}/step/work").get_data(as_text=True)
    data = form_fields(page)
    old_token = data["csrf_token"][0]
    data.update(role=["Principal engineer"], expertise=["Backend"], audience=["CTOs"])
    data["subtopics"] = ["event sourcing\nidempotency"]
    time.sleep(2.1)
    response = client.post(f"{walk.base}/step/work", data=data)
    page = pages.check(response, 400)
    assert page.title.get_text().startswith("Error: ")
    assert "could not be saved yet" in page.get_text()
    assert page.find("input", id="role")["value"] == "Principal engineer"
    assert page.find("textarea", id="subtopics").get_text().strip() == "event sourcing\nidempotency"
    fresh = page.find("input", attrs={"name": "csrf_token"})["value"]
    assert fresh != old_token
    # Sending the same page again, now with the fresh token, saves it.
    data["csrf_token"] = [fresh]
    assert client.post(f"{walk.base}/step/work", data=data).status_code == 303


def test_a_cross_site_https_post_says_so_on_the_same_form_and_saves_nothing(tmp_path, pages):
    application = make_app(tmp_path, PROXY_FIX=1)
    client = application.test_client()
    https = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "byline.example.com"}
    try:
        walk = WizardWalk(client)
        walk.start()
        data = form_fields(client.get(f"{walk.base}/step/work").get_data(as_text=True))
        data.update(role=["Tester"], expertise=["QA"], audience=["testers"])
        data.update(subtopics=["triage\nflaky tests"])
        foreign = {**https, "Referer": "https://evil.example/page"}
        response = client.post(f"{walk.base}/step/work", data=data, headers=foreign)
        page = pages.check(response, 400)
        assert "did not come from a Byline page" in page.select_one(".error-summary").get_text()
        assert page.find("input", id="role")["value"] == "Tester"
        no_referer = client.post(f"{walk.base}/step/work", data=data, headers=https)
        assert no_referer.status_code == 400
        with application.app_context():
            assert db.session.scalar(db.select(db.func.count()).select_from(StepAnswer)) == 0
        own = {**https, "Referer": f"https://byline.example.com{walk.base}/step/work"}
        assert client.post(f"{walk.base}/step/work", data=data, headers=own).status_code == 303
    finally:
        drop_everything(application)
