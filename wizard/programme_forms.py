"""The form a comms team fills in to create or change a programme."""

from __future__ import annotations

import functools
from typing import Any

from wtforms import (
    BooleanField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, Optional

from wizard.forms import options
from wizard.formtools import BylineForm, MaxLength, too_long
from wizard.generators.themes import TITLE_LENGTH
from wizard.library import load_library
from wizard.programme import company_theme_lines, name_lines, protects_pay_talk
from wizard.steps import TONE_DEFAULTS

MAX_RULES = 10_000
MAX_COMPANY_THEMES = 6
MAX_NAMES = 100  # per list of names for the draft check
MAX_NAME_LENGTH = 120
NAME_LISTS = ("products", "competitors", "customers", "off_limits")


# The comms team's question for each tone dimension: where people start, how far they may go.
TONE_QUESTIONS = {
    "humour": "Where do people start on humour, and how far may they go?",
    "formality": "How formal do people start, and how far either way may they go?",
    "respect": "How respectful of the way things are done do people start, "
    "and how cheeky may they get?",
    "enthusiasm": "How much enthusiasm do people start with, and how far may they go?",
}


TONE_NOUNS = {
    "humour": "humour",
    "formality": "formality",
    "respect": "respect for how things are done",
    "enthusiasm": "enthusiasm",
}


def tone_question(dimension) -> str:
    """What the programme form asks the comms team about one tone dimension."""
    return TONE_QUESTIONS.get(
        dimension.slug,
        f"Where do people start between {dimension.left} and {dimension.right}, "
        "and how far may they go?",
    )


@functools.cache
def programme_form_class() -> type[BylineForm]:
    """The programme form, with three fields per tone dimension from the library."""
    library = load_library()
    attrs: dict[str, Any] = {
        "__doc__": "A programme's name, tone defaults and limits, rules, disclosure, contacts.",
        "name": StringField(
            "Name of the programme",
            description="What colleagues will see, for example “Acme Voices”.",
            validators=[
                DataRequired("Enter a name for the programme"),
                MaxLength(120, "The programme’s name"),
            ],
        ),
        "company": StringField(
            "Company name",
            description="As people write it in a post, for example “Acme”.",
            validators=[DataRequired("Enter the company name"), MaxLength(120, "The company name")],
        ),
        "sector": SelectField(
            "Sector (optional)",
            description="In a regulated sector, everyone in the programme gets its extra "
            "situations in their playbook, for example how to pass on a side effect "
            "someone mentions online.",
            choices=options(
                [("", "No particular sector")] + [(s.slug, s.name) for s in library.sectors]
            ),
            default="",
            validators=[Optional()],
        ),
        "rules": TextAreaField(
            "Rules everyone in the programme follows",
            description="Short and specific: what to do, with an example each. "
            "You can use Markdown: a line starting with “- ” is a list item, **bold** is bold.",
            validators=[Optional(), MaxLength(MAX_RULES, "The rules")],
        ),
        "disclosure": StringField(
            "How people say they work for the company",
            description="A hashtag or short line that goes in posts about the company "
            "or its products, for example “#AcmeEmployee” or “I work at Acme.”",
            validators=[Optional(), MaxLength(200, "How people say they work for the company")],
        ),
        "media_contact": StringField(
            "Who to contact for media requests",
            description="A team name and an email address or phone number.",
            validators=[Optional(), MaxLength(200, "The contact for media requests")],
        ),
        "crisis_contact": StringField(
            "Who to contact in a crisis",
            description="Who people tell first when something goes wrong in public.",
            validators=[Optional(), MaxLength(200, "The contact in a crisis")],
        ),
        "company_themes": TextAreaField(
            "Themes the company suggests (optional)",
            description=f"Up to {MAX_COMPANY_THEMES}, one per line, for example "
            "“How we build for reliability”. People can choose them in their own plan.",
            validators=[Optional(), MaxLength(1000, "The company’s themes")],
        ),
        "tick_company_themes": BooleanField(
            "Start people with these themes ticked",
            description="They can still untick them. Left unticked, the themes are offered "
            "with “Suggested by” and your company’s name, and people tick the ones they want.",
        ),
        "products": TextAreaField(
            "Product names (optional)",
            description="One per line. A post that names one should say the writer works "
            "for the company.",
            validators=[Optional(), MaxLength(4000, "The product names")],
        ),
        "competitors": TextAreaField(
            "Competitors (optional)",
            description="One per line. A post that names one should carry the disclosure too.",
            validators=[Optional(), MaxLength(4000, "The competitors")],
        ),
        "customers": TextAreaField(
            "Customers people must not name without agreement (optional)",
            description="One per line. The draft check asks people to leave them out or link "
            "the customer's own announcement.",
            validators=[Optional(), MaxLength(4000, "The customers")],
        ),
        "off_limits": TextAreaField(
            "Off-limits phrases (optional)",
            description="One per line: whole phrases such as “Project Falcon”, not single "
            "common words. Add the reason after a colon: “Project Falcon: the code name is "
            "internal”. Nothing here may stop people talking about pay or working conditions.",
            validators=[Optional(), MaxLength(4000, "The off-limits phrases")],
        ),
    }
    for dimension in library.tone_dimensions:
        positions = list(enumerate(dimension.labels, start=1))
        attrs[f"{dimension.slug}_default"] = RadioField(
            f"Where people start on {TONE_NOUNS.get(dimension.slug, dimension.slug)}",
            description=f"The starting point people see, from {dimension.left} to "
            f"{dimension.right}.",
            coerce=int,
            default=TONE_DEFAULTS.get(dimension.slug, 3),
            choices=options(positions),
            validators=[DataRequired(f"Choose a starting point for {dimension.left}")],
        )
        attrs[f"{dimension.slug}_low"] = SelectField(
            "Allowed from",
            coerce=int,
            default=1,
            choices=options(positions),
        )
        attrs[f"{dimension.slug}_high"] = SelectField(
            "Allowed to",
            coerce=int,
            default=5,
            choices=options(positions),
        )

    def validate(form, extra_validators=None) -> bool:
        """Each range must hold its starting point."""
        valid = BylineForm.validate(form, extra_validators)
        for dimension in library.tone_dimensions:
            low = form[f"{dimension.slug}_low"]
            high = form[f"{dimension.slug}_high"]
            default = form[f"{dimension.slug}_default"]
            if low.errors or high.errors or default.errors:
                continue
            if low.data > high.data:
                high.errors.append("The end of the range must not come before its start")
                valid = False
            elif not low.data <= default.data <= high.data:
                default.errors.append("The starting point must be inside the range you allow")
                valid = False
        return valid

    def validate_company_themes(form, field):
        themes = company_theme_lines(field.data or "")
        if len(themes) > MAX_COMPANY_THEMES:
            raise ValidationError(f"Suggest at most {MAX_COMPANY_THEMES} themes, one per line")
        for n, line in enumerate((field.data or "").splitlines(), start=1):
            if len(line.strip()) > TITLE_LENGTH:
                raise ValidationError(
                    too_long(f"Line {n} of the company’s themes", TITLE_LENGTH, len(line.strip()))
                )

    def validate_names(form, field):
        lines = name_lines(field.data or "")
        if len(lines) > MAX_NAMES:
            raise ValidationError(f"List at most {MAX_NAMES}, one per line")
        for n, line in enumerate(lines, start=1):
            if len(line) > MAX_NAME_LENGTH:
                raise ValidationError(too_long(f"Line {n}", MAX_NAME_LENGTH, len(line)))

    def validate_off_limits(form, field):
        validate_names(form, field)
        banned = [line for line in name_lines(field.data or "") if protects_pay_talk(line)]
        if banned:
            raise ValidationError(
                f"“{banned[0]}” would stop people talking about pay or working conditions, "
                "which they have a right to do. Remove it."
            )

    attrs["validate"] = validate
    for name in NAME_LISTS[:-1]:
        attrs[f"validate_{name}"] = validate_names
    attrs["validate_off_limits"] = validate_off_limits
    attrs["validate_company_themes"] = validate_company_themes
    return type("ProgrammeForm", (BylineForm,), attrs)


def settings_from(form: BylineForm) -> dict[str, Any]:
    """A valid form's data as the programme's columns."""
    library = load_library()
    tone = {
        d.slug: {
            "default": form[f"{d.slug}_default"].data,
            "low": form[f"{d.slug}_low"].data,
            "high": form[f"{d.slug}_high"].data,
        }
        for d in library.tone_dimensions
    }
    return {
        "name": " ".join(form.name.data.split()),
        "company": " ".join(form.company.data.split()),
        "tone": tone,
        "rules": (form.rules.data or "").strip(),
        "disclosure": (form.disclosure.data or "").strip(),
        "media_contact": (form.media_contact.data or "").strip(),
        "crisis_contact": (form.crisis_contact.data or "").strip(),
        "company_themes": company_theme_lines(form.company_themes.data or ""),
        "tick_company_themes": bool(form.tick_company_themes.data),
        "sector": form.sector.data or "",
        **{name: name_lines(form[name].data or "") for name in NAME_LISTS},
    }


def form_data_from(programme) -> dict[str, Any]:
    """A programme's settings as the form's initial data."""
    data: dict[str, Any] = {
        "name": programme.name,
        "company": programme.company,
        "rules": programme.rules,
        "disclosure": programme.disclosure,
        "media_contact": programme.media_contact,
        "crisis_contact": programme.crisis_contact,
        "company_themes": "\n".join(title for _id, title in programme.theme_pairs()),
        "tick_company_themes": bool(programme.tick_company_themes),
        "sector": programme.sector or "",
        **{name: "\n".join(getattr(programme, name) or ()) for name in NAME_LISTS},
    }
    for slug, values in (programme.tone or {}).items():
        for part in ("default", "low", "high"):
            if part in values:
                data[f"{slug}_{part}"] = values[part]
    return data
