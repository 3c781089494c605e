"""Company themes keep their identity, and theme keys are only what the page offered.

A company theme is ``company:{id}`` with an id that survives the comms team
reordering or rewording its themes; the dashboard finds its title by that id.
The themes step's hidden ``key`` field keeps only keys the page offered.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models import db
from models.frameworks import Framework
from models.programmes import FrameworkFact, Programme, company_theme_entries
from tests.conftest import drop_everything, make_app
from tests.pages import form_fields
from tests.programme_walk import admin_token_from, create_programme, join

# --- ids that stay -----------------------------------------------------------------


def ids(entries) -> dict[str, str]:
    return {entry["title"]: entry["id"] for entry in entries}


def test_reordering_rewording_and_adding_keep_the_ids_that_should_stay():
    before = company_theme_entries(["Reliability", "Life in the platform team", "Hiring"])
    assert len(set(ids(before).values())) == 3
    after = company_theme_entries(
        ["Life in our platform team", "HIRING", "Sustainability at Acme", "Reliability"], before
    )
    old, new = ids(before), ids(after)
    assert [entry["title"] for entry in after] == [
        "Life in our platform team",
        "HIRING",
        "Sustainability at Acme",
        "Reliability",
    ]
    assert new["Reliability"] == old["Reliability"]  # moved
    assert new["HIRING"] == old["Hiring"]  # same words, other case
    assert new["Life in our platform team"] == old["Life in the platform team"]  # reworded
    assert new["Sustainability at Acme"] not in old.values()  # a new theme


def test_a_removed_themes_id_is_not_given_to_a_different_new_theme():
    before = company_theme_entries(["Reliability", "Hiring"])
    after = company_theme_entries(["Reliability", "Our carbon footprint"], before)
    assert ids(after)["Our carbon footprint"] != ids(before)["Hiring"]


# --- through the pages -------------------------------------------------------------


@pytest.fixture
def counting(tmp_path):
    """Every count shown, so one person's choice can be followed on the dashboard."""
    application = make_app(tmp_path, DASHBOARD_MIN_COUNT=1)
    yield application
    drop_everything(application)


def programme_of(app, admin_token: str) -> Programme:
    with app.app_context():
        programme = Programme.by_admin_token(admin_token)
        db.session.expunge(programme)
        return programme


def themes_page_data(client, walk) -> dict[str, list[str]]:
    return form_fields(client.get(f"{walk.base}/step/themes").get_data(as_text=True))


def themes_offered(client, walk) -> list[str]:
    """The keys of the themes step's rows, as the page shows them now."""
    data = themes_page_data(client, walk)
    return [value[0] for name, value in sorted(data.items()) if name.endswith("-key")]


def row_index(data: dict[str, list[str]], title: str) -> int:
    return next(
        int(name.split("-")[1])
        for name, value in data.items()
        if name.endswith("-title") and value == [title]
    )


def test_the_dashboard_credits_the_right_theme_after_the_comms_team_reorders(counting, pages):
    client = counting.test_client()
    admin_token = admin_token_from(create_programme(client).location)
    code = programme_of(counting, admin_token).share_code
    walk = join(client, code)
    for step in ("work", "comfort", "goals", "tone"):
        assert walk.submit(step).status_code == 303
    data = themes_page_data(client, walk)
    reliability = row_index(data, "How we build for reliability")
    platform = row_index(data, "Life in the platform team")
    data.pop(f"themes-{reliability}-include", None)  # only the platform team's theme
    data[f"themes-{platform}-include"] = ["y"]
    assert client.post(f"{walk.base}/step/themes", data=data).status_code == 303

    settings = client.get(f"/manage/{admin_token}/settings").get_data(as_text=True)
    changed = form_fields(settings, 0)
    changed["company_themes"] = ["Life in the platform team\nHow we build for reliability"]
    response = client.post(f"/manage/{admin_token}/settings", data=changed)
    assert response.status_code == 303

    soup = pages.check(client.get(f"/manage/{admin_token}"))
    themes = {
        row.th.get_text(strip=True): row.select_one("td.num").get_text(strip=True)
        for row in soup.select("#dist-theme tbody tr")
    }
    assert themes["Life in the platform team (company theme)"] == "1"
    assert themes["How we build for reliability (company theme)"] == "0"


def test_a_forged_theme_key_is_not_counted(counting):
    client = counting.test_client()
    ticked = {"tick_company_themes": "y"}  # so the company's first theme is the first kept row
    admin_token = admin_token_from(create_programme(client, ticked).location)
    programme = programme_of(counting, admin_token)
    real = f"company:{programme.theme_pairs()[0][0]}"
    walk = join(client, programme.share_code)
    for step in ("work", "comfort", "goals", "tone"):
        assert walk.submit(step).status_code == 303
    data = themes_page_data(client, walk)
    included = [name for name in data if name.endswith("-include")]
    keys = [name.replace("-include", "-key") for name in included]
    assert data[keys[0]] == [real], "the company's theme is offered, and kept"
    data[keys[1]] = ["company:deadbeef"]  # not a theme of this programme
    data[keys[2]] = ["area:nowhere:nothing"]  # not in the library
    data[keys[1].replace("-key", "-title")] = ["Notes from the night shift"]
    data[keys[2].replace("-key", "-title")] = ["What the pager taught me"]
    data[keys[3]] = ["company:deadbeef"]  # forged, on a title the page offered: its real key
    assert client.post(f"{walk.base}/step/themes", data=data).status_code == 303

    with counting.app_context():
        framework = Framework.by_token(walk.token)
        saved = [row["key"] for row in framework.answer_map()["themes"]["themes"]]
        assert saved[0] == real
        assert saved[1] == "" and saved[2] == ""
        offered = themes_offered(client, walk)
        assert saved[3] == offered[3] != "company:deadbeef"
        facts = db.session.scalars(
            select(FrameworkFact.value).where(
                FrameworkFact.framework_id == framework.id, FrameworkFact.kind == "theme"
            )
        ).all()
        assert real in facts
        assert not {"company:deadbeef", "area:nowhere:nothing"} & set(facts)
