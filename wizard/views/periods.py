"""The review point's action: plan the next period from what this one taught.

The answers carry forward (the themes the person keeps, their tone, their
channels, their playbook), marks on ideas stay, ideas marked used are left
out of the next calendar, and when enough ideas were used the next comfort
rung is offered. What the person noted is kept with the framework and shown
at the next review.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flask import Blueprint, flash, redirect, request, url_for
from wtforms import BooleanField, TextAreaField
from wtforms.validators import Length, Optional

from models.frameworks import Framework
from wizard.forms import MIN_THEMES
from wizard.formtools import BylineForm
from wizard.generators.outline import next_monday
from wizard.generators.plan import USED, Plan
from wizard.generators.themes import chosen_rows
from wizard.plans import plan_for
from wizard.views.framework import completed_framework_or_404, show_page
from wizard.writes import submit

bp = Blueprint("periods", __name__, url_prefix="/f/<token>")
NOTE_LENGTH = 600
KEPT_NOTES = 6


class NextPeriodForm(BylineForm):
    """What the person noted, which themes to keep, and whether to step up."""

    conversations = TextAreaField(
        "Which posts started conversations?",
        validators=[Optional(), Length(max=NOTE_LENGTH, message="Keep this under 600 characters")],
    )
    easy = TextAreaField(
        "What felt easy?",
        validators=[Optional(), Length(max=NOTE_LENGTH, message="Keep this under 600 characters")],
    )
    drop = TextAreaField(
        "What will you drop?",
        validators=[Optional(), Length(max=NOTE_LENGTH, message="Keep this under 600 characters")],
    )
    step_up = BooleanField("Move up a rung")


def review_form(plan: Plan, formdata=None) -> NextPeriodForm:
    """The form with one "keep" box per theme, ticked unless the person unticks it."""
    form = NextPeriodForm(formdata=formdata) if formdata is not None else NextPeriodForm()
    form.themes = plan.outline
    form.kept = {
        theme.number: (formdata is None or formdata.get(f"keep-{theme.number}") == "yes")
        for theme in plan.outline
    }
    return form


def next_start(plan: Plan, today: date) -> date:
    """The next period starts the day after this one ends, or next Monday if that has passed."""
    after = plan.end + timedelta(days=1)
    return after if after > today else next_monday(today)


def carry_forward(
    framework: Framework, plan: Plan, form: NextPeriodForm, today: date
) -> dict[str, Any]:
    """The answers for the next period (changes the framework; returns the new themes answer)."""
    answers = framework.answer_map()
    themes = dict(answers.get("themes", {}))
    rows = [dict(row) for row in themes.get("themes") or []]
    chosen = chosen_rows(rows)
    kept_titles = {
        str(row.get("title")) for number, row in enumerate(chosen, start=1) if form.kept[number]
    }
    for row in rows:
        if row.get("include") and str(row.get("title")) not in kept_titles:
            row["include"] = False
    themes["themes"] = rows
    themes["start_date"] = next_start(plan, today).isoformat()
    framework.save_answer("themes", themes)

    review = dict(answers.get("review", {}))
    used = {key for key, state in framework.marks().items() if state == USED}
    review["retired"] = sorted(set(review.get("retired") or ()) | used)
    review["period"] = plan.period + 1
    note = {
        "period": plan.period,
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "conversations": (form.conversations.data or "").strip(),
        "easy": (form.easy.data or "").strip(),
        "drop": (form.drop.data or "").strip(),
    }
    review["notes"] = [*(review.get("notes") or ())][-(KEPT_NOTES - 1) :] + [note]
    framework.save_answer("review", review)

    if form.step_up.data and plan.review and plan.review.offer_rung:
        comfort = dict(answers.get("comfort", {}))
        comfort["rung"] = plan.review.offer_rung
        framework.save_answer("comfort", comfort)
    return themes


@bp.post("/next-period")
def next_period(token: str):
    """Plan the next period: a new outline and calendar from the same framework."""
    framework = completed_framework_or_404(token)
    plan = plan_for(framework)
    form = review_form(plan, request.form)
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
        return redirect(url_for("framework.show", token=token, _anchor="outline-title"), 303)

    done = submit(form, save)
    if done is not None:
        flash(
            "Your next period is planned: the outline and calendar below are new. "
            "Ideas you used are left out; your marks on the others stay."
        )
        return done
    return show_page(framework, token, review=form), 400
