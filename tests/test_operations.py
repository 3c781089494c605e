"""Running Byline in production: the secret key, trusted hosts, access logs."""

from __future__ import annotations

import http.client
import multiprocessing
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import instance_secret_key
from tests.conftest import drop_everything, make_app
from tests.programme_walk import admin_token_from, create_programme
from wizard.private_paths import mask

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 8


def read_key(folder: str, barrier, results) -> None:
    """One starting worker: wait for the others, then read (or make) the key."""
    barrier.wait()
    try:
        results.put(instance_secret_key(folder))
    except Exception as error:  # noqa: BLE001 - the test reports what went wrong
        results.put(f"error: {error!r}")


def test_workers_starting_at_once_agree_on_one_secret_key(tmp_path):
    context = multiprocessing.get_context("fork")
    for attempt in range(10):
        folder = tmp_path / f"instance-{attempt}"
        folder.mkdir()
        barrier, results = context.Barrier(WORKERS), context.Queue()
        workers = [
            context.Process(target=read_key, args=(str(folder), barrier, results))
            for _ in range(WORKERS)
        ]
        for worker in workers:
            worker.start()
        keys = [results.get(timeout=30) for _ in workers]
        for worker in workers:
            worker.join(timeout=30)
        assert len(set(keys)) == 1 and len(keys[0]) == 64, keys
        assert sorted(p.name for p in folder.iterdir()) == ["secret_key"]
        assert (folder / "secret_key").stat().st_mode & 0o777 == 0o600


@pytest.fixture
def hosted(tmp_path):
    """Behind a proxy, answering only for byline.example.com (as an environment variable gives it)."""
    application = make_app(
        tmp_path, PROXY_FIX=1, TRUSTED_HOSTS="byline.example.com, byline.internal"
    )
    yield application
    drop_everything(application)


def test_links_are_built_only_for_trusted_hosts(hosted):
    client = hosted.test_client()
    own = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "byline.example.com"}
    created = client.post("/programmes/new")  # no token: nothing made, but the host is checked
    assert created.status_code == 400
    admin_token = admin_token_from(create_programme_on(client, own).location)

    page = client.get(f"/manage/{admin_token}", headers=own).get_data(as_text=True)
    assert "https://byline.example.com/join/" in page

    forged = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example"}
    for path in (f"/manage/{admin_token}", f"/manage/{admin_token}/guide", "/"):
        response = client.get(path, headers=forged)
        assert response.status_code == 400, path
        assert "evil.example" not in response.get_data(as_text=True)
    assert client.get("/", headers={"Host": "byline.internal"}).status_code == 200


def create_programme_on(client, headers):
    """`create_programme`, with every request sent with ``headers``."""
    original = client.environ_base.copy()
    client.environ_base.update(
        {"HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()}
    )
    client.environ_base["HTTP_REFERER"] = "https://byline.example.com/programmes/new"
    try:
        return create_programme(client)
    finally:
        client.environ_base = original


def test_mask_hides_every_kind_of_private_link():
    line = (
        'GET /f/abcDEF123_-xyz/ideas?theme=2 "https://h/manage/Zz9-_aa/settings" '
        "/cal/Q1w2e3r4t5.ics /join/code123 /guide/ /framework"
    )
    masked = mask(line)
    assert masked == (
        'GET /f/[token]/ideas?theme=2 "https://h/manage/[token]/settings" '
        "/cal/[token] /join/[token] /guide/ /framework"
    )
    assert mask("token 0123456789abcdef in a message", ["0123456789abcdef"]) == (
        "token [token] in a message"
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_documented_gunicorn_config_masks_private_links_in_the_access_log(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SECRET_KEY": "access-log-test",
    }
    log_path = tmp_path / "access.log"
    command = [
        sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py",
        "--bind", f"127.0.0.1:{port}", "--workers", "1", "--access-logfile", str(log_path),
        "app:create_app()",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request(
                    "GET",
                    "/f/PRIVATETOKEN1234567/ideas",
                    headers={"Referer": "http://h/manage/MANAGETOKEN7654321"},
                )
                connection.getresponse().read()
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.3)
        while "PRIVATE" not in log_path.read_text() and "[token]" not in log_path.read_text():
            assert time.monotonic() < deadline
            time.sleep(0.1)
    finally:
        server.terminate()
        server.wait(timeout=30)
        if env["DATABASE_URL"].startswith("postgres"):
            drop_everything(make_app(tmp_path))
    logged = log_path.read_text()
    assert '"GET /f/[token]/ideas HTTP/1.1" 404' in logged
    assert '"http://h/manage/[token]"' in logged
    assert "PRIVATETOKEN" not in logged and "MANAGETOKEN" not in logged


def test_the_documented_start_command_uses_the_masking_config():
    readme = (ROOT / "README.md").read_text()
    assert "gunicorn -c deploy/gunicorn.conf.py 'app:create_app()'" in readme
    assert (ROOT / "deploy" / "gunicorn.conf.py").is_file()
    assert "BYLINE_TRUSTED_HOSTS=" in readme and "log_format byline" in readme


def test_the_repository_cites_only_documents_it_contains():
    """Budgets and sources are in docs/, not in papers outside the repository."""
    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    pattern = re.compile(r"(DESIGN|DOMAIN|QUALITY|STYLE)\.md|\.\./shared")
    offenders = []
    for name in listed.stdout.splitlines():
        path = ROOT / name
        if path.is_file() and path.suffix not in (".png", ".pdf", ".woff2", ".ttf"):
            text = path.read_text(errors="ignore")
            offenders += [f"{name}: {m.group(0)}" for m in pattern.finditer(text)]
    assert not offenders
    for cited in ("docs/budgets.md", "docs/sources.md"):
        assert (ROOT / cited).is_file()
