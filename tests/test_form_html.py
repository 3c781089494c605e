"""Choice groups and drop-down lists rendered from plain data (wizard/form_html.py)
give exactly the markup WTForms' own widgets give for the same fields: every
field of every wizard step, on a first visit, with saved answers, and with
input that fails validation (typed values kept, escaped)."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from markupsafe import Markup
from werkzeug.datastructures import MultiDict
from wtforms import Form, RadioField, SelectField

from bench.sample import large_answers
from wizard.field_html import choice_inputs_html
from wizard.form_html import choice_items, choice_labels, select_html
from wizard.forms import MultiCheckboxField, options
from wizard.library import load_library
from wizard.programme import ToneLimit
from wizard.steps import byline_wizard

GROUPS = ("RadioField", "MultiCheckboxField")
INPUT = re.compile(r"<input[^>]*>")


def input_of(field, item) -> str:
    """The ``<input>`` that `choice_inputs_html` writes for one choice."""
    return INPUT.search(choice_inputs_html(field, [item])).group()

# Input a person (or a forged request) might send: out-of-list values, markup, quotes.
ODD_INPUT = {
    "work": {"field": ['"><script>x</script>'], "role": ["<b>role</b>"]},
    "comfort": {"rung": ["9"], "channels": ["linkedin", "<i>x</i>"], "time": ['a"b']},
    "goals": {"goals": ["expert", "nope"]},
    "tone": {"humour": ["7"], "pairs": ['x"y', "<b>"]},
    "themes": {
        "themes-0-include": ["y"],
        "themes-0-title": ["<i>Ünï “q”</i>"],
        "themes-0-weeks": ["9"],
        "themes-1-order": ["x"],
        "themes-2-key": ['k"<>'],
        "country": ["ZZ"],
        "region": ['"DE-BY'],
        "time_zone": ["Mars/Base"],
    },
    "situations": {"asked_for_comment": ["<zz>"]},
}


def leaf_fields(form):
    """Every field, those of each theme row included."""
    for field in form:
        if field.type == "FieldList":
            for entry in field.entries:
                yield from entry.form
        else:
            yield field


def step_forms(app, terms=None):
    """(label, form) for each step: first visit, saved answers, odd input."""
    library = load_library()
    answers = large_answers(library)
    wizard = byline_wizard(terms)
    with app.test_request_context(headers={"Accept-Language": "de-DE"}):
        for step in wizard.steps:
            earlier = {s.name: answers[s.name] for s in wizard.steps[: wizard.steps.index(step)]}
            yield f"{step.name} first", wizard.build_form(step, earlier, meta={"csrf": False})
            yield f"{step.name} saved", wizard.build_form(step, answers, meta={"csrf": False})
            odd = MultiDict([(k, v) for k, vs in ODD_INPUT[step.name].items() for v in vs])
            form = wizard.build_form(step, answers, formdata=odd, meta={"csrf": False})
            form.validate()
            yield f"{step.name} odd", form


def programme_terms(programme: bool):
    """A programme's terms that shape the steps (a tone limit, a company theme
    ticked), or None for someone without a programme."""
    if not programme:
        return None
    return SimpleNamespace(
        tone=(ToneLimit("humour", 3, 2, 5),),
        company_themes=(("t1", "How we build"),),
        tick_company_themes=True,
        sector="",
    )


@pytest.mark.parametrize("programme", [False, True])
def test_every_step_field_renders_as_wtforms_renders_it(app, programme):
    terms = programme_terms(programme)
    selects = groups = 0
    for label, form in step_forms(app, terms):
        with app.test_request_context():
            for field in leaf_fields(form):
                if field.type in ("SelectField", "ListedSelectField"):
                    attrs = {"class_": "select", "aria-describedby": "themes-order-hint"}
                    assert select_html(field, **dict(attrs)) == field(**dict(attrs)), (
                        label,
                        field.id,
                    )
                    assert isinstance(select_html(field), Markup)
                    selects += 1
                elif field.type in GROUPS:
                    options = list(field)
                    items = choice_items(field)
                    assert [(o.id, o._value(), o.label.text, o.checked) for o in options] == [
                        tuple(item) for item in items
                    ], (label, field.id)
                    for option, item in zip(options, items, strict=True):
                        assert input_of(field, item) == option(class_="choice-input"), (
                            label,
                            option.id,
                        )
                    groups += 1
                if hasattr(field, "iter_choices") and isinstance(field, SelectField):
                    expected = {str(v): text for v, text, *_ in field.iter_choices()}
                    assert choice_labels(field) == expected
    assert selects > 20 and groups > 10


def test_markup_in_choices_and_values_is_escaped_as_wtforms_escapes_it(app):
    class Odd(Form):
        pick = SelectField(
            choices=options([('a"b', '<b>"bold"</b>'), ("<x>", "x & y"), ("", None)])
        )
        radio = RadioField(choices=options([('q"1', "<i>one</i>"), ("2", "two")]))
        boxes = MultiCheckboxField(choices=options([("<s>", "S & co"), ("t", "T")]))

    form = Odd(MultiDict([("pick", "<x>"), ("radio", 'q"1'), ("boxes", "<s>")]))
    with app.test_request_context():
        html = select_html(form.pick)
        assert html == form.pick()
        assert "<b>" not in html and "&lt;b&gt;" in html
        assert '<option selected value="&lt;x&gt;">' in html
        for field in (form.radio, form.boxes):
            for option, item in zip(field, choice_items(field), strict=True):
                rendered = input_of(field, item)
                assert rendered == option(class_="choice-input")
                assert "<s>" not in rendered and '"q"1"' not in rendered


def test_a_new_list_of_choices_is_rendered_afresh_and_the_selection_follows_the_data():
    class Pick(Form):
        zone = SelectField(choices=options([("a", "A"), ("b", "B")]))

    form = Pick(data={"zone": "a"})
    first = select_html(form.zone)
    assert '<option selected value="a">A</option><option value="b">B</option>' in first
    form.zone.data = "b"
    assert '<option value="a">A</option><option selected value="b">B</option>' in select_html(
        form.zone
    )
    form.zone.choices = {"Yours": [("old/zone", "old/zone")], "All": [("a", "A")]}
    form.zone.data = "old/zone"
    html = select_html(form.zone)
    assert html == form.zone()
    assert '<optgroup label="Yours"><option selected value="old/zone">' in html
    form.zone.data = "nowhere"
    assert "selected" not in select_html(form.zone)
