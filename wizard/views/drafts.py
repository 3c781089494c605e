"""Check a draft before posting it: the page, and its live updates.

The draft is read, checked and forgotten: it is never written to the
database and never logged. A programme counts how many drafts were checked,
as a number only.
"""

from __future__ import annotations

from flask import Blueprint, render_template, request, url_for
from flask_wtf.csrf import generate_csrf
from sqlalchemy import update
from wtforms import SelectField, TextAreaField
from wtforms.validators import AnyOf, DataRequired

from models import DatabaseBusy, db
from models.programmes import Programme
from wizard.drafts import MAX_DRAFT, check_draft
from wizard.drafts.findings import FIX, Finding
from wizard.drafts.from_answers import channel_choices, context_for, person_channels
from wizard.formtools import BylineForm, MaxLength
from wizard.library import load_library
from wizard.lookups import completed_framework_or_404
from wizard.programme import terms_for

bp = Blueprint("drafts", __name__, url_prefix="/f/<token>")

LIVE_HEADER = "X-Byline-Live"  # set by draftcheck.js: answer with the findings only


class DraftForm(BylineForm):
    """The draft and where it will go."""

    channel = SelectField("Where will you post it?", validate_choice=False)
    draft = TextAreaField(
        "Your draft",
        description="Paste or type it here. Byline reads it to give advice and keeps no copy.",
        validators=[
            DataRequired("Paste or type a draft to check"),
            MaxLength(MAX_DRAFT, "Your draft"),
        ],
    )

    def __init__(self, choices: list[tuple[str, str]], **kwargs):
        super().__init__(**kwargs)
        self.channel.choices = choices
        self.channel.validators = [
            AnyOf([slug for slug, _ in choices], message="Choose a channel from the list")
        ]


def source_url(finding: Finding, token: str) -> str | None:
    """Where the "why" of a finding links to: a guide article or the person's framework."""
    kind, ref = finding.source.kind, finding.source.ref
    if kind == "guide":
        slug, _, anchor = ref.partition("#")
        return url_for("guide.article", slug=slug, _anchor=anchor or None)
    anchors = {"situation": f"situation-{ref}", "rules": "rules-title", "tone": "tone-title"}
    if kind in anchors:
        return url_for("framework.show", token=token, _anchor=anchors[kind])
    return None


def count_check(programme_id: int | None) -> None:
    """One more draft checked in the programme; a busy database only loses the count."""
    if programme_id is None:
        return
    try:
        db.session.execute(
            update(Programme)
            .where(Programme.id == programme_id)
            .values(draft_checks=Programme.draft_checks + 1)
        )
        db.session.commit()
    except DatabaseBusy:
        db.session.rollback()


@bp.route("/draft", methods=["GET", "POST"])
def check(token: str):
    """The draft page; a POST checks the draft (with ``X-Byline-Live``, findings only)."""
    framework = completed_framework_or_404(token)
    library = load_library()
    answers = framework.answer_map()
    choices = channel_choices(answers, library)
    mine = person_channels(answers, library)
    form = DraftForm(choices, channel=mine[0] if mine else choices[0][0])
    findings: list[Finding] | None = None
    if form.validate_on_submit():
        terms = terms_for(framework.programme, library)
        context = context_for(answers, library, terms, form.channel.data)
        findings = check_draft(form.draft.data, context, dict(choices))
        if request.form.get("live") != "repeat":
            count_check(framework.programme_id)
    live = request.method == "POST" and request.headers.get(LIVE_HEADER) == "1"
    page = "drafts/_findings.html" if live else "drafts/check.html"
    response = render_template(
        page,
        form=form,
        token=token,
        findings=findings,
        fixes=sum(1 for f in findings or () if f.severity == FIX),
        source_url=source_url,
        channel_name=dict(choices).get(form.channel.data or "", ""),
        mine=set(mine),
        company=framework.programme.company if framework.programme else "",
    )
    if live:
        return response, 200, {"X-CSRF-Token": generate_csrf(), "Cache-Control": "no-store"}
    return response
