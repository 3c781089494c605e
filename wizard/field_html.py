"""A whole form field written in Python: label, hint, error, input, count.

Every field of the site goes through one shape (``render_field`` in
``templates/_forms.html``): a label or legend, its hint, its error, the input
or the group of radio buttons or checkboxes, and the count of characters
under a text box. Written as nested Jinja macros, that shape cost a step page
most of its time: the situations step called about 170 macros per request to
write twenty radio groups. Here the same markup comes from f-strings over
plain data (`wizard.form_html.choice_items`), with every value escaped as
Jinja's autoescape would escape it.

A field once written is kept in this process (the most recent 2,048; none
over 8 KB but a drop-down list, as long as its options) under everything
its markup is made from: its kind, id, name, words, value, errors, flags
and options. A first visit's fields are the same
for everyone who sees the step with the same answers so far (empty boxes,
the approaches a field starts on), so most are written once per process.

``tests/test_field_html.py`` checks the output against the macros' markup
for every kind of field, with and without hints, errors and limits.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping

from markupsafe import Markup, escape
from wtforms import Field, SelectChoice, SelectField, SelectMultipleField

from wizard.form_html import ChoiceItem, choice_flags, choice_items, options_serial, select_html
from wizard.formtools import GROUP_TYPES, first_error, length_limit
from wizard.hyphens import soft_hyphens
from wizard.recent import Recent

KEPT_FIELDS = 2048  # fields per process, written: 0.3 to 4 KB each
KEPT_SIZE = 8192  # a field written longer than this (a pasted essay) is not kept
# A drop-down list is as long as its options (the countries: about 10 KB), none
# of them typed: kept up to this size, each once per list and chosen value.
KEPT_LIST_SIZE = 32768


def described_by(field: Field) -> str:
    """The ids of the hint, error and count that describe a field, in that order."""
    ids = []
    if field.description:
        ids.append(f"{field.id}-hint")
    if first_error(field):
        ids.append(f"{field.id}-error")
    if length_limit(field):
        ids.append(f"{field.id}-count")
    return " ".join(ids)


def hint_html(field: Field) -> Markup:
    """The field's hint paragraph, if it has one."""
    if not field.description:
        return Markup()
    return Markup(f'<p class="hint" id="{escape(field.id)}-hint">{escape(field.description)}</p>')


def error_html(field: Field) -> Markup:
    """The field's error, announced as one, if it has one."""
    message = first_error(field)
    if not message:
        return Markup()
    return Markup(
        f'<p class="error-message" id="{escape(field.id)}-error">'
        f'<span class="visually-hidden">Error:</span> {escape(message)}</p>'
    )


def count_html(field: Field, limit: int | None = None) -> Markup:
    """How many characters a text field takes and how many are typed
    (``static/forms.js`` keeps it up to date while the person types)."""
    limit = limit or length_limit(field)
    if not limit:
        return Markup()
    typed = len(field.data or "")
    if typed > limit:
        words = f"{typed:,} characters: {typed - limit:,} too many (up to {limit:,})"
        over = " char-count-over"
    else:
        words, over = f"Up to {limit:,} characters", ""
    return Markup(
        f'<p class="char-count{over}" id="{escape(field.id)}-count" '
        f'data-limit="{limit}" data-for="{escape(field.id)}">{words}</p>'
    )


def choice_inputs_html(
    field: Field,
    items: Iterable[ChoiceItem],
    hints: Mapping[str, str] | None = None,
    label: Callable[[str], str] = str,
) -> Markup:
    """Radio buttons or checkboxes, each in its ``div.choice`` with its label
    (and the option's hint under it, where ``hints`` has one)."""
    flags = choice_flags(field)
    kind = "checkbox" if field.type == "MultiCheckboxField" else "radio"
    before = ' class="choice-input"' + (" disabled" if flags.get("disabled") else "")
    after = (" required" if flags.get("required") else "") + f' type="{kind}"'
    name = escape(field.name)
    parts = []
    for item in items:
        item_id = escape(item.id)
        hint = hints.get(item.value) if hints else None
        extra = f'\n<span class="choice-hint">{escape(hint)}</span>' if hint else ""
        parts.append(
            f'<div class="choice"><input{" checked" if item.checked else ""}{before} '
            f'id="{item_id}" name="{name}"{after} value="{escape(item.value)}">\n'
            f'<label for="{item_id}" class="choice-label">'
            f"{escape(label(item.label))}{extra}</label></div>"
        )
    return Markup("\n".join(parts))


_kept: Recent[tuple, str] = Recent(KEPT_FIELDS)


def _keep(key: tuple, html: str, most: int = KEPT_SIZE) -> None:
    """Keep a written field unless it is unusually long for its kind."""
    if len(html) <= most:
        _kept.put(key, html)


def forget_fields() -> None:
    """Forget every kept field."""
    _kept.clear()


def _value_and_label(choice: object) -> tuple:
    """A choice's value and label, from a ``SelectChoice``, a pair or a value."""
    if isinstance(choice, SelectChoice):
        return (choice.value, choice.label)
    if isinstance(choice, tuple):
        return choice[:2]
    return (choice, None)


def group_key(field: Field, *options: Hashable) -> tuple | None:
    """Everything a group's markup is made from, or None where its choices are
    not plain (value, label) pairs."""
    choices = field.choices
    if not isinstance(choices, list | tuple):
        return None  # a dict of groups or a function: rare, and written afresh
    return (
        field.type,
        field.id,
        field.name,
        field.label.text,
        field.description,
        tuple(_value_and_label(c) for c in choices),  # all a radio or checkbox shows
        repr(field.data),
        tuple(str(e) for e in field.errors),
        tuple(choice_flags(field).items()),
        *options,
    )


def group_html(
    field: Field,
    *,
    big_label: bool = False,
    hints: Mapping[str, str] | None = None,
    label: Callable[[str], str] = str,
    outer_class: str = "field",
) -> str:
    """A radio or checkbox group: legend, hint, error and every choice in a
    fieldset; kept once written, by everything it is made from (many people's
    steps hold the same groups, ticked the same way)."""
    hint_items = tuple(hints.items()) if hints else ()
    key = group_key(field, big_label, hint_items, label, outer_class)
    try:
        kept = _kept.get(key) if key is not None else None
    except TypeError:  # a value that cannot be a key: write it afresh
        key = kept = None
    if kept is None:
        kept = _write_group(field, big_label, hints, label, outer_class)
        if key is not None:
            _keep(key, kept)
    return kept


def _write_group(
    field: Field,
    big_label: bool,
    hints: Mapping[str, str] | None,
    label: Callable[[str], str],
    outer_class: str,
) -> str:
    """A group's markup, written afresh (see `group_html`)."""
    error_class = " field-error" if field.errors else ""
    describe = ""
    if field.description or field.errors:
        describe = f' aria-describedby="{escape(described_by(field))}"'
    kind = "checkboxes" if field.type == "MultiCheckboxField" else "radios"
    return (
        f'<div class="{outer_class}{error_class}">\n'
        f'<fieldset class="choices"{describe}>\n'
        f'<legend class="{"label-big" if big_label else "label"}">'
        f"{escape(field.label.text)}</legend>\n"
        f"{hint_html(field)}\n{error_html(field)}\n"
        f'<div class="{kind}">\n'
        f"{choice_inputs_html(field, choice_items(field), hints, label)}\n</div>\n"
        "</fieldset>\n</div>"
    )


def _input_key(field: Field, *options: Hashable) -> tuple:
    """Everything a text box's markup is made from: its kind and widget, words,
    value as typed and as read, errors, validation flags and extra attributes."""
    return (
        type(field),
        type(field.widget),
        field.id,
        field.name,
        field.label.text,
        field.description,
        field._value() if hasattr(field, "_value") else None,  # a list has none
        repr(field.data),
        tuple(map(str, field.errors)),
        tuple(sorted(vars(field.flags).items())),
        repr(field.render_kw),
        *options,
    )


def input_html(field: Field, *, big_label: bool = False, list: str | None = None) -> str:
    """A text box, text area, date or drop-down list with its label, hint,
    error and character count; a text box is kept once written, by everything
    it is made from (a first visit's empty boxes are the same for everyone)."""
    listed = _is_list(field)
    if not (listed or hasattr(field, "_value")):
        return _write_input(field, big_label, list)
    try:
        # a list is known by its options too (each list of choices has its own serial)
        options = options_serial(field) if listed else None
        key = _input_key(field, big_label, list, options)
        kept = _kept.get(key)
    except TypeError:  # a value that cannot be a key: write it afresh
        return _write_input(field, big_label, list)
    if kept is None:
        kept = _write_input(field, big_label, list)
        _keep(key, kept, KEPT_LIST_SIZE if listed else KEPT_SIZE)
    return kept


def _write_input(field: Field, big_label: bool, list: str | None) -> str:
    """A text box's or list's markup, written afresh (see `input_html`)."""
    extra: dict[str, str] = {}
    limit = length_limit(field)
    if field.description or field.errors or limit:
        extra["aria-describedby"] = described_by(field)
    if field.errors:
        extra["aria-invalid"] = "true"
    if list:
        extra["list"] = list
    if _is_list(field):
        control = select_html(field, class_="input", **extra)
    else:
        control = field(class_="input", **extra)
    return (
        f'<div class="field{" field-error" if field.errors else ""}">\n'
        f'<label for="{escape(field.id)}" class="{"label-big" if big_label else "label"}">'
        f"{escape(field.label.text)}</label>\n"
        f"{hint_html(field)}\n{error_html(field)}\n{control}\n{count_html(field, limit)}\n</div>"
    )


def _is_list(field: Field) -> bool:
    """A drop-down list of one choice (written by `select_html`)."""
    return isinstance(field, SelectField) and not isinstance(field, SelectMultipleField)


def field_html(
    field: Field,
    big_label: bool = False,
    hints: Mapping[str, str] | None = None,
    list: str | None = None,
) -> Markup:
    """Any field of a form, as ``render_field`` writes it."""
    if field.type in GROUP_TYPES:
        return Markup(group_html(field, big_label=big_label, hints=hints))
    return Markup(input_html(field, big_label=big_label, list=list))


def checkbox_html(field: Field) -> Markup:
    """One checkbox on its own, its label beside it and its hint below, kept
    once written like a text box."""
    try:
        key = _input_key(field, "checkbox")
        kept = _kept.get(key)
    except TypeError:  # a value that cannot be a key: write it afresh
        return Markup(_write_checkbox(field))
    if kept is None:
        kept = _write_checkbox(field)
        _keep(key, kept)
    return Markup(kept)


def _write_checkbox(field: Field) -> str:
    control = field(class_="choice-input", **{"aria-describedby": f"{field.id}-hint"})
    return (
        '<div class="field">\n<div class="choice">\n'
        f"{control}\n"
        f'<label class="choice-label" for="{escape(field.id)}">{escape(field.label.text)}</label>\n'
        "</div>\n"
        f'<p class="hint" id="{escape(field.id)}-hint">{escape(field.description)}</p>\n</div>'
    )


def scale_html(field: Field) -> Markup:
    """One of the tone step's scales: a radio group whose long words may break
    with a hyphen in a phone's narrow columns."""
    return Markup(group_html(field, label=soft_hyphens, outer_class="scale field"))
