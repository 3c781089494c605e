"""Building a framework's plan once, and keeping it for every server process.

`plan_for` is the one way a view gets a framework's plan. The plan is built
from the stored answers by `build_plan` only when something it depends on
changed; otherwise it comes from where it was kept:

1. this process's few most recent plans, by digest (no query at all);
2. the ``framework_plans`` row (one query), which every process and machine
   on the same database reads;
3. otherwise it is built, kept in both, and the framework's PDF is prepared
   in the background (`wizard.pdf_jobs`), as its pages just changed.

The digest covers everything the build reads: the answers, the idea seed and
extra batches, the programme's terms, the day the framework was finished,
the library's version (a digest of its files), the version of the code (a
digest of the app's modules and of the holidays and time zone data), and
which ideas are set aside as "not for me" (the calendar skips them). The
other marks (saved, used) change no part of the build: they are applied when
the plan is read, so marking an idea saved never costs a rebuild.

Serialisation: the plan is a tree of the app's own frozen dataclasses (dates,
times, tuples, mappings). It is stored as a pickle, because pickle restores
that tree exactly and about ten times faster than decoding JSON and
rebuilding the dataclasses; but a pickle must never be loaded from bytes
someone else could have written. The bytes therefore carry an HMAC-SHA256
made with the app's ``SECRET_KEY`` and are only ever written by the app
itself, into its own database; bytes whose signature does not check out are
treated as a miss and the plan is built afresh.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import logging
import pickle
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any

from flask import current_app, has_request_context, request
from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.exc import IntegrityError

from models import WRITE_OPTION, DatabaseBusy, db
from models.artifacts import FrameworkPlan
from models.frameworks import Framework
from wizard.generators.plan import HIDDEN, IdeaPreferences, Plan, build_plan
from wizard.library import Library, load_library
from wizard.programme import ProgrammeTerms, terms_for
from wizard.recent import Recent

log = logging.getLogger("byline")

RECENT_PLANS = 64  # per process; a six-theme plan is about 150 KB in memory
SIGNATURE_BYTES = 32
BUILD_PACKAGES = ("holidays", "tzdata")  # public holidays and time zones shape the calendar


def _source_version() -> str:
    """A digest of the app's code and of the packages whose data the plan uses,
    so a new release never reads a plan an older one built. (Every module,
    not only the generators: whatever a build imports counts, and a release
    costs each framework one rebuild.)"""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for file in sorted(root.rglob("*.py")):
        digest.update(str(file.relative_to(root)).encode())
        digest.update(file.read_bytes())
    for package in BUILD_PACKAGES:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=none".encode())
    return digest.hexdigest()[:16]


_SOURCE_VERSION = _source_version()


def code_version() -> str:
    """The digest of this release's code and calendar data (see `_source_version`)."""
    return _SOURCE_VERSION


def extra_batches(framework: Framework) -> dict[str, int]:
    """The extra batches of ideas asked for, by theme key."""
    more = {}
    for theme, batches in (framework.more_ideas or {}).items():
        try:
            more[str(theme)] = int(batches)
        except (TypeError, ValueError):
            continue
    return more


def _terms_data(terms: ProgrammeTerms | None) -> Any:
    return dataclasses.asdict(terms) if terms else None


def plan_digest(
    framework: Framework,
    library: Library,
    terms: ProgrammeTerms | None,
    marks: Mapping[str, str],
) -> str:
    """The digest of everything ``framework``'s plan is built from."""
    inputs = {
        "answers": framework.answer_map(),
        "seed": framework.idea_seed,
        "more": sorted(extra_batches(framework).items()),
        "programme": _terms_data(terms),
        "today": (framework.completed_at or framework.created_at).date(),
        "library": library.version,
        "code": _SOURCE_VERSION,
        "hidden": sorted(key for key, state in marks.items() if state == HIDDEN),
    }
    text = json.dumps(inputs, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Keyed by content digest, so it can never serve a stale plan; it only saves
# the query and the unpickling of the shared row.
_recent: Recent[str, Plan] = Recent(RECENT_PLANS)


def forget_recent_plans() -> None:
    """Empty this process's plans (the shared rows stay)."""
    _recent.clear()


def _signature(data: bytes) -> bytes:
    key = str(current_app.config["SECRET_KEY"]).encode("utf-8")
    return hmac.new(key, data, hashlib.sha256).digest()


def dump_plan(plan: Plan) -> bytes:
    """The plan as signed bytes: HMAC-SHA256, then the pickle."""
    data = pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL)
    return _signature(data) + data


def load_plan(stored: bytes) -> Plan | None:
    """A plan from signed bytes, or None when the signature does not check out."""
    signature, data = stored[:SIGNATURE_BYTES], stored[SIGNATURE_BYTES:]
    if not hmac.compare_digest(signature, _signature(data)):
        log.warning("A stored plan failed its signature check; building it again")
        return None
    plan = pickle.loads(data)  # noqa: S301 - signed by this app, see the module docstring
    return plan if isinstance(plan, Plan) else None


def _stored(framework: Framework, digest: str) -> Plan | None:
    stored = db.session.scalar(
        select(FrameworkPlan.data).where(
            FrameworkPlan.framework_id == framework.id, FrameworkPlan.digest == digest
        )
    )
    return load_plan(stored) if stored is not None else None


@contextmanager
def write_apart() -> Iterator[Connection]:
    """A short write transaction on a connection of its own (``BEGIN IMMEDIATE``
    on SQLite), committed on leaving; raises `DatabaseBusy` as writes do."""
    options = {WRITE_OPTION: True}
    with db.engine.connect().execution_options(**options) as connection, connection.begin():
        yield connection


def _may_write_apart() -> bool:
    """Whether this request may store a plan in a transaction of its own: a
    page that only reads. A writing request (a POST) holds the write lock in
    its own transaction (``BEGIN IMMEDIATE`` on SQLite), which a second writer
    would wait for; and code outside a request may write in its session after
    reading, which SQLite refuses once another connection has committed.
    """
    return has_request_context() and request.method in ("GET", "HEAD")


def _keep(framework_id: int, digest: str, plan: Plan) -> bool:
    """Store a freshly built plan for every process; True if it was stored.

    Written in a short transaction of its own, so a page that only reads
    never holds the write lock. A busy database just means the next process
    builds the plan too.
    """
    data = dump_plan(plan)
    try:
        with write_apart() as connection:
            connection.execute(
                delete(FrameworkPlan).where(FrameworkPlan.framework_id == framework_id)
            )
            connection.execute(
                insert(FrameworkPlan).values(framework_id=framework_id, digest=digest, data=data)
            )
    except DatabaseBusy:
        log.warning("Database busy: a built plan was not stored")
        return False
    except IntegrityError:
        # On PostgreSQL two requests that built the same plan at once both
        # insert it; the second meets the first's row, which is as good.
        return False
    return True


def build_for(
    framework: Framework, library: Library, terms: ProgrammeTerms | None, marks: Mapping[str, str]
) -> Plan:
    """Build the framework's plan from its stored answers (no store involved)."""
    return build_plan(
        framework.answer_map(),
        library,
        seed=framework.idea_seed,
        today=(framework.completed_at or framework.created_at).date(),
        preferences=IdeaPreferences(more=extra_batches(framework), marks=dict(marks)),
        programme=terms,
    )


def plan_and_digest(framework: Framework, *, prepare: bool = True) -> tuple[Plan, str]:
    """The framework's plan with its current marks, and the digest it is kept under.

    A plan built afresh for a finished framework is stored for every process
    and, with ``prepare``, its PDF is started in the background."""
    library = load_library()
    terms = terms_for(framework.programme, library)
    marks = framework.marks()
    digest = plan_digest(framework, library, terms, marks)
    plan = _recent.get(digest)
    if plan is None and framework.id is not None:
        plan = _stored(framework, digest)
    if plan is None:
        plan = build_for(framework, library, terms, marks)
        keep = framework.id is not None and framework.is_complete and _may_write_apart()
        if keep and _keep(framework.id, digest, plan) and prepare:
            from wizard.pdf_jobs import prepare_pdf

            prepare_pdf(framework.id)
    _recent.put(digest, plan)
    if plan.marks != marks:
        plan = dataclasses.replace(plan, marks=dict(marks))
    return plan, digest


def plan_for(framework: Framework) -> Plan:
    """The framework's plan, built from its stored answers and idea marks
    (or kept from the last time they were the same)."""
    return plan_and_digest(framework)[0]
