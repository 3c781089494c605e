"""Printable guideline pages and the same pages as a PDF."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from flask import Blueprint, Response, current_app, render_template, request

from wizard.generators.plan import Plan
from wizard.programme import rules_html
from wizard.views.framework import completed_framework_or_404, plan_for

bp = Blueprint("printing", __name__, url_prefix="/f/<token>")

TEMPLATE = "print/guide.html"


def guide_html(plan: Plan, token: str, *, for_pdf: bool) -> str:
    """The guideline pages as HTML. The PDF version leaves out the on-screen
    controls, so no link to the framework can end up in the file."""
    return render_template(
        TEMPLATE,
        plan=plan,
        token=token,
        today=date.today(),
        for_pdf=for_pdf,
        rules=rules_html(plan.programme),
    )


def pdf_filename(expertise: str) -> str:
    """``software-testing-framework.pdf``, or ``byline-framework.pdf`` when the
    expertise gives no usable ASCII name."""
    ascii_text = unicodedata.normalize("NFKD", expertise).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:50].strip("-")
    return f"{slug or 'byline'}-framework.pdf"


@bp.get("/print")
def show(token: str):
    """The guideline pages, ready for the browser's Print command."""
    plan = plan_for(completed_framework_or_404(token))
    return guide_html(plan, token, for_pdf=False)


@bp.get("/framework.pdf")
def pdf(token: str):
    """The guideline pages as a PDF made on the server, as a download."""
    # Imported here: WeasyPrint takes about a second to import, which every
    # process (server workers, the flask command, tests) would otherwise pay
    # at start-up whether it makes a PDF or not.
    from wizard.pdf import html_to_pdf

    plan = plan_for(completed_framework_or_404(token))
    html = guide_html(plan, token, for_pdf=True)
    document = html_to_pdf(
        html,
        base_url=request.host_url,
        static_folder=current_app.static_folder,
        static_url_path=current_app.static_url_path,
    )
    filename = pdf_filename(plan.expertise)
    response = Response(document, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
