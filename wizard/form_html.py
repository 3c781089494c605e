"""Choice groups and drop-down lists rendered from plain data, not widgets.

WTForms renders a radio button, checkbox or ``<option>`` by building a
sub-field or a ``Choice`` for each one and calling its widget: on the themes
step that is about a thousand options (countries, regions, time zones, and
each theme's period and place) and on the tone and situations steps 40 to 80
inputs. Here the same markup comes from plain data:

- `choice_items` gives a radio or checkbox group's inputs as plain tuples
  (id, value, label, ticked) that ``templates/_forms.html`` writes out;
- `select_html` writes a ``<select>`` whose options were rendered once per
  list of choices (the lists are built once per process and never changed in
  place) and only marks the selected one on each request.

The output is the markup WTForms' own widgets give for the same field, byte
for byte (``tests/test_form_html.py`` compares them on every step's fields).
"""

from __future__ import annotations

import functools
import itertools
import threading
from collections.abc import Sequence
from itertools import groupby
from operator import attrgetter
from typing import Any, NamedTuple

from markupsafe import Markup, escape
from wtforms import Field, SelectMultipleField

from wizard.html_params import html_params

# The flags a ``<select>`` takes from its validators, as WTForms' Select widget does.
SELECT_FLAGS = ("required", "disabled")
CACHE_SIZE = 64
LONG_LIST = 32  # choices worth keeping labels of (a radio group's few are not)
LISTS_PER_OPTIONS = 64  # whole lists kept per list of options (one per value chosen, mostly)


class ChoiceItem(NamedTuple):
    """One radio button or checkbox of a group, as the template writes it."""

    id: str
    value: str
    label: str
    checked: bool


class _Options(NamedTuple):
    """A list of choices rendered once: the options unselected, the
    ``<optgroup>`` tags between them, and where each choice's option is; an
    option's selected form is made the first time it is needed."""

    choices: object  # the list the parts were made from (kept, so its id stays unique)
    normalized: list  # WTForms' SelectChoice for each choice
    parts: tuple[str, ...]
    selected: dict[int, str]  # choice index -> its option, selected
    positions: tuple[int, ...]  # index in ``parts`` of each choice's option
    values: tuple[Any, ...]  # each choice's value, as the field's ``coerce`` gives it
    coerce: Any
    lists: dict[tuple, Markup]  # whole ``<select>`` elements written from these options
    serial: int  # this list's own number in the process (ids of lists may be reused)

    def chosen(self, data: Any) -> list[int]:
        """The indices of the choices whose value is ``data``."""
        return [i for i, value in enumerate(self.values) if value == data]

    def selected_option(self, index: int) -> str:
        """The option of choice ``index``, marked selected."""
        option = self.selected.get(index)
        if option is None:
            c = self.normalized[index]
            option = self.selected[index] = _option(c.value, c.label, c.render_kw, True)
        return option


_rendered: dict[int, _Options] = {}
_serials = itertools.count()
_lock = threading.Lock()


def _normalized(field: Field) -> list:
    """The field's choices as WTForms' ``SelectChoice`` list (value, label,
    render_kw, optgroup), as its widgets see them."""
    return field._choices_from_input(field.choices) or []


def choice_items(field: Field) -> list[ChoiceItem]:
    """The inputs of a radio or checkbox group: what iterating the field gives
    (ids ``<field id>-<n>``, values as text, each label, ticked or not)."""
    data = field.data
    coerce = field.coerce
    if isinstance(field, SelectMultipleField):
        chosen = data or ()

        def ticked(value):
            return coerce(value) in chosen
    else:

        def ticked(value):
            return coerce(value) == data

    return [
        ChoiceItem(f"{field.id}-{n}", str(c.value), c.label or c.value, ticked(c.value))
        for n, c in enumerate(_normalized(field))
    ]


def choice_flags(field: Field) -> dict[str, Any]:
    """The attributes every input of a group takes from the field's validators
    (``required``, ``disabled``), as WTForms' radio and checkbox widgets add them."""
    flags = field.flags
    return {name: getattr(flags, name) for name in SELECT_FLAGS if getattr(flags, name, False)}


def _option(value: Any, label: Any, render_kw: dict | None, selected: bool) -> str:
    """One ``<option>``, as WTForms' ``Select.render_option`` writes it."""
    if isinstance(value, bool):
        value = str(value)
    attrs = {"value": value, **(render_kw or {})}
    if selected:
        attrs["selected"] = True
    return f"<option {html_params(**attrs)}>{escape(label or value)}</option>"


def _render_options(choices: object, field: Field) -> _Options:
    """Every option of a list of choices, unselected and selected, with the
    ``<optgroup>`` tags WTForms puts around grouped choices."""
    normalized = _normalized(field)
    parts: list[str] = []
    positions: list[int] = []
    grouped = any(c.optgroup is not None for c in normalized)
    groups = groupby(normalized, key=attrgetter("optgroup")) if grouped else [(None, normalized)]
    for group, members in groups:
        if group is not None:
            parts.append(f"<optgroup {html_params(label=group)}>")
        for c in members:
            positions.append(len(parts))
            parts.append(_option(c.value, c.label, c.render_kw, False))
        if group is not None:
            parts.append("</optgroup>")
    values = tuple(field.coerce(c.value) for c in normalized)
    return _Options(
        choices,
        normalized,
        tuple(parts),
        {},
        tuple(positions),
        values,
        field.coerce,
        {},
        next(_serials),
    )


def _options_for(field: Field) -> _Options:
    """The rendered options of the field's list of choices, made once per list."""
    choices = field.choices
    cached = _rendered.get(id(choices))
    if cached is None or cached.choices is not choices or cached.coerce is not field.coerce:
        _make_room(_rendered)
        cached = _rendered[id(choices)] = _render_options(choices, field)
    return cached


def options_serial(field: Field) -> int:
    """The number of the field's list of choices in this process: the same
    for as long as the field offers the same list object."""
    return _options_for(field).serial


def _make_room(cache: dict) -> None:
    """Forget the oldest entry of a full cache (threads may share it)."""
    with _lock:
        if len(cache) >= CACHE_SIZE:
            cache.pop(next(iter(cache), None), None)


_labels: dict[int, tuple[object, dict[str, Any]]] = {}


def choice_labels(field: Field) -> dict[str, Any]:
    """Each choice's label by its value as text, made once per list of choices:
    how a check-your-answers page names a choice without building a
    ``Choice`` for each of a thousand options."""
    choices = field.choices
    cached = _labels.get(id(choices))
    if cached is not None and cached[0] is choices:
        return cached[1]
    labels = {str(c.value): c.label for c in _normalized(field)}
    if len(labels) >= LONG_LIST:  # a short list is quicker made again than looked up
        _make_room(_labels)
        _labels[id(choices)] = (choices, labels)
    return labels


def select_html(field: Field, **attrs: Any) -> Markup:
    """A single-choice ``<select>`` with its options: what ``field(**attrs)``
    renders through WTForms' Select widget, the chosen option marked."""
    attrs.setdefault("id", field.id)
    flags = field.flags
    for name in SELECT_FLAGS:
        if name not in attrs and getattr(flags, name, False):
            attrs[name] = getattr(flags, name)
    options = _options_for(field)
    try:
        key = (field.name, tuple(sorted(attrs.items())), type(field.data), field.data)
        kept = options.lists.get(key)
    except TypeError:  # a value that cannot be a key: write it afresh
        return _write_select(field, options, attrs)
    if kept is None:
        kept = _write_select(field, options, attrs)
        if len(options.lists) >= LISTS_PER_OPTIONS:
            options.lists.clear()
        options.lists[key] = kept
    return kept


def _write_select(field: Field, options: _Options, attrs: dict[str, Any]) -> Markup:
    """A ``<select>`` written from its rendered options, the chosen one marked."""
    parts: list[str] | Sequence[str] = options.parts
    chosen = options.chosen(field.data)
    if chosen:
        parts = list(parts)
        for i in chosen:
            parts[options.positions[i]] = options.selected_option(i)
    return Markup(f"<select {html_params(name=field.name, **attrs)}>{''.join(parts)}</select>")


@functools.lru_cache(maxsize=16)
def datalist_html(list_id: str, values: tuple[str, ...]) -> Markup:
    """A ``<datalist>`` of suggestions, written once per list of values (the
    work step offers every field's name on every visit)."""
    options = "".join(f'<option value="{escape(value)}"></option>' for value in values)
    return Markup(f'<datalist id="{escape(list_id)}">{options}</datalist>')
