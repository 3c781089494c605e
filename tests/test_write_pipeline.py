"""Every POST route, found in the URL map, goes through one write pipeline.

A POST without a CSRF token, or over HTTPS with a valid token but a Referer
from another site, writes nothing: the whole database is compared before and
after. The same request sent from Byline's own pages does write, so the
comparison can see a write when there is one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from models import db
from tests.conftest import drop_everything, make_app
from tests.programme_walk import admin_token_from, create_programme, join

HOST = "byline.example.com"
HTTPS = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": HOST}
OWN_SITE = {**HTTPS, "Referer": f"https://{HOST}/"}
OTHER_SITE = {**HTTPS, "Referer": "https://evil.example/"}


@dataclass
class World:
    """A programme, a finished framework in it, and a draft with every step answered."""

    client: object
    admin_token: str
    share_code: str
    token: str
    draft: str


def build_world(client) -> World:
    """Make everything the POST routes act on, through the real pages."""
    created = create_programme(client)
    admin_token = admin_token_from(created.location)
    dashboard = client.get(f"/manage/{admin_token}").get_data(as_text=True)
    share_code = dashboard.split("/join/")[1].split('"')[0].split("<")[0]
    finished = join(client, share_code)
    finished.answer_all()
    finished.confirm()
    draft = join(client, share_code)
    draft.answer_all()
    return World(client, admin_token, share_code, finished.token, draft.token)


def posting_form(html: str, action: str, page: str, last: bool = False) -> dict[str, list[str]]:
    """What a browser sends from the first (or last) form on ``page`` that posts
    to ``action``: by its own action, or by a button's ``formaction`` (then as
    if that button, the first or last of them, were pressed)."""
    soup = BeautifulSoup(html, "html.parser")

    def bare(url: str) -> str:
        return url.split("#")[0].split("?")[0]

    posting = [f for f in soup.find_all("form") if f.get("method", "").lower() == "post"]
    forms = [f for f in posting if bare(f.get("action") or page) == action]
    if not forms:  # a button that sends its form elsewhere
        pressed = [
            (f, b)
            for f in posting
            for b in f.find_all("button", attrs={"formaction": True})
            if bare(b["formaction"]) == action
        ]
        form, button = pressed[-1] if last else pressed[0]
        data = form_fields(form)
        if button.get("name"):
            data[button["name"]] = [button.get("value", "")]
        return data
    form = forms[-1] if last else forms[0]
    data = form_fields(form)
    # The first named button that sends this form (not one like "Preview the
    # rules" that sends it elsewhere), as if pressed; buttons outside the form
    # name it in their form attribute.
    buttons = form.find_all("button", attrs={"name": True})
    if form.get("id"):
        buttons += soup.find_all("button", attrs={"name": True, "form": form["id"]})
    button = next((b for b in buttons if not b.has_attr("formaction")), None)
    if button is not None:
        data[button["name"]] = [button.get("value", "")]
    return data


def form_fields(form) -> dict[str, list[str]]:
    """The values a form sends, before any button's own."""
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        kind = field.get("type", "text")
        if not name or (kind in ("checkbox", "radio") and not field.has_attr("checked")):
            continue
        if field.name == "select":
            chosen = [o for o in field.find_all("option") if o.has_attr("selected")]
            chosen = chosen or field.find_all("option")[:1]
            data.setdefault(name, []).extend(o.get("value", o.get_text()) for o in chosen)
        elif field.name == "textarea":
            data.setdefault(name, []).append(field.get_text())
        elif kind not in ("submit", "button"):
            data.setdefault(name, []).append(field.get("value", ""))
    return data


def from_page(
    page: str, action: str, last: bool = False, **changes: str
) -> Callable[[World], dict]:
    """A recipe: the (first or last) form on ``page`` that posts to ``action``,
    with some fields changed."""

    def recipe(world: World) -> dict:
        path = page.format(**vars(world))
        html = world.client.get(path).get_data(as_text=True)
        data = posting_form(html, action.format(**vars(world)), path, last)
        data.update({name: [value] for name, value in changes.items()})
        return data

    return recipe


def import_recipe(world: World) -> dict:
    """The import form with a framework's own JSON export pasted in."""
    exported = world.client.get(f"/f/{world.token}/framework.json").get_data(as_text=True)
    data = posting_form(world.client.get("/import/").get_data(as_text=True), "/import/", "/import/")
    data["pasted"] = [exported]
    return data


# Which page each POST route's form is on, and what a person changes in it.
RECIPES: dict[str, Callable[[World], dict]] = {
    "site.start": from_page("/start", "/start"),
    "join.show": from_page("/join/{share_code}", "/join/{share_code}"),
    "programmes.new": from_page(
        "/programmes/new",
        "/programmes/new",
        name="Second programme",
        company="Acme",
        disclosure="#Acme",
    ),
    "manage.settings": from_page(
        "/manage/{admin_token}/settings", "/manage/{admin_token}/settings", name="Renamed"
    ),
    "manage.rotate": from_page(
        "/manage/{admin_token}/settings", "/manage/{admin_token}/rotate", which="share"
    ),
    "wizard.step": from_page(
        "/f/{draft}/step/work", "/f/{draft}/step/work", role="Head of quality"
    ),
    "wizard.check": from_page("/f/{draft}/check", "/f/{draft}/check"),
    "framework.delete": from_page("/f/{token}", "/f/{token}/delete"),
    "framework.share": from_page("/f/{token}", "/f/{token}/share"),
    "framework.new_link": from_page("/f/{token}", "/f/{token}/new-link"),
    "subscription.manage": from_page("/f/{token}", "/f/{token}/calendar-feed"),
    "framework.next_period": from_page("/f/{token}/next-period", "/f/{token}/next-period"),
    "ideas.mark": from_page("/f/{token}/ideas?show=all", "/f/{token}/ideas/mark"),
    # The last theme: the first is a company theme, which may have no more to give.
    "ideas.more": from_page("/f/{token}/ideas?show=all", "/f/{token}/ideas/more", last=True),
    "imports.form": import_recipe,
    # Checking a draft writes only the programme's count of checks, never the draft.
    "drafts.check": from_page("/f/{token}/draft", "/f/{token}/draft", draft="Caching, explained."),
}


def url_arguments(world: World, endpoint: str) -> dict[str, str]:
    """Real values for a route's URL arguments, by name."""
    known = {
        "token": world.draft if endpoint.startswith("wizard.") else world.token,
        "admin_token": world.admin_token,
        "code": world.share_code,
        "step": "work",
    }
    return known


def post_routes(app) -> list[str]:
    """Every endpoint that accepts POST, from the app's URL map."""
    return sorted({rule.endpoint for rule in app.url_map.iter_rules() if "POST" in rule.methods})


def snapshot(app) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order."""
    with app.app_context():
        tables = {}
        for table in db.metadata.sorted_tables:
            rows = db.session.execute(select(table)).all()
            tables[table.name] = sorted(tuple(map(repr, row)) for row in rows)
        db.session.remove()
        return tables


def route_url(app, world: World, endpoint: str) -> str:
    """The route's URL, with arguments filled in from the world."""
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    known = url_arguments(world, endpoint)
    missing = rule.arguments - set(known)
    assert not missing, f"{endpoint}: teach url_arguments about {sorted(missing)}"
    with app.test_request_context():
        from flask import url_for

        return url_for(endpoint, **{name: known[name] for name in rule.arguments})


@pytest.fixture
def proxied(tmp_path):
    """The app behind one reverse proxy that terminates HTTPS, as in production."""
    application = make_app(tmp_path, PROXY_FIX=1)
    yield application
    drop_everything(application)


def request_data(world: World, endpoint: str) -> dict:
    """The form data a person would send to the route."""
    recipe = RECIPES.get(endpoint)
    if recipe is None:  # a route these tests do not know yet: at least the token
        html = world.client.get("/start").get_data(as_text=True)
        return {"csrf_token": posting_form(html, "/start", "/start")["csrf_token"]}
    return recipe(world)


@pytest.mark.parametrize("endpoint", sorted(RECIPES))
def test_a_cross_site_https_post_writes_nothing(proxied, endpoint):
    client = proxied.test_client()
    world = build_world(client)
    url = route_url(proxied, world, endpoint)
    data = request_data(world, endpoint)
    assert data.get("csrf_token"), "the token is valid: only the Referer is foreign"

    before = snapshot(proxied)
    response = client.post(url, data=data, headers=OTHER_SITE)
    assert response.status_code < 500, response.get_data(as_text=True)[:2000]
    assert snapshot(proxied) == before, f"{endpoint} wrote from a cross-site request"

    # The same request from Byline's own page writes: the comparison sees writes.
    response = client.post(url, data=data, headers=OWN_SITE)
    assert response.status_code in (200, 303), response.get_data(as_text=True)[:2000]
    assert snapshot(proxied) != before, f"{endpoint}: the recipe should make a change"


@pytest.mark.parametrize("endpoint", sorted(RECIPES))
def test_a_post_without_a_token_writes_nothing(proxied, endpoint):
    client = proxied.test_client()
    world = build_world(client)
    url = route_url(proxied, world, endpoint)
    data = request_data(world, endpoint)
    data.pop("csrf_token")

    before = snapshot(proxied)
    for headers in ({}, OWN_SITE):
        response = client.post(url, data=data, headers=headers)
        assert response.status_code < 500, response.get_data(as_text=True)[:2000]
        assert snapshot(proxied) == before, f"{endpoint} wrote without a CSRF token"


def test_every_post_route_in_the_url_map_refuses_foreign_and_tokenless_posts(proxied):
    """Found in the URL map, so a route added later is covered without a recipe."""
    client = proxied.test_client()
    world = build_world(client)
    routes = post_routes(proxied)
    assert len(routes) >= len(RECIPES)
    for endpoint in routes:
        url = route_url(proxied, world, endpoint)
        data = request_data(world, endpoint)
        tokenless = {name: value for name, value in data.items() if name != "csrf_token"}
        before = snapshot(proxied)
        for sent, headers in ((data, OTHER_SITE), (tokenless, OWN_SITE), (tokenless, {})):
            response = client.post(url, data=sent, headers=headers)
            assert response.status_code < 500, (endpoint, response.status_code)
            assert snapshot(proxied) == before, f"{endpoint} wrote: {headers}"


def test_every_post_route_has_a_recipe_that_shows_it_writes(proxied):
    """A new POST route gets a recipe above, so that the cross-site test can
    show it writes when the request comes from Byline's own page."""
    assert set(post_routes(proxied)) == set(RECIPES)
