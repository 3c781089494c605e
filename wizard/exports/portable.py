"""The portable JSON document: a framework's answers, to move to another Byline.

``framework_document`` writes it; ``read_document`` reads one back and checks
its shape; ``accepted_answers`` sends every step's answers through the
wizard's own forms, exactly as if a browser had posted them, so an import can
hold nothing the wizard itself would refuse. docs/framework-json.md describes
the format.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from werkzeug.datastructures import MultiDict

from wizard.engine import Answers, Wizard, form_answers
from wizard.formtools import error_links
from wizard.generators.plan import Plan

FORMAT = "byline-framework"
VERSION = 1
MAX_SEED = 2**31 - 1
MAX_THEMES = 10
MAX_MORE_BATCHES = 10
MAX_MARKS = 2000
IDEA_MARK_STATES = ("saved", "used", "hidden")
IDEA_KEY = re.compile(r"[0-9a-f]{8,32}")
THEME_NUMBER = re.compile(r"[0-9]{1,2}")
BROKEN_TEXT = re.compile("[\ud800-\udfff]")  # lone surrogates: no browser can send them
EARLIEST_START = date(2000, 1, 1)
READ_ONLY_FIELDS = ("summary", "exported_at")


class ImportProblem(ValueError):
    """Why a document cannot be imported, in words for the person importing it."""


@dataclass(frozen=True)
class PortableFramework:
    """What an import document holds, its shape checked (its answers not yet)."""

    answers: dict[str, dict[str, Any]]
    idea_seed: int
    more_ideas: dict[str, int] = field(default_factory=dict)
    idea_marks: dict[str, str] = field(default_factory=dict)
    completed_at: datetime | None = None


def utc_text(moment: datetime | None) -> str | None:
    """A stored (naive UTC) time as ISO 8601 with its offset, or None."""
    if moment is None:
        return None
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="seconds")


def plan_summary(plan: Plan) -> dict[str, Any]:
    """A read-only summary for people who open the file: ignored on import."""
    return {
        "role": plan.role,
        "expertise": plan.expertise,
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "themes": [
            {
                "number": theme.number,
                "title": theme.title,
                "start": theme.period.start.isoformat(),
                "end": theme.period.end.isoformat(),
                "posts": theme.posts,
            }
            for theme in plan.outline
        ],
    }


def framework_document(
    *,
    answers: Answers,
    idea_seed: int,
    more_ideas: Mapping[str, int] | None,
    idea_marks: Mapping[str, str],
    completed_at: datetime | None,
    exported_at: datetime,
    plan: Plan,
) -> dict[str, Any]:
    """Everything needed to rebuild a framework elsewhere, and nothing private."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": utc_text(exported_at),
        "completed_at": utc_text(completed_at),
        "idea_seed": idea_seed,
        "answers": {step: dict(data) for step, data in answers.items()},
        "more_ideas": {str(theme): int(count) for theme, count in (more_ideas or {}).items()},
        "idea_marks": dict(sorted(idea_marks.items())),
        "summary": plan_summary(plan),
    }


def document_json(document: Mapping[str, Any]) -> str:
    """The document as pretty, stable JSON text, with ``<``, ``>`` and ``&``
    escaped so that no browser could ever read markup into it."""
    text = json.dumps(document, indent=2, ensure_ascii=False)
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escaped)
    return text + "\n"


def _strings(document: Any) -> list[str]:
    """Every key and string value in a parsed JSON document."""
    found: list[str] = []
    pending = [document]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            found.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return found


def _parse_json(text: str) -> Any:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportProblem(
            f"This is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg.lower()}). Use the framework.json file exactly as Byline saved it."
        ) from error
    except (ValueError, RecursionError) as error:
        raise ImportProblem(
            "This is not a Byline export: it holds numbers or nesting Byline never writes."
        ) from error
    if any(BROKEN_TEXT.search(piece) for piece in _strings(document)):
        raise ImportProblem(
            "This export holds characters that are not text (a broken \\u escape). "
            "Use the framework.json file exactly as Byline saved it."
        )
    return document


def _whole_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_header(document: Any) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportProblem(
            f"This is not a Byline framework export: it needs "
            f'"format": "{FORMAT}". Use the framework.json file from a framework’s page.'
        )
    version = document.get("version")
    if version != VERSION or not _whole_number(version):
        said = (
            f"is version {version}"
            if _whole_number(version)
            else "has no version number Byline can read"
        )
        raise ImportProblem(f"This export {said}; this Byline reads version {VERSION} exports.")


def _read_answers(value: Any, wizard: Wizard) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict) or not value:
        raise ImportProblem('The export has no answers: "answers" must be an object of steps.')
    for step, data in value.items():
        if wizard.get(step) is None:
            raise ImportProblem(
                f"The export has answers for a step Byline does not know: “{step[:40]}”."
            )
        if not isinstance(data, dict):
            raise ImportProblem(f"The answers to the “{step}” step must be an object.")
    return value


def _read_seed(value: Any) -> int:
    if not _whole_number(value) or not 0 <= value <= MAX_SEED:
        raise ImportProblem(f'"idea_seed" must be a whole number from 0 to {MAX_SEED}.')
    return value


def _read_more_ideas(value: Any) -> dict[str, int]:
    if value is None:
        return {}
    problem = ImportProblem(
        f'"more_ideas" must map themes (their keys, such as "area:sre:error-budgets", or '
        f"their numbers, 1 to {MAX_THEMES}) to a number of extra batches "
        f"(0 to {MAX_MORE_BATCHES})."
    )
    if not isinstance(value, dict) or len(value) > 2 * MAX_THEMES:
        raise problem
    more = {}
    for number, batches in value.items():
        is_number = THEME_NUMBER.fullmatch(number) and 1 <= int(number) <= MAX_THEMES
        is_key = not number.isdigit() and 0 < len(number) <= 200 and number.isprintable()
        if not (is_number or is_key):
            raise problem
        if not _whole_number(batches) or not 0 <= batches <= MAX_MORE_BATCHES:
            raise problem
        if batches:
            more[str(int(number)) if is_number else number] = batches
    return more


def _read_marks(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    states = ", ".join(IDEA_MARK_STATES)
    problem = ImportProblem(
        f'"idea_marks" must map idea keys to one of: {states} (at most {MAX_MARKS} marks).'
    )
    if not isinstance(value, dict) or len(value) > MAX_MARKS:
        raise problem
    for key, state in value.items():
        if not IDEA_KEY.fullmatch(key) or state not in IDEA_MARK_STATES:
            raise problem
    return dict(value)


def _read_completed_at(value: Any) -> datetime | None:
    if value is None:
        return None
    problem = ImportProblem('"completed_at" must be a date and time like 2026-03-02T09:15:00Z.')
    if not isinstance(value, str):
        raise problem
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise problem from error
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    if not datetime(2000, 1, 1) <= moment <= datetime.now(UTC).replace(tzinfo=None):
        raise problem
    return moment


def read_document(text: str, wizard: Wizard) -> PortableFramework:
    """Parse an export and check its shape; raises ImportProblem with the reason."""
    document = _parse_json(text)
    _check_header(document)
    return PortableFramework(
        answers=_read_answers(document.get("answers"), wizard),
        idea_seed=_read_seed(document.get("idea_seed")),
        more_ideas=_read_more_ideas(document.get("more_ideas")),
        idea_marks=_read_marks(document.get("idea_marks")),
        completed_at=_read_completed_at(document.get("completed_at")),
    )


def answers_formdata(data: Mapping[str, Any]) -> MultiDict:
    """Stored answers spelled the way a browser posts them: ``name=value`` pairs,
    lists as repeated names, rows of a list as ``name-0-field``, ticked boxes as ``y``."""
    formdata: MultiDict = MultiDict()

    def add(name: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                add(f"{name}-{key}" if name else key, item)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                add(f"{name}-{index}" if isinstance(item, dict) else name, item)
        elif value is True:
            formdata.add(name, "y")
        elif value is not None and value is not False:
            formdata.add(name, str(value))

    add("", dict(data))
    return formdata


def _start_only_outside_window(form) -> bool:
    """True when the wizard refused only a start date earlier than it offers
    for new plans: an exported plan may well have started months ago."""
    start = getattr(form, "start_date", None)
    if start is None or not isinstance(start.data, date):
        return False
    others = {name: errors for name, errors in form.errors.items() if name != "start_date"}
    latest = date.today() + timedelta(days=366)
    return not others and EARLIEST_START <= start.data <= latest


def refusal(form) -> str:
    """The form's first error, with the question it belongs to."""
    for anchor, message in error_links(form):
        label = next(
            (f.label.text for f in form if anchor == f.id or anchor.startswith(f"{f.id}-")), ""
        )
        reason = message.rstrip(".")
        return f"{reason} (“{label}”)" if label else reason
    return "an answer was refused"


def accepted_answers(
    portable: PortableFramework, wizard: Wizard, **form_options: Any
) -> dict[str, dict[str, Any]]:
    """Each step's answers as the wizard's form saves them after validating them.

    Raises ImportProblem naming the first step (and message) the wizard refuses,
    or the first step a completed framework is missing.
    """
    accepted: dict[str, dict[str, Any]] = {}
    answers = portable.answers
    for step in wizard.active(answers):
        if step.name not in answers:
            if portable.completed_at is not None:
                raise ImportProblem(
                    f"The export is marked complete but has no answers to “{step.title}”."
                )
            continue
        form = wizard.build_form(
            step, answers, formdata=answers_formdata(answers[step.name]), **form_options
        )
        if not form.validate() and not _start_only_outside_window(form):
            raise ImportProblem(
                f"The answers to “{step.title}” are not ones Byline accepts: {refusal(form)}."
            )
        accepted[step.name] = form_answers(form)
    return accepted
