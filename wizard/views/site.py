"""The public site: home, the start page, health and robots."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, redirect, render_template, url_for
from sqlalchemy import text

from models import db
from models.frameworks import Framework
from wizard import ratelimits
from wizard.formtools import BylineForm
from wizard.guide_articles import guide_articles
from wizard.steps import byline_wizard
from wizard.writes import reads_first, refuse, submit

bp = Blueprint("site", __name__)


class StartForm(BylineForm):
    """Starting creates a draft; the form carries only the CSRF token."""


@bp.get("/")
def home():
    """Why share your expertise, what you get, and the Start button."""
    return render_template("site/home.html", steps=byline_wizard().steps, articles=guide_articles())


@bp.route("/start", methods=["GET", "POST"])
@reads_first
def start():
    """Explain what happens next; the POST creates a draft and opens step 1."""
    form = StartForm()

    def save():
        if not ratelimits.allow("drafts"):
            return refuse(form, ratelimits.MESSAGE, 429)
        _framework, token = Framework.create()
        first = byline_wizard().steps[0]
        return redirect(url_for("wizard.step", token=token, step=first.name), code=303)

    return submit(form, save) or render_template(
        "site/start.html", form=form, steps=byline_wizard().steps
    )


@bp.get("/healthz")
def healthz():
    """Liveness and a database round trip, as JSON."""
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        db.session.rollback()
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")


@bp.get("/robots.txt")
def robots():
    """Keep crawlers to the public pages without listing any private path."""
    body = "User-agent: *\nAllow: /$\nAllow: /guide/\nDisallow: /\n"
    return Response(body, mimetype="text/plain")
