"""Planning the next period from the review point: what it carries forward.

The answers carry forward (the themes the person keeps, their tone, their
channels, their playbook), marks on ideas stay, ideas marked used are left
out of the next calendar, and when enough ideas were used the next comfort
rung is offered. What the person noted is kept with the framework and shown
at the next review.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from wtforms import BooleanField, TextAreaField
from wtforms.validators import Optional

from models.frameworks import Framework
from wizard.formtools import BylineForm, MaxLength
from wizard.generators.outline import next_monday
from wizard.generators.plan import USED, Plan

NOTE_LENGTH = 600
KEPT_NOTES = 6


class NextPeriodForm(BylineForm):
    """What the person noted, which themes to keep, and whether to step up."""

    conversations = TextAreaField(
        "Which posts started conversations?",
        validators=[Optional(), MaxLength(NOTE_LENGTH, "What started conversations")],
    )
    easy = TextAreaField(
        "What felt easy?",
        validators=[Optional(), MaxLength(NOTE_LENGTH, "What felt easy")],
    )
    drop = TextAreaField(
        "What will you drop?",
        validators=[Optional(), MaxLength(NOTE_LENGTH, "What you will drop")],
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
    # The plan may run the themes in another order than the rows (see
    # plan.arrange_themes): a theme is found by its title, not its number.
    kept_titles = {theme.title for theme in plan.outline if form.kept.get(theme.number, True)}

    def title(row: dict[str, Any]) -> str:
        return " ".join(str(row.get("title") or "").split())

    for row in rows:
        if row.get("include") and title(row) not in kept_titles:
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
