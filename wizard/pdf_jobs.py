"""A framework's PDF, made before anyone asks for it and kept for every process.

When a framework's plan changes (it was just finished, or its answers or
ideas changed), `prepare_pdf` makes its PDF in the background: in a thread
of this process by default, or as an RQ job on a Redis queue when
``PDF_JOBS`` is ``rq`` (several machines share the work; see the README).
A background thread waits for a quiet moment (no request in this process for
`IDLE_SECONDS`) so that WeasyPrint's second of CPU never competes with the
requests of a busy process: a thread making a PDF holds the interpreter's
lock for most of that second, and each time a request waits on the database
or the network, the PDF's thread takes the lock and the request waits for it
to be handed back (under a steady stream of wizards, workers making PDFs
finished far fewer of them). A process that
stays busy for `IDLE_WAIT_LIMIT` lets the job go: the PDF is then made by
the first download that asks for it, as on a server with no background jobs.
The PDF is kept in the ``framework_pdfs`` row of its framework, under a
digest of its pages: the plan's digest, the idea marks (used ideas come
ticked), the day it is printed on the cover, and the version of the
templates and stylesheet that lay it out.

The row is also the lock that keeps one PDF from being made twice, across
threads, processes and machines: `pdf_document` claims the row for its
digest in a write transaction; whoever finds it already claimed (and not
abandoned: a claim older than `ABANDONED_AFTER` is taken over) waits for the
PDF to arrive instead of starting a second job.

Settings: ``PDF_JOBS`` is ``thread`` (default), ``rq``, or ``request`` (made
by the first request only, as the tests do); ``PDF_WAIT_SECONDS`` (default
10) is how long a download waits for a job in progress before the "being
prepared" page is shown instead; ``PDF_RQ_REDIS_URL`` and
``PDF_RQ_QUEUE`` (default ``byline-pdf``) for RQ.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

from flask import Flask, current_app, render_template, request_started, request_tearing_down
from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from models import DatabaseBusy, db
from models.artifacts import FrameworkPdf
from models.capabilities import utcnow
from models.frameworks import Framework
from wizard.generators.plan import Plan
from wizard.plans import plan_and_digest, write_apart
from wizard.programme import rules_html

log = logging.getLogger("byline")

TEMPLATE = "print/pdf.html"
BASE_URL = "http://byline.invalid/"  # resolves /static/... for the fetcher; never fetched
ABANDONED_AFTER = timedelta(minutes=2)  # a claim this old belongs to a job that died
PDF_LOCK_SPACE = 0x62796C6E  # advisory locks of PDF claims, apart from the migrations'
POLL_SECONDS = 0.05
QUEUED_PER_PROCESS = 8  # beyond this many waiting jobs, a PDF is made when asked for
IDLE_SECONDS = 0.5  # a background PDF starts once the process has served nobody for this long
IDLE_WAIT_LIMIT = 300.0  # a job still waiting after this long is let go (made when asked for)
RENDER_SOURCES = (
    "templates/print",
    "templates/framework/_content.html",
    "static/pdf.css",
    "static/print.css",
)


def _render_version() -> str:
    """A digest of the templates and stylesheet that lay out the PDF."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent
    for name in RENDER_SOURCES:
        path = root / name
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file():
                digest.update(file.name.encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


_RENDER_VERSION = _render_version()


def pdf_digest(plan_digest: str, marks: Mapping[str, str], today: date) -> str:
    """The digest of a PDF's pages."""
    text = "\0".join((plan_digest, repr(sorted(marks.items())), today.isoformat(), _RENDER_VERSION))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def current_pdf(framework: Framework) -> tuple[Plan, str]:
    """The framework's plan and the digest of its PDF as of today."""
    plan, digest = plan_and_digest(framework)
    return plan, pdf_digest(digest, plan.marks, date.today())


def pdf_html(plan: Plan, today: date) -> str:
    """The guideline pages as the PDF lays them out (print stylesheet only, no
    on-screen controls and no link to the framework). Needs an app context."""
    return render_template(TEMPLATE, plan=plan, today=today, rules=rules_html(plan.programme))


def render_pdf(plan: Plan, today: date) -> bytes:
    """A PDF of the plan's guideline pages, made by WeasyPrint."""
    # Imported here: WeasyPrint takes about a second to import.
    from wizard.pdf import html_to_pdf

    return html_to_pdf(
        pdf_html(plan, today),
        base_url=BASE_URL,
        static_folder=current_app.static_folder,
        static_url_path=current_app.static_url_path,
    )


# --- the row: the stored PDF and the lock --------------------------------------------


def ready_pdf(framework_id: int, digest: str) -> bytes | None:
    """The stored PDF for this digest, if it is made (read afresh, outside the
    request's transaction, so a wait sees another process's commit)."""
    with db.engine.connect() as connection:
        return connection.scalar(
            select(FrameworkPdf.data).where(
                FrameworkPdf.framework_id == framework_id, FrameworkPdf.digest == digest
            )
        )


def _claim(framework_id: int, digest: str) -> bool:
    """Take the row for this digest; False when another job has it (or made it)."""
    with write_apart() as connection:
        if connection.dialect.name == "postgresql":
            # SQLite's BEGIN IMMEDIATE already lets one claimer in at a time; on
            # PostgreSQL a second claimer could read "no row" before the first
            # commits and then replace its claim. One lock per framework.
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:space, :id)"),
                {"space": PDF_LOCK_SPACE, "id": framework_id},
            )
        row = connection.execute(
            select(FrameworkPdf.digest, FrameworkPdf.data, FrameworkPdf.started_at).where(
                FrameworkPdf.framework_id == framework_id
            )
        ).first()
        taken = row is not None and row.digest == digest
        if taken and (row.data is not None or row.started_at > utcnow() - ABANDONED_AFTER):
            return False
        connection.execute(delete(FrameworkPdf).where(FrameworkPdf.framework_id == framework_id))
        connection.execute(
            insert(FrameworkPdf).values(
                framework_id=framework_id, digest=digest, data=None, started_at=utcnow()
            )
        )
    return True


def _store(framework_id: int, digest: str, document: bytes | None) -> None:
    """Keep the made PDF, or give up the claim (``None``) so another may try."""
    with write_apart() as connection:
        where = (FrameworkPdf.framework_id == framework_id) & (FrameworkPdf.digest == digest)
        if document is None:
            connection.execute(delete(FrameworkPdf).where(where))
        else:
            connection.execute(
                update(FrameworkPdf).where(where).values(data=document, made_at=utcnow())
            )


def pdf_document(
    framework_id: int, digest: str, make: Callable[[], bytes], *, wait: float
) -> bytes | None:
    """The PDF for this digest: stored, or made now by this caller if nobody is
    making it, or awaited for up to ``wait`` seconds from whoever is. None when
    the wait ran out (the job goes on)."""
    deadline = time.monotonic() + wait
    while True:
        document = ready_pdf(framework_id, digest)
        if document is not None:
            return document
        try:
            claimed = _claim(framework_id, digest)
        except (DatabaseBusy, IntegrityError):
            # Busy on SQLite; on PostgreSQL two claims at once both find no row,
            # and the second insert meets the first's key: the other has it.
            claimed = False
        if claimed:
            try:
                document = make()
            except BaseException:
                _store(framework_id, digest, None)
                raise
            _store(framework_id, digest, document)
            return document
        if time.monotonic() >= deadline:
            return None
        time.sleep(POLL_SECONDS)


def framework_pdf(
    framework_id: int, digest: str, plan: Plan, today: date, *, wait: float
) -> bytes | None:
    """The framework's PDF for this digest (see `pdf_document`)."""
    return pdf_document(framework_id, digest, lambda: render_pdf(plan, today), wait=wait)


def is_pdf_ready(framework_id: int, digest: str) -> bool:
    """Whether the PDF for this digest is made (for the page's "being prepared")."""
    return (
        db.session.scalar(
            select(FrameworkPdf.framework_id).where(
                FrameworkPdf.framework_id == framework_id,
                FrameworkPdf.digest == digest,
                FrameworkPdf.data.is_not(None),
            )
        )
        is not None
    )


# --- the job ---------------------------------------------------------------------------


def make_framework_pdf(framework_id: int) -> None:
    """The background job: make the framework's current PDF unless it is made
    or being made. Needs an app context."""
    framework = db.session.get(Framework, framework_id)
    if framework is None or not framework.is_complete:
        return
    plan, plan_digest = plan_and_digest(framework, prepare=False)
    today = date.today()
    digest = pdf_digest(plan_digest, plan.marks, today)
    db.session.rollback()  # no read transaction held open while WeasyPrint works
    with current_app.test_request_context(base_url=BASE_URL):
        framework_pdf(framework_id, digest, plan, today, wait=0)


def _run_in_app(app: Flask, framework_id: int) -> None:
    with app.app_context():
        try:
            make_framework_pdf(framework_id)
        except Exception:
            log.exception("The background PDF of a framework failed")
        finally:
            db.session.remove()


class _Activity:
    """Requests in progress in this process, and when the last one ended: a
    background PDF waits for a quiet moment instead of slowing them down."""

    def __init__(self) -> None:
        self.in_flight = 0
        self.last_end = 0.0
        self._lock = threading.Lock()

    def started(self, *_args, **_kwargs) -> None:
        with self._lock:
            self.in_flight += 1

    def ended(self, *_args, **_kwargs) -> None:
        with self._lock:
            self.in_flight = max(0, self.in_flight - 1)
            self.last_end = time.monotonic()

    def wait_for_quiet(self, idle: float, limit: float) -> bool:
        """Wait until no request ran for ``idle`` seconds (True), or give up
        after ``limit`` seconds of requests (False)."""
        deadline = time.monotonic() + limit
        while True:
            with self._lock:
                quiet = self.in_flight == 0 and time.monotonic() - self.last_end >= idle
            if quiet:
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)


_activity = _Activity()


def init_app(app: Flask) -> None:
    """Count the app's requests, so background PDFs wait for a quiet moment."""
    request_started.connect(_activity.started, app)
    request_tearing_down.connect(_activity.ended, app)


def _in_background(app: Flask, framework_id: int) -> None:
    # The thread keeps its normal priority: with a lower one, the scheduler
    # often paused it while it held the interpreter's lock, and the
    # requests of its process waited for it (on a busy machine, a PDF begun just
    # before a burst of requests took tens of seconds instead of one, and
    # slowed every request of its process all that time).
    if _activity.wait_for_quiet(IDLE_SECONDS, IDLE_WAIT_LIMIT):
        _run_in_app(app, framework_id)
    else:
        log.info(
            "Busy for %.0f s: framework %s's PDF is left for its first download",
            IDLE_WAIT_LIMIT,
            framework_id,
        )


class _Pool:
    """One background thread per process (made after a server forks its workers)."""

    def __init__(self) -> None:
        self._executor: ThreadPoolExecutor | None = None
        self._pid = 0
        self._queued = 0
        self._lock = threading.Lock()

    def submit(self, app: Flask, framework_id: int) -> bool:
        """Queue a job; False when too many are waiting already."""
        with self._lock:
            if self._executor is None or self._pid != os.getpid():
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="byline-pdf")
                self._pid, self._queued = os.getpid(), 0
            if self._queued >= QUEUED_PER_PROCESS:
                return False
            self._queued += 1
        future = self._executor.submit(_in_background, app, framework_id)
        future.add_done_callback(self._done)
        return True

    def _done(self, _future) -> None:
        with self._lock:
            self._queued -= 1

    def wait(self) -> None:
        """Wait for every queued job (tests and the benchmark)."""
        with self._lock:
            executor = self._executor
            self._executor = None
        if executor is not None:
            executor.shutdown(wait=True)


_pool = _Pool()


def forget_pdfs(app: Flask) -> None:
    """Forget every stored PDF (and this process's recent ones), so the next
    download makes its PDF from cold: for the benchmark."""
    from wizard.pdf import forget_recent_pdfs

    forget_recent_pdfs()
    with app.app_context(), write_apart() as connection:
        connection.execute(delete(FrameworkPdf))


def wait_for_background_pdfs() -> None:
    """Block until this process's background PDFs are made."""
    _pool.wait()


def prepare_pdf(framework_id: int) -> None:
    """Start making the framework's PDF in the background, as ``PDF_JOBS`` says."""
    mode = current_app.config.get("PDF_JOBS", "thread")
    if mode == "thread":
        _pool.submit(current_app._get_current_object(), framework_id)
    elif mode == "rq":
        _enqueue_rq(framework_id)


def _enqueue_rq(framework_id: int) -> None:
    """Queue the job on RQ (the optional ``rq`` extra); run workers with
    ``rq worker byline-pdf`` and ``wizard.pdf_jobs.rq_job`` does the rest."""
    try:
        from redis import Redis
        from rq import Queue
    except ImportError:
        log.error("PDF_JOBS is rq but rq is not installed (pip install 'byline[rq]')")
        return
    try:
        connection = Redis.from_url(current_app.config["PDF_RQ_REDIS_URL"])
        queue = Queue(current_app.config.get("PDF_RQ_QUEUE", "byline-pdf"), connection=connection)
        queue.enqueue("wizard.pdf_jobs.rq_job", framework_id, job_timeout=300)
    except Exception:
        log.exception("Could not queue a PDF job; it will be made when first downloaded")


def rq_job(framework_id: int) -> None:
    """The RQ job: an app of its own (configured like the web processes), one PDF."""
    from app import create_app

    if not _rq_apps:
        _rq_apps.append(create_app())
    _run_in_app(_rq_apps[0], framework_id)


_rq_apps: list[Flask] = []  # one app per RQ worker process, made by its first job
