"""The wizard engine, on steps made up for the test (it knows no product step)."""

from datetime import date

import pytest
from wtforms import DateField, Form, IntegerField, StringField
from wtforms.validators import DataRequired, NumberRange

from wizard.engine import Step, Wizard, answer_rows, form_answers, stored_form_data


class NameForm(Form):
    name = StringField("Name", validators=[DataRequired()])


class AgeForm(Form):
    age = IntegerField("Age", validators=[DataRequired(), NumberRange(min=1, max=120)])


class WhenForm(Form):
    when = DateField("When", validators=[DataRequired()])


def grown_up(answers):
    return (answers.get("age") or {}).get("age", 0) >= 18


@pytest.fixture
def wizard():
    return Wizard(
        [
            Step("name", "Your name", NameForm),
            Step("age", "Your age", AgeForm),
            Step("when", "When", WhenForm, condition=grown_up),
        ]
    )


def test_step_names_must_be_unique():
    with pytest.raises(ValueError):
        Wizard([Step("a", "A", NameForm), Step("a", "A again", NameForm)])


def test_conditional_steps_come_and_go_with_the_answers(wizard):
    assert [s.name for s in wizard.active({})] == ["name", "age"]
    assert [s.name for s in wizard.active({"age": {"age": 30}})] == ["name", "age", "when"]
    assert wizard.position("age", {"age": {"age": 30}}) == (2, 3)
    assert wizard.position("age", {"age": {"age": 5}}) == (2, 2)


def test_a_person_cannot_jump_past_an_unanswered_step(wizard):
    assert wizard.may_visit("name", {})
    assert not wizard.may_visit("age", {})
    assert wizard.may_visit("age", {"name": {"name": "Ada"}})
    assert not wizard.may_visit("nope", {"name": {"name": "Ada"}})
    assert wizard.first_unanswered({"name": {"name": "Ada"}}).name == "age"
    assert wizard.first_unanswered({"name": {"name": "Ada"}, "age": {"age": 9}}) is None


def test_next_and_previous(wizard):
    answers = {"name": {"name": "Ada"}, "age": {"age": 40}}
    assert wizard.next_after("name", answers).name == "age"
    assert wizard.next_after("age", answers).name == "when"
    assert wizard.next_after("age", {"age": {"age": 4}}) is None
    assert wizard.previous_before("name", answers) is None
    assert wizard.previous_before("when", answers).name == "age"


def test_every_saved_step_is_validated_again(wizard):
    good = {"name": {"name": "Ada"}, "age": {"age": 40}, "when": {"when": "2026-03-02"}}
    assert wizard.invalid_steps(good) == []
    tampered = {**good, "age": {"age": 400}}
    assert [s.name for s in wizard.invalid_steps(tampered)] == ["age"]
    missing = {"name": {"name": "Ada"}, "age": {"age": 40}}
    assert [s.name for s in wizard.invalid_steps(missing)] == ["when"]


def test_answers_round_trip_through_json_safe_storage(wizard):
    form = WhenForm(data={"when": date(2026, 3, 2)})
    stored = form_answers(form)
    assert stored == {"when": "2026-03-02"}
    assert stored_form_data(WhenForm, stored) == {"when": date(2026, 3, 2)}
    assert stored_form_data(WhenForm, {"when": "not a date"}) == {"when": None}


def test_saved_answers_fill_the_form_again(wizard):
    form = wizard.build_form(wizard.get("name"), {"name": {"name": "Ada"}})
    assert form.name.data == "Ada"
    assert answer_rows(form) == [("Name", "Ada")]
