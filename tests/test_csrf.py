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
    page = pages.check(response)
    assert "could not be saved yet" in page.get_text()
    assert page.find("input", id="role")["value"] == "Tester"
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(StepAnswer)) == 0


def test_start_without_a_token_creates_nothing(client, pages):
    page = pages.check(client.post("/start"))
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
    page = pages.check(response)
    assert page.title.get_text().startswith("Error: ")
    assert "could not be saved yet" in page.get_text()
    assert page.find("input", id="role")["value"] == "Principal engineer"
    assert page.find("textarea", id="subtopics").get_text().strip() == "event sourcing\nidempotency"
    fresh = page.find("input", attrs={"name": "csrf_token"})["value"]
    assert fresh != old_token
    # Sending the same page again, now with the fresh token, saves it.
    data["csrf_token"] = [fresh]
    assert client.post(f"{walk.base}/step/work", data=data).status_code == 303
