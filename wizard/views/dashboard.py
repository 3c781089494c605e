"""A programme's dashboard: aggregates only, CSV, the printable programme guide."""

from __future__ import annotations

import segno
from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)

from models.join_codes import grouped
from wizard.dashboard import (
    DEFAULT_MIN_COUNT,
    aggregate_rows,
    csv_text,
    programme_aggregates,
    programme_slug,
    shared_entries,
    shared_framework,
)
from wizard.library import load_library
from wizard.lookups import programme_or_404
from wizard.plans import plan_for
from wizard.programme import GUARDRAIL_MESSAGE, guardrail_warnings, rules_html, terms_for
from wizard.steps import byline_wizard
from wizard.whitespace import without_indentation

bp = Blueprint("dashboard", __name__, url_prefix="/manage/<admin_token>")

LONG_RULES = 1200  # characters of rules above which the guide prints them in two columns


def join_url(programme) -> str:
    """The programme's share link, as people type or scan it."""
    return url_for("join.show", code=programme.share_code, _external=True)


def short_join_url(programme) -> str:
    """The share link with the short join code, for print (the long one if there is none)."""
    if not programme.join_code:
        return join_url(programme)
    return url_for("join.show", code=grouped(programme.join_code), _external=True)


def wizard_steps() -> list[tuple[str, str]]:
    """The wizard's steps as (name, title), in order."""
    return [(step.name, step.title) for step in byline_wizard().steps]


def aggregates_for(programme):
    """The programme's counts, as the page and the CSV show them."""
    return programme_aggregates(programme, load_library(), wizard_steps(), min_count())


def min_count() -> int:
    """The smallest count the dashboard shows (``DASHBOARD_MIN_COUNT``, at least 1)."""
    try:
        return max(1, int(current_app.config.get("DASHBOARD_MIN_COUNT", DEFAULT_MIN_COUNT)))
    except (TypeError, ValueError):
        return DEFAULT_MIN_COUNT


@bp.get("")
def show(admin_token: str):
    """The dashboard: links, counts, the funnel, what people chose, and what was shared."""
    programme = programme_or_404(admin_token)
    shared, shared_total = shared_entries(programme.id)
    return render_template(
        "manage/dashboard.html",
        programme=programme,
        admin_token=admin_token,
        created=request.args.get("created") == "1",
        join_url=join_url(programme),
        manage_url=url_for(".show", admin_token=admin_token, _external=True),
        settings_url=url_for("manage.settings", admin_token=admin_token),
        aggregates=aggregates_for(programme),
        shared=shared,
        shared_total=shared_total,
        warnings=guardrail_warnings(programme.rules),
        guardrail_message=GUARDRAIL_MESSAGE,
    )


@bp.get("/aggregates.csv", endpoint="csv")
def csv_export(admin_token: str):
    """The same numbers as the dashboard, as a spreadsheet."""
    programme = programme_or_404(admin_token)
    body = csv_text(aggregate_rows(aggregates_for(programme)))
    filename = f"byline-{programme_slug(programme.name)}-aggregates.csv"
    response = Response(body, content_type="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("/guide")
def guide(admin_token: str):
    """A one-page programme guide for a noticeboard or a workshop, with a QR code."""
    programme = programme_or_404(admin_token)
    terms = terms_for(programme, load_library())
    url = short_join_url(programme)
    qr = segno.make(url, error="m").svg_data_uri(scale=4, dark="#000", light="#fff")
    return render_template(
        "manage/guide.html",  # no manage token: the guide gets printed and pinned up
        programme=programme,
        rules=rules_html(terms),
        long_rules=len(programme.rules or "") > LONG_RULES,
        join_url=url,
        join_parts=address_parts(url),
        qr_data_uri=qr,
    )


def address_parts(url: str) -> list[str]:
    """An address in the pieces a line may break between: scheme, host, each path part.

    ``http://example.com/join/ABCD-EFGH`` gives ``["http://", "example.com/",
    "join/", "ABCD-EFGH"]``, so a printed address never breaks inside a name or the code.
    """
    scheme, _, rest = url.partition("://")
    pieces = rest.split("/")
    return [f"{scheme}://"] + [f"{piece}/" for piece in pieces[:-1]] + [pieces[-1]]


@bp.get("/")
def show_from_guide(admin_token: str):
    """The guide's "Back to the dashboard" link is relative (``./``), so the guide's
    HTML never holds the manage link; it lands here."""
    programme_or_404(admin_token)
    return redirect(url_for(".show", admin_token=admin_token), code=303)


@bp.get("/shared/<int:framework_id>")
def shared(admin_token: str, framework_id: int):
    """A framework its person chose to share, read-only and without their private link."""
    programme = programme_or_404(admin_token)
    framework = shared_framework(programme.id, framework_id)
    if framework is None:
        abort(404)
    return without_indentation(
        render_template(
            "manage/shared.html",
            programme=programme,
            admin_token=admin_token,
            plan=plan_for(framework),
        )
    )
