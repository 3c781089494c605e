"""Printing: the guideline pages on screen and on paper, and the server's PDF.

A person prints their framework to keep beside the desk or to take to a
meeting. The pages must hold every part of the framework, print cleanly on A4
and US Letter, number their pages, and never show the private link.

The browser tests print through Chromium and save PNG renders of the pages in
``tests/screenshots/`` for people to look at; so does the PDF test where
poppler's ``pdftoppm`` is installed.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from models import db
from tests.conftest import token_from
from tests.pdftext import font_names, pdf_text, readable_text
from tests.test_browser_wizard import ROLE, complete
from tests.wizard_walk import GOOD_ANSWERS
from wizard.lookups import framework_or_404
from wizard.pdf import LEAN_UA, StaticFolderFetcher, forget_recent_pdfs, html_to_pdf
from wizard.pdf_jobs import BASE_URL, pdf_html
from wizard.plans import plan_for
from wizard.views.printing import pdf_filename
from wizard.whitespace import without_indentation

SECTION_HEADINGS = (
    "Your setup week",
    "Your tone",
    "Your content outline",
    "Your situation playbook",
    "Your calendar and post ideas",
)
SCREEN_ONLY = ("Skip to main content", "Download PDF", "Back to your framework", "Ctrl+P")
# A guide of 20 ideas and 30 situations, with its setup week and every post's
# date, fills 9 A4 pages and 9 US Letter ones.
MIN_PAGES, MAX_PAGES = 2, 9


# --- helpers -------------------------------------------------------------


def plan_of(app, token: str):
    """The plan behind a private link, as the views build it."""
    with app.test_request_context():
        return plan_for(framework_or_404(token))


def dated_hook(plan, slot) -> str:
    """How the printed calendar names a post: its day, then its idea's hook."""
    return f"{plan.dates.short(slot.day)} – {slot.idea.hook}"


def first_lines(soup) -> list[str]:
    """Each printed idea's first line: the box, any date, the hook."""
    return [li.b.get_text(strip=True) for li in soup.select(".checklist li")]


def what_paper_must_hold(plan) -> list[str]:
    """What a person working from paper needs word for word: the setup week's
    drafts and tasks, every post's date with its idea, every line to keep out."""
    setup = plan.setup
    words = [setup.profile_line, setup.about, setup.disclaimer, setup.listening]
    words += [*setup.follow, *setup.notifications]
    words += [dated_hook(plan, slot) for slot in plan.slots]
    words += [f"Keep out: {idea.caution}" for idea in plan.ideas if idea.caution]
    return words


def link_targets(reader: PdfReader) -> list[str]:
    """Every URI that a link annotation in the PDF points at."""
    targets = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                targets.append(str(action["/URI"]))
    return targets


def assert_printed_guide(data: bytes, token: str, plan) -> PdfReader:
    """What every printout of the guideline pages must be, however it was made."""
    assert data.startswith(b"%PDF-")
    reader, text = pdf_text(data)
    pages = len(reader.pages)
    assert MIN_PAGES <= pages <= MAX_PAGES, pages
    for heading in SECTION_HEADINGS:
        assert heading in text, heading
    assert plan.role in text
    for theme in plan.outline:
        assert theme.title in text, theme.title
    for entry in plan.playbook:
        assert entry.title in text, entry.title
    for words in what_paper_must_hold(plan):
        assert readable_text(words) in text, words
    assert f"Page 1 of {pages}" in text
    assert f"Page {pages} of {pages}" in text
    for words in SCREEN_ONLY:
        assert words not in text, words
    assert not re.search(r"\bPrint\b", text), "the Print button or hint was printed"
    assert token not in text
    assert token.encode() not in data
    assert not [t for t in link_targets(reader) if token in t or "/f/" in t]
    return reader


def assert_shipped_font(reader: PdfReader) -> None:
    """The text is set in the typeface Byline ships, not in whatever the machine has."""
    names = font_names(reader)
    assert names, "no fonts in the PDF"
    assert all("Inter" in name for name in names), names


def render_pages(data: bytes, folder: Path, name: str, tmp_path: Path) -> None:
    """PNG renders of a PDF's pages (``name-1.png`` …), for people to look at."""
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        return
    for old in folder.glob(f"{name}-*.png"):
        old.unlink()
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(data)
    subprocess.run([pdftoppm, "-png", "-r", "60", str(source), str(folder / name)], check=True)


# --- the print page, through the test client --------------------------------


def test_the_print_page_holds_every_part_of_the_framework(app, client, walk, pages):
    token = walk.complete()
    plan = plan_of(app, token)

    soup = pages.check(client.get(f"/f/{token}/print"))

    assert soup.h1.get_text(strip=True) == GOOD_ANSWERS["work"]["role"]
    assert soup.title.get_text().startswith(f"Content framework – {plan.role}")
    headings = [h.get_text(strip=True) for h in soup.find_all("h2")]
    for heading in SECTION_HEADINGS:
        assert heading in headings
    cover = soup.select_one(".print-cover").get_text(" ", strip=True)
    for words in ("Software testing", "engineering managers", "risk-based testing", "Printed"):
        assert words.lower() in cover.lower(), words
    assert len(soup.select(".outline-table tbody tr")) == len(plan.outline)
    assert len(soup.select(".play-card")) == len(plan.playbook) >= 17
    for theme in plan.outline:
        assert soup.find("h3", string=f"{theme.number}. {theme.title}")
    items = soup.select(".checklist li")
    assert len(items) == len(plan.ideas)
    assert items[0].b.get_text(strip=True) == dated_hook(plan, plan.slots[0])
    assert not items[0].b.i.get_text(), "the box is drawn: screen readers hear nothing"
    assert "Make it yours:" in items[0].get_text()
    page_text = " ".join(soup.get_text(" ").split())
    for words in what_paper_must_hold(plan):
        assert " ".join(words.split()) in page_text, words


def test_the_printed_calendar_dates_every_post_then_lists_the_spare_ideas(app, client, walk, pages):
    """Paper has no link to the calendar: each theme lists its posts by date,
    each beside its idea, then the ideas no day points at, each idea once."""
    token = walk.complete()
    plan = plan_of(app, token)

    soup = pages.check(client.get(f"/f/{token}/print"))

    section = soup.find("h2", string="Your calendar and post ideas").parent
    for theme in plan.outline:
        heading = section.find("h3", string=f"{theme.number}. {theme.title}")
        dated, spare = heading.find_next_siblings("ul", limit=2)
        assert heading.find_next_sibling("p").get_text() == "Spare ideas"
        assert first_lines(dated) == [dated_hook(plan, slot) for slot in theme.slots]
        assert [slot.day for slot in theme.slots] == sorted(slot.day for slot in theme.slots)
        keys = {slot.idea.key for slot in theme.slots}
        assert first_lines(spare) == [i.hook for i in theme.ideas if i.key not in keys]


def test_every_line_to_keep_out_is_printed_with_its_idea(app, client, walk, pages):
    token = walk.complete()
    plan = plan_of(app, token)
    fenced = [idea for idea in plan.ideas if idea.caution]
    assert fenced, "the test plan has ideas with something to keep out"

    soup = pages.check(client.get(f"/f/{token}/print"))

    for idea in fenced:
        (item,) = [li for li in soup.select(".checklist li") if li.b.get_text().endswith(idea.hook)]
        assert f"Keep out: {idea.caution}" in item.get_text()
    assert len(soup.find_all(string="Keep out:")) == len(fenced)


def test_the_print_page_offers_print_pdf_and_a_way_back(client, walk, pages):
    token = walk.complete()

    soup = pages.check(client.get(f"/f/{token}/print"))

    button = soup.find("button", attrs={"data-print": True})
    assert button.get_text(strip=True) == "Print"
    assert button.has_attr("hidden"), "without JavaScript there is nothing to press"
    assert "Print command" in soup.find(attrs={"data-print-fallback": True}).get_text()
    assert "Headers and footers" in soup.select_one(".print-controls").get_text()
    assert soup.find("script", src="/static/print.js")
    assert soup.find("a", string="Download PDF")["href"] == f"/f/{token}/framework.pdf"
    assert soup.find("a", string="Back to your framework")["href"] == f"/f/{token}"
    assert not soup.find("script", src=False), "no inline script: the CSP forbids it"


def test_ideas_set_aside_stay_off_paper_and_used_ones_come_ticked(app, client, walk, pages):
    token = walk.complete()
    plan = plan_of(app, token)
    hidden, used = plan.outline[0].ideas[:2]
    with app.test_request_context():
        framework = framework_or_404(token)
        framework.mark_idea(hidden.key, "hidden")
        framework.mark_idea(used.key, "used")
        db.session.commit()

    soup = pages.check(client.get(f"/f/{token}/print"))

    hooks = [line.split(" – ", 1)[-1] for line in first_lines(soup)]
    # Another theme's idea may share a hook: only the hidden idea itself goes.
    others = [i for i in plan.ideas if i.hook == hidden.hook and i.key != hidden.key]
    assert hooks.count(hidden.hook) == len(others)
    assert used.hook in hooks
    ticked = soup.select(".checklist li.used")
    assert [li.b.get_text(strip=True).split(" – ", 1)[-1] for li in ticked] in (
        [used.hook],  # a dated post: the tick, the date, the hook
        ["✓" + used.hook],  # a spare idea: the tick, the hook
    )
    assert ticked[0].b.i.get_text() == "✓"
    assert ticked[0].b.i["aria-hidden"] == "true", "screen readers hear 'posted' instead"
    assert "posted" in ticked[0].small.get_text()
    assert len(soup.select(".checklist li b i")) == len(hooks)


def test_the_print_page_leaves_out_indentation_but_not_inside_pre():
    html = "<ul>\n    <li>One</li>\n\n    <li>Two</li>\n</ul>\n<pre>  kept\n    as typed</pre>\n  <p>x</p>"
    assert without_indentation(html) == (
        "<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n<pre>  kept\n    as typed</pre>\n<p>x</p>"
    )


def test_drafts_and_unknown_links_have_no_print_pages(client, walk):
    walk.start()
    walk.submit("work")
    for path in ("/print", "/framework.pdf"):
        assert client.get(walk.base + path).status_code == 404
        assert client.get("/f/no-such-framework" + path).status_code == 404


# --- the server's PDF ------------------------------------------------------------


def test_the_pdf_download_is_the_printed_guide(app, client, walk, screenshots_dir, tmp_path):
    token = walk.complete()
    plan = plan_of(app, token)

    response = client.get(f"/f/{token}/framework.pdf")

    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="software-testing-framework.pdf"'
    )
    assert response.headers["Cache-Control"] == "no-store"
    reader = assert_printed_guide(response.data, token, plan)
    assert reader.metadata.title == f"Content framework – {plan.role} – Byline"
    assert_shipped_font(reader)
    render_pages(response.data, screenshots_dir, "print-server-a4", tmp_path)


def test_pdf_file_names_come_from_the_expertise():
    assert pdf_filename("Software testing") == "software-testing-framework.pdf"
    assert pdf_filename("Développement & DevOps/SRE") == "developpement-devops-sre-framework.pdf"
    assert pdf_filename("数据") == "byline-framework.pdf"
    assert pdf_filename("") == "byline-framework.pdf"
    assert len(pdf_filename("word " * 40)) <= len("-framework.pdf") + 50


def test_the_pdf_reads_static_files_from_disk_and_nothing_else(app):
    fetcher = StaticFolderFetcher(app.static_folder)

    stylesheet = fetcher.fetch("http://localhost/static/print.css")
    assert stylesheet.content_type == "text/css"
    assert b"@media print" in stylesheet.read()
    font = fetcher.fetch("http://localhost/static/fonts/Inter-Regular.woff2")
    assert font.read().startswith(b"wOF2")
    for url in (
        "https://example.com/elsewhere/style.css",
        "http://localhost/static/../app.py",
        "http://localhost/static/%2e%2e/app.py",
        "http://localhost/static/no-such-file.css",
        "file:///etc/passwd",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_the_pdf_is_the_same_with_weasyprints_full_user_agent_stylesheet(app, walk):
    """The lean user-agent stylesheet and the stylesheet parsed once change
    nothing on paper: the same pages, the same text, as plain WeasyPrint
    with the print stylesheet linked from the page."""
    from weasyprint import HTML

    token = walk.complete()
    plan = plan_of(app, token)
    with app.test_request_context(base_url=BASE_URL):
        html = pdf_html(plan, date.today())
    forget_recent_pdfs()
    lean = html_to_pdf(html, base_url=BASE_URL, static_folder=app.static_folder)
    links = '<link rel="stylesheet" href="/static/pdf.css"><link rel="stylesheet" href="/static/print.css">'
    linked = html.replace("</head>", links + "</head>")
    fetcher = StaticFolderFetcher(app.static_folder)
    full = HTML(string=linked, base_url=BASE_URL, url_fetcher=fetcher).write_pdf()
    lean_reader, lean_text = pdf_text(lean)
    full_reader, full_text = pdf_text(full)
    assert len(lean_reader.pages) == len(full_reader.pages)
    assert lean_text == full_text
    assert_printed_guide(lean, token, plan)


def test_the_lean_user_agent_stylesheet_leaves_out_notes_and_stray_markers():
    """If WeasyPrint's own stylesheet changes so that nothing is left out, this says so."""
    from weasyprint.html import UA

    assert "::footnote-call" in UA and "\n::marker {" in UA
    assert "::footnote" not in LEAN_UA and "::note" not in LEAN_UA
    assert "\nli::marker {" in LEAN_UA and "\n::marker {" not in LEAN_UA
    assert len(LEAN_UA) > len(UA) * 0.9, "everything else stays"


def test_a_changed_stylesheet_is_parsed_again(tmp_path):
    static = tmp_path / "static"
    static.mkdir()
    sheet = static / "print.css"
    html = "<!doctype html><title>Sheet</title><p>Printed text</p>"
    sheet.write_text("@page { size: A5; }")
    forget_recent_pdfs()
    options = {"base_url": BASE_URL, "static_folder": static, "stylesheets": ("print.css",)}
    first = PdfReader(io.BytesIO(html_to_pdf(html, **options)))
    sheet.write_text("@page { size: A4; }")
    os.utime(sheet, (1, 1))  # a different modification time, however fast the test runs
    forget_recent_pdfs()
    second = PdfReader(io.BytesIO(html_to_pdf(html, **options)))
    assert round(float(first.pages[0].mediabox.width) / 72 * 25.4) == 148
    assert round(float(second.pages[0].mediabox.width) / 72 * 25.4) == 210


# --- printing from the browser ------------------------------------------------


@pytest.mark.browser
def test_a_person_prints_their_framework_from_the_browser(
    page: Page, live_server, screenshots_dir: Path, tmp_path: Path
):
    url = complete(page, live_server.url)
    token = token_from(url)
    plan = plan_of(live_server.app, token)

    page.goto(url + "/print")
    expect(page.get_by_role("heading", level=1)).to_have_text(ROLE)
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    # The hint stays beside the button: the page does not move when the button appears.
    expect(page.get_by_text("Use your browser's Print command")).to_be_visible()
    results = Axe().run(page)
    assert not results.violations_count, results.generate_report()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.screenshot(path=str(screenshots_dir / "print-1280.png"), full_page=True)

    page.emulate_media(media="print")
    for paper in ("A4", "Letter"):
        data = page.pdf(format=paper, display_header_footer=False)
        assert_shipped_font(assert_printed_guide(data, token, plan))
        render_pages(data, screenshots_dir, f"print-chromium-{paper.lower()}", tmp_path)

    # Someone who leaves "Headers and footers" on still gets no address on paper:
    # the page's own margin boxes take the place of Chromium's.
    data = page.pdf(format="A4", display_header_footer=True)
    assert_printed_guide(data, token, plan)
    assert live_server.url.split("//")[1] not in pdf_text(data)[1]


@pytest.mark.browser
def test_without_javascript_the_page_says_how_to_print(page: Page, live_server, new_context):
    url = complete(page, live_server.url)

    quiet = new_context(java_script_enabled=False).new_page()
    quiet.goto(url + "/print")

    expect(quiet.get_by_role("button", name="Print")).to_be_hidden()
    expect(quiet.get_by_text("Use your browser's Print command")).to_be_visible()
    expect(quiet.get_by_role("link", name="Download PDF")).to_be_visible()


def test_a_programmes_rules_come_first_then_the_setup_week(app, client, pages):
    """Paper follows the framework's order of authority: the programme's rules
    before anything the person does, the setup week before the first post."""
    from bench.sample import seed

    seeded = seed(app)

    soup = pages.check(client.get(f"/f/{seeded.token}/print"))

    headings = [h.get_text(strip=True) for h in soup.find_all("h2")]
    assert headings == ["Acme’s rules", *SECTION_HEADINGS], headings
