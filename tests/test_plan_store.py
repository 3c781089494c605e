"""A plan built once and kept for every process; a PDF made once, ahead of time.

The builds are counted by wrapping `build_plan` where `wizard.plans` calls
it, and the PDFs by replacing WeasyPrint's part with a slow stand-in, so
every test can tell a kept plan or PDF from one made again.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import select, update

import wizard.pdf_jobs as pdf_jobs
import wizard.plans as plans
from models import db
from models.artifacts import FrameworkPdf, FrameworkPlan
from models.capabilities import utcnow
from models.frameworks import Framework
from models.programmes import Programme
from tests.conftest import drop_everything, make_app
from tests.pages import form_fields
from tests.programme_walk import create_programme, join
from tests.wizard_walk import WizardWalk
from wizard.library import load_library


@pytest.fixture
def fresh(tmp_path):
    """Apps with settings of their own on this test's database, emptied after
    the test (on PostgreSQL every test shares one database)."""
    made_apps = []

    def make(**overrides):
        application = make_app(tmp_path, **overrides)
        made_apps.append(application)
        return application

    yield make
    pdf_jobs.wait_for_background_pdfs()
    if made_apps:
        drop_everything(made_apps[0])


@pytest.fixture
def builds(monkeypatch):
    """How many times a plan was built from answers."""
    calls = []
    real = plans.build_plan

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(plans, "build_plan", counting)
    plans.forget_recent_plans()
    yield calls
    plans.forget_recent_plans()


@pytest.fixture
def made(monkeypatch):
    """The PDFs "made" (a quarter of a second each), by their plan's role."""
    calls = []

    def fake_render(plan, today):
        calls.append(plan.role)
        time.sleep(0.25)
        return b"%PDF-1.7 for " + plan.role.encode()

    monkeypatch.setattr(pdf_jobs, "render_pdf", fake_render)
    return calls


def framework_id(app, token: str) -> int:
    with app.app_context():
        return Framework.by_token(token).id


def plan_of(app, token: str):
    with app.test_request_context():
        return plans.plan_for(Framework.by_token(token))


def test_a_plan_is_built_once_and_read_back_by_every_process(app, walk, builds):
    token = walk.complete()
    walk.client.get(f"/f/{token}")
    built = len(builds)
    assert built == 1
    for path in ("", "/ideas", "/print", "/framework.md", "/framework.json", "/calendar.ics"):
        assert walk.client.get(f"/f/{token}{path}").status_code == 200
    assert len(builds) == built

    # Another process: nothing in its memory, the stored row is enough.
    plans.forget_recent_plans()
    assert walk.client.get(f"/f/{token}").status_code == 200
    assert len(builds) == built
    with app.app_context():
        assert db.session.scalar(select(FrameworkPlan.digest)) is not None


def test_two_workers_on_one_database_share_the_plan(fresh, builds):
    first, second = fresh(), fresh()
    token = WizardWalk(first.test_client()).complete()
    assert first.test_client().get(f"/f/{token}").status_code == 200
    assert len(builds) == 1
    plans.forget_recent_plans()
    page = second.test_client().get(f"/f/{token}")
    assert page.status_code == 200
    assert len(builds) == 1
    assert plan_of(second, token) == plan_of(first, token)


def test_changed_answers_build_a_new_plan(app, walk, builds):
    token = walk.complete()
    before = plan_of(app, token)
    walk.submit("work", {"role": "Principal tester"})
    walk.confirm()
    after = plan_of(app, token)
    assert after.role == "Principal tester" != before.role
    assert len(builds) == 2


def test_a_new_library_version_builds_a_new_plan(app, walk, builds, monkeypatch):
    token = walk.complete()
    plan_of(app, token)
    newer = dataclasses.replace(load_library(), version="a-newer-library")
    monkeypatch.setattr(plans, "load_library", lambda: newer)
    plan_of(app, token)
    assert len(builds) == 2


def test_a_new_seed_or_more_ideas_build_a_new_plan(app, walk, builds):
    token = walk.complete()
    plan_of(app, token)
    with app.app_context():
        framework = Framework.by_token(token)
        framework.idea_seed += 1
        db.session.commit()
    reseeded = plan_of(app, token)
    assert len(builds) == 2
    with app.app_context():
        Framework.by_token(token).ask_for_more_ideas(reseeded.outline[0].key)
        db.session.commit()
    more = plan_of(app, token)
    assert len(builds) == 3
    assert len(more.outline[0].ideas) > len(reseeded.outline[0].ideas)


def test_changed_programme_terms_build_a_new_plan(app, client, builds):
    assert create_programme(client).status_code == 303
    with app.app_context():
        code = db.session.scalar(select(Programme.share_code))
    walk = join(client, code)
    walk.answer_all()
    walk.confirm()
    token = walk.token
    plan_of(app, token)
    with app.app_context():
        db.session.execute(update(Programme).values(disclosure="Say you work at Acme."))
        db.session.commit()
    assert plan_of(app, token).programme.disclosure == "Say you work at Acme."
    assert len(builds) == 2


def test_saved_and_used_marks_are_live_without_a_rebuild(app, walk, builds):
    token = walk.complete()
    plan = plan_of(app, token)
    first, second = plan.ideas[0].key, plan.ideas[1].key
    with app.app_context():
        framework = Framework.by_token(token)
        framework.mark_idea(first, "saved")
        framework.mark_idea(second, "used")
        db.session.commit()
    marked = plan_of(app, token)
    assert marked.marks == {first: "saved", second: "used"}
    assert len(builds) == 1
    # "Not for me" takes an idea out of the calendar: that is a new plan.
    with app.app_context():
        Framework.by_token(token).mark_idea(first, "hidden")
        db.session.commit()
    hidden = plan_of(app, token)
    assert hidden.marks[first] == "hidden"
    assert first not in {slot.idea.key for slot in hidden.slots}
    assert len(builds) == 2


def test_a_stored_plan_that_fails_its_signature_is_built_again(app, walk, builds):
    token = walk.complete()
    good = plan_of(app, token)
    with app.app_context():
        stored = db.session.scalar(select(FrameworkPlan.data))
        tampered = stored[:-1] + bytes([stored[-1] ^ 1])
        db.session.execute(update(FrameworkPlan).values(data=tampered))
        db.session.commit()
    plans.forget_recent_plans()
    assert plan_of(app, token) == good
    assert len(builds) == 2


def test_deleting_a_framework_deletes_its_plan_and_pdf(app, walk, made):
    token = walk.complete()
    assert walk.client.get(f"/f/{token}/framework.pdf").status_code == 200
    with app.app_context():
        assert db.session.scalar(select(FrameworkPlan.framework_id)) is not None
        assert db.session.scalar(select(FrameworkPdf.framework_id)) is not None
        db.session.delete(Framework.by_token(token))
        db.session.commit()
        assert db.session.scalar(select(FrameworkPlan.framework_id)) is None
        assert db.session.scalar(select(FrameworkPdf.framework_id)) is None


# --- the PDF -------------------------------------------------------------------------


def test_concurrent_downloads_wait_for_one_job(app, walk, made):
    token = walk.complete()
    results: list[bytes] = []

    def download():
        response = app.test_client().get(f"/f/{token}/framework.pdf")
        assert response.status_code == 200
        results.append(response.get_data())

    threads = [threading.Thread(target=download) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 1
    assert len(results) == 4 and len(set(results)) == 1
    # And the next download is served as stored.
    assert walk.client.get(f"/f/{token}/framework.pdf").get_data() == results[0]
    assert len(made) == 1


def test_the_pdf_is_made_in_the_background_when_the_framework_is_finished(fresh, made):
    app = fresh(PDF_JOBS="thread")
    client = app.test_client()
    token = WizardWalk(client).complete()
    page = client.get(f"/f/{token}").get_data(as_text=True)
    assert "being prepared" in page
    assert "pdf-status.js" in page
    pdf_jobs.wait_for_background_pdfs()
    assert len(made) == 1
    assert client.get(f"/f/{token}/framework.pdf/status").get_json() == {"ready": True}
    assert "being prepared" not in client.get(f"/f/{token}").get_data(as_text=True)
    download = client.get(f"/f/{token}/framework.pdf")
    assert download.status_code == 200 and download.get_data().startswith(b"%PDF")
    assert len(made) == 1

    # A change makes the next PDF in the background too.
    walk = WizardWalk(client)
    walk.token = token
    walk.submit("work", {"role": "Test lead"})
    walk.confirm()
    client.get(f"/f/{token}")
    pdf_jobs.wait_for_background_pdfs()
    assert made == [made[0], "Test lead"]
    assert client.get(f"/f/{token}/framework.pdf").get_data().endswith(b"Test lead")
    assert len(made) == 2


def test_a_download_that_outwaits_the_job_gets_a_page_that_refreshes(fresh, made):
    app = fresh(PDF_WAIT_SECONDS=0.2)
    client = app.test_client()
    token = WizardWalk(client).complete()
    with app.app_context():
        framework = Framework.by_token(token)
        _, digest = pdf_jobs.current_pdf(framework)
        # Another process is making this very PDF right now.
        db.session.add(FrameworkPdf(framework_id=framework.id, digest=digest))
        db.session.commit()
    response = client.get(f"/f/{token}/framework.pdf")
    assert response.status_code == 202
    page = response.get_data(as_text=True)
    assert '<meta http-equiv="refresh" content="3">' in page
    assert "being prepared" in page
    assert made == []
    assert client.get(f"/f/{token}/framework.pdf/status").get_json() == {"ready": False}

    # A job that died long ago is taken over by the next download.
    with app.app_context():
        db.session.execute(update(FrameworkPdf).values(started_at=utcnow() - timedelta(minutes=10)))
        db.session.commit()
    assert client.get(f"/f/{token}/framework.pdf").status_code == 200
    assert len(made) == 1


def test_a_failed_pdf_gives_up_its_claim(app, walk, monkeypatch):
    token = walk.complete()

    def broken(plan, today):
        raise RuntimeError("layout failed")

    monkeypatch.setattr(pdf_jobs, "render_pdf", broken)
    assert app.test_client().get(f"/f/{token}/framework.pdf").status_code == 500
    with app.app_context():
        assert db.session.scalar(select(FrameworkPdf.framework_id)) is None


def test_with_rq_the_job_goes_on_the_queue_and_a_worker_makes_it(fresh, made, monkeypatch):
    """No Redis here: the queue is a stand-in that records what was enqueued."""
    import sys
    import types

    enqueued = []

    class Queue:
        def __init__(self, name, connection):
            self.name = name

        def enqueue(self, function, *args, **kwargs):
            enqueued.append((self.name, function, args))

    redis = types.SimpleNamespace(Redis=types.SimpleNamespace(from_url=lambda url: url))
    monkeypatch.setitem(sys.modules, "redis", redis)
    monkeypatch.setitem(sys.modules, "rq", types.SimpleNamespace(Queue=Queue))
    app = fresh(PDF_JOBS="rq", PDF_RQ_REDIS_URL="redis://queue.invalid/0")
    client = app.test_client()
    token = WizardWalk(client).complete()
    assert "being prepared" in client.get(f"/f/{token}").get_data(as_text=True)
    assert enqueued == [("byline-pdf", "wizard.pdf_jobs.rq_job", (framework_id(app, token),))]
    assert made == []

    # The worker: an app of its own, as configured for the web processes.
    monkeypatch.setattr("app.create_app", lambda: app)
    monkeypatch.setattr(pdf_jobs, "_rq_apps", [])
    pdf_jobs.rq_job(framework_id(app, token))
    assert len(made) == 1
    assert client.get(f"/f/{token}/framework.pdf/status").get_json() == {"ready": True}


def test_with_rq_and_no_reachable_queue_the_pdf_is_made_when_downloaded(
    fresh, made, monkeypatch, caplog
):
    """Redis down: finishing still works, the failure is logged, and the first
    download makes the PDF itself."""
    import sys
    import types

    class Queue:
        def __init__(self, name, connection):
            pass

        def enqueue(self, function, *args, **kwargs):
            raise ConnectionError("Error 111 connecting to queue.invalid:6379")

    redis = types.SimpleNamespace(Redis=types.SimpleNamespace(from_url=lambda url: url))
    monkeypatch.setitem(sys.modules, "redis", redis)
    monkeypatch.setitem(sys.modules, "rq", types.SimpleNamespace(Queue=Queue))
    app = fresh(PDF_JOBS="rq", PDF_RQ_REDIS_URL="redis://queue.invalid/0")
    client = app.test_client()
    token = WizardWalk(client).complete()
    assert client.get(f"/f/{token}").status_code == 200
    assert "Could not queue a PDF job" in caplog.text
    assert made == []
    response = client.get(f"/f/{token}/framework.pdf")
    assert response.status_code == 200
    assert response.data.startswith(b"%PDF-")
    assert len(made) == 1


def test_the_framework_pages_kept_sections_follow_the_plan_and_the_link(app, walk, pages):
    token = walk.complete()
    first = walk.client.get(f"/f/{token}").get_data(as_text=True)
    assert f"/f/{token}/ideas?theme=1" in first
    key = plan_of(app, token).slots[0].idea.key
    assert f"show=all#idea-{key}" in first
    with app.app_context():
        Framework.by_token(token).mark_idea(key, "hidden")
        db.session.commit()
    changed = pages.check(walk.client.get(f"/f/{token}"))
    assert f"show=all#idea-{key}" not in str(changed)  # the calendar no longer offers it
    new_link = walk.client.post(
        f"/f/{token}/new-link", data=form_fields(str(changed), posting_index(changed, "new-link"))
    )
    new_token = new_link.location.split("/f/")[1]
    again = walk.client.get(f"/f/{new_token}").get_data(as_text=True)
    assert f"/f/{new_token}/ideas?theme=1" in again
    assert token not in again


def posting_index(soup, action_end: str) -> int:
    """The index, among the page's posting forms, of the one whose action ends so."""
    posting = [f for f in soup.find_all("form") if f.get("method", "").lower() == "post"]
    return next(i for i, f in enumerate(posting) if f["action"].endswith(action_end))


def test_a_background_pdf_waits_for_a_moment_without_requests():
    activity = pdf_jobs._Activity()
    activity.started()
    waited = time.monotonic()
    # A request in progress: waits the whole limit, then lets the job go.
    assert activity.wait_for_quiet(0.05, 0.3) is False
    assert time.monotonic() - waited >= 0.3
    activity.ended()
    waited = time.monotonic()
    assert activity.wait_for_quiet(0.05, 5) is True  # quiet after 0.05 s
    assert time.monotonic() - waited < 4


def test_a_background_pdf_in_a_process_that_stays_busy_is_left_for_its_download(monkeypatch):
    busy = pdf_jobs._Activity()
    busy.started()  # a request that never ends within the limit
    made = []
    monkeypatch.setattr(pdf_jobs, "_activity", busy)
    monkeypatch.setattr(pdf_jobs, "IDLE_WAIT_LIMIT", 0.2)
    monkeypatch.setattr(
        pdf_jobs, "_run_in_app", lambda app, framework_id: made.append(framework_id)
    )
    pdf_jobs._in_background(None, 7)
    assert made == []  # let go: the first download makes it
    busy.ended()
    monkeypatch.setattr(pdf_jobs, "IDLE_SECONDS", 0.01)
    pdf_jobs._in_background(None, 8)
    assert made == [8]  # quiet: made ahead of time
