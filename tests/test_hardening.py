"""Rate limits, a busy database, proxies and logs: the app stays calm and keeps input."""

from __future__ import annotations

import logging

import pytest

from models import DatabaseBusy
from models.programmes import Programme
from tests.conftest import drop_everything, make_app
from tests.pages import form_fields
from tests.programme_walk import GOOD_PROGRAMME, create_programme


@pytest.fixture
def limited(tmp_path):
    """An app with small rate limits switched on."""
    application = make_app(
        tmp_path,
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI="memory://",
        RATELIMIT_DRAFTS="3 per minute",
        RATELIMIT_PROGRAMMES="1 per hour",
        RATELIMIT_IMPORTS="1 per hour",
    )
    yield application
    drop_everything(application)


def press_start(client):
    page = client.get("/start").get_data(as_text=True)
    return client.post("/start", data=form_fields(page))


def test_creating_drafts_is_rate_limited_with_a_clear_page(limited, pages):
    client = limited.test_client()
    assert [press_start(client).status_code for _ in range(3)] == [303, 303, 303]
    refused = press_start(client)
    soup = pages.check(refused, 429)
    assert soup.title.get_text().startswith("Error: ")
    assert "Wait a few minutes" in soup.select_one(".error-summary").get_text()


def test_a_refused_programme_keeps_everything_typed(limited, pages):
    client = limited.test_client()
    assert create_programme(client).status_code == 303
    refused = create_programme(client, {"name": "Second programme"})
    soup = pages.check(refused, 429)
    assert "Wait a few minutes" in soup.select_one(".error-summary").get_text()
    assert soup.find("input", id="name")["value"] == "Second programme"
    assert soup.find("input", id="disclosure")["value"] == GOOD_PROGRAMME["disclosure"]
    assert "Never share customer names" in soup.find("textarea", id="rules").get_text()
    with limited.app_context():
        assert Programme.query.count() == 1


def test_a_busy_database_shows_the_form_again_with_the_input(app, client, walk, pages, monkeypatch):
    walk.start()
    page = client.get(f"{walk.base}/step/work").get_data(as_text=True)
    data = form_fields(page)
    data.update(role=["Data engineer"], expertise=["Data engineering"])
    data.update(subtopics=["dbt models\ndata contracts"], audience=["analysts"])

    def busy():
        raise DatabaseBusy("BEGIN IMMEDIATE: the database stayed locked")

    monkeypatch.setattr("wizard.writes.begin_write", busy)
    response = client.post(f"{walk.base}/step/work", data=data)
    soup = pages.check(response, 503)
    assert response.headers["Retry-After"] == "2"
    assert "Nothing you entered is lost" in soup.select_one(".error-summary").get_text()
    assert soup.find("input", id="role")["value"] == "Data engineer"
    assert "data contracts" in soup.find("textarea", id="subtopics").get_text()

    monkeypatch.undo()
    assert client.post(f"{walk.base}/step/work", data=data).status_code == 303


def test_a_commit_the_database_is_too_busy_for_shows_the_form_once(
    app, client, walk, pages, monkeypatch
):
    """The view runs once: the busy commit becomes a message in the same pass."""
    from models import db
    from models.frameworks import StepAnswer
    from wizard.views import steps

    walk.start()
    data = form_fields(client.get(f"{walk.base}/step/work").get_data(as_text=True))
    data.update(role=["Data engineer"], expertise=["Data engineering"], audience=["analysts"])
    data.update(subtopics=["dbt models\ndata contracts"])
    saves = []
    store_answer = steps.store_answer

    def counted(framework_id, step, *args, **kwargs):
        saves.append(step)
        return store_answer(framework_id, step, *args, **kwargs)

    def busy():
        raise DatabaseBusy("COMMIT: the database stayed locked")

    monkeypatch.setattr(steps, "store_answer", counted)
    with app.app_context():
        monkeypatch.setattr(db.session, "commit", busy)
        response = client.post(f"{walk.base}/step/work", data=data)
    soup = pages.check(response, 503)
    assert saves == ["work"]
    assert "Nothing you entered is lost" in soup.select_one(".error-summary").get_text()
    assert soup.find("input", id="role")["value"] == "Data engineer"
    monkeypatch.undo()
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(StepAnswer)) == 0


@pytest.mark.parametrize(
    "hops, expected", [(1, "https://byline.example.com/join/"), (0, "http://localhost/join/")]
)
def test_behind_a_proxy_links_use_the_forwarded_scheme_and_host(tmp_path, hops, expected):
    application = make_app(tmp_path, PROXY_FIX=hops)
    client = application.test_client()
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "byline.example.com"}
    try:
        created = create_programme(client)
        dashboard = client.get(created.location, headers=forwarded).get_data(as_text=True)
        assert expected in dashboard
    finally:
        drop_everything(application)


def test_errors_show_no_trace_sql_or_token_and_logs_have_the_trace_without_it(tmp_path, caplog):
    application = make_app(tmp_path)

    @application.get("/explode/<token>")
    def explode(token):
        raise RuntimeError(f"SELECT secret FROM frameworks WHERE token = '{token}'")

    client = application.test_client()
    try:
        with caplog.at_level(logging.DEBUG):
            response = client.get("/explode/TOKEN1234567890")
        body = response.get_data(as_text=True)
        assert response.status_code == 500
        assert "Traceback" not in body and "SELECT" not in body and "TOKEN1234567890" not in body
        assert response.headers["Content-Security-Policy"]
        logged = "\n".join(r.getMessage() for r in caplog.records)
        assert "Unhandled RuntimeError on GET /explode/<token>" in logged
        # The traceback, to find the fault; the private link masked in it.
        assert "Traceback (most recent call last)" in logged and "in explode" in logged
        assert "token = '[token]'" in logged
        assert "TOKEN1234567890" not in logged
    finally:
        drop_everything(application)


def test_a_private_link_can_be_replaced_and_the_old_one_stops_working(walk, client, app, pages):
    old = walk.complete()
    page = client.get(f"/f/{old}").get_data(as_text=True)
    soup = pages.check(client.get(f"/f/{old}"))
    posting = soup.find_all("form", method="post")
    index = next(i for i, f in enumerate(posting) if f["action"].endswith("/new-link"))
    response = client.post(f"/f/{old}/new-link", data=form_fields(page, index))
    assert response.status_code == 303
    new = response.location.split("/f/")[1]
    assert new != old and len(new) >= 32
    fresh = pages.check(client.get(f"/f/{new}"))
    assert "new private link" in fresh.select_one(".notice").get_text()
    assert "Test lead in the payments team" in fresh.h1.get_text()
    assert client.get(f"/f/{old}").status_code == 404
    assert client.get(f"/f/{old}/ideas").status_code == 404


def test_private_links_are_long_random_and_stored_only_as_hashes(walk, app):
    tokens = {walk.complete() for _ in range(3)}
    assert len(tokens) == 3
    assert all(len(token) >= 32 for token in tokens)  # 24 bytes: 192 bits
    with app.app_context():
        from models import db

        stored = repr(db.session.execute(db.text("SELECT * FROM frameworks")).all())
    assert not any(token in stored for token in tokens)
