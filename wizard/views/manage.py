"""Programmes for comms teams: create one, change its settings, rotate its links."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from wtforms import HiddenField
from wtforms.validators import AnyOf

from models.programmes import Programme
from wizard import ratelimits
from wizard.formtools import BylineForm
from wizard.library import load_library
from wizard.lookups import programme_or_404
from wizard.markdown import render_markdown
from wizard.programme import GUARDRAIL_MESSAGE, guardrail_warnings
from wizard.programme_forms import (
    form_data_from,
    programme_form_class,
    settings_from,
    tone_question,
)
from wizard.writes import refuse, refused_message, submit

bp = Blueprint("manage", __name__, url_prefix="/manage/<admin_token>")
new_bp = Blueprint("programmes", __name__, url_prefix="/programmes")


class RotateForm(BylineForm):
    """Which link to replace: the share link or the manage link."""

    which = HiddenField(validators=[AnyOf(["share", "manage"])])


def previewing() -> bool:
    """Whether this POST asks to see the rules as colleagues will, without saving."""
    return request.method == "POST" and request.form.get("preview") == "rules"


def programme_form(programme: Programme | None = None):
    """The programme form, from the request or the programme's settings."""
    form_class = programme_form_class()
    if request.method == "POST":
        return form_class()
    return form_class(data=form_data_from(programme) if programme else None)


@new_bp.route("/new", methods=["GET", "POST"])
def new():
    """A comms team creates a programme; no account needed."""
    form = programme_form()

    def save():
        if not ratelimits.allow("programmes"):
            return refuse(form, ratelimits.MESSAGE, 429)
        _programme, admin_token = Programme.create(**settings_from(form))
        return redirect(url_for("dashboard.show", admin_token=admin_token, created=1), code=303)

    return (None if previewing() else submit(form, save)) or render_template(
        "manage/edit.html",
        form=form,
        creating=True,
        tone_question=tone_question,
        rules_preview=render_markdown(form.rules.data),
        library=load_library(),
        warnings=guardrail_warnings(form.rules.data or ""),
        guardrail_message=GUARDRAIL_MESSAGE,
    )


@bp.route("/settings", methods=["GET", "POST"])
def settings(admin_token: str):
    """Change the programme; every framework in it shows the new settings."""
    programme = programme_or_404(admin_token)
    form = programme_form(programme)

    def save():
        programme.update(**settings_from(form))
        return redirect(url_for(".settings", admin_token=admin_token), code=303)

    saved = None if previewing() else submit(form, save)
    if saved is not None:
        flash("Your changes are saved. Every framework in the programme now shows them.")
        return saved
    return render_template(
        "manage/edit.html",
        form=form,
        creating=False,
        tone_question=tone_question,
        rules_preview=render_markdown(form.rules.data),
        programme=programme,
        admin_token=admin_token,
        rotate_form=RotateForm(),
        library=load_library(),
        warnings=guardrail_warnings(form.rules.data or programme.rules),
        guardrail_message=GUARDRAIL_MESSAGE,
    )


@bp.post("/rotate")
def rotate(admin_token: str):
    """Replace the share link or the manage link; the old one stops working."""
    programme = programme_or_404(admin_token)
    form = RotateForm()

    def save():
        if form.which.data == "share":
            programme.rotate_share_code()
            return redirect(url_for(".settings", admin_token=admin_token), code=303)
        new_token = programme.rotate_admin_token()
        return redirect(url_for(".settings", admin_token=new_token), code=303)

    rotated = submit(form, save)
    if rotated is None:
        flash(refused_message(form))
        return redirect(url_for(".settings", admin_token=admin_token), code=303)
    if form.which.data == "share":
        flash("There is a new share link. The old one no longer works: send people the new one.")
    else:
        flash("This is your new manage link: bookmark this page now. The old link no longer works.")
    return rotated
