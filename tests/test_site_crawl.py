"""Every link on the site leads somewhere: a crawl through the test client.

It starts at the home page and at the pages only a link can open (a finished
framework, a programme's dashboard, its share link), follows every same-site
``<a href>`` and checks each page it reaches: a 2xx answer, HTML that parses
strictly with one ``h1`` and no dangling in-page links, or a download of the
right type. Links are GETs, and GETs never write, so the crawl changes nothing.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path, PurePosixPath
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup

from models.programmes import Programme
from tests.pages import form_fields
from tests.programme_walk import admin_token_from, create_programme
from tests.wizard_walk import STEPS, WizardWalk

ORIGIN = "http://localhost"
DOWNLOADS = {
    ".ics": "text/calendar",
    ".md": "text/markdown",
    ".json": "application/json",
    ".pdf": "application/pdf",
    ".csv": "text/csv",
}
GUIDE = Path(__file__).resolve().parent.parent / "wizard" / "guide"


def same_site_links(soup: BeautifulSoup, page: str) -> list[str]:
    """The paths (with query) of a page's links that stay on this site."""
    paths = []
    for anchor in soup.find_all("a", href=True):
        url, _fragment = urldefrag(urljoin(ORIGIN + page, anchor["href"]))
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or f"{parts.scheme}://{parts.netloc}" != ORIGIN:
            continue  # mailto:, other sites
        paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def crawl(client, pages, seeds: list[str]) -> dict[str, str]:
    """Visit everything reachable from the seeds; returns each path and its type."""
    found_on = {seed: "(start)" for seed in seeds}
    queue = deque(seeds)
    kinds: dict[str, str] = {}
    while queue:
        path = queue.popleft()
        response = client.get(path)
        where = f"{path} (linked from {found_on[path]})"
        if response.status_code in (301, 302, 303, 307, 308):
            # A link may land through a redirect (the printed guide's relative way
            # back to its dashboard); where it lands must work like any link.
            target = urlsplit(urljoin(ORIGIN + path, response.location))
            assert f"{target.scheme}://{target.netloc}" == ORIGIN, (where, response.location)
            landing = target.path + (f"?{target.query}" if target.query else "")
            if landing not in found_on:
                found_on[landing] = path
                queue.append(landing)
            continue
        assert 200 <= response.status_code < 300, (where, response.status_code)
        suffix = PurePosixPath(urlsplit(path).path).suffix
        if suffix in DOWNLOADS:
            assert response.mimetype == DOWNLOADS[suffix], (where, response.mimetype)
            assert response.headers["Content-Disposition"].startswith("attachment"), where
            kinds[path] = suffix
            continue
        try:
            soup = pages.check(response)
        except AssertionError as error:
            raise AssertionError(f"{where}: {error}") from error
        kinds[path] = "html"
        for link in same_site_links(soup, path):
            if link not in found_on:
                found_on[link] = path
                queue.append(link)
    return kinds


def test_every_link_from_every_page_leads_to_a_working_page(app, client, pages):
    # A person finished their framework; a comms team made a programme; a colleague
    # joined it, finished and shared their framework with the team.
    done = WizardWalk(client).complete()
    admin = admin_token_from(create_programme(client).location)
    with app.app_context():
        code = Programme.by_admin_token(admin).share_code
    page = client.get(f"/join/{code}").get_data(as_text=True)
    member = WizardWalk(client)
    joined = client.post(f"/join/{code}", data=form_fields(page))
    member.token = joined.location.split("/f/")[1].split("/")[0]
    member.answer_all()
    member.confirm()
    page = client.get(f"/f/{member.token}").get_data(as_text=True)
    posting = BeautifulSoup(page, "html.parser").select("form[method=post]")
    share = next(n for n, form in enumerate(posting) if form["action"].endswith("/share"))
    assert client.post(f"/f/{member.token}/share", data=form_fields(page, share)).status_code == 303

    seeds = ["/", f"/f/{done}", f"/f/{member.token}", f"/manage/{admin}", f"/join/{code}"]
    kinds = crawl(client, pages, seeds)
    visited = set(kinds)

    # The crawl really went everywhere a person can go.
    articles = {f"/guide/{path.stem}" for path in GUIDE.glob("*.md")}
    assert articles and articles <= visited, articles - visited
    for token in (done, member.token):
        for step in STEPS:
            assert f"/f/{token}/step/{step}?from=check" in visited, (token, step)
        for page_path in ("check", "print"):
            assert f"/f/{token}/{page_path}" in visited, (token, page_path)
        # "See all N ideas" opens the ideas page with every idea shown.
        assert any(p.startswith(f"/f/{token}/ideas?") for p in visited), (token, "ideas")
    for expected in (
        "/guide/",
        "/programmes/new",
        "/import/",
        f"/manage/{admin}/settings",
        f"/manage/{admin}/guide",
    ):
        assert expected in visited, expected
    assert any(path.startswith(f"/manage/{admin}/shared/") for path in visited)
    assert sorted({kind for kind in kinds.values() if kind != "html"}) == sorted(DOWNLOADS)
