"""Exports of a framework: calendar (ICS), Markdown, JSON, and JSON import."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, flash, redirect, render_template, url_for
from flask_wtf.file import FileField
from werkzeug.exceptions import RequestEntityTooLarge
from wtforms import Field, TextAreaField
from wtforms.validators import Optional

from models import db
from models.frameworks import Framework, utcnow
from wizard import ratelimits
from wizard.calendar_links import CALENDAR_LINK_TEXT, calendar_identity, last_changed
from wizard.exports.ics import calendar_ics
from wizard.exports.markdown_doc import framework_markdown
from wizard.exports.portable import (
    ImportProblem,
    accepted_answers,
    document_json,
    framework_document,
    read_document,
)
from wizard.facts import keep_facts
from wizard.formtools import BylineForm
from wizard.lookups import completed_framework_or_404
from wizard.plans import plan_for
from wizard.steps import byline_wizard
from wizard.writes import refuse, submit

bp = Blueprint("exports", __name__, url_prefix="/f/<token>")
import_bp = Blueprint("imports", __name__, url_prefix="/import")


def download(body: str | bytes, mimetype: str, filename: str) -> Response:
    """A file the browser saves instead of showing."""
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("/calendar.ics")
def calendar(token: str):
    """The content calendar, one event per post, for any calendar app.

    The events link to Byline's home page, not to the framework: calendars
    are often shared, and the private link must not travel with them.
    """
    framework = completed_framework_or_404(token)
    body = calendar_ics(
        plan_for(framework),
        identity=calendar_identity(framework),
        link=url_for("site.home", _external=True),
        link_text=CALENDAR_LINK_TEXT,
        changed_at=last_changed(framework),
    )
    return download(body, "text/calendar", "byline-calendar.ics")


@bp.get("/framework.md")
def markdown(token: str):
    """The whole framework as one Markdown document."""
    framework = completed_framework_or_404(token)
    return download(framework_markdown(plan_for(framework)), "text/markdown", "byline-framework.md")


@bp.get("/framework.json", endpoint="json")
def json_export(token: str):
    """The framework's answers as JSON, to import into another Byline."""
    framework = completed_framework_or_404(token)
    document = framework_document(
        answers=framework.answer_map(),
        idea_seed=framework.idea_seed,
        more_ideas=framework.more_ideas,
        idea_marks=framework.marks(),
        completed_at=framework.completed_at,
        exported_at=utcnow(),
        plan=plan_for(framework),
    )
    return download(document_json(document), "application/json", "byline-framework.json")


class ImportForm(BylineForm):
    """An export file, or its text pasted in."""

    upload = FileField(
        "Your framework.json file",
        description="The file you downloaded with “Download as JSON” on a framework’s page.",
        validators=[Optional()],
    )
    pasted = TextAreaField(
        "Or paste what is inside it",
        description="Open the file in a text editor, copy everything, and paste it here.",
        validators=[Optional()],
    )

    def source(self) -> tuple[str, Field]:
        """(the text to import, the field it came from); a chosen file wins."""
        upload = self.upload.data
        if upload:
            try:
                return upload.read().decode("utf-8-sig"), self.upload
            except UnicodeDecodeError as error:
                raise ImportProblem(
                    "This file is not a Byline export: it is not text. "
                    "Choose the framework.json file Byline saved."
                ) from error
        if (self.pasted.data or "").strip():
            return self.pasted.data, self.pasted
        raise ImportProblem("Choose your framework.json file, or paste what is inside it")


def size_limit_text() -> str:
    """The request size limit in words, for the message shown when it is exceeded."""
    return f"{current_app.config['MAX_CONTENT_LENGTH'] // 1024} KB"


def import_framework(form: ImportForm) -> str:
    """Create a new framework from the form's export; returns its private token."""
    try:
        text, origin = form.source()
    except ImportProblem as problem:
        form.upload.errors.append(str(problem))
        raise
    try:
        wizard = byline_wizard()
        portable = read_document(text, wizard)
        answers = accepted_answers(portable, wizard, meta={"csrf": False})
    except ImportProblem as problem:
        origin.errors.append(str(problem))
        raise
    framework, token = Framework.create()
    framework.idea_seed = portable.idea_seed
    framework.more_ideas = portable.more_ideas
    for step, data in answers.items():
        framework.save_answer(step, data)
    for idea_key, state in portable.idea_marks.items():
        framework.mark_idea(idea_key, state)
    db.session.flush()  # the facts name the new framework's id
    keep_facts(framework, answers)
    framework.completed_at = portable.completed_at
    return token


@import_bp.route("/", methods=["GET", "POST"])
def form():
    """Import a framework exported from this or another Byline, as a new framework."""
    import_form = ImportForm()

    def save():
        if not ratelimits.allow("imports"):
            return refuse(import_form, ratelimits.MESSAGE, 429)
        try:
            token = import_framework(import_form)
        except ImportProblem:  # the form's fields say what is wrong
            return None
        return redirect(url_for("framework.show", token=token), code=303)

    imported = submit(import_form, save)
    if imported is not None:
        flash(
            "Your framework was imported. This is its new private link: "
            "bookmark this page to come back to it."
        )
        return imported
    return render_template("exports/import.html", form=import_form, size_limit=size_limit_text())


@import_bp.errorhandler(RequestEntityTooLarge)
def too_large(_error):
    """A file or paste over the size limit: say so on the import page itself."""
    import_form = ImportForm(formdata=None)
    import_form.upload.errors = [
        f"This is larger than {size_limit_text()}, so it cannot be a Byline export. "
        "Choose the framework.json file Byline saved."
    ]
    page = render_template("exports/import.html", form=import_form, size_limit=size_limit_text())
    return page, 413
