"""Binds Byline's web layer to an app: CSRF, blueprints, headers, errors."""

from __future__ import annotations

import logging
import traceback
from datetime import date

from flask import Flask, has_request_context, render_template, request, url_for
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge, SecurityError
from werkzeug.middleware.proxy_fix import ProxyFix

from models import DatabaseBusy, db
from wizard.field_html import (
    checkbox_html,
    choice_inputs_html,
    count_html,
    described_by,
    error_html,
    field_html,
    hint_html,
    scale_html,
)
from wizard.form_html import choice_items, datalist_html, select_html
from wizard.formtools import error_links, first_error
from wizard.generators.place import DateStyle
from wizard.generators.text import framework_title, lower_first
from wizard.hyphens import soft_hyphens
from wizard.private_paths import mask

log = logging.getLogger("byline")

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
PRIVATE_PREFIXES = ("/f/", "/cal/", "/manage/", "/join/", "/start", "/programmes/")


def add_security_headers(response):
    """Headers every response carries, error pages included."""
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    if request.path.startswith(PRIVATE_PREFIXES):
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


def handle_http_error(error: HTTPException):
    """Render HTTP errors with the site's own page."""
    if isinstance(error, SecurityError):  # a Host not in TRUSTED_HOSTS: no links can be built
        return "This address is not served here.\n", 400, {"Content-Type": "text/plain"}
    if isinstance(error, RequestEntityTooLarge):
        return render_template("errors/too_large.html"), 413
    status = error.code or 500
    template = "errors/404.html" if status in (404, 405) else "errors/error.html"
    return render_template(template, error=error), status


def handle_database_busy(error: DatabaseBusy):
    """A busy database outside the write pipeline (which shows the form again
    itself, see `wizard.writes`): a plain "try again" page, nothing written."""
    db.session.rollback()
    log.warning("Database busy on %s %s", request.method, request.url_rule)
    return render_template("errors/error.html", error=error), 503, {"Retry-After": "2"}


SECRET_ARGUMENTS = ("token", "admin_token", "code")


def handle_unexpected_error(error: Exception):
    """Log the error with its traceback, private links masked; show a plain
    page, never a stack trace."""
    db.session.rollback()
    secrets = [str(v) for k, v in (request.view_args or {}).items() if k in SECRET_ARGUMENTS]
    trace = mask("".join(traceback.format_exception(error)), secrets)
    log.error(
        "Unhandled %s on %s %s\n%s",
        type(error).__name__,
        request.method,
        request.url_rule,
        trace.rstrip(),
    )
    return render_template("errors/500.html"), 500


def long_date(value: date, style: DateStyle | None = None) -> str:
    """ "Monday 2 March 2026", or as the person's country writes it (``plan.dates``)."""
    return (style or DateStyle()).long(value)


def short_date(value: date, style: DateStyle | None = None) -> str:
    """ "Mon 2 Mar" (or "Mon, Mar 2"): for lists of days within one plan."""
    return (style or DateStyle()).short(value)


def duration(minutes: int) -> str:
    """ "20 minutes", "1 hour", "1½ hours", "16 hours": how long a post takes."""
    if minutes < 60:
        return f"{minutes} minutes"
    hours, rest = divmod(minutes, 60)
    half = "½" if 15 <= rest < 45 else ""
    hours += 1 if rest >= 45 else 0
    return f"{hours}{half} {'hour' if hours == 1 and not half else 'hours'}"


_STATIC_URLS: dict[tuple[str, str, str | None], str] = {}
# The header's links: pages without arguments, the same from every page.
SITE_LINKS = frozenset({"site.home", "guide.index", "programmes.new"})


def page_url_for(endpoint: str, **values) -> str:
    """`url_for` for templates, with the addresses every page links (static
    files, and the site's header links) worked out once per mount point: each
    page links ten or so of them, and building each through the URL map costs
    more than the rest of a small page's header."""
    fixed = (endpoint in SITE_LINKS and not values) or (
        endpoint == "static" and values.keys() == {"filename"}
    )
    if not fixed or not has_request_context():
        return url_for(endpoint, **values)
    key = (request.script_root, endpoint, values.get("filename"))
    found = _STATIC_URLS.get(key)
    if found is None:
        found = _STATIC_URLS[key] = url_for(endpoint, **values)
    return found


def init_app(app: Flask) -> None:
    """Register extensions, blueprints and handlers on the app."""
    from wizard import html_params, lean_static, markdown, pdf_jobs, ratelimits, writes
    from wizard.views import (
        dashboard,
        drafts,
        exports,
        framework,
        guide,
        ideas,
        join,
        manage,
        places,
        printing,
        site,
        steps,
        subscription,
    )

    html_params.install()  # the same form markup, rendered several times faster
    # Indentation before a block tag ({% if %}, {% for %} …) is not sent: a few
    # KB on the long pages. The line breaks stay, so no two words ever join.
    app.jinja_env.lstrip_blocks = True
    writes.init_app(app)  # CSRF, Referer and the write transaction for every POST
    pdf_jobs.init_app(app)  # background PDFs wait for a moment without requests
    ratelimits.init_app(app)
    if app.config.get("PROXY_FIX"):
        # Behind N reverse proxies: trust their X-Forwarded-For/-Proto/-Host.
        hops = int(app.config["PROXY_FIX"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    markdown.init_app(app)
    lean_static.init_app(app)  # stylesheets and scripts without their comments
    app.after_request(add_security_headers)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(DatabaseBusy, handle_database_busy)
    app.register_error_handler(Exception, handle_unexpected_error)
    app.add_template_filter(long_date, "longdate")
    app.add_template_filter(duration, "duration")
    app.add_template_filter(short_date, "shortdate")
    app.add_template_filter(lower_first, "lower_first")
    app.add_template_filter(soft_hyphens, "soft_hyphens")
    app.add_template_global(framework_title)
    app.add_template_global(page_url_for, "url_for")
    app.add_template_global(error_links)
    app.add_template_global(first_error)
    app.add_template_global(choice_items)
    for writer in (
        field_html,
        checkbox_html,
        scale_html,
        choice_inputs_html,
        hint_html,
        error_html,
        count_html,
    ):
        app.add_template_global(writer)
    app.add_template_global(described_by)
    app.add_template_global(select_html)
    app.add_template_global(datalist_html)
    app.register_blueprint(site.bp)
    app.register_blueprint(guide.bp)
    app.register_blueprint(steps.bp)
    app.register_blueprint(framework.bp)
    app.register_blueprint(ideas.bp)
    app.register_blueprint(drafts.bp)
    app.register_blueprint(printing.bp)
    app.register_blueprint(exports.bp)
    app.register_blueprint(exports.import_bp)
    app.register_blueprint(manage.new_bp)
    app.register_blueprint(manage.bp)
    app.register_blueprint(dashboard.bp)
    app.register_blueprint(join.bp)
    app.register_blueprint(subscription.bp)
    app.register_blueprint(places.bp)
