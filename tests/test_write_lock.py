"""The wizard's steps read and check before they take the write lock
(`wizard.writes.reads_first`): the lock is held for the save alone, and a
save reads again what another window changed in between."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta

import pytest
from sqlalchemy import insert, select, update

from models import db
from models.frameworks import Framework, StepAnswer
from tests.pages import form_fields
from wizard import writes


def framework_id(app, token: str) -> int:
    with app.app_context():
        return Framework.by_token(token).id


def stored_answers(app, token: str) -> dict:
    with app.app_context():
        db.session.expire_all()
        return Framework.by_token(token).answer_map()


def another_window(monkeypatch, change) -> list[str]:
    """Run ``change(connection)`` once, committed on a connection of its own,
    after the view has read its draft and just before it takes the write
    lock: as if the person saved in another window at that moment."""
    done: list[str] = []
    real = writes.begin_write

    def begin_after_the_other_window():
        if not done:
            with db.engine.begin() as connection:
                change(connection)
            done.append("changed")
        real()

    monkeypatch.setattr(writes, "begin_write", begin_after_the_other_window)
    return done


def touch(connection, framework: int) -> None:
    """What every stored answer does to its framework: mark it changed."""
    frameworks = Framework.__table__
    connection.execute(
        update(frameworks)
        .where(frameworks.c.id == framework)
        .values(updated_at=datetime.now() + timedelta(seconds=1))
    )


def new_role_elsewhere(app, token: str, role: str):
    """A change for `another_window`: the work step saved with a new role."""
    framework = framework_id(app, token)
    work = dict(stored_answers(app, token)["work"], role=role)
    answers = StepAnswer.__table__

    def change(connection) -> None:
        connection.execute(
            update(answers)
            .where(answers.c.framework_id == framework, answers.c.step == "work")
            .values(data=work)
        )
        touch(connection, framework)

    return change


def test_a_step_another_window_saved_meanwhile_is_replaced_not_added_twice(
    app, client, walk, monkeypatch
):
    """Both windows read the step unanswered; the second save finds the first's
    answer under the lock and replaces it (no duplicate row, no error page)."""
    walk.start()
    page = client.get(f"{walk.base}/step/work").get_data(as_text=True)
    data = form_fields(page)
    data.update(role=["Data engineer"], expertise=["Data engineering"], audience=["analysts"])
    data.update(subtopics=["dbt models\ndata contracts"])
    framework = framework_id(app, walk.token)
    other = {"role": "Analyst", "expertise": "Data analytics", "subtopics": "dashboards"}

    def save_work_elsewhere(connection):
        connection.execute(
            insert(StepAnswer.__table__).values(
                framework_id=framework, step="work", data=other, updated_at=datetime.now()
            )
        )
        touch(connection, framework)

    changed = another_window(monkeypatch, save_work_elsewhere)
    response = client.post(f"{walk.base}/step/work", data=data)
    assert changed == ["changed"]
    assert response.status_code == 303
    assert stored_answers(app, walk.token)["work"]["role"] == "Data engineer"
    with app.app_context():
        rows = db.session.scalars(
            select(StepAnswer.step).where(StepAnswer.framework_id == framework)
        ).all()
    assert rows == ["work"]


def test_a_step_keeps_what_another_window_saved_in_another_step(app, client, walk, monkeypatch):
    walk.start()
    walk.submit("work")
    another_window(monkeypatch, new_role_elsewhere(app, walk.token, "Head of data platforms"))
    assert walk.submit("comfort").status_code == 303
    saved = stored_answers(app, walk.token)
    assert saved["work"]["role"] == "Head of data platforms"
    assert "comfort" in saved


def test_confirming_while_another_window_changed_an_answer_shows_them_again(
    app, client, walk, monkeypatch
):
    """The check page's answers are no longer the stored ones: nothing is
    completed, and the person sees the answers as they now are."""
    walk.start()
    walk.answer_all()
    data = form_fields(client.get(f"{walk.base}/check").get_data(as_text=True))
    another_window(monkeypatch, new_role_elsewhere(app, walk.token, "Head of data platforms"))
    response = client.post(f"{walk.base}/check", data=data)
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"{walk.base}/check")
    with app.app_context():
        assert not Framework.by_token(walk.token).is_complete
    page = client.get(f"{walk.base}/check").get_data(as_text=True)
    assert "An answer changed in another window" in page
    assert "Head of data platforms" in page


@pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="about SQLite's single write lock"
)
def test_a_step_holds_no_write_lock_while_its_answers_are_checked(app, client, walk, monkeypatch):
    """While a step's form is built and checked, another process can write at once."""
    from wizard.engine import Wizard

    walk.start()
    path = app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///")
    seen: list[str] = []
    real = Wizard.build_form

    def build_and_try_to_write(self, *args, **kwargs):
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            seen.append("free")
        except sqlite3.OperationalError:
            seen.append("locked")
        finally:
            other.close()
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Wizard, "build_form", build_and_try_to_write)
    assert walk.submit("work").status_code == 303  # the page's GET, then its POST
    assert seen == ["free", "free"]
