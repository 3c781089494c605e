"""Completing a framework trusts the check page's proof that the answers it
showed were valid, and only that: any change since, or a proof nobody made,
means every answer is checked again (see wizard/check_proof.py)."""

from __future__ import annotations

import pytest

from models import db
from models.frameworks import Framework
from tests.pages import form_fields
from wizard.engine import Wizard


@pytest.fixture
def reviews(monkeypatch):
    """How many times the steps' saved answers were checked (`Wizard.review`)."""
    calls = []
    real = Wizard.review

    def counted(self, answers, **kwargs):
        calls.append(1)
        return real(self, answers, **kwargs)

    monkeypatch.setattr(Wizard, "review", counted)
    return calls


def answered(walk) -> dict[str, list[str]]:
    """Every step answered; the check page's form as the browser would send it."""
    walk.start()
    walk.answer_all()
    page = walk.client.get(f"{walk.base}/check").get_data(as_text=True)
    data = form_fields(page)
    assert len(data["checked"][0]) == 64
    return data


def completed(app, walk) -> bool:
    with app.app_context():
        return Framework.by_token(walk.token).is_complete


def test_completing_from_the_page_does_not_check_the_answers_again(app, walk, reviews):
    data = answered(walk)
    reviews.clear()
    response = walk.client.post(f"{walk.base}/check", data=data)
    assert response.status_code == 303
    assert completed(app, walk)
    assert reviews == []


def test_an_answer_changed_since_the_page_was_shown_is_checked_again(app, walk, reviews):
    """Another tab leaves a single theme (fewer than a framework needs) after the
    page was shown: its proof no longer holds, and nothing is completed."""
    data = answered(walk)
    with app.app_context():
        framework = Framework.by_token(walk.token)
        themes = dict(framework.answer_map()["themes"])
        rows = [dict(row) for row in themes["themes"]]
        kept = [row for row in rows if row.get("include")][:1]
        themes["themes"] = kept
        framework.save_answer("themes", themes)
        db.session.commit()
    reviews.clear()
    response = walk.client.post(f"{walk.base}/check", data=data)
    assert reviews, "the answers were not checked again"
    assert response.status_code != 303
    assert not completed(app, walk)


@pytest.mark.parametrize("sent", ["", "0" * 64, "not a proof"])
def test_a_proof_the_page_did_not_make_is_not_trusted(app, walk, reviews, sent):
    data = answered(walk)
    data["checked"] = [sent]
    reviews.clear()
    response = walk.client.post(f"{walk.base}/check", data=data)
    assert reviews
    assert response.status_code == 303  # the answers are valid: checked, then completed
    assert completed(app, walk)
