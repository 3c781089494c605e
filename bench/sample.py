"""What the benchmarks measure with: a large framework (6 themes over 13 weeks,
57 post ideas) inside a programme with rules, drafts stopped before each step,
and a Flask app on a throwaway SQLite database."""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from flask import Flask

from app import create_app
from models import db
from models.frameworks import Framework, store_facts, utcnow
from models.programmes import Programme
from wizard.forms import upcoming_monday
from wizard.generators.playbook import field_name
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import Library, load_library
from wizard.programme import framework_facts

WEEKS = (3, 2, 2, 2, 2, 2)  # 13 weeks in all
STEPS = ("work", "comfort", "goals", "tone", "themes", "situations")
HELLO_PATH = "/__hello"
ROOT = Path(__file__).resolve().parent.parent

PROGRAMME = {
    "name": "Acme Voices",
    "company": "Acme",
    "rules": "- Say that you work at Acme when you post about Acme.\n"
    "- Never share customer names without their approval.\n"
    "- Ask the press office before you talk to a journalist about Acme.",
    "disclosure": "#AcmeEmployee",
    "media_contact": "Press office, press@acme.example",
    "crisis_contact": "Comms on call, +44 20 0000 0000",
    "company_themes": ["How we build for reliability", "Life in the platform team"],
    "tone": {"humour": {"default": 3, "low": 2, "high": 5}},
}


def large_answers(library: Library, *, rung: int = 4) -> dict[str, dict]:
    """Stored answers for six themes over thirteen weeks from next Monday,
    valid as the wizard would save them."""
    work = {
        "role": "Staff engineer in the platform team",
        "expertise": "Site reliability engineering",
        "subtopics": "error budgets\nincident reviews\non-call health\ncapacity planning",
        "audience": "engineering managers",
    }
    rows = theme_rows(suggest_themes(work, ["expert", "hiring"], library))
    included = [row for row in rows if row.get("title")][: len(WEEKS)]
    for order, (row, weeks) in enumerate(zip(included, WEEKS, strict=False), start=1):
        row.update(include=True, order=order, weeks=weeks)
    return {
        "work": work,
        "comfort": {"rung": rung, "channels": ["linkedin", "blog"], "time": "4-hours"},
        "goals": {"goals": ["expert", "hiring"]},
        "tone": {"humour": 2, "formality": 3, "respect": 2, "enthusiasm": 3, "pairs": []},
        "themes": {
            "themes": included,
            "start_date": upcoming_monday().isoformat(),
            "post_time": "08:30",
            "time_zone": "Europe/Berlin",
        },
        "situations": {field_name(s.slug): s.recommended for s in library.situations},
    }


@dataclass(frozen=True)
class Seeded:
    """The private links of what `seed` stored."""

    token: str  # the finished six-theme framework
    framework_id: int
    drafts: dict[str, str]  # step name -> a draft whose next step it is
    admin_token: str
    share_code: str


def stored_framework(app: Flask, programme_id: int | None = None) -> tuple[str, int]:
    """A finished six-theme framework with 57 ideas; returns its token and id."""
    with app.app_context():
        library = load_library()
        programme = db.session.get(Programme, programme_id) if programme_id else None
        framework, token = Framework.create(programme=programme)
        db.session.flush()  # facts take the programme id the framework gets when written
        answers = large_answers(library)
        for step, data in answers.items():
            framework.save_answer(step, data)
        theme_ids = [theme_id for theme_id, _ in programme.theme_pairs()] if programme else ()
        facts = framework_facts(answers, library, theme_ids)
        store_facts(framework.id, framework.programme_id, facts)
        framework.more_ideas = {str(number): 1 for number in range(1, 7)}
        framework.completed_at = utcnow()
        framework.shared_with_programme = programme is not None
        db.session.commit()
        return token, framework.id


def seed(app: Flask) -> Seeded:
    """A programme, the large framework in it (shared), and one draft per step."""
    with app.app_context():
        programme, admin_token = Programme.create(**PROGRAMME)
        db.session.commit()
        share_code, programme_id = programme.share_code, programme.id
    token, framework_id = stored_framework(app, programme_id)
    drafts = {}
    with app.app_context():
        answers = large_answers(load_library())
        for index, step in enumerate(STEPS):
            draft, draft_token = Framework.create()
            for earlier in STEPS[:index]:
                draft.save_answer(earlier, answers[earlier])
            drafts[step] = draft_token
        db.session.commit()
    return Seeded(token, framework_id, drafts, admin_token, share_code)


def hello() -> str:
    """The baseline: the least a Flask view can do."""
    return "Hello, World!"


def bench_app(
    database_uri: str, engine_options: dict | None = None, pdf_jobs: str | None = None
) -> Flask:
    """A production-like Byline app with the hello-world baseline route added.

    Rate limits are off: every simulated person comes from 127.0.0.1, where
    the limit on new drafts per address would otherwise stop the load.
    ``pdf_jobs`` overrides where PDFs are made (the in-process timings use
    ``request``, so no background PDF competes with what they time; the
    server under load keeps the default, background threads).
    """
    config = {
        "SECRET_KEY": "benchmark-only",
        "SQLALCHEMY_DATABASE_URI": database_uri,
        "RATELIMIT_ENABLED": False,
    }
    if pdf_jobs is not None:
        config["PDF_JOBS"] = pdf_jobs
    if engine_options is not None:
        config["SQLALCHEMY_ENGINE_OPTIONS"] = engine_options
    app = create_app(config)
    app.add_url_rule(HELLO_PATH, "bench_hello", hello)
    return app


@contextmanager
def temporary_database():
    """A SQLite URI in a folder that is removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="byline-bench-") as folder:
        yield f"sqlite:///{Path(folder) / 'bench.sqlite3'}"


def dispose(app: Flask) -> None:
    """Close the app's database connections (before its file is removed)."""
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
