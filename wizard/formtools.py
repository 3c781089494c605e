"""Helpers that templates use to show a form's errors the same way everywhere."""

from __future__ import annotations

from wtforms import Form

EXPIRED_MESSAGE = (
    "This page was open for a long time, so your answers could not be saved yet. "
    "They are still here: check them and send the form again."
)
GROUP_TYPES = ("RadioField", "MultiCheckboxField")


def field_anchor(field) -> str:
    """The id an error-summary link should jump to for this field."""
    return f"{field.id}-0" if field.type in GROUP_TYPES else field.id


def error_links(form: Form) -> list[tuple[str, str]]:
    """(anchor id, message) for every field with an error, in page order."""
    links: list[tuple[str, str]] = []
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
