"""The wizard's pages: one step at a time, then check your answers."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from markupsafe import Markup
from wtforms import HiddenField
from wtforms.validators import Length, Optional

from models.frameworks import mark_completed, store_answer, store_facts
from wizard.check_proof import proof, proven
from wizard.engine import answer_rows, form_answers
from wizard.field_html import group_key
from wizard.formtools import BylineForm
from wizard.fragments import part_once, part_once_from
from wizard.library import load_library
from wizard.lookups import answers_now, draft_or_404
from wizard.programme import company_theme_ids, framework_facts, rules_html, terms_for
from wizard.steps import (
    SituationRow,
    byline_wizard,
    has_theme,
    plain_row_key,
    row_key,
    shows_company,
)
from wizard.views import JUST_MADE
from wizard.writes import reads_first, refusal, submit

bp = Blueprint("wizard", __name__, url_prefix="/f/<token>")
REFRESH = "refresh"  # the name of a step's "show the lists for this choice" button
CHANGED_ELSEWHERE = (
    "An answer changed in another window while you were confirming. "
    "Here they all are as they are now: check them and confirm again."
)


class CompleteForm(BylineForm):
    """Completing the framework: the CSRF token, and the page's proof that the
    answers it showed were all valid (`wizard.check_proof`)."""

    checked = HiddenField(validators=[Optional(), Length(max=64)])


@bp.app_template_global()
def situation_item(row: SituationRow):
    """One of step 6's situations, rendered once for everyone it fits."""
    return part_once("wizard/_situation.html", row.key, row=row)


@bp.app_template_global()
def theme_rows(rows, programme) -> tuple[list[Markup], list[Markup], bool]:
    """The themes step's rows: those with a theme, those left blank for the
    person's own, and whether the blank ones must show (one has an error).
    Each row is rendered once for everyone who sees it so; a page opened from
    saved answers knows each row by its plain values and builds no row form
    unless a row is new (see `wizard.deferred_rows`)."""
    company = programme.company if programme else None
    titled: list[Markup] = []
    blank: list[Markup] = []
    plain = rows.plain_rows()
    if plain is not None:
        for index, row in enumerate(plain, start=1):
            shown = company if shows_company(row.get("key")) else None
            html = part_once_from(
                "wizard/_theme_row.html",
                ("plain", index, plain_row_key(row), shown),
                lambda index=index: {
                    "index": index,
                    "entry": rows.entries[index - 1],
                    "programme": programme,
                },
            )
            (titled if has_theme(row.get("title"), row.get("include")) else blank).append(html)
        return titled, blank, False
    open_blank = False
    for index, entry in enumerate(rows, start=1):
        row = entry.form
        shown = company if shows_company(row.key.data) else None
        html = part_once(
            "wizard/_theme_row.html",
            (index, row_key(row), shown),
            index=index,
            entry=entry,
            programme=programme,
        )
        if has_theme(row.title.data, row.include.data):
            titled.append(html)
        else:
            blank.append(html)
            open_blank = open_blank or bool(row.errors)
    return titled, blank, open_blank


@bp.app_template_global()
def tone_pairs(field):
    """The tone step's pairs of words, rendered once for everyone who ticks the same."""
    key = group_key(field)
    if key is None:
        return render_template("wizard/_pairs.html", field=field)
    return part_once("wizard/_pairs.html", key, field=field)


@bp.get("/start")
def intro(token: str):
    """The “Before you start” page of a draft that already exists, where Back on
    the first step leads: it goes on with the same draft and never makes another."""
    framework = draft_or_404(token)
    terms = terms_for(framework.programme, load_library())
    wizard = byline_wizard(terms)
    answers = framework.answer_map()
    return render_template(
        "site/start.html",
        steps=wizard.active(answers),
        token=token,
        programme=terms,
        continue_url=url_for(".step", token=token, step=wizard.active(answers)[0].name),
    )


@bp.route("/step/<step>", methods=["GET", "POST"])
@reads_first
def step(token: str, step: str):
    """Show one step; a valid POST saves it and moves on."""
    framework = draft_or_404(token)
    terms = terms_for(framework.programme, load_library())
    wizard = byline_wizard(terms)
    current = wizard.get(step)
    answers = framework.answer_map()
    if current is None or not current.applies(answers):
        abort(404)
    if not wizard.may_visit(step, answers):
        first = wizard.first_unanswered(answers)
        return redirect(url_for(".step", token=token, step=first.name))

    returning_to_check = request.args.get("from") == "check"
    if request.method == "POST":
        form = wizard.build_form(current, answers, formdata=request.form)

        def save():
            data = form_answers(form)
            stored = answers_now(framework)  # another window may have saved since
            store_answer(framework.id, current.name, data, stored.get(current.name))
            saved = {**stored, current.name: data}
            facts = framework_facts(saved, load_library(), company_theme_ids(terms))
            store_facts(framework.id, framework.programme_id, facts)
            following = wizard.next_after(current.name, saved)
            if returning_to_check or following is None:
                return redirect(url_for(".check", token=token), code=303)
            return redirect(url_for(".step", token=token, step=following.name), code=303)

        refresh = getattr(form, "refresh", None)
        if REFRESH in request.form and refresh is not None and refusal() is None:
            # A secondary button (for browsers without JavaScript) asks for the
            # step again with what was typed, its lists fitting a new choice:
            # nothing is judged and nothing is saved.
            refresh()
        else:
            saved = submit(form, save)
            if saved is not None:
                return saved
    else:
        form = wizard.build_form(current, answers)
        if returning_to_check and current.name in answers:
            show_saved_problems(form)

    number, total = wizard.position(current.name, answers)
    previous = wizard.previous_before(current.name, answers)
    return render_template(
        f"wizard/{current.name}.html",
        form=form,
        step=current,
        number=number,
        total=total,
        token=token,
        back_url=url_for(".check", token=token)
        if returning_to_check
        else (
            url_for(".step", token=token, step=previous.name)
            if previous
            else url_for(".intro", token=token)
        ),
        returning_to_check=returning_to_check,
        library=load_library(),
        framework=framework,
        programme=terms,
        rules=rules_html(terms),
    )


def show_saved_problems(form) -> None:
    """Check your answers sends a person here when a saved answer is no longer
    accepted (say a time zone Byline does not know): the step says which,
    beside the field that fixes it, with the saved answers shown as they are.
    Nothing is saved until the person sends the step."""
    if form.validate():
        return
    token = getattr(form, "csrf_token", None)
    if token is not None:
        token.errors = []  # a page just opened has sent no token, and needs none


@bp.route("/check", methods=["GET", "POST"])
@reads_first
def check(token: str):
    """Every answer with a Change link; the POST completes the framework."""
    framework = draft_or_404(token)
    library = load_library()
    terms = terms_for(framework.programme, library)
    wizard = byline_wizard(terms)
    answers = framework.answer_map()
    missing = wizard.first_unanswered(answers)
    if missing is not None:
        return redirect(url_for(".step", token=token, step=missing.name))

    form = CompleteForm()
    reviewed = None
    if request.method == "POST" and proven(form.checked.data, answers, terms, library):
        invalid = []  # the page just checked these very answers
    else:
        reviewed = wizard.review(answers, meta={"csrf": False})
        invalid = [current for current, _saved, valid in reviewed if not valid]

    def save():
        if invalid:  # the page lists what to fix first
            return None
        if answers_now(framework) != answers:
            flash(CHANGED_ELSEWHERE)
            return redirect(url_for(".check", token=token), code=303)
        if framework.completed_at is None:
            mark_completed(framework.id)
            flash("yes", JUST_MADE)  # the page it lands on offers sharing first
        return redirect(url_for("framework.show", token=token), code=303)

    completed = submit(form, save)
    if completed is not None:
        flash("Your framework is ready. Bookmark this page: its address is your private link.")
        return completed

    if reviewed is None:
        reviewed = wizard.review(answers, meta={"csrf": False})
    sections = [(current, answer_rows(saved)) for current, saved, _valid in reviewed]
    form.checked.data = "" if invalid else proof(answers, terms, library)
    return render_template(
        "wizard/check.html",
        form=form,
        sections=sections,
        invalid=invalid,
        token=token,
        framework=framework,
        back_url=url_for(".step", token=token, step=wizard.active(answers)[-1].name),
    )
