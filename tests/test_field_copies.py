"""Form fields copied from a prototype behave as fields built afresh, and
nothing one form or request changes reaches another form."""

from __future__ import annotations

from werkzeug.datastructures import MultiDict
from wtforms import RadioField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length

from wizard.field_copies import forget_prototypes
from wizard.formtools import BylineForm


class Sample(BylineForm):
    name = StringField("Name", validators=[DataRequired("Enter a name"), Length(max=5)])
    colour = SelectField("Colour", choices=[SelectChoice("r", "Red"), SelectChoice("g", "Green")], default="g")
    size = RadioField("Size", choices=[SelectChoice("s", "Small"), SelectChoice("l", "Large")])


def made(app, data=None):
    with app.test_request_context(method="POST" if data else "GET", data=data):
        app.config["WTF_CSRF_ENABLED"] = False
        return Sample(formdata=MultiDict(data) if data else None)


def test_a_copied_field_renders_and_checks_as_a_built_one(app):
    forget_prototypes()
    with app.test_request_context():
        app.config["WTF_CSRF_ENABLED"] = False
        built = Sample(formdata=MultiDict({"name": "toolong", "size": "l"}))
        copied = Sample(formdata=MultiDict({"name": "toolong", "size": "l"}))
        assert built.name is not copied.name
        assert [str(f()) for f in built] == [str(f()) for f in copied]
        assert [str(f.label) for f in built] == [str(f.label) for f in copied]
        assert built.validate() == copied.validate() is False
        assert built.errors == copied.errors
        assert copied.name.flags.required and copied.name.flags.maxlength == 5


def test_what_one_form_changes_stays_its_own(app):
    forget_prototypes()
    with app.test_request_context():
        app.config["WTF_CSRF_ENABLED"] = False
        first = Sample(formdata=MultiDict({"name": "x" * 9}))
        first.name.label.text = "Changed"
        first.name.description = "A hint for this one"
        first.colour.choices = [SelectChoice("b", "Blue")]
        first.size.flags.disabled = True
        first.validate()
        first.name.errors.append("Another")

        second = Sample(formdata=MultiDict({"name": "Ann", "size": "s"}))
        assert second.name.label.text == "Name"
        assert second.name.description == ""
        assert [c.value for c in second.colour.choices] == ["r", "g"]
        assert not second.size.flags.disabled
        assert second.name.errors == ()
        assert second.name._form is second and second.name.meta is second.meta
        assert second.validate() and second.name.data == "Ann"
        assert first.name.data == "x" * 9


def test_the_csrf_token_is_built_for_each_form(app):
    with app.test_request_context():
        app.config["WTF_CSRF_ENABLED"] = True
        one, two = Sample(formdata=None), Sample(formdata=None)
        assert one.csrf_token is not two.csrf_token
        assert one.csrf_token.current_token
