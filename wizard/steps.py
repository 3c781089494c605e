"""Byline's wizard: the six steps, in order, with what each starts from."""

from __future__ import annotations

import functools
from datetime import time
from typing import Any, NamedTuple

from flask import has_request_context, request
from wtforms import Field

from wizard.engine import Answers, Step, Wizard
from wizard.forms import (
    THEME_ROW_FIELDS,
    THEME_ROWS,
    ComfortForm,
    GoalsForm,
    ThemesForm,
    WorkForm,
    options,
    situations_form_class,
    tone_form_class,
    upcoming_monday,
)
from wizard.generators.place import (
    country_code,
    country_from_languages,
    known_country,
    main_zone,
    observes_christmas,
)
from wizard.generators.plan import DEFAULT_POST_TIME, field_sectors, person_timing
from wizard.generators.playbook import (
    field_name,
    person_standing,
    playbook_family,
    playbook_field,
    playbook_sectors,
    situation_groups,
)
from wizard.generators.themes import suggest_themes, theme_rows, work_key
from wizard.generators.tone import field_defaults, is_formal_field
from wizard.library import chosen_theme_keys, load_library
from wizard.library.loader import Situation
from wizard.library.voice import load_voice
from wizard.programme import ProgrammeTerms, ToneLimit
from wizard.recent import Recent

BLANK_THEME_ROWS = 2
CompanyThemes = tuple[tuple[str, str], ...]  # a programme's (stable id, title) pairs

# The tone NN/g found to work best for business: casual, respectful, a little warm.
TONE_DEFAULTS = {"humour": 3, "formality": 4, "respect": 2, "enthusiasm": 3}


def _work_key(work: dict, chosen: tuple, library, *more) -> tuple:
    """A key for what is worked out from the work answers and the themes kept
    (and ``more``), with the library it was worked out from."""
    return (work_key(work), chosen, id(library), *more)


def theme_suggestions(answers: Answers, company_themes: CompanyThemes = ()):
    """The themes suggested for the answers so far (a programme's first).

    The themes step and check your answers both need them, on every visit;
    `suggest_themes` keeps the most recent.
    """
    goals = list((answers.get("goals") or {}).get("goals") or ())
    work = answers.get("work") or {}
    return suggest_themes(work, goals, load_library(), company_themes, chosen_theme_keys(answers))


def guessed_country() -> str:
    """The country the browser's languages name ("en-IN" -> India), else none.

    Without JavaScript this is the first guess; with it, static/places.js
    takes the country of the browser's time zone instead.
    """
    if not has_request_context():
        return ""
    return country_from_languages(lang for lang, _q in request.accept_languages)


def initial_themes(
    answers: Answers, company_themes: CompanyThemes = (), *, tick_company: bool = False
) -> dict[str, Any]:
    """Suggested themes, the first few ticked (a company's only if its programme
    asks), next Monday as the start, and a first guess at where the person
    lives (their time zone from it)."""
    rows = theme_rows(theme_suggestions(answers, company_themes), tick_company=tick_company)
    country = guessed_country()
    zone = main_zone(country)
    offered = offered_post_time(answers)
    return {
        "themes": rows,
        "start_date": upcoming_monday(),
        "post_time": offered,
        "offered_time": offered.strftime("%H:%M"),
        "country": country,
        "region": "",
        "time_zone": zone,
        "quiet_period": observes_christmas(country),
        "days_off": "",
    }


def offered_post_time(answers: Answers) -> time:
    """The posting time the themes step offers: the one the library gives the
    person's field, sector or family (a teacher's evening, after the school
    day), else the office default."""
    library = load_library()
    work = answers.get("work") or {}
    area = library.field_for(work, chosen_theme_keys(answers))
    sectors = field_sectors(area, work, library)
    timing = person_timing(library, area, sectors, playbook_family(library, area, work))
    return timing.post_time if timing and timing.post_time else DEFAULT_POST_TIME


def prepare_themes(form: ThemesForm, answers: Answers, company_themes: CompanyThemes = ()) -> None:
    """Offer empty rows for the person's own themes (up to the limit), note the
    suggestions the page offers (the only keys a row may keep), say whether
    where the person lives is still a guess, and note the country and time zone
    the saved answer holds (the zone is kept with that country even when it is
    not one of the country's). The region and time zone lists follow the
    form's country (see `ThemesForm.place_country`)."""
    form.offered = theme_suggestions(answers, company_themes)
    form.guessing = "themes" not in answers
    saved = answers.get("themes") if isinstance(answers.get("themes"), dict) else {}
    form.held_place = (
        country_code(str(saved.get("country") or "")),
        str(saved.get("time_zone") or "").strip(),
    )
    plain = form.themes.plain_rows()
    if plain is None:
        titles = [entry.form.title.data for entry in form.themes.entries]
    else:
        titles = [row.get("title") for row in plain]
    blank = sum(1 for title in titles if not has_theme(title, False))
    added = min(BLANK_THEME_ROWS - blank, THEME_ROWS - len(titles))
    for count in range(len(titles), len(titles) + added):
        form.themes.add_plain_row({"order": count + 1, "weeks": 2})


def initial_tone(answers: Answers, limits: tuple[ToneLimit, ...] = ()) -> dict[str, Any]:
    """Start from the programme's defaults, else where the person's field starts.

    Regulated and formal fields start more formal and serious; elsewhere the
    tone that tends to work best for business (casual, respectful, a little
    warm). A programme's defaults win.
    """
    area = load_library().field_for(answers.get("work") or {}, chosen_theme_keys(answers))
    tone = field_defaults(area.family, area.sectors) if area else dict(TONE_DEFAULTS)
    for limit in limits:
        tone[limit.dimension] = limit.default
    return tone


def prepare_work(form, answers: Answers) -> None:
    """Step 1 knows the themes already kept: they can hold a finished plan's field."""
    form.theme_keys = chosen_theme_keys(answers)


def prepare_tone(form, answers: Answers) -> None:
    """The tone step's hint: fields that start formal and serious are told so, not pushed."""
    library = load_library()
    area = library.field_for(answers.get("work") or {}, chosen_theme_keys(answers))
    formal = bool(area) and is_formal_field(area.family, area.sectors)
    form.tone_hint = load_voice().formal_note if formal else library.tone_advice


_GROUPS: Recent[tuple, tuple] = Recent(256)


def _person_groups(answers: Answers, programme_sector: str, programme: bool) -> tuple:
    """The person's situation groups (see ``situation_groups``) from their answers.

    Step 6 needs them three times a request (its form's fields, their starting
    approaches, the page); a process keeps the most recent by what they
    depend on (the work answers, the chosen themes, the goals, the programme,
    the library, the country the themes step holds).
    """
    library = load_library()
    work = answers.get("work") or {}
    chosen = chosen_theme_keys(answers)
    goals = tuple(str(g) for g in (answers.get("goals") or {}).get("goals") or ())
    country = answer_country(answers)
    key = _work_key(work, chosen, library, programme_sector, programme, goals, country)
    kept = _GROUPS.get(key)
    if kept is None:
        area = library.field_for(work, chosen)
        sectors = playbook_sectors(library, field_sectors(area, work, library), programme_sector)
        kept = tuple(
            situation_groups(
                library,
                sectors,
                playbook_family(library, area, work),
                person_standing(work, programme),
                playbook_field(area),
                goals,
                country,
            )
        )
        _GROUPS.put(key, kept)
    return kept


def answer_country(answers: Answers) -> str:
    """The country the themes step holds (step 6's cards are worded for it), or ""."""
    themes = answers.get("themes")
    return known_country(themes.get("country")) if isinstance(themes, dict) else ""


def situations_form_for(
    answers: Answers, programme_sector: str = "", programme: bool = False
) -> type:
    """Step 6's form with only the person's own situations."""
    groups = _person_groups(answers, programme_sector, programme)
    slugs = tuple(sorted({s.slug for group in groups for s in group.situations}))
    return situations_form_class(slugs)


_STARTS: Recent[int, tuple] = Recent(4)


def _library_starts(library) -> tuple[tuple[str, str], ...]:
    """Every situation of the library (general, sectors', families') with the
    approach it starts on, by field name: the same for everyone, kept per
    library loaded."""
    kept = _STARTS.get(id(library))
    if kept is not None and kept[0] is library:
        return kept[1]
    every = [
        *library.situations,
        *(s for sector in library.sectors for s in sector.situations),
        *(s for family in library.families for s in family.situations),
    ]
    starts = tuple({field_name(s.slug): s.recommended for s in every}.items())
    _STARTS.put(id(library), (library, starts))
    return starts


def initial_situations(
    answers: Answers, programme_sector: str = "", programme: bool = False
) -> dict[str, Any]:
    """Start every situation on its recommended approach: for the person's own
    situations, the one their sectors or family recommend."""
    start = dict(_library_starts(load_library()))
    for group in _person_groups(answers, programme_sector, programme):
        start.update({field_name(s.slug): s.recommended for s in group.situations})
    return start


class SituationRow(NamedTuple):
    """One situation as step 6 shows it: its radio group and what its summary says."""

    situation: Situation
    field: Field
    chosen: str | None  # the label of the approach chosen, if it is one of the options
    recommended: str  # the label of the approach most guidelines recommend
    is_recommended: bool

    @property
    def key(self) -> tuple:
        """Everything the row shows: its situation's words and options, and its
        field's id, name, value and errors."""
        s, field = self.situation, self.field
        return (
            s.slug,
            s.title,
            s.summary,
            s.recommended,
            tuple((o.slug, o.label) for o in s.options),
            field.id,
            field.name,
            repr(field.data),
            tuple(str(e) for e in field.errors),
        )


def situation_rows(form, groups) -> list[tuple[Any, list[SituationRow]]]:
    """Each group of step 6 with its situations as plain rows."""
    rows = []
    for group in groups:
        members = []
        for situation in group.situations:
            field = form[field_name(situation.slug)]
            chosen = next((o.label for o in situation.options if o.slug == field.data), None)
            members.append(
                SituationRow(
                    situation,
                    field,
                    chosen,
                    situation.option(situation.recommended).label,
                    field.data == situation.recommended,
                )
            )
        rows.append((group, members))
    return rows


def row_key(row_form) -> tuple:
    """Everything a themes-step row shows of its fields: each one's name (its
    id follows from it), value as read and as typed, errors, and the list it
    chooses from (the rows' lists are built once per process, so a list is
    known by its identity)."""
    key = []
    for field in row_form:
        choices = getattr(field, "choices", None)
        key.append(
            (
                field.name,
                repr(field.data),
                field._value() if choices is None else None,
                tuple(map(str, field.errors)),
                None if choices is None else (id(choices), len(choices)),
            )
        )
    return tuple(key)


_MISSING = object()  # a row's field its saved values leave out (the field's default shows)


def plain_row_key(row) -> tuple:
    """A themes-step row known by its plain values, before any form is built:
    each of the row form's fields' values as given (or missing). Rows with the
    same values at the same place render the same."""
    return tuple(repr(row.get(name, _MISSING)) for name in THEME_ROW_FIELDS)


def shows_company(key) -> bool:
    """Whether a row's key marks a theme the person's company suggested."""
    return isinstance(key, str) and key.startswith("company:")


def has_theme(title, include) -> bool:
    """Whether a themes-step row holds a theme (words, or ticked), rather than
    waiting blank for the person's own."""
    return bool((title if isinstance(title, str) else "").strip() or include)


_CHOICES: Recent[int, tuple[Situation, list]] = Recent(1024)


def situation_choices(situation: Situation) -> list:
    """A situation's approaches as a field's choices: one list per situation
    (its words as the person reads them), made once and shared by every form
    that shows it, so its options are also rendered once (`wizard.form_html`)."""
    kept = _CHOICES.get(id(situation))
    if kept is None or kept[0] is not situation:
        kept = (situation, options((o.slug, o.label) for o in situation.options))
        _CHOICES.put(id(situation), kept)
    return kept[1]


def prepare_situations(
    form, answers: Answers, programme_sector: str = "", programme: bool = False
) -> None:
    """Step 6 knows the person's own situations, most field-specific first
    (``form.situation_groups``: their sectors', their family's, the general
    ones that fit them), the same list their playbook will hold, in the words
    that fit them (an owner's approaches read as an owner's)."""
    form.situation_groups = _person_groups(answers, programme_sector, programme)
    for group in form.situation_groups:
        for situation in group.situations:
            field = form[field_name(situation.slug)]
            field.label.text = situation.title
            field.description = situation.summary
            field.choices = situation_choices(situation)
    form.situation_rows = situation_rows(form, form.situation_groups)
    every_row = [row for _group, rows in form.situation_rows for row in rows]
    form.situation_counts = (
        len(every_row),
        sum(1 for row in every_row if not row.is_recommended),
    )


def byline_wizard(terms: ProgrammeTerms | None = None) -> Wizard:
    """The wizard a person goes through, shaped by their programme if they have one."""
    if terms is None:
        return _wizard((), (), False)
    return _wizard(
        terms.tone, terms.company_themes, terms.tick_company_themes, terms.sector or "", True
    )


@functools.lru_cache(maxsize=256)
def _wizard(
    limits: tuple[ToneLimit, ...],
    company_themes: CompanyThemes,
    tick_company: bool,
    sector: str = "",
    programme: bool = False,
) -> Wizard:
    """The six steps for one set of tone limits and company themes (ticked
    for people when ``tick_company``), the programme's sector, and whether
    there is a programme at all."""
    return Wizard(
        [
            Step("work", "What do you know well?", WorkForm, prepare=prepare_work),
            Step("comfort", "How comfortable are you with sharing in public?", ComfortForm),
            Step("goals", "What would you like being visible to bring you?", GoalsForm),
            Step(
                "tone",
                "How do you want to sound?",
                tone_form_class(limits),
                prepare=prepare_tone,
                initial=functools.partial(initial_tone, limits=limits),
            ),
            Step(
                "themes",
                "What will you write about, and when?",
                ThemesForm,
                prepare=functools.partial(prepare_themes, company_themes=company_themes),
                initial=functools.partial(
                    initial_themes, company_themes=company_themes, tick_company=tick_company
                ),
            ),
            Step(
                "situations",
                "What will you do when things get tricky?",
                situations_form_class(),
                prepare=functools.partial(
                    prepare_situations, programme_sector=sector, programme=programme
                ),
                form_for=functools.partial(
                    situations_form_for, programme_sector=sector, programme=programme
                ),
                initial=functools.partial(
                    initial_situations, programme_sector=sector, programme=programme
                ),
            ),
        ]
    )
