"""Shared fixtures: an app on a throwaway database, a test client, a helper
that walks the wizard, a page checker, and a live server for the browser.

Set ``DATABASE_URL`` to run the whole suite against PostgreSQL instead of a
temporary SQLite file; every test then starts from an empty schema.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from pathlib import Path

import pytest
from flask import request
from werkzeug.serving import make_server

from app import create_app
from models import db, drop_schema
from tests.pages import PageChecker, page_problems
from tests.wizard_walk import WizardWalk
from wizard import pdf_jobs
from wizard.fragments import forget_fragments
from wizard.pdf import forget_recent_pdfs
from wizard.plans import forget_recent_plans

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    "--no-sandbox",
]


def database_uri(tmp_path: Path) -> str:
    """PostgreSQL when DATABASE_URL is set, else a SQLite file of this test's own."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{tmp_path / 'byline.sqlite3'}"


def make_app(tmp_path: Path, **overrides):
    """A Byline app with its instance folder and database under tmp_path.

    Every HTML page it serves, to the test client or to the browser, is
    scanned for Python representations and WTForms' default messages;
    ``assert_pages_in_words`` fails the test that built such a page.
    """
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_uri(tmp_path),
        # Tests create many drafts from one address; test_hardening.py turns limits on.
        "RATELIMIT_ENABLED": False,
        # PDFs are made when downloaded; tests/test_plan_store.py covers the background jobs.
        "PDF_JOBS": "request",
        **overrides,
    }
    application = create_app(config)
    found = application.extensions.setdefault("page_problems", [])

    @application.after_request
    def scan_for_page_problems(response):
        if response.mimetype == "text/html" and not response.is_streamed:
            problems = page_problems(response.get_data(as_text=True))
            if problems:
                found.append((request.path, problems))
        return response

    return application


def assert_pages_in_words(application) -> None:
    """No page the test built printed a Python object or a WTForms message."""
    found = application.extensions.get("page_problems", [])
    assert not found, f"pages with Python representations or WTForms messages: {found}"


def drop_everything(app) -> None:
    """Leave a shared (PostgreSQL) database empty for the next test, then fail
    the test if any page it built printed a Python object instead of words."""
    # A background PDF still running would write into the next test's
    # database; what this process remembers would answer the next test's
    # first download (on PostgreSQL every test's first framework is id 1).
    pdf_jobs.wait_for_background_pdfs()
    forget_recent_pdfs()
    forget_recent_plans()
    forget_fragments()
    with app.app_context():
        db.session.remove()
        drop_schema(db.engine)
        db.engine.dispose()
    assert_pages_in_words(app)


@pytest.fixture
def app(tmp_path):
    """The app, CSRF protection on as in production: tests post real tokens."""
    application = make_app(tmp_path)
    yield application
    drop_everything(application)


@pytest.fixture
def client(app):
    """A test client for the app."""
    return app.test_client()


@pytest.fixture
def walk(client):
    """Walks the wizard through the test client."""
    return WizardWalk(client)


@pytest.fixture
def pages():
    """Checks that pages parse, have a title, unique ids and CSRF tokens."""
    return PageChecker()


# --- the browser ---------------------------------------------------------


def chromium_available() -> bool:
    """Whether the system Chromium is installed."""
    return Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch the system Chromium, offline. In CI a missing browser is a failure."""
    if not chromium_available():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}: browser tests must run in CI")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_FLAGS,
    }


@pytest.fixture
def live_server(tmp_path):
    """The app served over HTTP on 127.0.0.1, CSRF on, in a background thread."""
    application = make_app(tmp_path, TESTING=False)
    server = make_server("127.0.0.1", 0, application, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_port}"
    server.app = application
    yield server
    server.shutdown()
    thread.join(timeout=5)
    drop_everything(application)


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    """Where browser tests save what they saw, for people to look at."""
    path = Path(__file__).parent / "screenshots"
    path.mkdir(exist_ok=True)
    return path


def token_from(url: str) -> str:
    """The private token inside a framework URL."""
    match = re.search(r"/f/([A-Za-z0-9_-]+)", url)
    assert match, url
    return match.group(1)
