"""Bound form fields copied from one built per process, not built afresh.

Each time a form is made, WTForms builds every field anew from its
definition: it checks the validators, works out the field's flags and makes
its label, about 10 µs a field. A step holds 20 to 70 fields and check your
answers builds all six steps' forms, so this was a fifth of a step's time.
Everything that work produces is the same for every form of the same kind,
so `PrototypeMeta.bind_field` builds each field once per process and gives
every later form a copy of it: the shared parts (validators, filters, widget,
choices as given) are shared, and everything a form or a request can change
is the copy's own (its form, label, flags, data and errors).

Fields that hold other fields or per-form state (sub-forms, lists of rows,
the CSRF token) are always built afresh.
"""

from __future__ import annotations

import threading
from typing import Any

from wtforms import Field, FieldList, FormField
from wtforms.csrf.core import CSRFTokenField
from wtforms.fields.core import Flags, Label, UnboundField

KEPT_PROTOTYPES = 4096  # distinct fields of every form kind; the site has a few hundred

_prototypes: dict[tuple, tuple[UnboundField, Any, Field]] = {}
_lock = threading.Lock()
_OPTIONS = frozenset({"name", "prefix", "translations"})
_NESTED = (FormField, FieldList, CSRFTokenField)


class PrototypeMeta:
    """A form ``Meta`` whose fields are copies of one built per process."""

    def bind_field(self, form, unbound_field: UnboundField, options: dict[str, Any]):
        """The field, copied from its prototype (built now if it is the first)."""
        field_class = unbound_field.field_class
        if (
            issubclass(field_class, _NESTED)
            or not _OPTIONS.issuperset(options)
            or "_meta" in unbound_field.kwargs
        ):
            return super().bind_field(form, unbound_field, options)
        translations = options.get("translations")
        key = (id(unbound_field), options.get("name"), options.get("prefix", ""), id(translations))
        kept = _prototypes.get(key)
        if kept is None or kept[0] is not unbound_field or kept[1] is not translations:
            field = super().bind_field(form, unbound_field, options)
            _keep(key, unbound_field, translations, field)
            return field
        return copy_of(kept[2], form)


def _keep(key: tuple, unbound_field: UnboundField, translations: Any, field: Field) -> None:
    """Keep a field just built as the prototype of its kind (without its form)."""
    prototype = copy_of(field, None)  # its own label and flags: the form may change them
    prototype.__dict__.pop("meta", None)
    with _lock:
        if len(_prototypes) >= KEPT_PROTOTYPES:
            _prototypes.clear()
        _prototypes[key] = (unbound_field, translations, prototype)


def copy_of(prototype: Field, form) -> Field:
    """A field for ``form`` like ``prototype``, with its own label and flags."""
    field = object.__new__(type(prototype))
    field.__dict__.update(prototype.__dict__)
    field._form = form
    if form is not None:
        field.meta = form.meta
    field.label = Label(prototype.label.field_id, prototype.label.text)
    flags = Flags()
    flags.__dict__.update(prototype.flags.__dict__)
    field.flags = flags
    return field


def forget_prototypes() -> None:
    """Forget every prototype (tests that redefine forms)."""
    _prototypes.clear()
