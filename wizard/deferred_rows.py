"""A list of sub-forms that builds its rows only when something reads them.

The themes step holds ten rows of five fields each. Building them is most of
the cost of showing the step, yet a page opened from saved answers (or from
the suggestions) never reads the bound rows: each row's HTML is kept once
rendered, under a key made from the row's plain values (see
``wizard.views.steps.theme_rows``). So on a page opened without a form sent,
``DeferredRows`` keeps the plain values and builds the rows the first time
anything reads ``entries``: to check them, to read their data, or to render a
row no one has rendered yet. Whatever reads them sees exactly the rows
WTForms' own ``FieldList`` would have built.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wtforms import FieldList
from wtforms.utils import unset_value


class DeferredRows(FieldList):
    """A ``FieldList`` whose rows, on a page opened without a form sent, are
    built on first read. ``plain_rows`` gives their values without building them."""

    _pending: tuple[Any, Any, Any] | None = None
    _post_processed = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.type = "FieldList"  # what it is to everything that walks a form's fields

    @property
    def entries(self) -> list:
        """The bound rows, built now if they were put off."""
        pending = self._pending
        if pending is not None:
            self._pending = None
            super().process(*pending)
            if self._post_processed:
                super().post_process(None)
        return self._entries

    @entries.setter
    def entries(self, value: list) -> None:
        self._entries = value

    def process(self, formdata, data=unset_value, extra_filters=None):
        """Rows from a sent form are built at once (they are checked next);
        rows from saved answers wait until something reads them."""
        rows = data if data is not unset_value and data else None
        if formdata or extra_filters or not _plain_list(rows):
            self._pending = None
            super().process(formdata, data, extra_filters)
            return
        self._entries = []
        self.object_data = rows
        self._pending = (formdata, list(rows), extra_filters)

    def post_process(self, formdata=None):
        """WTForms' last pass over the rows, put off with them."""
        if self._pending is not None and not formdata:
            self._post_processed = True
            return
        super().post_process(formdata)

    def plain_rows(self) -> list[Mapping[str, Any]] | None:
        """The rows' values as given, while the rows are still put off; None
        once they are built (read them from ``entries`` then)."""
        return None if self._pending is None else self._pending[1]

    def add_plain_row(self, row: Mapping[str, Any]) -> None:
        """One more row with these values, as ``append_entry`` adds one."""
        if self._pending is None:
            self.append_entry(row)
        elif self.max_entries and len(self._pending[1]) >= self.max_entries:
            raise AssertionError("You cannot have more than max_entries entries in this FieldList")
        else:
            self._pending[1].append(dict(row))


def _plain_list(rows) -> bool:
    """Values WTForms would read row by row as mappings (anything else is
    built at once, as it always was)."""
    return isinstance(rows, list | tuple) and all(isinstance(row, Mapping) for row in rows)
