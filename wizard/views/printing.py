"""Printable guideline pages and the same pages as a PDF."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from flask import Blueprint, Response, current_app, jsonify, render_template

from models import db
from wizard.fragments import kept_page
from wizard.generators.plan import Plan
from wizard.lookups import completed_framework_or_404
from wizard.pdf_jobs import current_pdf, framework_pdf, is_pdf_ready
from wizard.plans import plan_for
from wizard.programme import rules_html
from wizard.whitespace import without_indentation

bp = Blueprint("printing", __name__, url_prefix="/f/<token>")

TEMPLATE = "print/guide.html"
PREPARING_REFRESH_SECONDS = 3


def guide_html(plan: Plan, token: str, *, for_pdf: bool = False) -> str:
    """The guideline pages as HTML for the browser (the PDF has its own
    template, `wizard.pdf_jobs.pdf_html`). ``for_pdf`` leaves out the
    on-screen controls."""
    html = render_template(
        TEMPLATE,
        plan=plan,
        token=token,
        today=date.today(),
        for_pdf=for_pdf,
        rules=rules_html(plan.programme),
    )
    return without_indentation(html)


def pdf_filename(expertise: str) -> str:
    """``software-testing-framework.pdf``, or ``byline-framework.pdf`` when the
    expertise gives no usable ASCII name."""
    ascii_text = unicodedata.normalize("NFKD", expertise).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:50].strip("-")
    return f"{slug or 'byline'}-framework.pdf"


@bp.get("/print")
def show(token: str):
    """The guideline pages, ready for the browser's Print command."""
    return kept_page(
        "print", token, lambda: guide_html(plan_for(completed_framework_or_404(token)), token)
    )


@bp.get("/framework.pdf")
def pdf(token: str):
    """The guideline pages as a PDF, as a download: made ahead of time in the
    background, or now if nobody is making it; a download that arrives while
    it is being made waits for that job, and after ``PDF_WAIT_SECONDS`` gets
    a page that says so and refreshes itself."""
    framework = completed_framework_or_404(token)
    plan, digest = current_pdf(framework)
    today = date.today()
    framework_id = framework.id
    db.session.rollback()  # no read transaction held open while the PDF is made or awaited
    wait = float(current_app.config.get("PDF_WAIT_SECONDS", 10))
    document = framework_pdf(framework_id, digest, plan, today, wait=wait)
    if document is None:
        response = Response(render_template("print/preparing.html", token=token), status=202)
        response.headers["Retry-After"] = str(PREPARING_REFRESH_SECONDS)
        return response
    filename = pdf_filename(plan.expertise)
    response = Response(document, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("/framework.pdf/status")
def pdf_status(token: str):
    """Whether the PDF is made yet, for the framework page's "being prepared" note."""
    framework = completed_framework_or_404(token)
    _, digest = current_pdf(framework)
    return jsonify(ready=is_pdf_ready(framework.id, digest))
