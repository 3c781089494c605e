"""A small wizard engine: a step is a name, a title and a form.

The engine knows no product step and no storage. It is given the answers
stored so far (a mapping of step name to the step's saved data) and tells
which steps are active, which a person may visit, what comes next, and which
saved answers are no longer valid.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from wtforms import DateField, Form, SelectField, TimeField

from wizard.form_html import choice_labels

Answers = Mapping[str, Mapping[str, Any]]


@dataclass(frozen=True)
class Step:
    """One wizard page.

    ``prepare(form, answers)`` fills choices that depend on earlier answers;
    ``initial(answers)`` gives the data a first visit starts from;
    ``condition(answers)`` decides whether the step applies at all;
    ``form_for(answers)`` picks a form class of the person's own (say, only
    the questions that apply to them) instead of ``form``.
    """

    name: str
    title: str
    form: type[Form]
    prepare: Callable[[Form, Answers], None] | None = None
    initial: Callable[[Answers], dict[str, Any]] | None = None
    condition: Callable[[Answers], bool] | None = None
    form_for: Callable[[Answers], type[Form]] | None = None

    def applies(self, answers: Answers) -> bool:
        """Whether this step is part of the wizard for these answers."""
        return self.condition is None or self.condition(answers)

    def form_class(self, answers: Answers) -> type[Form]:
        """The form this step asks with, for these answers."""
        return self.form_for(answers) if self.form_for else self.form


def form_answers(form: Form) -> dict[str, Any]:
    """A validated form's data as JSON-safe values (CSRF token left out)."""

    def plain(value: Any) -> Any:
        if isinstance(value, date | time):
            return (
                value.isoformat(timespec="minutes")
                if isinstance(value, time)
                else value.isoformat()
            )
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items() if k != "csrf_token"}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    return plain({name: field.data for name, field in form._fields.items()})


def stored_form_data(form_class: type[Form], stored: Mapping[str, Any]) -> dict[str, Any]:
    """Saved answers turned back into the values a form's fields expect."""
    data = dict(stored)
    parsers = {DateField: date.fromisoformat, TimeField: time.fromisoformat}
    for name, unbound in form_class.__dict__.items():
        parse = parsers.get(getattr(unbound, "field_class", None))
        if parse and isinstance(data.get(name), str):
            try:
                data[name] = parse(data[name])
            except ValueError:
                data[name] = None
    return data


class Wizard:
    """An ordered set of steps over stored answers."""

    def __init__(self, steps: Sequence[Step]):
        names = [step.name for step in steps]
        if len(names) != len(set(names)):
            raise ValueError("step names must be unique")
        self.steps = tuple(steps)

    def get(self, name: str) -> Step | None:
        """The step with this name, or None."""
        return next((step for step in self.steps if step.name == name), None)

    def active(self, answers: Answers) -> list[Step]:
        """The steps that apply to these answers, in order."""
        return [step for step in self.steps if step.applies(answers)]

    def first_unanswered(self, answers: Answers) -> Step | None:
        """The first active step without a saved answer."""
        return next((s for s in self.active(answers) if s.name not in answers), None)

    def may_visit(self, name: str, answers: Answers) -> bool:
        """A step may be visited once every active step before it is answered."""
        for step in self.active(answers):
            if step.name == name:
                return True
            if step.name not in answers:
                return False
        return False

    def position(self, name: str, answers: Answers) -> tuple[int, int]:
        """(number of this step, number of steps) for "Step 2 of 6"."""
        names = [step.name for step in self.active(answers)]
        return names.index(name) + 1, len(names)

    def next_after(self, name: str, answers: Answers) -> Step | None:
        """The active step after this one, or None after the last."""
        names = [step.name for step in self.active(answers)]
        index = names.index(name)
        return self.active(answers)[index + 1] if index + 1 < len(names) else None

    def previous_before(self, name: str, answers: Answers) -> Step | None:
        """The active step before this one, or None for the first."""
        active = self.active(answers)
        index = [step.name for step in active].index(name)
        return active[index - 1] if index > 0 else None

    def build_form(self, step: Step, answers: Answers, formdata=None, **kwargs) -> Form:
        """The step's form, filled from the request or from saved answers."""
        form_class = step.form_class(answers)
        if formdata is not None:
            form = form_class(formdata=formdata, **kwargs)
        else:
            saved = answers.get(step.name)
            if saved is not None:
                data = stored_form_data(form_class, saved)
            else:
                data = step.initial(answers) if step.initial else {}
            form = form_class(formdata=None, data=data, **kwargs)
        if step.prepare:
            step.prepare(form, answers)
        return form

    def review(self, answers: Answers, **kwargs) -> list[tuple[Step, Form | None, bool]]:
        """Each active step, the form its saved answers fill (None when it has
        none) and whether they are still valid: all a check page needs, with
        each form built once."""
        reviewed = []
        for step in self.active(answers):
            if step.name not in answers:
                reviewed.append((step, None, False))
                continue
            form = self.build_form(step, answers, **kwargs)
            reviewed.append((step, form, form.validate()))
        return reviewed

    def invalid_steps(self, answers: Answers, **kwargs) -> list[Step]:
        """Active steps whose saved answers are missing or no longer valid."""
        return [step for step, _form, valid in self.review(answers, **kwargs) if not valid]


def answer_rows(form: Form) -> list[tuple[str, str | list[str]]]:
    """(question, answer in words) for a check-your-answers page.

    An answer is a string, or a list of strings for an answer of several
    items. A form may define ``summary_rows()`` to describe itself; otherwise
    each visible field is shown with the labels of the choices made.
    """
    custom = getattr(form, "summary_rows", None)
    if custom:
        return custom()
    return field_rows(form)


def field_rows(form: Form, skip: Sequence[str] = ()) -> list[tuple[str, str | list[str]]]:
    """(label, value in words) for each visible field of a form, in order."""
    rows: list[tuple[str, str | list[str]]] = []
    for field in form:
        if field.type in ("CSRFTokenField", "HiddenField") or field.short_name in skip:
            continue
        shown = field_words(field)
        rows.append((field.label.text, shown or "Not answered"))
    return rows


def field_words(field) -> str | list[str]:
    """A field's value as a person would say it: never a Python representation."""
    if field.type == "FieldList":
        items = []
        for entry in field.entries:
            subform = getattr(entry, "form", None)
            if subform is None:
                items.append(str(field_words(entry)))
                continue
            parts = [f"{label}: {value}" for label, value in field_rows(subform)]
            items.append("; ".join(parts))
        return [item for item in items if item]
    if hasattr(field, "iter_choices"):
        if isinstance(field, SelectField):  # labels by value, kept per list of choices
            choices = choice_labels(field)
        else:
            choices = {str(value): label for value, label, *_ in field.iter_choices()}
        values = field.data if isinstance(field.data, list) else [field.data]
        return ", ".join(choices.get(str(v), str(v)) for v in values if v not in (None, ""))
    if isinstance(field.data, bool):
        return "Yes" if field.data else "No"
    if isinstance(field.data, date):
        return f"{field.data.day} {field.data:%B %Y}"
    if isinstance(field.data, time):
        return field.data.strftime("%H:%M")
    return "" if field.data is None else str(field.data)
