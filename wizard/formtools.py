"""Helpers that templates use to show a form's errors the same way everywhere."""

from __future__ import annotations

from flask import g
from flask_wtf import FlaskForm
from wtforms import Form

EXPIRED_MESSAGE = (
    "This page was open for a long time, so your answers could not be saved yet. "
    "They are still here: check them and send the form again."
)
GROUP_TYPES = ("RadioField", "MultiCheckboxField")


BUSY_MESSAGE = (
    "Byline is very busy and could not save this just now. Nothing you entered is lost: "
    "send the form again in a moment."
)


class BylineForm(FlaskForm):
    """Every form in Byline: refuses to validate while the database is busy,
    so that a page shown again after a refused write never writes itself."""

    def validate(self, extra_validators=None) -> bool:
        """Validate as usual, unless this request is being answered as busy."""
        if g.get("database_busy"):
            self.form_errors.append(BUSY_MESSAGE)
            return False
        return super().validate(extra_validators)

    def refuse(self, message: str) -> None:
        """Show a message about the whole form in its error summary."""
        self.form_errors.append(message)


def field_anchor(field) -> str:
    """The id an error-summary link should jump to for this field."""
    return f"{field.id}-0" if field.type in GROUP_TYPES else field.id


def error_links(form: Form) -> list[tuple[str, str]]:
    """(anchor id, message) for every field with an error, in page order."""
    links: list[tuple[str, str]] = [("submit", e) for e in getattr(form, "form_errors", ())]
    for field in form:
        if not field.errors:
            continue
        if field.type == "CSRFTokenField":
            links.append(("submit", EXPIRED_MESSAGE))
        elif field.type == "FieldList":
            per_entry = [e for e in field.errors if isinstance(e, dict)]
            for entry, errors in zip(field.entries, per_entry, strict=False):
                for subfield in entry.form:
                    if errors.get(subfield.short_name):
                        links.append((subfield.id, subfield.errors[0]))
            links.extend((field.id, e) for e in field.errors if isinstance(e, str))
        else:
            links.append((field_anchor(field), field.errors[0]))
    return links


def first_error(field) -> str | None:
    """The message to show beside a field (the first of its errors)."""
    for error in field.errors or ():
        if isinstance(error, str):
            return error
    return None
