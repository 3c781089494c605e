"""The dashboard cannot name anyone: counts below the minimum are hidden in
every table, the funnel and the CSV, and the page says why."""

from __future__ import annotations

import csv
import io

import pytest
from bs4 import BeautifulSoup

from tests.conftest import drop_everything, make_app
from tests.test_dashboard import STEPS, add_framework, company_key, make_programme
from wizard.dashboard import suppressed

HIDDEN = "fewer than 5"


def cells(soup: BeautifulSoup, selector: str) -> dict[str, str]:
    """A dashboard table as {row label: count cell text}."""
    return {
        row.th.get_text(strip=True): row.select_one("td.num").get_text(strip=True)
        for row in soup.select_one(selector).select("tbody tr")
        if row.th
    }


def csv_rows(client, token: str) -> list[dict[str, str]]:
    """The CSV download as rows."""
    body = client.get(f"/manage/{token}/aggregates.csv").get_data(as_text=True)
    return list(csv.DictReader(io.StringIO(body)))


def test_one_person_in_a_programme_cannot_be_read_off_the_dashboard(app, client, pages):
    programme_id, token, _ = make_programme(app)
    add_framework(
        app,
        programme_id,
        STEPS,
        completed=True,
        facts=(
            ("rung", "2"),
            ("area", "software-testing"),
            ("channel", "linkedin"),
            ("theme", company_key(app, programme_id, 1)),
            ("theme", "own"),
        ),
    )

    soup = pages.check(client.get(f"/manage/{token}"))

    stats = {
        div.dt.get_text(strip=True): div.dd.get_text(strip=True)
        for div in soup.select(".dash-stats div")
    }
    assert {name: stats[name] for name in ("Started", "Completed")} == {
        "Started": HIDDEN,
        "Completed": HIDDEN,
    }
    assert set(cells(soup, "#numbers-title ~ table").values()) == {HIDDEN}
    for kind in ("rung", "area", "channel"):
        assert set(cells(soup, f"#dist-{kind}").values()) == {HIDDEN}, kind
    themes = cells(soup, "#dist-theme")
    assert themes["Life in the payments team (company theme)"] == HIDDEN
    assert themes["Our open-source work (company theme)"] == "0"
    assert "100%" not in soup.get_text() and ">1<" not in str(soup.select_one("main"))
    note = soup.find(id="privacy-note").get_text(" ", strip=True)
    assert "no number points at a person" in note and "Some counts below are hidden" in note
    hidden_cell = soup.select_one("td.dash-hidden")
    assert hidden_cell["aria-describedby"] == "privacy-note"

    rows = csv_rows(client, token)
    numbers = [row["count"] for row in rows]
    assert "1" not in numbers and HIDDEN in numbers
    # Every count about this one person is hidden (a 0, such as no drafts checked, is not).
    assert {row["count"] for row in rows if row["section"] != "Themes chosen"} <= {HIDDEN, "0"}
    progress = {row["item"]: row["count"] for row in rows if row["section"] == "Progress"}
    assert progress["Started"] == progress["Completed"] == HIDDEN


def test_counts_at_the_minimum_are_shown_and_single_choices_cannot_be_subtracted(
    app, client, pages
):
    programme_id, token, _ = make_programme(app)
    for n in range(6):
        add_framework(
            app,
            programme_id,
            STEPS,
            completed=True,
            facts=(("rung", "2" if n < 5 else "4"), ("channel", "linkedin")),
        )

    soup = pages.check(client.get(f"/manage/{token}"))

    stats = {
        div.dt.get_text(strip=True): div.dd.get_text(strip=True)
        for div in soup.select(".dash-stats div")
    }
    assert {name: stats[name] for name in ("Started", "Completed")} == {
        "Started": "6",
        "Completed": "6",
    }
    assert list(cells(soup, "#numbers-title ~ table").values()) == ["6"] * 7
    assert cells(soup, "#dist-channel") == {"LinkedIn": "6"}
    # Five chose rung 2 and one rung 4: showing the 5 would give the 1 away
    # (6 answered), so both are hidden.
    assert set(cells(soup, "#dist-rung").values()) == {HIDDEN}
    rows = {(r["section"], r["item"]): r["count"] for r in csv_rows(client, token)}
    assert rows[("Progress", "Started")] == "6"
    assert {v for (section, _), v in rows.items() if section.startswith("Comfort")} == {HIDDEN}


def test_hidden_rows_say_nothing_about_their_order():
    rows = suppressed({"b": 3, "a": 1, "c": 9, "d": 0}, 5)
    assert [(r.label, r.count) for r in rows] == [("c", 9), ("d", 0), ("a", None), ("b", None)]
    single = suppressed({"x": 7, "y": 5, "z": 2}, 5, single_choice=True)
    assert [(r.label, r.count) for r in single] == [("x", 7), ("y", None), ("z", None)]


@pytest.fixture
def strict(tmp_path):
    application = make_app(tmp_path, DASHBOARD_MIN_COUNT=10)
    yield application
    drop_everything(application)


def test_the_minimum_is_a_setting(strict, pages):
    client = strict.test_client()
    programme_id, token, _ = make_programme(strict)
    for _ in range(6):
        add_framework(strict, programme_id, STEPS, completed=True)

    soup = pages.check(client.get(f"/manage/{token}"))

    assert soup.select_one(".dash-stats dd").get_text(strip=True) == "fewer than 10"
    assert "from 1 to 9" in soup.find(id="privacy-note").get_text()
