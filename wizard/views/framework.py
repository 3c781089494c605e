"""A person's framework: the page, and deleting it."""

from __future__ import annotations

from datetime import date

from flask import (
    Blueprint,
    abort,
    flash,
    get_flashed_messages,
    redirect,
    render_template,
    request,
    url_for,
)
from wtforms import HiddenField
from wtforms.validators import AnyOf

from models import db
from models.frameworks import Framework
from wizard.facts import keep_facts
from wizard.forms import MIN_THEMES
from wizard.formtools import BylineForm
from wizard.fragments import kept_page, rendered_once
from wizard.library import load_library
from wizard.lookups import completed_framework_or_404, framework_or_404
from wizard.pdf_jobs import is_pdf_ready, pdf_digest
from wizard.periods import carry_forward, review_form
from wizard.plans import plan_and_digest
from wizard.programme import rules_html, terms_for
from wizard.steps import byline_wizard
from wizard.views import JUST_MADE
from wizard.writes import refused_message, submit

bp = Blueprint("framework", __name__, url_prefix="/f/<token>")


class TokenForm(BylineForm):
    """A form that carries only the CSRF token: delete the framework, or
    replace its private link."""


class ShareForm(BylineForm):
    """Share the framework with its programme, or stop sharing."""

    share = HiddenField(validators=[AnyOf(["yes", "no"])])


def wizard_for(framework: Framework):
    """The wizard as this framework's programme (if any) shapes it."""
    return byline_wizard(terms_for(framework.programme, load_library()))


@bp.get("")
def show(token: str):
    """The framework; a draft continues where its person left off."""
    return kept_page("framework", token, lambda: show_framework(token))


def show_framework(token: str):
    """The framework page as rendered afresh, or a draft's next step."""
    framework = framework_or_404(token)
    if not framework.is_complete:
        missing = wizard_for(framework).first_unanswered(framework.answer_map())
        if missing is None:
            return redirect(url_for("wizard.check", token=token))
        return redirect(url_for("wizard.step", token=token, step=missing.name))
    return show_page(framework, token)


def show_page(framework: Framework, token: str) -> str:
    """The framework page.

    This week and the actions come first; the plan and the guidelines (their heavy
    parts folded) after; the review, the subscription and the private link's
    controls last.
    """
    plan, digest = plan_and_digest(framework)
    today = date.today()
    rules = rules_html(plan.programme)
    top, sections = (
        rendered_once(
            template, (digest, token, today), plan=plan, rules=rules, token=token, today=today
        )
        for template in ("framework/_top.html", "framework/_sections.html")
    )
    return render_template(
        "framework/show.html",
        plan=plan,
        top=top,
        sections=sections,
        just_made=bool(get_flashed_messages(category_filter=[JUST_MADE])),
        pdf_ready=is_pdf_ready(framework.id, pdf_digest(digest, plan.marks, today)),
        share_form=ShareForm(),
        framework=framework,
        token=token,
        delete_form=TokenForm(),
        today=today,
    )


@bp.post("/delete")
def delete(token: str):
    """Delete the framework and every answer in it."""
    framework = framework_or_404(token)
    form = TokenForm()

    def save():
        db.session.delete(framework)
        return redirect(url_for("site.home"), code=303)

    deleted = submit(form, save)
    if deleted is None:
        flash(refused_message(form))
        return redirect(url_for(".show", token=token), code=303)
    flash("Your framework and all its answers have been deleted.")
    return deleted


@bp.post("/share")
def share(token: str):
    """Let the programme's comms team read this framework, or stop letting them."""
    framework = completed_framework_or_404(token)
    if framework.programme is None:
        abort(404)
    form = ShareForm()

    def save():
        framework.shared_with_programme = form.share.data == "yes"
        return redirect(url_for(".show", token=token, _anchor="share-title"), code=303)

    shared = submit(form, save)
    if shared is None:
        flash(refused_message(form))
        return redirect(url_for(".show", token=token, _anchor="share-title"), code=303)
    flash(
        "Your comms team can now read your framework."
        if form.share.data == "yes"
        else "Your framework is no longer shared with your comms team."
    )
    return shared


@bp.post("/new-link")
def new_link(token: str):
    """Replace the private link (say it was shared by mistake); the old one stops working."""
    framework = framework_or_404(token)
    form = TokenForm()

    def save():
        return redirect(url_for(".show", token=framework.rotate_token()), code=303)

    replaced = submit(form, save)
    if replaced is None:
        flash(refused_message(form))
        return redirect(url_for(".show", token=token), code=303)
    flash(
        "This is your new private link: bookmark this page now. "
        "The old link no longer works, for you or for anyone else."
    )
    return replaced


@bp.route("/next-period", methods=["GET", "POST"])
def next_period(token: str):
    """Look back, then plan the next period: a new outline and calendar from the
    same framework."""
    framework = completed_framework_or_404(token)
    plan = plan_and_digest(framework)[0]
    form = review_form(plan, request.form if request.method == "POST" else None)
    today = date.today()

    def save():
        kept = sum(1 for keep in form.kept.values() if keep)
        if kept < MIN_THEMES:
            form.refuse(
                f"Keep at least {MIN_THEMES} themes for the next period, or change your themes"
                " first (Change your answers, step 5) and come back."
            )
            return None
        carry_forward(framework, plan, form, today)
        keep_facts(framework)  # the dashboard counts the themes and rung kept
        return redirect(url_for(".show", token=token, _anchor="outline-title"), 303)

    if request.method == "POST":
        done = submit(form, save)
        if done is not None:
            flash(
                "Your next period is planned: the outline and calendar below are new. "
                "Ideas you used are left out; your marks on the others stay."
            )
            return done
    page = render_template("framework/next_period.html", plan=plan, review_form=form, token=token)
    return (page, 400) if request.method == "POST" else page
