"""The calendar subscription: a read-only feed that follows every change of plan.

``GET /cal/<feed-token>.ics`` serves the feed to calendar apps. The feed
token is its own capability (192 random bits, only its SHA-256 kept),
separate from the private link: it reads the calendar and nothing else, and
the person replaces or turns it off from the framework page. The feed
remembers what it published (`CalendarEvent`), so a changed event goes out
under the same UID with a higher SEQUENCE and a removed one as cancelled.
"""

from __future__ import annotations

import logging
from datetime import date

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from sqlalchemy import delete, insert
from sqlalchemy.exc import IntegrityError
from wtforms import HiddenField
from wtforms.validators import AnyOf

from models import DatabaseBusy
from models.frameworks import CalendarEvent, Framework
from wizard.calendar_links import CALENDAR_LINK_TEXT, calendar_identity, last_changed
from wizard.exports.ics import Published, feed_events, feed_ics, plan_events
from wizard.formtools import BylineForm
from wizard.lookups import completed_framework_or_404
from wizard.plans import plan_for, write_apart
from wizard.writes import refused_message, submit

bp = Blueprint("subscription", __name__)
log = logging.getLogger("byline")


class FeedForm(BylineForm):
    """Make, replace or turn off the subscription link."""

    action = HiddenField(validators=[AnyOf(["create", "revoke"])])


def feed_urls(feed_token: str) -> tuple[str, str]:
    """The subscription's webcal:// address and the same feed over http(s)."""
    web = url_for("subscription.feed", feed_token=feed_token, _external=True)
    return "webcal://" + web.split("://", 1)[1], web


def published_events(framework: Framework) -> dict[str, Published]:
    """What the feed published last time, by UID."""
    return {
        e.uid: Published(e.uid, e.sequence, e.digest, e.day, e.cancelled, e.ical)
        for e in framework.calendar_events
    }


def remember(framework_id: int, before: dict[str, Published], events: list[Published]) -> None:
    """Keep what the feed publishes now, for the next time it is read.

    Written in a short transaction of its own (the feed is a GET: the
    request's own transaction only reads), and only for events that changed.
    """
    changed = [e for e in events if before.get(e.uid) != e]
    if not changed:
        return
    table = CalendarEvent.__table__
    with write_apart() as connection:
        connection.execute(
            delete(table).where(
                table.c.framework_id == framework_id,
                table.c.uid.in_([e.uid for e in changed]),
            )
        )
        connection.execute(
            insert(table),
            [
                {
                    "framework_id": framework_id,
                    "uid": e.uid,
                    "sequence": e.sequence,
                    "digest": e.digest,
                    "day": e.day,
                    "cancelled": e.cancelled,
                    "ical": e.ical,
                }
                for e in changed
            ],
        )


@bp.get("/cal/<feed_token>.ics")
def feed(feed_token: str):
    """The feed a calendar app subscribes to; 404 once the link is replaced or off."""
    framework = Framework.by_calendar_token(feed_token)
    if framework is None or not framework.is_complete:
        abort(404)
    plan = plan_for(framework)
    current = plan_events(
        plan,
        identity=calendar_identity(framework),
        link=url_for("site.home", _external=True),
        link_text=CALENDAR_LINK_TEXT,
        stamp=last_changed(framework),
    )
    before = published_events(framework)
    events = feed_events(current, before, date.today())
    body = feed_ics(plan, events)
    try:
        remember(framework.id, before, events)
    except (DatabaseBusy, IntegrityError):
        # Busy, or another reader recorded the same events first: the next read
        # computes the same SEQUENCE numbers from what was last kept.
        log.info("Calendar feed not recorded this time (busy or concurrent reader)")
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = 'inline; filename="byline.ics"'
    return response


@bp.post("/f/<token>/calendar-feed")
def manage(token: str):
    """Make (or replace) the subscription link, or turn it off."""
    framework = completed_framework_or_404(token)
    form = FeedForm()
    replacing = framework.calendar_token_hash is not None

    def save():
        if form.action.data == "revoke":
            framework.revoke_calendar_token()
            return redirect(url_for("framework.show", token=token, _anchor="subscribe-title"), 303)
        webcal, web = feed_urls(framework.new_calendar_token())
        return render_template(
            "framework/subscription.html",
            token=token,
            webcal=webcal,
            web=web,
            replaced=replacing,
        )

    done = submit(form, save)
    if done is None:
        flash(refused_message(form))
        return redirect(url_for("framework.show", token=token, _anchor="subscribe-title"), 303)
    if form.action.data == "revoke":
        flash("Your calendar subscription is off. Calendar apps that had it stop getting updates.")
    return done
