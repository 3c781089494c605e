"""The forms behind each wizard step: labels, help text, limits, validation.

Choices come from the knowledge library, so every choice is checked on the
server against what the library offers.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Sequence
from datetime import date, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wtforms import (
    BooleanField,
    DateField,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    TimeField,
    ValidationError,
    widgets,
)
from wtforms.fields.choices import SelectChoice
from wtforms.fields.core import UnboundField
from wtforms.validators import AnyOf, DataRequired, Length, Optional

from wizard.deferred_rows import DeferredRows
from wizard.engine import field_rows
from wizard.field_copies import PrototypeMeta
from wizard.formtools import BylineForm, MaxLength, too_long
from wizard.generators.place import (
    REGIONAL_COUNTRIES,
    UNIVERSAL,
    country_code,
    country_names,
    known_zones,
    parse_days_off,
    place_lists,
    region_name,
    zone_countries,
    zone_fits,
    zone_label,
)
from wizard.generators.playbook import field_name
from wizard.generators.text import split_lines
from wizard.generators.themes import TITLE_LENGTH, chosen_rows
from wizard.library import load_library
from wizard.library.loader import OWN_WORDS
from wizard.theme_keys import accepted_key

MIN_SUBTOPICS, MAX_SUBTOPICS, SUBTOPIC_LENGTH = 2, 5, 80
MAX_QUESTIONS, QUESTION_LENGTH, QUESTION_MIN_LENGTH = 3, 160, 10
MIN_THEMES, MAX_THEMES, THEME_ROWS = 3, 6, 10
MAX_GOALS, MAX_PAIRS = 3, 3


class MultiCheckboxField(SelectMultipleField):
    """A group of checkboxes; every ticked value must be one of the choices."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def options(pairs) -> list[SelectChoice]:
    """(value, label) pairs as the choices a field offers."""
    return [SelectChoice(value, label) for value, label in pairs]


class ListedSelectField(SelectField):
    """A drop-down list whose choices are one list built once per process: a
    choice is checked by looking it up in the list's values, kept per list,
    instead of WTForms building a ``Choice`` for every option of every such
    field each time a form is checked (the themes step has twenty)."""

    def pre_validate(self, form):
        """Refuse a value that is not one of the list's, as WTForms does."""
        if self.process_errors or not self.validate_choice:
            return
        choices = self.choices
        if not isinstance(choices, list | dict):  # none: WTForms' own check
            super().pre_validate(form)
        elif self.data not in _listed_values(choices, self.coerce):
            message = self.invalid_choice_message or self.gettext("Not a valid choice.")
            raise ValidationError(message)


_VALUES: dict[int, tuple[object, object, frozenset]] = {}


def _listed_values(choices, coerce) -> frozenset:
    """The values a list of choices offers, as ``coerce`` reads them, worked
    out once per list (the list is kept with them, so its id stays its own)."""
    kept = _VALUES.get(id(choices))
    if kept is None or kept[0] is not choices or kept[1] is not coerce:
        if len(_VALUES) >= 64:  # only a few lists are ever listed; never grow without end
            _VALUES.clear()
        listed = (
            [c for group in choices.values() for c in group]
            if isinstance(choices, dict)
            else choices
        )
        values = frozenset(coerce(SelectChoice.from_input(c).value) for c in listed)
        kept = _VALUES[id(choices)] = (choices, coerce, values)
    return kept[2]


def called_without_arguments(function):
    """Tell WTForms at once that a function of choices takes no arguments.

    WTForms asks ``inspect.signature`` how to call a field's choices function
    each time a field is built and read (about 30 µs; the themes step has two
    dozen such fields); a ``__signature__`` answers that without the search.
    """
    function.__signature__ = inspect.Signature()
    return function


def _rungs():
    return options((r.rung, r.label) for r in load_library().rungs)


def _channels():
    return options((c.slug, c.name) for c in load_library().channels)


def _budgets():
    return options((b.slug, b.label) for b in load_library().time_budgets)


def _goals():
    return options((g.slug, g.label) for g in load_library().goals)


def _pairs():
    return options((p.slug, p.text) for p in load_library().tone_pairs)


@called_without_arguments
def _library_fields():
    """The library's fields grouped by family, with the two choices that are not
    fields: the same list for as long as the process keeps the same library, so
    the page renders its options once (see `wizard.form_html`)."""
    library = load_library()
    kept = _library_fields_made.get(id(library))
    if kept is None or kept[0] is not library:
        _library_fields_made.clear()
        kept = _library_fields_made[id(library)] = (library, _library_field_groups(library))
    return kept[1]


_library_fields_made: dict[int, tuple[object, dict[str, list[SelectChoice]]]] = {}


def _library_field_groups(library) -> dict[str, list[SelectChoice]]:
    """The choices of `_library_fields`, made from the library."""
    groups: dict[str, list[SelectChoice]] = {
        "Byline’s choice": options(
            [
                ("", "Let Byline choose from what I typed"),
                (OWN_WORDS, "None of these: keep my own words"),
            ]
        )
    }
    for family in library.families:
        fields = sorted(
            (a for a in library.areas if a.family == family.slug), key=lambda a: a.name.lower()
        )
        if fields:
            groups[family.name] = options((a.slug, a.name) for a in fields)
    return groups


def understood_text(work, library, theme_keys: Sequence[str] = ()) -> str:
    """What Byline understood of a person's expertise, in a sentence
    (``theme_keys``: the themes they kept, see ``Library.field_for``)."""
    typed = " ".join(str(work.get("expertise") or "").split())
    choice = str(work.get("field") or "")
    area = library.field_for(work, theme_keys)
    if choice == OWN_WORDS:
        return f"No field: your own words, “{typed}”"
    if area and library.area(choice):
        return f"{area.name} (your choice)"
    if area:
        return f"{area.name} (Byline’s match for “{typed}”)"
    return f"Not one Byline knows yet: your own words, “{typed}”"


class WorkForm(BylineForm):
    """Step 1: role, expertise, sub-topics, audience."""

    theme_keys: tuple[str, ...] = ()  # the themes already kept (``prepare_work``)

    role = StringField(
        "What is your role?",
        description="As you would put it to someone you just met, "
        "for example “Test lead in the payments team”.",
        validators=[DataRequired("Enter your role"), MaxLength(120, "Your role")],
    )
    expertise = StringField(
        "What is your area of expertise?",
        description="The field you know well. Pick a suggestion or use your own words.",
        validators=[
            DataRequired("Enter your area of expertise"),
            MaxLength(120, "Your area of expertise"),
        ],
    )
    subtopics = TextAreaField(
        "Which 2 to 5 things within it do you know especially well?",
        description=f"One per line, up to {SUBTOPIC_LENGTH} characters each. Be specific: "
        "“flaky end-to-end tests” says more than “testing”.",
        validators=[
            DataRequired("Enter 2 to 5 things you know well, one per line"),
            MaxLength(600, "The things you know well"),
        ],
    )
    audience = StringField(
        "Who would you like to reach?",
        description="For example: engineering managers, people new to testing, "
        "customers’ IT teams.",
        validators=[
            DataRequired("Enter who you would like to reach"),
            MaxLength(200, "Who you would like to reach"),
        ],
    )
    field = ListedSelectField(
        "Which field in Byline’s library is closest to yours?",
        description="Byline reads what you typed and picks a field it knows, with its "
        "concepts and themes. Choose another if it picked wrong, or keep your own words.",
        choices=_library_fields,
        default="",
        validators=[Optional()],
    )
    questions = TextAreaField(
        "Three questions people ask you about your work (optional)",
        description="One per line, as people ask them, for example “Why does the "
        "release need a safety review?”. Each becomes a post idea in your own words.",
        validators=[Optional(), MaxLength(600, "Your questions")],
    )

    def validate_questions(self, field):
        """Up to three questions, each a readable line."""
        items = split_lines(field.data)
        if len(items) > MAX_QUESTIONS:
            raise ValidationError(
                f"Enter up to {MAX_QUESTIONS} questions, one per line; keep the ones you hear most"
            )
        for n, item in enumerate(items, start=1):
            if len(item) > QUESTION_LENGTH:
                raise ValidationError(too_long(f"Question {n}", QUESTION_LENGTH, len(item)))
        if any(len(item) < QUESTION_MIN_LENGTH for item in items):
            raise ValidationError(
                "Write each question in full, as someone would ask it, for example "
                "“How do you decide what to test first?”"
            )

    def summary_rows(self) -> list[tuple[str, str]]:
        """Rows for check-your-answers: the field Byline understood, in words."""
        rows = []
        for label, value in field_rows(self):
            if label == self.field.label.text:
                value = understood_text(self.data, load_library(), self.theme_keys)
            elif label == self.questions.label.text:
                value = "; ".join(split_lines(self.questions.data)) or "No questions added"
            rows.append((label, value))
        return rows

    def validate_subtopics(self, field):
        """Two to five sub-topics, each short enough to read as a phrase."""
        items = split_lines(field.data)
        if len(items) < MIN_SUBTOPICS:
            raise ValidationError("Enter at least 2 things you know well, one per line")
        if len(items) > MAX_SUBTOPICS:
            raise ValidationError(f"Enter at most {MAX_SUBTOPICS} things, one per line")
        for n, item in enumerate(items, start=1):
            if len(item) > SUBTOPIC_LENGTH:
                raise ValidationError(
                    too_long(f"Line {n} of the things you know well", SUBTOPIC_LENGTH, len(item))
                )


class ComfortForm(BylineForm):
    """Step 2: comfort rung, channels, time."""

    rung = RadioField(
        "Which of these sounds most like you today?",
        description="Be honest: the plan starts where you are, not where you think you should be.",
        coerce=int,
        choices=_rungs,
        validators=[DataRequired("Choose how comfortable you are today")],
    )
    channels = MultiCheckboxField(
        "Where do you read or post already?",
        description="Choose all that apply. You can start on just one.",
        choices=_channels,
        validators=[DataRequired("Choose at least one place")],
    )
    time = RadioField(
        "How much time can you give it in a typical week?",
        choices=_budgets,
        validators=[DataRequired("Choose how much time you have")],
    )


class GoalsForm(BylineForm):
    """Step 3: why the person wants to be visible."""

    goals = MultiCheckboxField(
        "Which of these matter most to you?",
        description=f"Choose up to {MAX_GOALS}. They shape the themes suggested next.",
        choices=_goals,
        validators=[DataRequired("Choose at least one thing")],
    )

    def validate_goals(self, field):
        """At most three goals keep the plan focused."""
        if len(field.data or ()) > MAX_GOALS:
            raise ValidationError(f"Choose at most {MAX_GOALS} things")


@functools.cache
def tone_form_class(limits=()) -> type[BylineForm]:
    """Step 4's form: one five-point scale per tone dimension, then word pairs.

    A programme's limits narrow a dimension to the positions it allows.
    """
    library = load_library()
    ranges = {limit.dimension: (limit.low, limit.high) for limit in limits}
    attrs = {"__doc__": "Step 4: the four dimensions of tone and a few word pairs."}
    for dimension in library.tone_dimensions:
        low, high = ranges.get(dimension.slug, (1, 5))
        allowed = [
            (n, label) for n, label in enumerate(dimension.labels, start=1) if low <= n <= high
        ]
        narrowed = (low, high) != (1, 5)
        attrs[dimension.slug] = RadioField(
            dimension.question,
            description=f"From {dimension.left} to {dimension.right}."
            + (
                " Your company's programme keeps this within the choices shown." if narrowed else ""
            ),
            coerce=int,
            choices=options(allowed),
            validators=[
                DataRequired(f"Choose how {dimension.left} or {dimension.right} you sound")
            ],
        )

    def validate_pairs(form, field):
        if len(field.data or ()) > MAX_PAIRS:
            raise ValidationError(f"Choose at most {MAX_PAIRS} pairs")

    attrs["pairs"] = MultiCheckboxField(
        "Which of these describe you? (optional)",
        description=f"Choose up to {MAX_PAIRS}: "
        "they become your “I am this, but not that” reminders.",
        choices=_pairs,
        validators=[Optional()],
    )
    attrs["validate_pairs"] = validate_pairs
    return type("ToneForm", (BylineForm,), attrs)


def weeks_words(weeks) -> str:
    """A theme's period in words: "1 week", "3 weeks"."""
    try:
        n = int(weeks)
    except (TypeError, ValueError):
        n = 2
    return "1 week" if n == 1 else f"{n} weeks"


@called_without_arguments
@functools.cache
def _weeks():
    return options((n, weeks_words(n)) for n in (1, 2, 3, 4))


@called_without_arguments
@functools.cache
def _orders():
    return options((n, str(n)) for n in range(1, THEME_ROWS + 1))


def theme_name(field) -> str:
    """“Theme 3”, as the themes step labels the row a field is in."""
    match = re.search(r"-(\d+)-", field.id or "")
    return f"Theme {int(match.group(1)) + 1}" if match else "A theme"


class ThemeRowForm(Form):
    """One theme: keep it or not, its words, how long, and where in the order."""

    Meta = PrototypeMeta  # its fields copied, as every step's (`wizard.field_copies`)

    include = BooleanField("Include")
    # Shown in a growing text box so long titles are never cut: line breaks become spaces.
    title = StringField(
        "Theme",
        validators=[Optional(), MaxLength(TITLE_LENGTH, theme_name)],
        filters=[lambda value: " ".join(value.split()) if isinstance(value, str) else value],
    )
    weeks = ListedSelectField("For how long", coerce=int, choices=_weeks, default=2)
    order = ListedSelectField("Order", coerce=int, choices=_orders, default=1)
    key = HiddenField(validators=[Optional(), Length(max=120)])

    def validate_title(self, field):
        """An included theme needs words."""
        if self.include.data and not (field.data or "").strip():
            raise ValidationError("Enter the theme’s words, or untick it")


# The fields of a themes-step row, in order (`wizard.steps.plain_row_key`).
THEME_ROW_FIELDS = tuple(
    name for name, value in vars(ThemeRowForm).items() if isinstance(value, UnboundField)
)


def upcoming_monday() -> date:
    """The default start: next Monday."""
    today = date.today()
    return today + timedelta(days=7 - today.weekday())


@called_without_arguments
@functools.cache
def _countries():
    return {
        None: [SelectChoice("", "Choose your country")],
        "Countries": [SelectChoice(code, name) for code, name in country_names().items()],
    }


@functools.cache
def region_choices(country: str) -> list[SelectChoice]:
    """The states or regions a country's page offers, after "none": one list
    per country for the life of the process (`wizard.form_html` renders each
    list once)."""
    return [
        SelectChoice("", "No state or region (national holidays only)"),
        *options(place_lists(country)["regions"]),
    ]


@functools.cache
def zone_choices(country: str) -> list[SelectChoice]:
    """The time zones a country's page offers (its own and UTC), one list per country."""
    return options(place_lists(country)["time_zones"])


@functools.lru_cache(maxsize=64)
def _zone_choices_with(country: str, zone: str) -> dict[str | None, list[SelectChoice]]:
    """A country's time zones after the one a person already has that the list
    does not name (an older alias, or a zone of another country, named with
    its country): never lost from sight. A saved answer keeps it (see
    `ThemesForm.validate_time_zone`)."""
    return {
        "Your time zone": [SelectChoice(zone, held_zone_label(zone))],
        None: zone_choices(country),
    }


def held_zone_label(zone: str) -> str:
    """A time zone outside the country's list, in words: "Europe/Paris (France)",
    or the name alone for a zone the table gives no country (an older alias)."""
    country = zone_countries().get(zone)
    name = country_names().get(country or "")
    return f"{zone_label(zone)} ({name})" if name else zone_label(zone)


def _offered_regions(form, _field) -> list[SelectChoice]:
    """The regions of the country the form holds (WTForms passes the form)."""
    return region_choices(form.place_country)


def _offered_zones(form, field):
    """The time zones of the country the form holds, and the person's own zone
    when the list does not name it."""
    country = form.place_country
    listed = zone_choices(country)
    zone = field.data or ""
    if zone in known_zones() and zone not in {c.value for c in listed}:
        return _zone_choices_with(country, zone)
    return listed


ZONE_NAME_LENGTH = 40  # the longest IANA name is 32 characters


def unknown_zone_message(value: str) -> str:
    """What to say of a time zone the calendar cannot use (a saved answer's
    too, shown on the step that fixes it): its name, then what to do."""
    if not value:
        return "Choose your time zone from the list"
    shown = value if len(value) <= ZONE_NAME_LENGTH else value[: ZONE_NAME_LENGTH - 1] + "…"
    return f"“{shown}” is not a time zone Byline knows. Choose your time zone from the list"


def order_clash(rows: list[dict]) -> str | None:
    """A message when two kept themes share a place in the order, else None."""
    by_place: dict[int, list[str]] = {}
    for row in rows:
        by_place.setdefault(row.get("order") or 0, []).append(row["title"].strip())
    for place, titles in sorted(by_place.items()):
        if len(titles) > 1:
            names = ", ".join(f"“{t}”" for t in titles[:-1]) + f" and “{titles[-1]}”"
            return (
                f"{names} are all number {place} in the order. "
                "Give each theme its own number, 1 for the first"
                if len(titles) > 2
                else f"{names} are both number {place} in the order. "
                "Give each theme its own number, 1 for the first"
            )
    return None


class ThemesForm(BylineForm):
    """Step 5: 3 to 6 themes, each with a period and an order, and when to post."""

    offered = None  # the suggestions this page offers (set by the step's prepare)
    held_place = ("", "")  # the saved answer's (country, time zone), set by the step's prepare

    themes = DeferredRows(FormField(ThemeRowForm), min_entries=0, max_entries=THEME_ROWS)
    start_date = DateField(
        "When would you like to start?",
        description="Your first theme starts on this day. Next Monday is a good choice: "
        "the week before it is your setup week.",
        validators=[DataRequired("Enter a start date, for example 2 March 2026")],
    )

    def summary_rows(self) -> list[tuple[str, str | list[str]]]:
        """The kept themes in their order, each with its period, then when to post."""
        kept = chosen_rows(self.themes.data)
        themes = [
            f"{n}. {' '.join(str(row['title']).split())} · {weeks_words(row.get('weeks'))}"
            for n, row in enumerate(kept, start=1)
        ]
        return [("Your themes, in order", themes or "No themes chosen")] + field_rows(
            self, skip=("themes",)
        )

    def validate_themes(self, field):
        """Three to six themes keep a plan varied without spreading it thin.

        A row keeps its hidden key only if the page offered it (see
        `wizard.theme_keys`): the dashboard counts themes by key.
        """
        if self.offered is not None:
            for entry in field.entries:
                row = entry.form
                row.key.data = accepted_key(
                    row.key.data or "", row.title.data or "", self.offered, load_library()
                )
        kept = [
            row for row in field.data if row.get("include") and (row.get("title") or "").strip()
        ]
        if len(kept) < MIN_THEMES:
            raise ValidationError(f"Choose at least {MIN_THEMES} themes")
        if len(kept) > MAX_THEMES:
            raise ValidationError(f"Choose at most {MAX_THEMES} themes")
        clash = order_clash(kept)
        if clash:
            raise ValidationError(clash)

    post_time = TimeField(
        "At what time of day would you like to post?",
        description="Your calendar reminds you then, in your time zone. For example 08:30.",
        default=time(8, 30),
        validators=[DataRequired("Enter a time, for example 08:30")],
    )
    # The time the page offered (the field's own, or the office default): a
    # time sent unchanged keeps the field's suggestion, any other is the person's.
    offered_time = HiddenField(validators=[Optional(), Length(max=5)])
    country = SelectField(
        "Where do you live?",
        description="Your calendar leaves your public holidays free, and shows dates "
        "the way your country writes them.",
        choices=_countries,
        default="",
        validate_choice=False,
        filters=[country_code],
    )
    region = SelectField(
        "State or region (optional)",
        description="Where holidays differ within a country (Indian states, German Länder, "
        "US states …), choose yours to leave its own holidays free too.",
        choices=_offered_regions,
        default="",
        validate_choice=False,
    )
    time_zone = SelectField(
        "Your time zone",
        description="Your posting time is in this time zone. The list holds your "
        "country’s time zones, and UTC.",
        choices=_offered_zones,
        default="UTC",
        validate_choice=False,
    )
    quiet_period = BooleanField(
        "Keep a quiet period from 24 December to 1 January",
        description="Few people read, or post, in the last week of the year.",
        default=True,
    )
    days_off = TextAreaField(
        "Days you will not post (optional)",
        description="One a line: a date like 2026-03-14, or a range like "
        "2026-08-03 to 2026-08-14 for a holiday of your own.",
        validators=[Optional(), MaxLength(1000, "Your days off")],
    )

    @property
    def place_country(self) -> str:
        """The country the form holds when it is one of the list's, else ""."""
        code = (self.country.data or "").strip().upper()
        return code if code in country_names() else ""

    def refresh(self) -> None:
        """Shown again for a newly chosen country (the button for browsers
        without JavaScript): the region and time zone stay where they fit it,
        else start from none and the country's main time zone (which UTC, the
        list's start before a country is chosen, gives way to as well)."""
        country = self.place_country
        self.country.data = country
        lists = place_lists(country)
        if self.region.data not in {value for value, _name in lists["regions"]}:
            self.region.data = ""
        zones = {zone for zone, _label in lists["time_zones"]}
        if self.time_zone.data not in zones or self.time_zone.data == UNIVERSAL:
            self.time_zone.data = lists["time_zone"]

    def validate_country(self, field):
        """A country from the list, or none."""
        field.data = country_code(field.data)
        if field.data and field.data not in country_names():
            raise ValidationError("Choose your country from the list")

    def validate_region(self, field):
        """A region of the chosen country, or none."""
        value = (field.data or "").strip()
        field.data = value
        if not value:
            return
        country, _, code = value.partition("-")
        if country not in REGIONAL_COUNTRIES or not region_name(country, code):
            raise ValidationError("Choose your state or region from the list, or none")
        if country != (self.country.data or "").strip().upper():
            chosen = country_names().get(self.country.data or "", "the country you chose")
            raise ValidationError(
                f"{region_name(country, code)} is not in {chosen}: choose a state or region "
                "there, or none"
            )

    def validate_time_zone(self, field):
        """A time zone the calendar can use: one of the country's, UTC, or the
        one the saved answer already holds with the same country.

        Answers saved before the list followed the country may hold another
        country's zone (someone in the United Kingdom on Paris time): that is
        kept, never refused at check your answers or on import. A zone newly
        chosen, or a country newly changed, must fit: a person who moves to
        another country is asked for a time zone there.
        """
        value = (field.data or "").strip()
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValidationError(unknown_zone_message(value)) from error
        field.data = value
        country = self.place_country
        if (country, value) != self.held_place and not zone_fits(country, value):
            raise ValidationError(
                f"{zone_label(value)} is not in {country_names()[country]}: "
                "choose a time zone there, or UTC"
            )

    def validate_days_off(self, field):
        """Dates the calendar can read."""
        _days, problems = parse_days_off(field.data or "")
        if problems:
            raise ValidationError(
                f"We could not read “{problems[0]}”: write a date like 2026-03-14, "
                "or a range like 2026-08-03 to 2026-08-14"
            )

    def validate_start_date(self, field):
        """A start within a sensible window."""
        today = date.today()
        if field.data and not (
            today - timedelta(days=31) <= field.data <= today + timedelta(days=366)
        ):
            raise ValidationError("Choose a start date within the next year")


@functools.lru_cache(maxsize=128)
def situations_form_class(slugs: tuple[str, ...] | None = None) -> type[BylineForm]:
    """Step 6's form: one choice of approach per situation, for the situations
    named by ``slugs`` (a person's own: a few dozen questions bound and
    checked on each visit instead of every situation in the library), else
    for every situation."""
    library = load_library()
    attrs = {"__doc__": "Step 6: how the person handles each tricky situation."}
    # Step 6 shows each person only their own situations (their sectors', their
    # family's, and the general ones their family and sectors keep); a
    # situation not shown, and so not sent, falls back to its recommended
    # approach. A value that is sent must be one of its approaches.
    extra = [
        *library.situations,
        *(s for sector in library.sectors for s in sector.situations),
        *(s for family in library.families for s in family.situations),
    ]
    if slugs is not None:
        wanted = set(slugs)
        extra = [situation for situation in extra if situation.slug in wanted]
    for situation in extra:
        choices = [o.slug for o in situation.options]
        attrs[field_name(situation.slug)] = RadioField(
            situation.title,
            description=situation.summary,
            choices=options((o.slug, o.label) for o in situation.options),
            validate_choice=False,
            validators=[Optional(), AnyOf(choices, message="Choose one of the approaches")],
        )
    sector_fields = {field_name(s.slug) for s in extra}

    def summary_rows(form) -> list[tuple[str, str]]:
        """The person's own situations when step 6's prepare hook has placed
        them (``situation_groups``), each with the approach their playbook
        will hold; else every general situation and the others answered."""
        groups = getattr(form, "situation_groups", None)
        if groups is not None:
            return [
                (s.title, s.option(form[field_name(s.slug)].data).label)
                for group in groups
                for s in group.situations
            ]
        shown = [
            row
            for field, row in zip(
                [f for f in form if f.type not in ("CSRFTokenField", "HiddenField")],
                field_rows(form),
                strict=True,
            )
            if field.name not in sector_fields or field.data
        ]
        return shown

    attrs["summary_rows"] = summary_rows
    return type("SituationsForm", (BylineForm,), attrs)
