"""Helpers that templates use to show a form's errors the same way everywhere."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import wtforms
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import Field, Form, ValidationError

from wizard.field_copies import PrototypeMeta
from wizard.writes import EXPIRED_MESSAGE, refusal

GROUP_TYPES = ("RadioField", "MultiCheckboxField")


class MaxLength:
    """At most ``limit`` characters, said in Byline's words with the numbers.

    Unlike WTForms' ``Length`` it sets no ``maxlength`` on the input, so a
    browser never cuts what a person typed or pasted: the page shows the
    limit and a count, and the server says what is too long. ``name`` is how
    the message calls the field ("Your role"), or a function of the field.
    """

    def __init__(self, limit: int, name: str | Callable[[Field], str]) -> None:
        self.limit = limit
        self.name = name

    def __call__(self, form: Form, field: Field) -> None:
        length = len(field.data or "")
        if length > self.limit:
            name = self.name(field) if callable(self.name) else self.name
            raise ValidationError(too_long(name, self.limit, length))


def too_long(name: str, limit: int, length: int) -> str:
    """“Theme 1 must be 80 characters or fewer; it has 95.”"""
    return f"{name} must be {limit} characters or fewer; it has {length}."


def length_limit(field: Field) -> int | None:
    """The most characters a field takes, for the limit and count shown with it."""
    for validator in getattr(field, "validators", ()):
        if isinstance(validator, MaxLength):
            return validator.limit
    return None


@functools.cache
def default_message_patterns() -> tuple[re.Pattern[str], ...]:
    """WTForms' and Flask-WTF's own English messages, as patterns.

    Read from the catalogue WTForms ships for translators, so a message a
    new WTForms adds is known too.
    """
    catalogue = Path(wtforms.__file__).parent / "locale" / "wtforms.pot"
    messages = re.findall(r'^msgid(?:_plural)? "(.+)"$', catalogue.read_text(), re.MULTILINE)
    messages += [
        "The CSRF token is missing.",
        "The CSRF token is invalid.",
        "The CSRF token has expired.",
        "The CSRF tokens do not match.",
        "The CSRF session token is missing.",
    ]
    placeholder = re.compile(r"%(?:\(\w+\))?[sd]")
    patterns = []
    for message in messages:
        parts = placeholder.split(message)
        patterns.append(re.compile(".+?".join(re.escape(part) for part in parts)))
    return tuple(patterns)


def is_default_message(message: str) -> bool:
    """Whether a message is one of WTForms' or Flask-WTF's defaults."""
    return any(pattern.search(message) for pattern in default_message_patterns())


def leaf_fields(form: Form) -> Iterator[Field]:
    """Every field of a form, those inside lists and sub-forms included."""
    for field in form:
        if field.type == "FieldList":
            for entry in field.entries:
                if hasattr(entry, "form"):
                    yield from leaf_fields(entry.form)
                else:
                    yield entry
        elif field.type == "FormField":
            yield from leaf_fields(field.form)
        else:
            yield field


def byline_message(field: Field, message: str) -> str:
    """A WTForms default message said again in Byline's words, naming the field."""
    label = field.label.text if field.label else field.name
    if field.type == "DateField":
        return f"“{label}”: enter a date, for example 2026-03-02"
    if field.type == "TimeField":
        return f"“{label}”: enter a time in hours and minutes, for example 08:30"
    if "choice" in message.lower():
        return f"“{label}”: choose one of the answers offered"
    if "required" in message.lower():
        return f"“{label}”: enter an answer"
    length = re.search(r"longer than (\d+)", message)
    if length:
        return too_long(f"“{label}”", int(length.group(1)), len(field.data or ""))
    return f"“{label}”: check this answer"


class TypedTextMeta(PrototypeMeta):
    """A form ``Meta`` that reads what was sent without NUL characters: no one
    types one, a paste can carry one, and PostgreSQL refuses it in any text
    column (SQLite keeps it, so the two databases would disagree)."""

    def wrap_formdata(self, form, formdata):
        data = super().wrap_formdata(form, formdata)
        if data is None or not hasattr(data, "items"):
            return data
        pairs = list(data.items(multi=True)) if hasattr(data, "getlist") else list(data.items())
        if not any(isinstance(value, str) and "\x00" in value for _, value in pairs):
            return data  # nearly always: the request's own data, untouched
        return MultiDict(
            (key, value.replace("\x00", "") if isinstance(value, str) else value)
            for key, value in pairs
        )


class BylineForm(FlaskForm):
    """Every form in Byline: its messages are in Byline's words, and it
    refuses to validate when the request may not write (a bad CSRF token, a
    foreign Referer, a busy database; see `wizard.writes`), saying why above
    what the person typed. Its fields are copies of one built per process
    (`wizard.field_copies`), and it reads no NUL character (`TypedTextMeta`)."""

    Meta = TypedTextMeta

    def validate(self, extra_validators=None) -> bool:
        """Validate as usual, unless this request's write was refused; any
        message that is still WTForms' own is said in Byline's words."""
        message = refusal()
        if message is not None:
            self.form_errors.append(message)
            return False
        valid = super().validate(extra_validators)
        for field in leaf_fields(self):
            if field.type == "CSRFTokenField":
                continue  # error_links explains an expired page in its own words
            if isinstance(field.errors, list):  # in place: lists and sub-forms hold it too
                field.errors[:] = [
                    byline_message(field, e) if isinstance(e, str) and is_default_message(e) else e
                    for e in field.errors
                ]
        return valid

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
