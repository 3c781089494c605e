"""The themes step's rows are built only when something reads them: a page
opened from saved answers renders each row from its plain values, and shows
exactly what rows built by WTForms would show."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from werkzeug.datastructures import MultiDict
from wtforms import FieldList, FormField
from wtforms.form import Form

from tests.wizard_walk import WizardWalk
from wizard import forms
from wizard.fragments import forget_fragments
from wizard.views.steps import theme_rows

ROWS = [
    {"include": True, "title": "How we test <software>", "weeks": 2, "order": 1, "key": "lib:a"},
    {"include": False, "title": "A theme   with  spaces", "weeks": 4, "order": 2, "key": ""},
    {"include": True, "title": "", "weeks": 1, "order": 3, "key": ""},
    {"include": True, "title": "Our way of working", "weeks": 3, "order": 4, "key": "company:t1"},
    {"title": "Only words", "order": 5},
    {"include": True, "title": "Odd period", "weeks": 9, "order": "x", "key": None},
    {"include": "", "title": "  ", "weeks": 2, "order": 7},
    {},
]


class Rows(Form):
    themes = forms.DeferredRows(FormField(forms.ThemeRowForm), max_entries=forms.THEME_ROWS)


class BuiltRows(Form):
    themes = FieldList(FormField(forms.ThemeRowForm), max_entries=forms.THEME_ROWS)


def company(name: str | None):
    return SimpleNamespace(company=name) if name else None


def rendered(field, programme) -> tuple[list[str], list[str], bool]:
    titled, blank, open_blank = theme_rows(field, programme)
    return [str(row) for row in titled], [str(row) for row in blank], open_blank


@pytest.mark.parametrize("name", [None, "Acme & Co"])
def test_rows_from_plain_values_render_as_built_rows_do(app, name):
    with app.test_request_context():
        forget_fragments()
        plain = Rows(data={"themes": [dict(row) for row in ROWS]})
        assert plain.themes.plain_rows() is not None
        from_plain = rendered(plain.themes, company(name))

        forget_fragments()
        built = Rows(data={"themes": [dict(row) for row in ROWS]})
        assert len(built.themes.entries) == len(ROWS)  # reading them builds them
        assert built.themes.plain_rows() is None
        from_built = rendered(built.themes, company(name))

        # and kept rows, read back by their plain values, are the same again
        again = rendered(Rows(data={"themes": [dict(row) for row in ROWS]}).themes, company(name))
    assert from_plain == from_built == again
    titled, blank, _open = from_plain
    assert len(titled) == 6 and len(blank) == 2
    assert "How we test &lt;software&gt;" in titled[0]
    assert ("Suggested by Acme &amp; Co" in titled[3]) == bool(name)


def test_deferred_rows_read_as_wtforms_own_rows(app):
    with app.test_request_context():
        deferred = Rows(data={"themes": [dict(row) for row in ROWS]})
        built = BuiltRows(data={"themes": [dict(row) for row in ROWS]})
        deferred.themes.add_plain_row({"order": 9, "weeks": 2})
        built.themes.append_entry({"order": 9, "weeks": 2})
        assert deferred.themes.data == built.themes.data
        assert deferred.validate() == built.validate()
        assert deferred.errors == built.errors
        assert [e.form.order.errors for e in deferred.themes] == [
            e.form.order.errors for e in built.themes
        ]


def test_sent_rows_are_built_at_once(app):
    with app.test_request_context():
        form = Rows(formdata=MultiDict({"themes-0-title": "Mine", "themes-0-include": "y"}))
        assert form.themes.plain_rows() is None
        assert form.themes.data[0]["title"] == "Mine"


def without_token(page: str) -> str:
    """A page with its CSRF token left out (signed with the time, it changes)."""
    return re.sub(r'name="csrf_token" type="hidden" value="[^"]*"', "", page)


def test_a_themes_step_opened_again_builds_no_row(client, monkeypatch):
    walk = WizardWalk(client)
    walk.start()
    for step in ("work", "comfort", "goals", "tone"):
        assert walk.submit(step).status_code == 303
    first = without_token(client.get(f"{walk.base}/step/themes").get_data(as_text=True))

    built = []
    real_init = forms.ThemeRowForm.__init__

    def counting(self, *args, **kwargs):
        built.append(1)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(forms.ThemeRowForm, "__init__", counting)
    again = without_token(client.get(f"{walk.base}/step/themes").get_data(as_text=True))
    assert again == first
    assert built == []

    forget_fragments()  # a row no one has rendered yet is rendered from built rows
    page = client.get(f"{walk.base}/step/themes").get_data(as_text=True)
    assert without_token(page) == first
    assert built


@pytest.mark.parametrize(
    "change",
    [
        {"include": False},
        {"title": "Another theme"},
        {"weeks": 4},
        {"order": 3},
        {"key": "company:t1"},
        {"key": "lib:b"},
    ],
)
def test_a_kept_row_is_never_shown_for_other_values(app, change):
    """One person's kept row must not stand for another's that differs in
    any one value at the same place."""
    mine = dict(ROWS[0])
    theirs = {**mine, **change}
    with app.test_request_context():
        forget_fragments()
        rendered(Rows(data={"themes": [mine]}).themes, company("Acme"))
        kept = rendered(Rows(data={"themes": [theirs]}).themes, company("Acme"))
        forget_fragments()
        fresh = rendered(Rows(data={"themes": [theirs]}).themes, company("Acme"))
    assert kept == fresh
