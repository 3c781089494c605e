"""The one path every POST takes, from the first query to the commit.

1. Before the view runs (`open_write`, a ``before_request`` hook for every
   method that may write): check the CSRF token and, over HTTPS, that the
   Referer is this site; then open the write transaction (``BEGIN IMMEDIATE``
   on SQLite, so that concurrent writers queue instead of failing). A view
   marked `reads_first` (the wizard's steps) opens it later, in step 3.
2. The view runs once. Its form refuses to validate when step 1 failed (see
   ``BylineForm.validate``), with a plain message that the re-shown form
   displays above the person's own input.
3. `submit` validates the form, takes the write lock if the view has not
   got it yet (`lock_for_write`), lets the view save, and commits. A lock or
   a commit the database stays too busy for is rolled back and becomes a
   message on the same form, in the same pass: no view ever runs twice.

Why `reads_first`: a wizard step reads its draft and checks the answers for
longer than it takes to save them. Holding the lock only for the save and
the commit lets two server processes answer steps side by side instead of
in turn. Such a view reads again, under the lock, what its save depends on
if another window changed it meanwhile (`wizard.lookups.answers_now`).

A request refused in step 1 opens no write transaction, and a commit in it
raises `WriteRefused` (see `guard_commit`): a view that forgot to check its
form still cannot write.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from flask import Flask, current_app, g, has_request_context, request
from flask_wtf.csrf import CSRFError, CSRFProtect
from sqlalchemy import event
from sqlalchemy.orm import Session

from models import DatabaseBusy, begin_write, db

csrf = CSRFProtect()
log = logging.getLogger("byline")
Result = TypeVar("Result")
View = TypeVar("View", bound=Callable)

READ_METHODS = ("GET", "HEAD", "OPTIONS")
EXPIRED_MESSAGE = (
    "This page was open for a long time, so your answers could not be saved yet. "
    "They are still here: check them and send the form again."
)
CROSS_SITE_MESSAGE = (
    "This form did not come from a Byline page, so nothing was saved. "
    "If you sent it yourself, check the answers below and send the form again."
)
BUSY_MESSAGE = (
    "Byline is very busy and could not save this just now. Nothing you entered is lost: "
    "send the form again in a moment."
)
NOTHING_CHANGED = (
    "Nothing was changed: the page was probably open for a long time. Please try again."
)
REFERRER_PROBLEMS = ("The referrer header is missing.", "The referrer does not match the host.")


class WriteRefused(RuntimeError):
    """A commit was attempted in a request whose write was refused."""


def refusal() -> str | None:
    """Why this request may not write (CSRF, Referer, a busy database), or None."""
    return g.get("write_refusal") if has_request_context() else None


def refuse(form, message: str, status: int) -> None:
    """Show ``message`` on the form and answer with ``status`` (when the page is shown)."""
    form.refuse(message)
    g.write_status = status


def csrf_refusal() -> str | None:
    """Check the CSRF token and, over HTTPS, the Referer; the message for a failure."""
    if not current_app.config.get("WTF_CSRF_ENABLED", True):
        return None
    try:
        csrf.protect()
    except CSRFError as error:
        log.info("Refused %s %s: %s", request.method, request.url_rule, error.description)
        if error.description in REFERRER_PROBLEMS:
            return CROSS_SITE_MESSAGE
        return EXPIRED_MESSAGE
    return None


def reads_first(view: View) -> View:
    """Mark a view that reads and checks before it writes: its write lock is
    taken by `submit` when the form is valid, not before the view runs. Its
    save must not trust what it read before the lock (see `answers_now`)."""
    view.reads_first = True  # type: ignore[attr-defined]
    return view


def open_write() -> None:
    """Before a writing request's view: CSRF and Referer, then the write
    transaction (unless the view `reads_first`)."""
    if request.method in READ_METHODS or request.routing_exception is not None:
        return  # no view will run: an unknown address, method or host
    message = csrf_refusal()
    if message is not None:
        g.write_refusal, g.write_status = message, 400
        return
    view = current_app.view_functions.get(request.endpoint)
    if getattr(view, "reads_first", False):
        return
    if not _begin_write():
        g.write_refusal, g.write_status = BUSY_MESSAGE, 503


def _begin_write() -> bool:
    """Start this request's write transaction; False when the database stays busy."""
    try:
        begin_write()
    except DatabaseBusy:
        db.session.rollback()
        log.warning("Database busy on %s %s", request.method, request.url_rule)
        return False
    g.write_locked = True
    return True


def lock_for_write(form) -> bool:
    """Take the write lock for a valid form's save, if this request has not
    got it yet; when the database stays busy, put the message on the form
    instead. True once locked.

    Nothing has been written yet: the transaction the view read in is
    rolled back first, so ORM objects it loaded are read again, under the
    lock, when the save touches them.
    """
    if g.get("write_locked"):
        return True
    db.session.rollback()
    if _begin_write():
        return True
    refuse(form, BUSY_MESSAGE, 503)
    return False


def commit(form) -> bool:
    """Commit this request's writes; when the database stays busy, roll back
    and put the message on the form instead. True once committed."""
    try:
        db.session.commit()
    except DatabaseBusy:
        db.session.rollback()
        log.warning("Database busy committing %s %s", request.method, request.url_rule)
        refuse(form, BUSY_MESSAGE, 503)
        return False
    return True


def submit(form, save: Callable[[], Result | None]) -> Result | None:
    """Validate the form, save, commit: the response to send, or None when
    the form is to be shown again (its errors say why).

    ``save`` makes the changes and returns the response for success, or None
    after refusing the form itself (say, over a rate limit): then nothing it
    changed is kept.
    """
    if not form.validate_on_submit() or not lock_for_write(form):
        return None
    result = save()
    if result is None:
        db.session.rollback()
        return None
    return result if commit(form) else None


def refused_message(form) -> str:
    """Why a one-button form (no page of its own to show again) changed nothing."""
    message = form.form_errors[0] if form.form_errors else NOTHING_CHANGED
    if message == CROSS_SITE_MESSAGE:
        return "That did not come from a Byline page, so nothing was changed."
    return NOTHING_CHANGED if message == EXPIRED_MESSAGE else message


def refusal_status(response):
    """A form shown again after a refused write says so in its status code."""
    status = g.get("write_status")
    if status and response.status_code == 200:
        response.status_code = status
        if status == 503:
            response.headers["Retry-After"] = "2"
    return response


@event.listens_for(Session, "before_commit")
def guard_commit(session: Session) -> None:
    """Nothing commits in a request whose write was refused."""
    if refusal() is not None:
        raise WriteRefused(f"a commit in a refused request: {refusal()}")


def init_app(app: Flask) -> None:
    """CSRF protection checked by `open_write` (not by Flask-WTF's own hook)."""
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False
    csrf.init_app(app)
    app.before_request(open_write)
    app.after_request(refusal_status)
