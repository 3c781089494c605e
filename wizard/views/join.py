"""A programme's share link: an intro in the programme's name, then the wizard."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, url_for

from models.frameworks import Framework
from models.programmes import Programme
from wizard import ratelimits
from wizard.formtools import BylineForm
from wizard.library import load_library
from wizard.programme import rules_html, terms_for
from wizard.steps import byline_wizard
from wizard.writes import refuse, submit

bp = Blueprint("join", __name__, url_prefix="/join/<code>")


class JoinForm(BylineForm):
    """Joining creates a draft in the programme; the form carries only the CSRF token."""


def programme_or_404(code: str) -> Programme:
    """The programme behind a share link; unknown or replaced links are a 404."""
    programme = Programme.by_share_code(code)
    if programme is None:
        abort(404)
    return programme


@bp.route("", methods=["GET", "POST"])
def show(code: str):
    """The programme's intro page; the POST starts a draft inside the programme."""
    programme = programme_or_404(code)
    terms = terms_for(programme, load_library())
    wizard = byline_wizard(terms)
    form = JoinForm()

    def save():
        if not ratelimits.allow("drafts"):
            return refuse(form, ratelimits.MESSAGE, 429)
        _framework, token = Framework.create(programme=programme)
        first = wizard.steps[0]
        return redirect(url_for("wizard.step", token=token, step=first.name), code=303)

    return submit(form, save) or render_template(
        "join/show.html",
        form=form,
        programme=terms,
        rules=rules_html(terms),
        steps=wizard.steps,
    )
