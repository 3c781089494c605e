"""Reliability: many people at once, a server killed mid-write, a busy database."""

from __future__ import annotations

import http.client
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from sqlalchemy import func, select

from models import DatabaseBusy, begin_write, db, execute_patiently, is_database_locked
from models.frameworks import Framework, hash_token
from tests.conftest import make_app
from tests.pages import form_fields
from tests.wizard_walk import STEPS, WizardWalk

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = 20


class Reply:
    """An HTTP response with the parts of Flask's test response that tests read."""

    def __init__(self, status: int, location: str | None, body: bytes):
        self.status_code = status
        self.location = location
        self.body = body

    def get_data(self, as_text: bool = False):
        """The body, as text or bytes."""
        return self.body.decode("utf-8") if as_text else self.body


class Browser:
    """One person's browser over real HTTP: keeps its cookies, follows nothing."""

    def __init__(self, base_url: str):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.cookies = SimpleCookie()
        self.statuses: list[int] = []

    def get(self, path: str) -> Reply:
        """GET a path."""
        return self.request("GET", path)

    def post(self, path: str, data: dict[str, list[str]]) -> Reply:
        """POST a form."""
        body = urlencode(data, doseq=True)
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.request("POST", path, body, headers)

    def request(self, method: str, path: str, body=None, headers=None) -> Reply:
        """Send one request on a new connection."""
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(cookie)
        self.statuses.append(response.status)
        return Reply(response.status, response.getheader("Location"), content)


def test_many_people_finishing_the_wizard_at_once_lose_nothing(live_server):
    """Twenty people answer every step and confirm at the same moment."""
    browsers = [Browser(live_server.url) for _ in range(PEOPLE)]
    ready = threading.Barrier(PEOPLE)

    def finish(browser: Browser) -> str:
        ready.wait(timeout=30)
        return WizardWalk(browser).complete()

    with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
        tokens = list(pool.map(finish, browsers, timeout=300))

    assert not [s for b in browsers for s in b.statuses if s >= 500]
    assert len(set(tokens)) == PEOPLE
    with live_server.app.app_context():
        for token in tokens:
            framework = Framework.by_token(token)
            assert framework.is_complete
            assert sorted(framework.answer_map()) == sorted(STEPS)
        assert db.session.scalar(select(func.count()).select_from(Framework)) == PEOPLE


SERVE = """
from werkzeug.serving import make_server
from app import create_app
server = make_server("127.0.0.1", 0, create_app(), threaded=True)
print(server.server_port, flush=True)
server.serve_forever()
"""


@pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="about SQLite files surviving a killed process; PostgreSQL has its own server",
)
def test_a_killed_server_restarts_with_every_acknowledged_write(tmp_path):
    database = tmp_path / "byline.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "SECRET_KEY": "killed-server-test",
        "BYLINE_RATELIMIT_ENABLED": "false",  # this test creates drafts as fast as it can
        "PYTHONUNBUFFERED": "1",
    }
    with open(tmp_path / "server.log", "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-c", SERVE], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=log
        )
    try:
        port = int(server.stdout.readline())
        acknowledged: list[str] = []
        refused: list[int] = []
        stop = threading.Event()

        def create_drafts() -> None:
            browser = Browser(f"http://127.0.0.1:{port}")
            form = form_fields(browser.get("/start").get_data(as_text=True))
            deadline = time.monotonic() + 60
            while not stop.is_set() and time.monotonic() < deadline:
                try:
                    reply = browser.post("/start", form)
                except (OSError, http.client.HTTPException):  # the server is gone
                    return
                if reply.status_code != 303:
                    refused.append(reply.status_code)
                    return
                acknowledged.append(reply.location.split("/f/")[1].split("/")[0])

        writers = [threading.Thread(target=create_drafts) for _ in range(4)]
        for writer in writers:
            writer.start()
        deadline = time.monotonic() + 30
        while len(acknowledged) < 60 and time.monotonic() < deadline:
            time.sleep(0.01)
        server.send_signal(signal.SIGKILL)  # in the middle of the writers' stream
        server.wait(timeout=10)
        stop.set()
        for writer in writers:
            writer.join(timeout=70)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        server.stdout.close()

    assert refused == []
    assert len(acknowledged) >= 60
    check = sqlite3.connect(database)
    try:
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {row[0] for row in check.execute("SELECT token_hash FROM frameworks")}
    finally:
        check.close()
    assert {hash_token(token) for token in acknowledged} <= stored

    restarted = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=f"sqlite:///{database}")
    client = restarted.test_client()
    for token in acknowledged[-5:]:
        assert client.get(f"/f/{token}/step/work").status_code == 200
    with restarted.app_context():
        db.engine.dispose()


# --- a database that stays locked ----------------------------------------------


@pytest.fixture
def sqlite_app(tmp_path):
    """A SQLite app with a short busy timeout, so that waiting is quick to test."""
    application = make_app(
        tmp_path,
        SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'byline.sqlite3'}",
        SQLITE_BUSY_TIMEOUT_MS=100,
        SQLITE_WRITE_ATTEMPTS=4,
    )
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


def hold_write_lock(database: str, seconds: float | None) -> sqlite3.Connection:
    """Another process's writer: takes the write lock, releases it after `seconds`."""
    other = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    if seconds is not None:
        threading.Timer(seconds, other.execute, ("ROLLBACK",)).start()
    return other


def test_a_write_waits_out_a_lock_held_longer_than_the_busy_timeout(sqlite_app):
    with sqlite_app.test_request_context(method="POST"):
        other = hold_write_lock(db.engine.url.database, seconds=0.3)
        started = time.monotonic()
        begin_write()
        Framework.create()
        db.session.commit()
        assert time.monotonic() - started >= 0.3
        other.close()
        assert db.session.scalar(select(func.count()).select_from(Framework)) == 1


def test_a_queued_write_looks_again_often_and_keeps_its_busy_timeout(sqlite_app, monkeypatch):
    """While another writer holds the lock, a write looks again within a
    fraction of a millisecond, then less often (SQLite's own handler sleeps
    1, 2, 5, 10 ms ...), and the connection's busy timeout is the same after."""
    pauses = []
    real_sleep = time.sleep
    monkeypatch.setattr("models.time.sleep", lambda s: (pauses.append(s), real_sleep(s)))
    with sqlite_app.test_request_context(method="POST"):
        other = hold_write_lock(db.engine.url.database, seconds=0.05)
        begin_write()
        timeout = db.session.connection().exec_driver_sql("PRAGMA busy_timeout").scalar()
        db.session.rollback()
        other.close()
    assert timeout == 100
    assert pauses and pauses[0] < 0.001 and max(pauses) <= 0.002
    assert pauses == sorted(pauses)


def test_a_write_gives_up_with_database_busy_and_writes_nothing(sqlite_app):
    with sqlite_app.test_request_context(method="POST"):
        other = hold_write_lock(db.engine.url.database, seconds=None)
        try:
            with pytest.raises(DatabaseBusy):
                begin_write()
            db.session.rollback()
        finally:
            other.execute("ROLLBACK")
            other.close()
        begin_write()  # the lock is free again: the session works as before
        db.session.rollback()


def rollback_journal_pair(tmp_path) -> tuple[sqlite3.Connection, sqlite3.Connection]:
    """A writer with an uncommitted row and a reader holding a shared lock.

    In rollback-journal mode a COMMIT must wait until readers finish: the one
    place where COMMIT itself meets "database is locked".
    """
    path = tmp_path / "journal.sqlite3"
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("PRAGMA journal_mode=DELETE")
    writer.execute("PRAGMA busy_timeout=50")
    writer.execute("CREATE TABLE notes (body TEXT)")
    reader = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM notes").fetchall()
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO notes VALUES ('kept')")
    return writer, reader


def test_commit_is_tried_again_while_a_reader_finishes(tmp_path):
    writer, reader = rollback_journal_pair(tmp_path)
    threading.Timer(0.15, reader.execute, ("COMMIT",)).start()
    execute_patiently(writer, "COMMIT", attempts=5)
    assert not writer.in_transaction
    assert reader.execute("SELECT body FROM notes").fetchall() == [("kept",)]


def test_commit_gives_up_with_database_busy_and_leaves_the_transaction_to_roll_back(tmp_path):
    writer, reader = rollback_journal_pair(tmp_path)
    with pytest.raises(DatabaseBusy) as raised:
        execute_patiently(writer, "COMMIT", attempts=2)
    assert is_database_locked(raised.value.__cause__)
    assert writer.in_transaction
    writer.execute("ROLLBACK")
    reader.execute("COMMIT")
    assert reader.execute("SELECT count(*) FROM notes").fetchone() == (0,)
