"""A comms team's dashboard: numbers only, the CSV, the printable programme guide,
and the frameworks colleagues chose to share.

A manage link opens exactly one programme. The dashboard counts in SQL and
never shows a colleague's private link, or their role, unless they opted in.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect
from sqlalchemy import select

from models import db
from models.frameworks import Framework, store_facts, utcnow
from models.join_codes import grouped
from models.programmes import FrameworkFact, Programme
from tests.conftest import drop_everything, make_app
from tests.pages import form_fields
from tests.pdftext import pdf_pages
from tests.programme_walk import join
from tests.test_calendar_feed import post_form
from wizard.dashboard import csv_text, programme_slug, safe_cell
from wizard.library import load_library
from wizard.plans import plan_for
from wizard.programme import company_theme_ids, framework_facts, terms_for

STEPS = ("work", "comfort", "goals", "tone", "themes", "situations")
RULES = "- Never share customer names without approval.\n- Be kind, and **correct your mistakes** openly."


# --- helpers -------------------------------------------------------------


@pytest.fixture
def app(tmp_path):
    """Every count shown (a minimum of 1): these tests check the arithmetic.
    Hiding small counts is tested in test_dashboard_privacy.py."""
    application = make_app(tmp_path, DASHBOARD_MIN_COUNT=1)
    yield application
    drop_everything(application)


def company_key(app, programme_id: int, n: int) -> str:
    """The theme key of a programme's n-th company theme (by its stable id)."""
    with app.app_context():
        return "company:" + db.session.get(Programme, programme_id).theme_pairs()[n][0]


def make_programme(app, **settings) -> tuple[int, str, str]:
    """A programme made through the models: (id, manage token, share code)."""
    values = {
        "name": "Acme Voices",
        "company": "Acme",
        "tone": {},
        "rules": RULES,
        "disclosure": "#AcmeVoices",
        "media_contact": "press@acme.example",
        "crisis_contact": "Dana Reyes, +44 20 7946 0000",
        "company_themes": ["Our open-source work", "Life in the payments team"],
        **settings,
    }
    with app.app_context():
        programme, token = Programme.create(**values)
        db.session.commit()
        return programme.id, token, programme.share_code


def add_framework(
    app,
    programme_id: int | None,
    steps: tuple[str, ...] = (),
    *,
    completed: bool = False,
    shared: bool = False,
    facts: tuple[tuple[str, str], ...] = (),
    role: str = "Zebra keeper",
) -> tuple[int, str]:
    """A framework in a programme with answers for some steps: (id, private token)."""
    with app.app_context():
        programme = db.session.get(Programme, programme_id) if programme_id else None
        framework, token = Framework.create(programme=programme)
        db.session.flush()  # facts take the programme id from the framework
        for step in steps:
            framework.save_answer(step, {"role": role, "expertise": "Zoology"})
        # As the wizard records them: one fact per answered step, then the rest.
        store_facts(
            framework.id, framework.programme_id, [("step", s) for s in steps] + list(facts)
        )
        if completed:
            framework.completed_at = utcnow()
        framework.shared_with_programme = shared
        db.session.commit()
        return framework.id, token


def finish(client, code: str, role: str) -> str:
    """A colleague joins and finishes the wizard; returns their private token."""
    walk = join(client, code)
    walk.answer_all({"work": {"role": role}})
    walk.confirm()
    return walk.token


def share(app, token: str) -> int:
    """The colleague chooses to share their framework; returns its id."""
    with app.app_context():
        framework = Framework.by_token(token)
        framework.shared_with_programme = True
        db.session.commit()
        return framework.id


def table_counts(soup: BeautifulSoup, selector: str) -> dict[str, int]:
    """A dashboard table as {row label: count}, in the order shown."""
    table = soup.select_one(selector)
    return {
        row.th.get_text(strip=True): int(row.select_one("td.num").get_text(strip=True))
        for row in table.select("tbody tr")
        if row.th
    }


def read_csv(response) -> list[dict[str, str]]:
    """The CSV download as rows."""
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


# --- one manage link, one programme ---------------------------------------------


def test_a_manage_link_opens_its_own_programme_and_no_other(app, client, pages):
    a_id, a_token, _ = make_programme(app, name="Acme Voices")
    b_id, b_token, _ = make_programme(app, name="Globex Experts", company="Globex")
    b_framework, _ = add_framework(app, b_id, STEPS, completed=True, shared=True)

    soup = pages.check(client.get(f"/manage/{a_token}"))
    assert soup.h1.get_text(strip=True) == "Acme Voices"
    assert "Globex" not in soup.get_text()
    assert client.get(f"/manage/{a_token}/shared/{b_framework}").status_code == 404
    soup = pages.check(client.get(f"/manage/{b_token}"))
    assert soup.h1.get_text(strip=True) == "Globex Experts"
    assert client.get(f"/manage/{b_token}/shared/{b_framework}").status_code == 200


@pytest.mark.parametrize("path", ["", "/aggregates.csv", "/guide", "/shared/1"])
def test_unknown_and_rotated_manage_links_are_not_found(app, client, path):
    programme_id, token, _ = make_programme(app)
    add_framework(app, programme_id, STEPS, completed=True, shared=True)
    assert client.get(f"/manage/{token}{path}").status_code == 200

    with app.app_context():
        new_token = db.session.get(Programme, programme_id).rotate_admin_token()
        db.session.commit()

    assert client.get(f"/manage/{token}{path}").status_code == 404
    assert client.get(f"/manage/not-a-real-token{path}").status_code == 404
    assert client.get(f"/manage/{'x' * 200}{path}").status_code == 404
    assert client.get(f"/manage/{new_token}{path}").status_code == 200


def test_only_finished_shared_frameworks_of_the_programme_can_be_read(app, client):
    programme_id, token, _ = make_programme(app)
    draft_shared, _ = add_framework(app, programme_id, STEPS[:3], shared=True)
    finished_private, _ = add_framework(app, programme_id, STEPS, completed=True)
    loner, _ = add_framework(app, programme_id, STEPS, completed=True, shared=True)
    with app.app_context():
        db.session.get(Framework, loner).programme_id = None
        db.session.commit()

    for framework_id in (draft_shared, finished_private, loner, 999_999):
        assert client.get(f"/manage/{token}/shared/{framework_id}").status_code == 404


# --- what the dashboard shows, and what it never shows ---------------------------------


def test_the_dashboard_shows_no_private_link_and_no_role_unless_shared(app, client, pages):
    programme_id, admin_token, code = make_programme(app)
    zebra = finish(client, code, "Zebra keeper at the city zoo")
    okapi = finish(client, code, "Okapi whisperer")
    drafter = join(client, code)
    drafter.submit("work", {"role": "Quokka photographer"})
    roles = ("Zebra keeper", "Okapi whisperer", "Quokka photographer")

    html = client.get(f"/manage/{admin_token}").get_data(as_text=True)
    for secret in (zebra, okapi, drafter.token, "/f/", *roles):
        assert secret not in html, secret
    soup = pages.check(client.get(f"/manage/{admin_token}"))
    assert "Nobody has shared a framework yet." in soup.get_text()

    zebra_id = share(app, zebra)
    soup = pages.check(client.get(f"/manage/{admin_token}"))
    html = str(soup)
    assert "Zebra keeper at the city zoo" in html
    for secret in (zebra, okapi, drafter.token, "/f/", "Okapi whisperer", "Quokka photographer"):
        assert secret not in html, secret
    link = soup.find("a", string="Zebra keeper at the city zoo")
    assert link["href"] == f"/manage/{admin_token}/shared/{zebra_id}"

    response = client.get(link["href"])
    shared = pages.check(response)
    assert response.headers["Cache-Control"] == "no-store"
    assert shared.h1.get_text(strip=True) == "Zebra keeper at the city zoo: software testing"
    headings = [h.get_text(strip=True) for h in shared.find_all("h2")]
    for heading in ("Your tone", "Your content outline", "Your situation playbook", "Post ideas"):
        assert heading in headings
    text = response.get_data(as_text=True)
    assert zebra not in text and "/f/" not in text
    assert not shared.find("form"), "read-only: nothing to change"


def test_counts_and_the_funnel_match_the_frameworks(app, client, pages):
    programme_id, token, _ = make_programme(app)
    other_id, _, _ = make_programme(app, name="Elsewhere")
    for _ in range(2):
        add_framework(app, programme_id, STEPS[:1])
    add_framework(app, programme_id, STEPS[:3])
    for _ in range(2):
        add_framework(app, programme_id, STEPS, completed=True)
    add_framework(app, other_id, STEPS, completed=True)  # another programme's
    add_framework(app, None, STEPS, completed=True)  # no programme at all

    soup = pages.check(client.get(f"/manage/{token}"))

    stats = {
        div.dt.get_text(strip=True): int(div.dd.get_text(strip=True))
        for div in soup.select(".dash-stats div")
    }
    assert stats == {"Started": 5, "Completed": 2, "Drafts checked": 0}
    funnel = table_counts(soup, "#numbers-title ~ table")
    assert list(funnel.values()) == [5, 3, 3, 2, 2, 2, 2]
    labels = list(funnel)
    assert labels[0] == "Answered step 1: What do you know well?"
    assert labels[2] == "Answered step 3: What would you like being visible to bring you?"
    assert labels[-1] == "Completed"
    assert "60%" in soup.select("#numbers-title ~ table tbody tr")[1].get_text()
    bar = soup.select_one("#numbers-title ~ table svg.dash-bar")
    assert bar["aria-hidden"] == "true"


def test_distributions_count_facts_with_names_most_first(app, client, pages):
    programme_id, token, _ = make_programme(app)
    other_id, _, _ = make_programme(app, name="Elsewhere")
    add_framework(
        app,
        programme_id,
        STEPS,
        completed=True,
        facts=(
            ("rung", "2"),
            ("area", "software-testing"),
            ("channel", "linkedin"),
            ("channel", "internal"),
            ("theme", company_key(app, programme_id, 1)),
            ("theme", "area:software-testing:0"),
            ("theme", "own"),
        ),
    )
    add_framework(
        app,
        programme_id,
        STEPS[:2],
        facts=(("rung", "2"), ("area", "other"), ("channel", "linkedin")),
    )
    add_framework(app, programme_id, STEPS[:2], facts=(("rung", "4"), ("area", "software-testing")))
    add_framework(app, other_id, STEPS[:2], facts=(("rung", "5"), ("area", "other")))

    soup = pages.check(client.get(f"/manage/{token}"))

    rungs = table_counts(soup, "#dist-rung")
    assert list(rungs.values()) == [2, 1]
    assert list(rungs)[0].startswith("2. ") and list(rungs)[1].startswith("4. ")
    assert table_counts(soup, "#dist-area") == {"Software testing": 2, "Something else": 1}
    assert table_counts(soup, "#dist-channel") == {
        "LinkedIn": 2,
        "Internal social network or chat": 1,
    }
    assert table_counts(soup, "#dist-theme") == {
        "Deciding what to test first": 1,  # the library's first software testing theme
        "Life in the payments team (company theme)": 1,
        "Their own theme": 1,
        "Our open-source work (company theme)": 0,  # nobody chose it, and that is worth knowing
    }
    assert "everyone who started" in soup.select_one("#choices-title ~ p").get_text()


def test_the_dashboard_links_to_settings_guide_and_csv(app, client, pages):
    _, token, code = make_programme(app)

    soup = pages.check(client.get(f"/manage/{token}"))

    nav = soup.find("nav", attrs={"aria-label": "Programme"})
    hrefs = [a["href"] for a in nav.find_all("a")]
    assert hrefs == [
        f"/manage/{token}/settings",
        f"/manage/{token}/guide",
        f"/manage/{token}/aggregates.csv",
    ]
    share_field = soup.find("input", id="share-link-url")
    assert share_field["value"] == f"http://localhost/join/{code}"
    assert share_field.has_attr("readonly")
    assert soup.find("button", attrs={"data-copy": "share-link-url"})
    assert soup.find("script", src="/static/copy.js")
    assert "Your programme is ready" not in soup.get_text()
    assert not soup.find(id="manage-url"), "the manage link is shown once, on creation"


def test_a_new_programme_shows_both_links_once_with_advice(app, client, pages):
    _, token, code = make_programme(app)

    soup = pages.check(client.get(f"/manage/{token}?created=1"))

    notice = soup.select_one(".dash-created")
    assert notice.h2.get_text(strip=True) == "Your programme is ready"
    assert notice.find("input", id="created-share-url")["value"] == f"http://localhost/join/{code}"
    assert notice.find("input", id="manage-url")["value"] == f"http://localhost/manage/{token}"
    for field in ("created-share-url", "manage-url"):
        assert notice.find("button", attrs={"data-copy": field})
    advice = notice.get_text(" ", strip=True)
    for words in ("only time the manage link is shown", "Bookmark", "Anyone with it can"):
        assert words in advice, words


def test_rules_that_forbid_talking_about_pay_are_flagged(app, client, pages):
    _, token, _ = make_programme(app, rules="Never discuss salaries in public.\n\nBe kind.")

    soup = pages.check(client.get(f"/manage/{token}"))

    box = soup.select_one(".warning-box")
    assert "pay or working conditions" in box.get_text()
    assert [li.get_text(strip=True) for li in box.find_all("li")] == [
        "“Never discuss salaries in public.”"
    ]
    _, calm, _ = make_programme(app, rules=RULES)
    assert not pages.check(client.get(f"/manage/{calm}")).select_one(".warning-box")


# --- the CSV ---------------------------------------------------------------------------


def test_the_csv_has_the_same_numbers_as_the_dashboard(app, client, pages):
    programme_id, token, _ = make_programme(app, name="Acme Voices 2026")
    add_framework(app, programme_id, STEPS[:1], facts=(("rung", "1"), ("area", "other")))
    add_framework(
        app,
        programme_id,
        STEPS,
        completed=True,
        facts=(("rung", "1"), ("theme", company_key(app, programme_id, 0))),
    )

    response = client.get(f"/manage/{token}/aggregates.csv")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="byline-acme-voices-2026-aggregates.csv"'
    )
    assert response.headers["Cache-Control"] == "no-store"
    rows = read_csv(response)
    found = {(row["section"], row["item"]): int(row["count"]) for row in rows}
    assert found[("Progress", "Started")] == 2
    assert found[("Progress", "Completed")] == 1
    funnel = [int(row["count"]) for row in rows if row["section"] == "How far people got"]
    assert funnel == [2, 1, 1, 1, 1, 1, 1]
    soup = pages.check(client.get(f"/manage/{token}"))
    for kind, section in (("rung", "Comfort with sharing in public"), ("theme", "Themes chosen")):
        shown = table_counts(soup, f"#dist-{kind}")
        assert {r["item"]: int(r["count"]) for r in rows if r["section"] == section} == shown
    assert found[("Fields of expertise", "Something else")] == 1


def test_the_csv_defuses_formulas_typed_into_company_themes(app, client):
    themes = ['=HYPERLINK("http://evil.example")', "+1", "-2", "@SUM(A1)", "Plain"]
    programme_id, token, _ = make_programme(app, company_themes=themes)
    add_framework(app, programme_id, STEPS, facts=(("theme", company_key(app, programme_id, 0)),))

    rows = read_csv(client.get(f"/manage/{token}/aggregates.csv"))

    items = [row["item"] for row in rows if row["section"] == "Themes chosen"]
    assert '\'=HYPERLINK("http://evil.example") (company theme)' in items
    assert {"'+1 (company theme)", "'-2 (company theme)", "'@SUM(A1) (company theme)"} <= set(items)
    assert "Plain (company theme)" in items
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@")), cell


def test_csv_cells_and_file_names():
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("\t=1") == "'\t=1"
    assert safe_cell("Plain, with comma") == "Plain, with comma"
    assert safe_cell(12) == "12"
    assert csv_text([("a", "=b", 3)]).splitlines() == ["section,item,count", "a,'=b,3"]
    assert programme_slug("Acme Voices") == "acme-voices"
    assert programme_slug("Équipe Café") == "equipe-cafe"
    assert programme_slug("数据") == "programme"


# --- the programme guide ------------------------------------------------------------


def test_the_guide_has_rules_contacts_link_and_qr_code_but_no_manage_link(app, client, pages):
    _, token, code = make_programme(app)

    response = client.get(f"/manage/{token}/guide")

    soup = pages.check(response)
    html = response.get_data(as_text=True)
    assert token not in html
    assert "/manage/" not in html
    text = soup.get_text(" ", strip=True)
    assert soup.h1.get_text(strip=True) == "Acme Voices"
    for words in (
        "Acme",
        "Never share customer names without approval.",
        "#AcmeVoices",
        "press@acme.example",
        "Dana Reyes, +44 20 7946 0000",
        "six short questions",
        "Bookmark your private link",
        "unless you choose to share it",
    ):
        assert words in text, words
    assert soup.select_one(".sheet-rules strong").get_text() == "correct your mistakes"
    # The address people type: the short code, grouped, in one piece that never breaks.
    with app.app_context():
        short = grouped(Programme.by_share_code(code).join_code)
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}", short)
    assert soup.select_one(".sheet-url").get_text() == f"http://localhost/join/{short}"
    assert soup.select_one(".sheet-code").get_text() == short
    assert client.get(f"/join/{short.lower().replace('-', ' ')}").status_code == 200
    assert client.get(f"/join/{code}").status_code == 200
    # The way back to the dashboard is relative: the page never holds the manage link.
    back = soup.find("a", string="Back to the dashboard")
    assert back["href"] == "./"
    response = client.get(f"/manage/{token}/")
    assert response.status_code == 303 and response.location.endswith(f"/manage/{token}")
    qr = soup.find("img", alt="QR code for the join link")
    assert qr["src"].startswith("data:image/svg+xml")
    assert soup.find("button", attrs={"data-print": True}).has_attr("hidden")
    assert soup.find("script", src="/static/print.js")


def test_the_guide_renders_rules_through_the_sanitiser(app, client, pages):
    rules = "Be kind.\n\n<script>alert(1)</script>\n\n[a link](javascript:alert(1))"
    _, token, _ = make_programme(app, rules=rules, media_contact="", crisis_contact="")

    soup = pages.check(client.get(f"/manage/{token}/guide"))

    assert not soup.select(".sheet-rules script")
    assert "javascript:" not in str(soup.select_one(".sheet-rules"))
    assert "press office" in soup.get_text()


# --- in the browser -------------------------------------------------------------------------


def render_pages(data: bytes, folder: Path, name: str, tmp_path: Path) -> None:
    """PNG renders of a PDF's pages (``name-1.png`` …), for people to look at (needs poppler)."""
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        return
    for old in folder.glob(f"{name}-*.png"):
        old.unlink()
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(data)
    subprocess.run([pdftoppm, "-png", "-r", "70", str(source), str(folder / name)], check=True)


def lines_of(page: Page, selector: str) -> set[int]:
    """How many lines the text of each matching cell takes on the page."""
    return set(
        page.eval_on_selector_all(
            selector,
            """cells => cells.map(cell => {
                const range = document.createRange();
                range.selectNodeContents(cell);
                return new Set(Array.from(range.getClientRects(), r => Math.round(r.top))).size;
            })""",
        )
    )


@pytest.mark.browser
def test_a_comms_team_reads_its_dashboard_and_prints_the_guide(
    page: Page, live_server, screenshots_dir: Path, tmp_path: Path
):
    app = live_server.app
    ten_rules = "\n".join(
        [RULES]
        + [
            f"- Rule {n}: when a post touches a client, link the public case study and ask first."
            for n in range(8)
        ]
    )
    programme_id, token, _ = make_programme(app, rules=ten_rules)
    for n in range(12):
        add_framework(
            app,
            programme_id,
            STEPS[: 1 + n % 6],
            completed=n % 3 == 0,
            shared=n == 0,
            facts=(
                ("rung", str(1 + n % 3)),
                ("area", "software-testing" if n % 2 else "other"),
                ("channel", "linkedin"),
                ("theme", company_key(app, programme_id, n % 2)),
            ),
        )
    with app.app_context():  # they finished a week ago
        for framework in db.session.scalars(select(Framework)):
            if framework.completed_at:
                framework.completed_at -= timedelta(days=7)
        db.session.commit()

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/manage/{token}?created=1")
    expect(page.get_by_role("heading", level=1)).to_have_text("Acme Voices")
    expect(page.get_by_role("button", name="Copy link").first).to_be_visible()
    results = Axe().run(page)
    assert not results.violations_count, results.generate_report()
    page.screenshot(path=str(screenshots_dir / "dashboard-1280.png"), full_page=True)
    assert lines_of(page, ".dash-table td.num") == {1}  # "fewer than 5" on one line
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, "no sideways scrolling"
    # Column headings and one-word choices are never broken mid-word ("Peo ple", "LinkedI n").
    assert lines_of(page, ".dash-table thead th.num") == {1}
    assert lines_of(page, "#dist-channel tbody th") == {1}
    page.screenshot(path=str(screenshots_dir / "dashboard-320.png"), full_page=True)

    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("link", name="Zebra keeper").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Zebra keeper")
    results = Axe().run(page)
    assert not results.violations_count, results.generate_report()

    page.goto(f"{live_server.url}/manage/{token}/guide")
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    expect(page.get_by_role("img", name="QR code for the join link")).to_be_visible()
    results = Axe().run(page)
    assert not results.violations_count, results.generate_report()
    page.screenshot(path=str(screenshots_dir / "programme-guide-1280.png"), full_page=True)

    page.emulate_media(media="print")
    for paper in ("A4", "Letter"):
        data = page.pdf(format=paper)
        pages, text = pdf_pages(data)
        assert pages == 1, (paper, pages)
        assert "Acme Voices" in text and "How to start" in text and "Rule 7" in text
        assert "Print command" not in text
        assert token not in text and token.encode() not in data
        render_pages(data, screenshots_dir, f"programme-guide-{paper.lower()}", tmp_path)

    # Long rules (2,500 characters) go into two columns and still fit.
    longer = "\n".join(
        f"- Rule {n}: before you post about a customer, a partner or a deal, check that "
        "it has been announced and link the public source."
        for n in range(20)
    )
    _, long_token, _ = make_programme(app, name="Long Rules Inc", rules=longer)
    page.goto(f"{live_server.url}/manage/{long_token}/guide")
    data = page.pdf(format="Letter")
    pages, text = pdf_pages(data)
    render_pages(data, screenshots_dir, "programme-guide-long-rules", tmp_path)
    assert pages == 1, pages
    assert "Rule 19" in text


def test_a_printed_address_breaks_only_between_its_parts():
    from wizard.views.dashboard import address_parts

    assert address_parts("http://example.com/join/ABCD-EFGH") == [
        "http://",
        "example.com/",
        "join/",
        "ABCD-EFGH",
    ]
    assert "".join(address_parts("https://a.example:8000/x/join/7K3M-Q9TX")) == (
        "https://a.example:8000/x/join/7K3M-Q9TX"
    )


# --- facts follow every change of answers -----------------------------------------


def stored_facts(app, token: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(the facts kept for a framework, the facts its answers make now)."""
    with app.app_context():
        framework = Framework.by_token(token)
        kept = set(
            db.session.execute(
                select(FrameworkFact.kind, FrameworkFact.value).where(
                    FrameworkFact.framework_id == framework.id
                )
            ).all()
        )
        terms = terms_for(framework.programme, load_library())
        wanted = set(
            framework_facts(framework.answer_map(), load_library(), company_theme_ids(terms))
        )
        return kept, wanted


def test_planning_the_next_period_updates_the_dashboard(app, client, pages):
    _programme_id, admin, code = make_programme(app)
    token = finish(client, code, "Test lead")
    with app.app_context():
        framework = Framework.by_token(token)
        plan = plan_for(framework)
        for slot in plan.slots:  # enough ideas used to be offered the next rung
            framework.mark_idea(slot.idea.key, "used")
        db.session.commit()
        plan = plan_for(framework)
        assert plan.review.offer_rung == 3
        dropped = plan.outline[0].title
    before = pages.check(client.get(f"/manage/{admin}"))
    assert table_counts(before, "#dist-theme")[dropped] == 1
    assert list(table_counts(before, "#dist-rung").values()) == [1]
    assert list(table_counts(before, "#dist-rung"))[0].startswith("2. ")

    response = post_form(
        client, f"/f/{token}/next-period", "next-period", {"keep-1": None, "step_up": "y"}
    )
    assert response.status_code == 303

    kept, wanted = stored_facts(app, token)
    assert kept == wanted and ("rung", "3") in kept and ("step", "review") in kept
    after = pages.check(client.get(f"/manage/{admin}"))
    assert table_counts(after, "#dist-theme").get(dropped, 0) == 0
    rungs = table_counts(after, "#dist-rung")
    assert [label[:2] for label, count in rungs.items() if count] == ["3."]
    assert sum(table_counts(after, "#dist-theme").values()) == len(plan.outline) - 1


def test_an_imported_framework_keeps_the_facts_of_its_answers(app, client):
    token = finish(client, make_programme(app)[2], "Test lead")
    exported = client.get(f"/f/{token}/framework.json").get_data(as_text=True)
    page = client.get("/import/").get_data(as_text=True)
    data = {**form_fields(page), "pasted": [exported]}
    response = client.post("/import/", data=data)
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    imported = response.location.split("/f/")[1].split("/")[0]
    kept, wanted = stored_facts(app, imported)
    assert kept == wanted and ("step", "themes") in kept and ("rung", "2") in kept


@pytest.mark.browser
def test_a_colleagues_next_period_shows_on_the_dashboard(
    page: Page, live_server, screenshots_dir: Path
):
    app = live_server.app
    app.config["DASHBOARD_MIN_COUNT"] = 1  # one colleague: every count shown
    _programme_id, admin, code = make_programme(app)
    token = finish(app.test_client(), code, "Test lead")
    with app.app_context():
        dropped = plan_for(Framework.by_token(token)).outline[0].title
    dashboard = f"{live_server.url}/manage/{admin}"
    row = page.locator("#dist-theme tbody tr").filter(
        has=page.get_by_role("rowheader", name=dropped, exact=True)
    )
    page.goto(dashboard)
    expect(row.locator("td.num")).to_have_text("1")

    page.goto(f"{live_server.url}/f/{token}/next-period")
    page.get_by_label(dropped, exact=True).uncheck()
    page.get_by_role("button", name="Plan the next period").click()
    expect(page.get_by_text("Your next period is planned")).to_be_visible()

    page.goto(dashboard)
    expect(row).to_have_count(0)  # nobody keeps it now
    expect(page.locator("#dist-theme tbody tr")).not_to_have_count(0)
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        results = Axe().run(page)
        assert not results.violations_count, (width, results.generate_report())
        page.locator("#dist-theme").screenshot(
            path=str(screenshots_dir / f"dashboard-after-next-period-{width}.png")
        )
