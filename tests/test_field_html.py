"""Fields written in Python (wizard/field_html.py) give the markup the Jinja
macros gave, for every field of every wizard step (first visit, saved
answers, input that fails validation), and a field kept once written is
never shown for a field that differs from it in anything it shows."""

from __future__ import annotations

import re

import pytest
from markupsafe import Markup
from werkzeug.datastructures import MultiDict
from wtforms import BooleanField, Form, RadioField, SelectField, StringField
from wtforms.validators import InputRequired

from tests.test_form_html import leaf_fields, programme_terms, step_forms
from wizard import field_html as written
from wizard.field_html import checkbox_html, field_html, scale_html
from wizard.form_html import choice_flags, choice_items, select_html
from wizard.forms import MultiCheckboxField, options
from wizard.formtools import MaxLength, first_error, length_limit

# A list as long as the countries', its options longer than a typed field may be kept.
LONG_LIST = [(f"c{n}", f"Country number {n}") for n in range(300)]

# The macros every field went through before, as they were: the reference.
MACROS = r"""
{% macro render_checkbox(field) %}
  <div class="field">
    <div class="choice">
      {{ field(class_='choice-input', **{'aria-describedby': field.id ~ '-hint'}) }}
      <label class="choice-label" for="{{ field.id }}">{{ field.label.text }}</label>
    </div>
    <p class="hint" id="{{ field.id }}-hint">{{ field.description }}</p>
  </div>
{% endmacro %}
{% macro hint(field) %}
  {% if field.description %}<p class="hint" id="{{ field.id }}-hint">{{ field.description }}</p>{% endif %}
{% endmacro %}
{% macro error_message(field) %}
  {% set message = first_error(field) %}
  {% if message %}<p class="error-message" id="{{ field.id }}-error"><span class="visually-hidden">Error:</span> {{ message }}</p>{% endif %}
{% endmacro %}
{% macro described_by(field) -%}
  {{ ((field.id ~ '-hint') if field.description else '') ~ (' ' ~ field.id ~ '-error' if first_error(field) else '') ~ (' ' ~ field.id ~ '-count' if length_limit(field) else '') }}
{%- endmacro %}
{% macro char_count(field, limit=None) %}
  {% set limit = limit or length_limit(field) %}
  {% if limit %}
    {% set typed = (field.data or '')|length %}
    <p class="char-count{% if typed > limit %} char-count-over{% endif %}" id="{{ field.id }}-count" data-limit="{{ limit }}" data-for="{{ field.id }}">
      {%- if typed > limit %}{{ '{:,}'.format(typed) }} characters: {{ '{:,}'.format(typed - limit) }} too many (up to {{ '{:,}'.format(limit) }}){% else %}Up to {{ '{:,}'.format(limit) }} characters{% endif -%}
    </p>
  {% endif %}
{% endmacro %}
{% macro choice_input(field, item, flags) -%}
  <input{% if item.checked %} checked{% endif %} class="choice-input"{% if flags.disabled %} disabled{% endif %} id="{{ item.id }}" name="{{ field.name }}"{% if flags.required %} required{% endif %} type="{{ 'checkbox' if field.type == 'MultiCheckboxField' else 'radio' }}" value="{{ item.value }}">
{%- endmacro %}
{% macro render_choices(field, big_label=False, hints=None, outer='field', label=None) %}
  {% set multiple = field.type == 'MultiCheckboxField' %}
  <div class="{{ outer }}{% if field.errors %} field-error{% endif %}">
    <fieldset class="choices" {% if field.description or field.errors %}aria-describedby="{{ described_by(field)|trim }}"{% endif %}>
      <legend class="{{ 'label-big' if big_label else 'label' }}">{{ field.label.text }}</legend>
      {{ hint(field) }}
      {{ error_message(field) }}
      <div class="{{ 'checkboxes' if multiple else 'radios' }}">{% set flags = choice_flags(field) %}
        {% for item in choice_items(field) %}
          <div class="choice">
            {{ choice_input(field, item, flags) }}
            <label for="{{ item.id }}" class="choice-label">{{ label(item.label) if label else item.label }}
              {% if hints and hints.get(item.value) %}<span class="choice-hint">{{ hints.get(item.value) }}</span>{% endif %}
            </label>
          </div>
        {% endfor %}
      </div>
    </fieldset>
  </div>
{% endmacro %}
{% macro render_field(field, big_label=False, hints=None, list=None) %}
  {% if field.type in ('RadioField', 'MultiCheckboxField') %}
    {{ render_choices(field, big_label=big_label, hints=hints) }}
  {% else %}
  <div class="field{% if field.errors %} field-error{% endif %}">
    <label for="{{ field.id }}" class="{{ 'label-big' if big_label else 'label' }}">{{ field.label.text }}</label>
    {{ hint(field) }}
    {{ error_message(field) }}
    {% set extra = {} %}
    {% if field.description or field.errors or length_limit(field) %}{% set _ = extra.update({'aria-describedby': described_by(field)|trim}) %}{% endif %}
    {% if field.errors %}{% set _ = extra.update({'aria-invalid': 'true'}) %}{% endif %}
    {% if list %}{% set _ = extra.update({'list': list}) %}{% endif %}
    {{ select_html(field, class_='input', **extra) if field.type in ('SelectField', 'ListedSelectField') else field(class_='input', **extra) }}
    {{ char_count(field) }}
  </div>
  {% endif %}
{% endmacro %}
"""
SKIPPED = ("CSRFTokenField", "HiddenField", "BooleanField", "FieldList")


def squeezed(html: str) -> str:
    """Markup with the whitespace between tags, and runs of it, made one: the
    macros' indentation is all that may differ."""
    html = re.sub(r"\s+", " ", str(html))
    return re.sub(r"\s*(<|>)\s*", r"\1", html)


def reference(app, call: str, **context) -> str:
    """What the old macros render for ``call``."""
    template = app.jinja_env.from_string(MACROS + "{{ " + call + " }}")
    return template.render(
        first_error=first_error,
        length_limit=length_limit,
        choice_flags=choice_flags,
        choice_items=choice_items,
        select_html=select_html,
        **context,
    )


@pytest.mark.parametrize("programme", [False, True])
def test_every_step_field_is_written_as_the_macros_wrote_it(app, programme):
    terms = programme_terms(programme)
    kinds = set()
    for label, form in step_forms(app, terms):
        with app.test_request_context():
            for field in leaf_fields(form):
                if field.type in SKIPPED:
                    continue
                expected = squeezed(reference(app, "render_field(field)", field=field))
                for _ in range(2):  # written, then kept
                    ours = field_html(field)
                    assert isinstance(ours, Markup)
                    assert squeezed(ours) == expected, (label, field.id)
                kinds.add(field.type)
    assert {"RadioField", "MultiCheckboxField", "SelectField", "StringField"} <= kinds


def test_hints_big_labels_lists_and_tone_scales_match_the_macros(app):
    class Odd(Form):
        radio = RadioField(
            "Pick <one>",
            description='Say "why"',
            choices=options([('q"1', "<i>one</i>"), ("2", "Respectfulness")]),
            validators=[InputRequired("Choose one")],
        )
        boxes = MultiCheckboxField("Boxes", choices=options([("<s>", "S & co"), ("t", "T")]))
        words = StringField("Words", description="Hint & more", validators=[MaxLength(5, "Words")])

    form = Odd(MultiDict([("boxes", "<s>"), ("words", "far too many <words>")]))
    form.validate()
    hints = {"<s>": "The <s> one", "t": ""}
    with app.test_request_context():
        assert squeezed(field_html(form.boxes, True, hints)) == squeezed(
            reference(app, "render_field(field, True, hints)", field=form.boxes, hints=hints)
        )
        assert squeezed(field_html(form.words, list="suggest")) == squeezed(
            reference(app, "render_field(field, list='suggest')", field=form.words)
        )
        assert "char-count-over" in field_html(form.words)
        assert "Choose one" in field_html(form.radio)
        ours = scale_html(form.radio)
        soft = app.jinja_env.filters["soft_hyphens"]
        expected = reference(
            app,
            "render_choices(field, outer='scale field', label=soft)",
            field=form.radio,
            soft=soft,
        )
        assert squeezed(ours) == squeezed(expected)
        assert "spect\u00adful" in ours and "<i>" not in ours


def test_a_kept_field_is_never_shown_for_one_that_differs_in_what_it_shows(app):
    class Pick(Form):
        choice = RadioField("Choice", choices=options([("a", "A"), ("b", "B")]))
        words = StringField("Words", validators=[MaxLength(40, "Words")])

    with app.test_request_context():
        first = Pick(data={"choice": "a", "words": "one"})
        html_a = field_html(first.choice)
        assert 'checked class="choice-input" id="choice-0"' in html_a
        second = Pick(data={"choice": "b", "words": "two"})
        assert 'checked class="choice-input" id="choice-1"' in field_html(second.choice)
        assert 'value="two"' in field_html(second.words)
        assert field_html(first.choice) == html_a  # kept, and still right
        third = Pick(data={"choice": "a"})
        third.choice.label.text = "Another question"
        assert "Another question" in field_html(third.choice)
        third.choice.errors = ["Choose again"]
        assert "Choose again" in field_html(third.choice)
        third.choice.choices = options([("a", "A"), ("c", "C")])
        assert 'value="c"' in field_html(third.choice)


def test_a_very_long_value_is_written_but_not_kept(app):
    class Essay(Form):
        words = StringField("Words")

    with app.test_request_context():
        written.forget_fields()
        form = Essay(data={"words": "x" * 20_000})
        assert "x" * 20_000 in field_html(form.words)
        assert len(written._kept) == 0
        assert 'value="short"' in field_html(Essay(data={"words": "short"}).words)
        assert len(written._kept) == 1


def test_a_drop_down_list_is_kept_once_written_and_never_shown_for_another(app):
    class Place(Form):
        country = SelectField("Country", choices=lambda: LONG_LIST)  # one list, as the app's

    with app.test_request_context():
        written.forget_fields()
        chosen = field_html(Place(data={"country": "c150"}).country)
        assert len(chosen) > written.KEPT_SIZE  # longer than a typed field may be kept
        assert len(written._kept) == 1
        assert field_html(Place(data={"country": "c150"}).country) == chosen
        assert len(written._kept) == 1  # the second was the kept one
        other = field_html(Place(data={"country": "c7"}).country)
        assert 'selected value="c7"' in other and 'selected value="c150"' not in other
        refused = Place(data={"country": "c7"})
        refused.country.errors = ["Choose your country from the list"]
        assert "Choose your country from the list" in field_html(refused.country)
        assert 'selected value="c150"' in field_html(Place(data={"country": "c150"}).country)


@pytest.mark.parametrize("sent", ["2", "9", "x", "", "02", " 3"])
def test_a_listed_drop_down_accepts_and_refuses_what_wtforms_would(app, sent):
    from wtforms import SelectField

    from wizard.forms import ListedSelectField

    listed = options([(n, f"{n} weeks") for n in (1, 2, 3, 4)])

    class Both(Form):
        ours = ListedSelectField(coerce=int, choices=listed)
        theirs = SelectField(coerce=int, choices=listed)

    form = Both(MultiDict([("ours", sent), ("theirs", sent)]))
    form.validate()
    assert form.ours.errors == form.theirs.errors
    assert form.ours.data == form.theirs.data


@pytest.mark.parametrize("sent", ["", "tax", "Tax", "payroll", "nope", "<b>"])
def test_a_listed_drop_down_of_groups_accepts_and_refuses_what_wtforms_would(app, sent):
    from wtforms import SelectField

    from wizard.forms import ListedSelectField

    groups = {
        None: options([("", "Let Byline choose")]),
        "Finance": options([("tax", "Tax"), ("payroll", "Payroll")]),
    }

    class Both(Form):
        ours = ListedSelectField(choices=groups)
        theirs = SelectField(choices=groups)

    form = Both(MultiDict([("ours", sent), ("theirs", sent)]))
    form.validate()
    assert form.ours.errors == form.theirs.errors
    assert form.ours.data == form.theirs.data


def test_a_checkbox_is_written_as_the_macro_wrote_it(app):
    class Boxes(Form):
        quiet = BooleanField("Keep <quiet>", description="From 24 to 1 & more", default=True)
        other = BooleanField("Other")

    with app.test_request_context():
        for data in ({}, {"quiet": "y"}, {"other": "y"}):
            form = Boxes(MultiDict(data))
            for field in form:
                expected = squeezed(reference(app, "render_checkbox(field)", field=field))
                for _ in range(2):  # written, then kept
                    ours = checkbox_html(field)
                    assert isinstance(ours, Markup)
                    assert squeezed(ours) == expected, (data, field.id)
        assert "checked" in checkbox_html(Boxes(MultiDict({"quiet": "y"})).quiet)
        assert "checked" not in checkbox_html(Boxes(MultiDict({"other": "y"})).quiet)
        assert "Keep &lt;quiet&gt;" in checkbox_html(Boxes().quiet)
    for label, form in step_forms(app, None):
        with app.test_request_context():
            for field in leaf_fields(form):
                if field.type == "BooleanField":
                    expected = squeezed(reference(app, "render_checkbox(field)", field=field))
                    assert squeezed(checkbox_html(field)) == expected, (label, field.id)
