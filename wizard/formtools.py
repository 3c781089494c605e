"""Helpers that templates use to show a form's errors the same way everywhere."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import Form

from wizard.writes import EXPIRED_MESSAGE, refusal

GROUP_TYPES = ("RadioField", "MultiCheckboxField")


class BylineForm(FlaskForm):
    """Every form in Byline: refuses to validate when the request may not
    write (a bad CSRF token, a foreign Referer, a busy database; see
    `wizard.writes`), saying why above what the person typed."""

    def validate(self, extra_validators=None) -> bool:
        """Validate as usual, unless this request's write was refused."""
        message = refusal()
        if message is not None:
            self.form_errors.append(message)
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
