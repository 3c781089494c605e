"""Step 5's place fields: only the chosen country's states or regions and time
zones on the page, the JSON lists the script fetches for another country, and
the button that shows them without JavaScript, keeping everything typed."""

from __future__ import annotations

from datetime import date

import pytest

from models import db
from models.frameworks import Framework, hash_token
from tests.pages import PageChecker, form_fields
from wizard.generators.place import main_zone, place_lists, zone_fits
from wizard.views.places import places_version


def at_themes(walk) -> str:
    """A draft with steps 1 to 4 answered; the themes step's address."""
    walk.start()
    for step in ("work", "comfort", "goals", "tone"):
        assert walk.submit(step).status_code == 303
    return f"{walk.base}/step/themes"


def options(soup, name: str) -> list[str]:
    """The values a select offers."""
    return [o.get("value", "") for o in soup.find("select", id=name).find_all("option")]


def selected(soup, name: str) -> str:
    """The value a select shows as chosen."""
    chosen = soup.find("select", id=name).find("option", selected=True)
    return chosen["value"] if chosen else ""


def saved_answers(app, token: str) -> dict:
    """What the database holds for a framework."""
    with app.app_context():
        framework = db.session.scalar(db.select(Framework).filter_by(token_hash=hash_token(token)))
        return dict(framework.answer_map())


# --- the lists --------------------------------------------------------------------------


def test_a_country_offers_its_own_time_zones_and_utc():
    germany = place_lists("DE")
    assert [zone for zone, _ in germany["time_zones"]] == [
        "Europe/Berlin",
        "Europe/Busingen",
        "UTC",
    ]
    assert ["DE-BY", "Bayern"] in germany["regions"]
    assert place_lists("FR")["regions"] == []
    assert place_lists("")["time_zones"] == [["UTC", "UTC"]]
    assert place_lists("XX") == place_lists("")
    assert main_zone("AU") == "Australia/Sydney" and main_zone("US") == "America/New_York"
    assert main_zone("XK") == "Europe/Belgrade"  # not in the time zone table: Serbia's
    assert zone_fits("DE", "UTC") and zone_fits("", "Asia/Kolkata")
    assert not zone_fits("DE", "Asia/Kolkata")
    assert zone_fits("IN", "Asia/Calcutta")  # an older name the table gives no country


# --- the JSON route ---------------------------------------------------------------------


def test_a_country_json_holds_its_lists_and_may_be_kept(client):
    response = client.get(f"/places/IN.json?v={places_version()}")
    assert response.status_code == 200 and response.mimetype == "application/json"
    body = response.get_json()
    assert body["country"] == "IN" and body["time_zone"] == "Asia/Kolkata"
    assert ["IN-KA", "Karnataka"] in body["regions"]
    assert body["time_zones"] == [["Asia/Kolkata", "Asia/Kolkata"], ["UTC", "UTC"]]
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    # Without the current version, a copy is kept for a day only.
    assert client.get("/places/IN.json").headers["Cache-Control"] == "public, max-age=86400"
    assert client.get("/places/IN.json?v=old").headers["Cache-Control"] == "public, max-age=86400"


@pytest.mark.parametrize("path", ["/places/XX.json", "/places/de.json", "/places/DEU.json"])
def test_an_unknown_country_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_the_lists_are_read_only(client):
    assert client.post("/places/DE.json").status_code == 405
    assert client.post("/places/zones.json").status_code == 405


def test_zones_json_names_each_time_zones_country(client):
    response = client.get(f"/places/zones.json?v={places_version()}")
    assert response.status_code == 200
    zones = response.get_json()
    assert zones["Europe/Berlin"] == "DE" and zones["Asia/Kolkata"] == "IN"
    assert zones["America/New_York"] == "US" and "UTC" not in zones
    assert len(zones) > 400
    assert response.headers["Cache-Control"].startswith("public, max-age=31536000")


# --- the page ---------------------------------------------------------------------------


def test_the_page_holds_only_the_chosen_countrys_regions_and_time_zones(walk, client):
    url = at_themes(walk)
    soup = PageChecker().check(client.get(url, headers={"Accept-Language": "de-DE,de"}))
    assert selected(soup, "country") == "DE"
    assert len(options(soup, "country")) > 240  # the country list stays whole
    assert options(soup, "time_zone") == ["Europe/Berlin", "Europe/Busingen", "UTC"]
    assert selected(soup, "time_zone") == "Europe/Berlin"
    regions = options(soup, "region")
    assert regions[0] == "" and "DE-BY" in regions and len(regions) == 17
    assert not [r for r in regions if r and not r.startswith("DE-")]
    assert not soup.find(attrs={"data-country": True})
    assert not soup.find(id="region-field").has_attr("hidden")
    where = soup.find(id="where")
    assert where["data-places"] == f"/places/CC.json?v={places_version()}"
    assert where["data-zones"] == f"/places/zones.json?v={places_version()}"
    button = soup.find("button", attrs={"name": "refresh"})
    assert button.get_text(strip=True) == "Show regions and time zones for this country"
    assert button.has_attr("formnovalidate")


def test_without_a_country_the_page_offers_utc_and_no_regions(walk, client):
    url = at_themes(walk)
    soup = PageChecker().check(client.get(url))
    assert selected(soup, "country") == ""
    assert options(soup, "time_zone") == ["UTC"]
    assert options(soup, "region") == [""]
    assert soup.find(id="region-field").has_attr("hidden")
    assert len(client.get(url).get_data()) < 40_000


def test_the_refresh_button_shows_the_new_countrys_lists_and_keeps_everything_typed(
    walk, client, app
):
    url = at_themes(walk)
    page = client.get(url, headers={"Accept-Language": "de-DE,de"})
    data = form_fields(page.get_data(as_text=True))
    data.update(
        {
            "themes-0-title": ["My own words for the first theme"],
            "themes-1-weeks": ["4"],
            "themes-2-order": ["7"],
            "themes-3-include": [],
            "start_date": [""],  # not filled in yet: no error for it now
            "post_time": ["07:15"],
            "country": ["IN"],
            "region": ["DE-BY"],
            "time_zone": ["Europe/Berlin"],
            "days_off": ["2026-02-30\n2026-08-03 to 2026-08-14"],
            "refresh": ["places"],
        }
    )
    data.pop("quiet_period", None)
    data = {name: values for name, values in data.items() if values}
    response = client.post(url, data=data)
    soup = PageChecker().check(response)
    # The new country's lists, the region left for the person to choose.
    assert selected(soup, "country") == "IN"
    assert "IN-KA" in options(soup, "region") and "DE-BY" not in options(soup, "region")
    assert selected(soup, "region") == ""
    assert options(soup, "time_zone") == ["Asia/Kolkata", "UTC"]
    assert selected(soup, "time_zone") == "Asia/Kolkata"
    assert not soup.find(id="region-field").has_attr("hidden")
    # Everything typed is still there, and nothing is judged.
    assert soup.find(id="themes-0-title").get_text() == "My own words for the first theme"
    assert selected(soup, "themes-1-weeks") == "4"
    assert selected(soup, "themes-2-order") == "7"
    assert not soup.find(id="themes-3-include").has_attr("checked")
    assert soup.find(id="themes-0-include").has_attr("checked")
    assert soup.find(id="start_date")["value"] == ""
    assert soup.find(id="post_time")["value"] == "07:15"
    assert not soup.find(id="quiet_period").has_attr("checked")
    assert "2026-08-03 to 2026-08-14" in soup.find(id="days_off").get_text()
    assert "2026-02-30" in soup.find(id="days_off").get_text()
    assert not soup.select(".error-summary, .error-message, .field-error")
    # Nothing was saved.
    assert "themes" not in saved_answers(app, walk.token)
    # Sent as it now stands (a start date filled in), the step saves for India.
    data = form_fields(response.get_data(as_text=True))
    data["start_date"] = [date.today().isoformat()]
    data["region"] = ["IN-KA"]
    data["days_off"] = ["2026-08-03 to 2026-08-14"]
    assert "refresh" not in data
    saved = client.post(url, data=data)
    assert saved.status_code == 303, saved.get_data(as_text=True)[:2000]
    themes = saved_answers(app, walk.token)["themes"]
    assert (themes["country"], themes["region"], themes["time_zone"]) == (
        "IN",
        "IN-KA",
        "Asia/Kolkata",
    )
    assert themes["themes"][0]["title"] == "My own words for the first theme"
    assert themes["post_time"] == "07:15" and themes["quiet_period"] is False


def test_the_refresh_keeps_a_region_and_time_zone_that_still_fit(walk, client):
    url = at_themes(walk)
    data = form_fields(client.get(url).get_data(as_text=True))
    data.update(
        {
            "country": ["US"],
            "region": ["US-CA"],
            "time_zone": ["America/Los_Angeles"],
            "refresh": ["places"],
        }
    )
    soup = PageChecker().check(client.post(url, data=data))
    assert selected(soup, "region") == "US-CA"
    assert selected(soup, "time_zone") == "America/Los_Angeles"


def test_a_refresh_without_a_valid_token_is_judged_and_saves_nothing(app, walk, client):
    url = at_themes(walk)
    data = form_fields(client.get(url).get_data(as_text=True))
    data.update({"country": ["IN"], "refresh": ["places"], "csrf_token": ["forged"]})
    response = client.post(url, data=data)
    assert response.status_code == 400
    assert "could not be saved yet" in response.get_data(as_text=True)
    assert "themes" not in saved_answers(app, walk.token)


def test_a_time_zone_of_another_country_is_refused_with_the_answers_kept(walk, client):
    url = at_themes(walk)
    response = walk.submit(
        "themes",
        {"country": "DE", "time_zone": "Asia/Kolkata", "post_time": "06:45"},
    )
    soup = PageChecker().check(response)
    text = soup.get_text()
    assert "Asia/Kolkata is not in Germany: choose a time zone there, or UTC" in text
    # The zone chosen stays in sight, with Germany's to choose from.
    assert selected(soup, "time_zone") == "Asia/Kolkata"
    assert "Europe/Berlin" in options(soup, "time_zone")
    assert soup.find(id="post_time")["value"] == "06:45"
    assert client.get(url).status_code == 200


def test_a_region_of_another_country_is_refused(walk):
    at_themes(walk)
    response = walk.submit("themes", {"country": "DE", "region": "US-CA"})
    soup = PageChecker().check(response)
    assert "California is not in Germany" in soup.get_text()
    assert selected(soup, "country") == "DE"
    assert not soup.find(id="region-field").has_attr("hidden")


@pytest.mark.parametrize(
    "changes",
    [
        {"country": "ZZ"},
        {"country": "DE", "region": "DE-ZZ"},
        {"country": "DE", "time_zone": "Mars/Olympus"},
        {"country": "de", "time_zone": "../../etc/passwd"},
        {"country": "DE", "region": "DE-BY", "refresh": "places", "time_zone": ""},
    ],
)
def test_odd_place_answers_never_fail_the_page(walk, changes):
    at_themes(walk)
    response = walk.submit("themes", changes)
    assert response.status_code == 200
    PageChecker().check(response)


def test_a_saved_older_time_zone_name_stays_selectable(walk, client, app):
    walk.start()
    walk.answer_all({"themes": {"country": "IN", "time_zone": "Asia/Calcutta"}})
    soup = PageChecker().check(client.get(f"{walk.base}/step/themes"))
    assert selected(soup, "time_zone") == "Asia/Calcutta"
    assert "Asia/Kolkata" in options(soup, "time_zone")
    assert saved_answers(app, walk.token)["themes"]["time_zone"] == "Asia/Calcutta"


# --- answers saved before the lists followed the country ---------------------------------


def hold_zone(app, token: str, zone: str, country: str = "GB") -> None:
    """Give a framework's saved themes answer a time zone as an older Byline saved
    it, before the list followed the country (or as a changed country left it)."""
    with app.app_context():
        framework = db.session.scalar(db.select(Framework).filter_by(token_hash=hash_token(token)))
        themes = dict(framework.answer_map()["themes"])
        themes.update(country=country, region="", time_zone=zone)
        framework.save_answer("themes", themes)
        db.session.commit()


def test_a_saved_time_zone_of_another_country_is_kept_through_check_your_answers(walk, client, app):
    walk.start()
    walk.answer_all({"themes": {"country": "GB", "time_zone": "Europe/London"}})
    hold_zone(app, walk.token, "Europe/Paris")

    check = PageChecker().check(client.get(f"{walk.base}/check"))
    assert "need another look" not in check.get_text()
    assert "Europe/Paris (France)" in check.get_text()  # the answer, in words

    # The step keeps it selected, named with its country, above the UK's own.
    soup = PageChecker().check(client.get(f"{walk.base}/step/themes?from=check"))
    assert selected(soup, "time_zone") == "Europe/Paris"
    zone = soup.find("select", id="time_zone")
    assert zone.find("option", selected=True).get_text(strip=True) == "Europe/Paris (France)"
    assert options(soup, "time_zone")[1:] == ["Europe/London", "UTC"]
    assert not soup.select(".error-message")
    response = walk.submit("themes", {"post_time": "07:15"}, query="?from=check")
    assert response.status_code == 303 and response.location.endswith("/check")
    assert saved_answers(app, walk.token)["themes"]["time_zone"] == "Europe/Paris"

    walk.confirm()
    assert saved_answers(app, walk.token)["themes"]["time_zone"] == "Europe/Paris"
    # A zone of another country that was not already the answer is still refused.
    refused = walk.submit("themes", {"time_zone": "Asia/Kolkata"})
    assert "Asia/Kolkata is not in United Kingdom" in PageChecker().check(refused).get_text()
    assert saved_answers(app, walk.token)["themes"]["time_zone"] == "Europe/Paris"


def test_a_new_country_still_needs_a_time_zone_there(walk, app):
    walk.start()
    walk.answer_all({"themes": {"country": "DE", "time_zone": "Europe/Berlin"}})
    # Without the script, the person picks the United Kingdom and sends the step
    # with the zone they had: asked for one there, not kept silently.
    response = walk.submit("themes", {"country": "GB", "time_zone": "Europe/Berlin"})
    text = PageChecker().check(response).get_text()
    assert "Europe/Berlin is not in United Kingdom: choose a time zone there, or UTC" in text
    assert saved_answers(app, walk.token)["themes"]["country"] == "DE"


def test_a_saved_time_zone_byline_does_not_know_is_explained_on_the_step(walk, client, app):
    walk.start()
    walk.answer_all({"themes": {"country": "GB", "time_zone": "Europe/London"}})
    hold_zone(app, walk.token, "Mars/Olympus")

    check = PageChecker().check(client.get(f"{walk.base}/check"))
    link = check.select_one(".error-summary a")
    assert link.get_text(strip=True) == "What will you write about, and when?"
    soup = PageChecker().check(client.get(link["href"]))
    message = "“Mars/Olympus” is not a time zone Byline knows. Choose your time zone from the list"
    assert message in soup.select_one(".error-summary").get_text()
    assert message in soup.find(id="time_zone-error").get_text()
    assert "Europe/London" in options(soup, "time_zone")
    # Opening the step saved nothing; choosing a zone there fixes the answer.
    assert saved_answers(app, walk.token)["themes"]["time_zone"] == "Mars/Olympus"
    response = walk.submit("themes", {"time_zone": "Europe/London"}, query="?from=check")
    assert response.status_code == 303
    walk.confirm()
    assert saved_answers(app, walk.token)["themes"]["time_zone"] == "Europe/London"


def test_an_export_with_a_time_zone_of_another_country_imports(walk, client, app):
    token = walk.complete({"themes": {"country": "GB", "time_zone": "Europe/London"}})
    hold_zone(app, token, "Europe/Paris")
    exported = client.get(f"/f/{token}/framework.json").get_data(as_text=True)
    page = client.get("/import/").get_data(as_text=True)
    response = client.post("/import/", data={**form_fields(page), "pasted": [exported]})
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    imported = response.location.split("/f/")[1].split("/")[0]
    assert saved_answers(app, imported)["themes"]["time_zone"] == "Europe/Paris"


def test_the_united_kingdom_is_offered_once_and_a_saved_uk_reads_as_gb(client):
    from tests.wizard_walk import WizardWalk
    from wizard.generators.place import country_names, place_from_answer

    names = country_names()
    assert "UK" not in names and names["GB"] == "United Kingdom"
    assert names["XK"] == "Kosovo"
    assert list(names.values()).count("United Kingdom") == 1
    place = place_from_answer({"country": "UK", "time_zone": "Europe/London"})
    assert place.country == "GB" and place.country_name == "United Kingdom"

    walk = WizardWalk(client)
    walk.start()
    walk.answer_all({"themes": {"country": "UK", "region": "", "time_zone": "Europe/London"}})
    page = client.get(f"{walk.base}/step/themes").get_data(as_text=True)
    assert '<option selected value="GB">United Kingdom</option>' in page
    assert 'value="UK"' not in page
    check = client.get(f"{walk.base}/check")
    assert check.status_code == 200
    assert "United Kingdom" in check.get_data(as_text=True)
