"""What the performance fixes must keep true.

The dashboard reads its counts from ``programme_fact_totals``, which the
database keeps with triggers: the totals must always equal a count of the
facts themselves, whichever way facts come and go. A PDF of unchanged pages
is made once. A wizard step does not read its framework twice, nor load
idea marks it never shows. Form attributes render exactly as WTForms' own
``html_params`` renders them. A programme's rules are rendered once, and
the check page builds each saved step's form once.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from types import SimpleNamespace

import pytest
import wtforms.widgets
import wtforms.widgets.core
from markupsafe import Markup
from sqlalchemy import delete, event, func, select, text, update

from models import db, drop_schema, upgrade_database
from models.frameworks import Framework, store_facts
from models.programmes import FrameworkFact, Programme
from tests.conftest import make_app
from tests.pages import form_fields
from tests.wizard_walk import GOOD_ANSWERS, STEPS
from wizard import html_params, pdf
from wizard.dashboard import fact_counts
from wizard.engine import Wizard
from wizard.programme import rendered_rules, rules_html
from wizard.recent import Recent

FIRST_FACTS = [("step", "work"), ("area", "software-testing"), ("channel", "linkedin")]


def make_programme(name: str = "Acme Voices") -> Programme:
    """A programme with only the settings it needs."""
    programme, _token = Programme.create(name=name, company="Acme", tone={}, company_themes=[])
    db.session.flush()
    return programme


def add_framework(programme: Programme | None, facts: list[tuple[str, str]]) -> Framework:
    """A framework in the programme with these facts, committed."""
    framework, _token = Framework.create(programme=programme)
    db.session.flush()  # facts take the programme id the framework gets when written
    store_facts(framework.id, framework.programme_id, facts)
    db.session.commit()
    return framework


def counted(programme_id: int) -> dict[str, dict[str, int]]:
    """The facts counted the slow way, straight from ``framework_facts``."""
    rows = db.session.execute(
        select(FrameworkFact.kind, FrameworkFact.value, func.count())
        .where(FrameworkFact.programme_id == programme_id)
        .group_by(FrameworkFact.kind, FrameworkFact.value)
    )
    counts: dict[str, dict[str, int]] = {}
    for kind, value, count in rows:
        counts.setdefault(kind, {})[value] = count
    return counts


def test_totals_follow_facts_added_changed_and_deleted(app):
    with app.app_context():
        programme = make_programme()
        other = make_programme("Other Voices")
        first = add_framework(programme, FIRST_FACTS)
        second = add_framework(programme, [("step", "work"), ("area", "data-engineering")])
        add_framework(other, FIRST_FACTS)
        add_framework(None, FIRST_FACTS)  # outside any programme: counted nowhere
        assert fact_counts(programme.id) == counted(programme.id)
        assert fact_counts(programme.id)["step"] == {"work": 2}

        # A changed answer: one fact goes, two arrive.
        changed = [("step", "work"), ("step", "comfort"), ("area", "data-engineering")]
        store_facts(first.id, first.programme_id, changed)
        db.session.commit()
        assert fact_counts(programme.id) == counted(programme.id)
        assert fact_counts(programme.id)["area"] == {"data-engineering": 2}

        # Deleting a framework removes its facts by cascade, in the database.
        db.session.delete(second)
        db.session.commit()
        assert fact_counts(programme.id) == counted(programme.id)
        assert (
            fact_counts(other.id)
            == counted(other.id)
            == {
                "step": {"work": 1},
                "area": {"software-testing": 1},
                "channel": {"linkedin": 1},
            }
        )


def test_totals_follow_changes_made_in_sql(app):
    with app.app_context():
        programme = make_programme()
        for _ in range(3):
            add_framework(programme, FIRST_FACTS)
        db.session.execute(
            update(FrameworkFact)
            .where(FrameworkFact.kind == "channel")
            .values(value="blog")
            .execution_options(synchronize_session=False)
        )
        db.session.commit()
        assert fact_counts(programme.id) == counted(programme.id)
        assert fact_counts(programme.id)["channel"] == {"blog": 3}

        oldest = db.session.scalar(select(func.min(Framework.id)))
        db.session.execute(delete(Framework).where(Framework.id == oldest))
        db.session.commit()
        assert fact_counts(programme.id) == counted(programme.id)
        assert fact_counts(programme.id)["step"] == {"work": 2}


def test_deleting_a_programme_deletes_its_totals(app):
    with app.app_context():
        programme = make_programme()
        add_framework(programme, FIRST_FACTS)
        programme_id = programme.id
        db.session.delete(programme)
        db.session.commit()
        left = db.session.execute(
            text("SELECT count(*) FROM programme_fact_totals WHERE programme_id = :id"),
            {"id": programme_id},
        ).scalar()
        assert left == 0


@pytest.fixture
def bare_app(tmp_path):
    """An app whose database starts empty and is not upgraded on start."""
    application = make_app(tmp_path, DATABASE_UPGRADE_ON_START=False)
    with application.app_context():
        drop_schema(db.engine)
    yield application
    with application.app_context():
        db.session.remove()
        drop_schema(db.engine)
        db.engine.dispose()


def test_the_upgrade_counts_the_facts_already_there(bare_app):
    with bare_app.app_context():
        upgrade_database(db.engine, "0002")
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO programmes (id, share_code, admin_token_hash, name, company, "
                    "tone, rules, rules_updated_at, disclosure, media_contact, crisis_contact, "
                    "company_themes, created_at, updated_at) VALUES (1, 's', 'a', 'P', 'C', "
                    "'{}', '', '2026-01-01', '', '', '', '[]', '2026-01-01', '2026-01-01')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO frameworks (id, token_hash, idea_seed, created_at, updated_at, "
                    "more_ideas, programme_id, shared_with_programme) VALUES "
                    "(1, 'h1', 1, '2026-01-01', '2026-01-01', '{}', 1, false), "
                    "(2, 'h2', 2, '2026-01-01', '2026-01-01', '{}', 1, false)"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO framework_facts (framework_id, programme_id, kind, value) VALUES "
                    "(1, 1, 'step', 'work'), (2, 1, 'step', 'work'), (2, 1, 'rung', '3')"
                )
            )
        upgrade_database(db.engine)
        assert fact_counts(1) == counted(1) == {"step": {"work": 2}, "rung": {"3": 1}}


# --- recent PDFs ----------------------------------------------------------


def test_the_same_pages_are_made_into_a_pdf_once(app, monkeypatch):
    made = []
    real_pdf = pdf.Typesetter.pdf

    def counting_pdf(self, html, **kwargs):
        made.append(html)
        return real_pdf(self, html, **kwargs)

    monkeypatch.setattr(pdf.Typesetter, "pdf", counting_pdf)
    pdf.forget_recent_pdfs()
    page = "<!doctype html><title>One</title><p>First page</p>"
    options = {"base_url": "http://localhost/", "static_folder": app.static_folder}

    first = pdf.html_to_pdf(page, **options)
    again = pdf.html_to_pdf(page, **options)
    other = pdf.html_to_pdf(page.replace("First", "Other"), **options)

    assert first.startswith(b"%PDF") and again == first
    assert other != first
    assert len(made) == 2
    pdf.forget_recent_pdfs()
    pdf.html_to_pdf(page, **options)
    assert len(made) == 3


def test_only_the_most_recent_pdfs_are_kept():
    recent = Recent(size=2)
    recent.put(b"a", b"%PDF a")
    recent.put(b"b", b"%PDF b")
    assert recent.get(b"a") == b"%PDF a"  # now the most recently used
    recent.put(b"c", b"%PDF c")
    assert recent.get(b"b") is None
    assert recent.get(b"a") == b"%PDF a"
    assert recent.get(b"c") == b"%PDF c"
    assert len(recent) == 2


# --- queries per wizard request ---------------------------------------------


@contextmanager
def statements(app):
    """The SQL statements the app sends inside the block."""
    sent: list[str] = []
    with app.app_context():
        engine = db.engine

    def listen(_conn, _cursor, statement, _parameters, _context, _many):
        sent.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", listen)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", listen)


def test_a_step_is_saved_without_reading_the_framework_again(app, client, walk):
    walk.start()
    page = client.get(f"{walk.base}/step/work")
    data = form_fields(page.get_data(as_text=True))
    data.update({name: [value] for name, value in GOOD_ANSWERS["work"].items()})
    with statements(app) as sent:
        response = client.post(f"{walk.base}/step/work", data=data)
    assert response.status_code == 303
    framework_reads = [s for s in sent if s.startswith("SELECT") and "FROM frameworks" in s]
    # The draft once, before the write lock; under the lock only whether it
    # changed since (its updated_at), not the framework again.
    assert len(framework_reads) == 2
    assert framework_reads[1].startswith("SELECT frameworks.updated_at FROM frameworks WHERE")


def test_wizard_pages_do_not_load_idea_marks(app, client, walk):
    walk.start()
    with statements(app) as sent:
        assert client.get(f"{walk.base}/step/work").status_code == 200
    assert sent and not [s for s in sent if "idea_marks" in s]


# --- form attributes ----------------------------------------------------------

ATTRIBUTE_VALUES = [
    "plain",
    'with "quotes"',
    "<b>&amp;</b>",
    Markup('<i class="x">'),
    3,
    0,
    None,
    True,
    False,
    "",
    "ünïcode ’",
]
ATTRIBUTE_NAMES = ["class_", "for_", "data_test_id", "aria_describedby", "aria-invalid", "value"]


@pytest.mark.parametrize("value", ATTRIBUTE_VALUES)
def test_attributes_render_exactly_as_wtforms_renders_them(value):
    for name in ATTRIBUTE_NAMES:
        kwargs = {name: value, "id": "theme-1", "checked": True, "readonly": False}
        ours, theirs = html_params.html_params(**kwargs), html_params.wtforms_html_params(**kwargs)
        assert ours == theirs
        assert isinstance(ours, Markup)


def test_every_wizard_page_is_the_same_with_wtforms_own_attributes(app, client, walk, monkeypatch):
    walk.start()
    pages = []
    for step in STEPS:
        pages.append(f"{walk.base}/step/{step}")
        assert walk.submit(step).status_code == 303
    pages.append(f"{walk.base}/check")

    def without_csrf_token(path: str) -> str:
        html = client.get(path).get_data(as_text=True)
        return re.sub(r'name="csrf_token" type="hidden" value="[^"]*"', "", html)

    ours = [without_csrf_token(path) for path in pages]
    original = html_params.wtforms_html_params
    monkeypatch.setattr(wtforms.widgets.core, "html_params", original)
    monkeypatch.setattr(wtforms.widgets, "html_params", original)
    monkeypatch.setattr(wtforms.widgets.core.Input, "html_params", staticmethod(original))
    theirs = [without_csrf_token(path) for path in pages]
    assert ours == theirs
    assert "csrf_token" in ours[0] and "checked" in "".join(ours)


# --- programme rules ----------------------------------------------------------


def test_rules_are_rendered_once_per_text(monkeypatch):
    import wizard.markdown

    rendered = []
    real = wizard.markdown.render_markdown

    def counting(text):
        rendered.append(text)
        return real(text)

    monkeypatch.setattr(wizard.markdown, "render_markdown", counting)
    rendered_rules.cache_clear()
    terms = SimpleNamespace(rules="- Be kind.\n- **Never** share customer names.")
    first, again = rules_html(terms), rules_html(terms)
    changed = rules_html(SimpleNamespace(rules="- Be kinder."))

    assert first == again and "<strong>Never</strong>" in first
    assert "kinder" in changed
    assert len(rendered) == 2


def test_the_check_page_builds_each_saved_form_once(client, walk, monkeypatch):
    walk.start()
    walk.answer_all()
    built = []
    real_build = Wizard.build_form

    def counting_build(self, step, answers, formdata=None, **kwargs):
        built.append(step.name)
        return real_build(self, step, answers, formdata, **kwargs)

    monkeypatch.setattr(Wizard, "build_form", counting_build)
    page = client.get(f"{walk.base}/check")
    assert page.status_code == 200
    assert sorted(built) == sorted(STEPS)
