"""The ideas page: filter, ask for more, mark ideas saved, used or not for me."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlencode

from flask import (
    Blueprint,
    abort,
    flash,
    get_flashed_messages,
    redirect,
    render_template,
    request,
    url_for,
)
from wtforms import Form, HiddenField, IntegerField, SelectField
from wtforms.validators import AnyOf, DataRequired, InputRequired, Length, NumberRange, Optional

from models.frameworks import Framework
from wizard.formtools import BylineForm
from wizard.fragments import kept_page
from wizard.generators.idea_filter import (
    EFFORT_LEVELS,
    MARK_LABELS,
    SHOW_CHOICES,
    IdeaFilter,
    current_theme,
    filter_ideas,
    format_choices,
    stretch_format_names,
    stretch_from,
)
from wizard.generators.plan import Plan
from wizard.lookups import completed_framework_or_404
from wizard.plans import plan_for
from wizard.whitespace import without_indentation
from wizard.writes import refused_message, submit

bp = Blueprint("ideas", __name__, url_prefix="/f/<token>")

FILTER_KEYS = ("theme", "format", "effort", "show")
MAX_MORE_BATCHES = 10  # "more ideas" per theme; beyond this the lists repeat themselves
CLEAR = "clear"
# Each idea's buttons, always in this order: the one in force is shown pressed.
MARK_BUTTONS = [("saved", "Save"), ("used", "I used it"), ("hidden", "Not for me")]
# What the page's buttons send for each state: its first letter.
SHORT_STATES = {state[0]: state for state, _label in MARK_BUTTONS} | {"c": "clear"}
MORE_CATEGORY = "more-ideas-"  # flash category: the "more ideas" result for one theme
NEW_CATEGORY = "new-ideas"  # flash category: the keys of the ideas just added


class FilterForm(Form):
    """The filters above the list, sent with GET (nothing to protect)."""

    theme = SelectField("Theme", validate_choice=False, default="")
    format = SelectField("Format", validate_choice=False, default="")
    effort = SelectField("Effort", validate_choice=False, default="")
    show = SelectField("Show", validate_choice=False, default="open")

    def __init__(self, formdata, plan: Plan):
        super().__init__(formdata)
        self.theme.choices = [("", "All themes")] + [
            (str(t.number), f"{t.number}. {t.title}") for t in plan.outline
        ]
        self.format.choices = [("", "Any format"), *format_choices(plan)]
        self.effort.choices = [("", "Any effort")] + [
            (key, label) for key, (label, _) in EFFORT_LEVELS.items()
        ]
        self.show.choices = list(SHOW_CHOICES.items())
        for field in self:
            field.validators = [
                AnyOf(
                    [value for value, _ in field.choices],
                    message=f"Choose a {field.label.text.lower()} from the list",
                )
            ]

    def chosen(self) -> IdeaFilter:
        """The filter these (valid) values describe."""
        return IdeaFilter(
            theme=int(self.theme.data) if self.theme.data else None,
            format=self.format.data or None,
            effort=self.effort.data or None,
            show=self.show.data or "open",
        )


class MarkForm(BylineForm):
    """The buttons under every idea: save, used, not for me, or clear the mark.

    The page has one such form for all its ideas: each button sends
    ``m=<s|u|h|c>:<idea key>`` (the state's first letter and the key's first
    eight characters, `full_key`: a page of every idea carries 171 of them),
    and ``mark=<state>:<idea key>`` is read as well, as pages rendered before
    sent it. The two fields ``idea_key`` and ``state``
    are accepted too, as a one-idea form sends them.
    """

    m = HiddenField(validators=[Optional(), Length(max=50)])
    mark = HiddenField(validators=[Optional(), Length(max=50)])
    idea_key = HiddenField(validators=[DataRequired(), Length(max=32)])
    state = HiddenField(validators=[AnyOf([*MARK_LABELS, CLEAR])])
    back = HiddenField(validators=[Optional(), Length(max=500)])

    def validate(self, extra_validators=None) -> bool:
        """Read the pressed button's ``mark`` into the idea and the state, then validate."""
        pressed = self.m.data or self.mark.data
        if pressed and ":" in pressed:
            state, _, self.idea_key.data = pressed.partition(":")
            self.state.data = SHORT_STATES.get(state, state)
        return super().validate(extra_validators)


SHORT_KEY = 8  # the ideas page's buttons name an idea by the first 8 of its key's 16 characters


def full_key(given: str, keys: set[str]) -> str | None:
    """The idea a button names: its whole key, or the one key of the plan that
    starts with the short form the ideas page sends (no idea if none or two do)."""
    if given in keys:
        return given
    if len(given) < SHORT_KEY:
        return None
    found = [key for key in keys if key.startswith(given)]
    return found[0] if len(found) == 1 else None


class MoreForm(BylineForm):
    """Ask for another batch of ideas for one theme."""

    theme = IntegerField(validators=[InputRequired(), NumberRange(min=1, max=10)])
    back = HiddenField(validators=[Optional(), Length(max=500)])


def back_to_list(token: str, back: str | None, anchor: str | None = None) -> str:
    """The ideas page with the filters the person had, rebuilt from known keys only."""
    query = parse_qs(back or "")
    kept = {key: query[key][0][:100] for key in FILTER_KEYS if query.get(key)}
    return url_for(".show", token=token, _anchor=anchor, **kept)


def default_filter(plan: Plan, today: date) -> dict[str, str]:
    """With no filter chosen, show the theme of the moment."""
    number = current_theme(plan, today)
    return {"theme": str(number) if number else "", "show": "open"}


@bp.get("/ideas")
def show(token: str):
    """Every idea, filtered, with the person's marks."""
    return kept_page("ideas", token, lambda: show_ideas(token))


def show_ideas(token: str):
    """The ideas page as rendered afresh."""
    framework = completed_framework_or_404(token)
    plan = plan_for(framework)
    args = request.args if any(k in request.args for k in FILTER_KEYS) else None
    form = FilterForm(args, plan)
    if args is None:
        form.process(data=default_filter(plan, date.today()))
    chosen = form.chosen() if args is None or form.validate() else IdeaFilter()
    marks = framework.marks()
    groups = filter_ideas(plan, chosen, marks)
    back = urlencode({k: v for k, v in request.args.items() if k in FILTER_KEYS})
    notes, new_keys = more_notes()
    page = render_template(
        "ideas/list.html",
        plan=plan,
        token=token,
        form=form,
        groups=groups,
        marks=marks,
        mark_labels=MARK_LABELS,
        mark_buttons=MARK_BUTTONS,
        channel_tips=channel_tips(groups),
        count=sum(len(ideas) for _, ideas in groups),
        mark_form=MarkForm(back=back),
        more_form=MoreForm(back=back),
        more_left={t.number: more_left(framework, t.key, t.number) for t in plan.outline},
        stretch_names=stretch_format_names(plan),
        stretch_theme=stretch_from(plan),
        filtered=args is not None,
        more_notes=notes,
        new_keys=new_keys,
        filter_summary=filter_summary(form),
        filters_open=bool(form.errors),
    )
    return without_indentation(page)


def channel_tips(groups) -> list[str]:
    """The tips for the channels of the ideas shown, each once, in order of first use.

    They are the same for every idea of a channel, so the page says each one
    once above the list instead of in every card."""
    tips: dict[str, None] = {}
    for _, ideas in groups:
        for idea in ideas:
            if idea.channel_tip:
                tips.setdefault(idea.channel_tip)
    return list(tips)


def filter_summary(form: FilterForm) -> str:
    """The filter in force, in words, for the folded filter panel's summary."""
    labels = dict(form.theme.choices), dict(form.format.choices), dict(form.effort.choices)
    show = dict(form.show.choices)
    parts = [
        labels[0].get(form.theme.data or "", "All themes"),
        labels[1].get(form.format.data or "", "Any format"),
        labels[2].get(form.effort.data or "", "Any effort").split(":")[0],
        show.get(form.show.data or "open", show["open"]),
    ]
    return " · ".join(parts)


def more_left(framework: Framework, theme: str, number: int) -> int:
    """How many more batches a theme may still ask for."""
    return max(0, MAX_MORE_BATCHES - framework.more_batches(theme, number))


@bp.post("/ideas/mark")
def mark(token: str):
    """Save, use, hide or clear one idea; back to the same place in the list."""
    framework = completed_framework_or_404(token)
    form = MarkForm()

    def save():
        key = full_key(form.idea_key.data, {idea.key for idea in plan_for(framework).ideas})
        if key is None:
            form.refuse("That idea is no longer in your list, so nothing was changed.")
            return None
        framework.mark_idea(key, None if form.state.data == CLEAR else form.state.data)
        return redirect(back_to_list(token, form.back.data, f"idea-{key}"), code=303)

    marked = submit(form, save)
    if marked is None:
        flash(refused_message(form))
        return redirect(back_to_list(token, form.back.data), code=303)
    return marked


@bp.post("/ideas/more")
def more(token: str):
    """Another batch of ideas for one theme."""
    framework = completed_framework_or_404(token)
    form = MoreForm()
    added: list[str] = []
    anchor = None

    def save():
        nonlocal added, anchor
        number = form.theme.data
        anchor = f"more-{number}"
        before = plan_for(framework).outline
        if number > len(before):
            abort(404)
        theme = before[number - 1]
        had = {idea.key for idea in theme.ideas}
        if more_left(framework, theme.key, number):
            framework.ask_for_more_ideas(theme.key, number)
            after = plan_for(framework).outline[number - 1].ideas
            added = [idea.key for idea in after if idea.key not in had]
        if not added:
            form.refuse(
                "This theme has all the ideas Byline can make for it. Try another theme or format."
            )
            return None
        return redirect(back_to_list(token, form.back.data, anchor), code=303)

    asked = submit(form, save)
    number = form.theme.data
    if asked is None:
        flash(refused_message(form), f"{MORE_CATEGORY}{number}")
        return redirect(back_to_list(token, form.back.data, anchor), code=303)
    count = len(added)
    flash(
        f"{count} more {'idea' if count == 1 else 'ideas'} added to this theme, marked “New”.",
        f"{MORE_CATEGORY}{number}",
    )
    flash(" ".join(added), NEW_CATEGORY)
    return asked


def more_notes() -> tuple[dict[int, str], set[str]]:
    """What the last "More ideas" said, by theme number, and the keys of the new ideas.

    The messages travel as categorised flashes, so the page can show each one
    inside its own theme, where the person pressed the button (the site-wide
    message area shows only uncategorised ones).
    """
    notes: dict[int, str] = {}
    new: set[str] = set()
    for category, message in get_flashed_messages(with_categories=True):
        if category == NEW_CATEGORY:
            new.update(message.split())
        elif category.startswith(MORE_CATEGORY) and category[len(MORE_CATEGORY) :].isdigit():
            notes[int(category[len(MORE_CATEGORY) :])] = message
    return notes, new
