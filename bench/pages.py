"""Every page type, rendered in-process through Flask's test client: how long it
takes (warm, median of repeated requests) and how many bytes a browser
downloads for it (the HTML plus the stylesheets and scripts it references).

The baseline is a bare hello-world route added to the same app instance.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from html.parser import HTMLParser

from flask import Flask

from bench.report import Table, Verdict
from bench.sample import HELLO_PATH, STEPS, Seeded, bench_app, dispose, seed, temporary_database
from bench.timing import measure
from wizard.guide_articles import guide_articles
from wizard.pdf_jobs import forget_pdfs

RENDER_BUDGET_MS = 50.0
PDF_BUDGET_MS = 1000.0
PAGE_BYTES_BUDGET = 60 * 1024


@dataclass(frozen=True)
class Page:
    """One page type and the URL that shows it."""

    name: str
    path: str
    status: int = 200
    html: bool = True  # False for downloads, which have no page-weight budget


def page_list(seeded: Seeded) -> list[Page]:
    """One URL per page type, for the large framework and its programme."""
    token, admin = seeded.token, seeded.admin_token
    article = guide_articles()[0].slug
    pages = [
        Page("home", "/"),
        Page("guide index", "/guide/"),
        Page("guide article", f"/guide/{article}"),
        Page("start", "/start"),
    ]
    pages += [
        Page(f"step {n}: {step} (first visit)", f"/f/{seeded.drafts[step]}/step/{step}")
        for n, step in enumerate(STEPS, start=1)
    ]
    pages += [
        Page("check your answers", f"/f/{token}/check"),
        Page("framework", f"/f/{token}"),
        Page("ideas (the theme of the moment)", f"/f/{token}/ideas"),
        Page("ideas (all themes)", f"/f/{token}/ideas?theme=&show=open"),
        Page("print", f"/f/{token}/print"),
        Page("check a draft", f"/f/{token}/draft"),
        Page("calendar.ics", f"/f/{token}/calendar.ics", html=False),
        Page("framework.md", f"/f/{token}/framework.md", html=False),
        Page("framework.json", f"/f/{token}/framework.json", html=False),
        Page("framework.pdf", f"/f/{token}/framework.pdf", html=False),
        Page("import", "/import/"),
        Page("join", f"/join/{seeded.share_code}"),
        Page("programme new", "/programmes/new"),
        Page("dashboard", f"/manage/{admin}"),
        Page("settings", f"/manage/{admin}/settings"),
        Page("programme guide", f"/manage/{admin}/guide"),
        Page("shared framework", f"/manage/{admin}/shared/{seeded.framework_id}"),
        Page("404", "/no-such-page", status=404),
    ]
    return pages


class _Assets(HTMLParser):
    """The stylesheets and scripts a page makes the browser fetch."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if (
            tag == "link"
            and "stylesheet" in (values.get("rel") or "").split()
            and values.get("href")
        ):
            self.urls.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.urls.append(values["src"])
        elif tag == "link" and "icon" in (values.get("rel") or "").split() and values.get("href"):
            self.urls.append(values["href"])
        elif tag == "img" and (values.get("src") or "").startswith("/"):
            self.urls.append(values["src"])


def fetch(client, page: Page) -> bytes:
    """One request that must answer as expected; returns the body."""
    response = client.get(page.path)
    assert response.status_code == page.status, (page.path, response.status_code)
    body = response.get_data()
    response.close()
    return body


def weight(client, body: bytes) -> tuple[int, int, int]:
    """The page with its stylesheets, scripts and icons: (bytes, bytes if each
    file were gzipped, number of requests)."""
    parser = _Assets()
    parser.feed(body.decode("utf-8"))
    total, compressed = len(body), len(gzip.compress(body, 6))
    for url in dict.fromkeys(parser.urls):
        response = client.get(url.split("?")[0])
        data = response.get_data()
        response.close()
        total += len(data)
        compressed += len(gzip.compress(data, 6))
    return total, compressed, 1 + len(dict.fromkeys(parser.urls))


def render_times(app: Flask, seeded: Seeded, *, repeat: int) -> tuple[list[Table], list[Verdict]]:
    """Time and weigh every page; returns the tables and the budgets they decide."""
    client = app.test_client()
    hello = measure(lambda: client.get(HELLO_PATH).close(), repeat=repeat * 3)
    times = Table(
        "In-process render time (test client, warm)",
        ["page", "wall ms", "CPU ms", "× hello-world", "budget"],
        note=f"Median of {repeat} requests after 3 warm-up requests ({max(3, repeat // 5)} for "
        "the PDF, each a first download), through Flask's test client on SQLite. Ratio by "
        "CPU time to a bare hello-world route on the same app, measured in the same run. "
        "The budget is judged "
        "on CPU time (one core); wall time also counts waiting for a busy machine.",
    )
    times.add("hello-world (baseline)", f"{hello.wall_ms:.2f}", f"{hello.cpu_ms:.2f}", "1.0", "")
    sizes = Table(
        "Bytes per page",
        ["page", "HTML KB", "with CSS + JS KB", "requests", "budget", "gzipped KB"],
        note="What a browser with an empty cache downloads: the HTML and every stylesheet, "
        "script and icon it references, uncompressed, as gunicorn serves them (the budget "
        "column). The last column is the same files gzipped, as a reverse proxy that "
        "compresses would send them: for information only. Downloads (calendar, Markdown, "
        "JSON, PDF) are files, not pages, and have no budget.",
    )
    slowest, heaviest = ("", 0.0), ("", 0)
    for page in page_list(seeded):
        body = fetch(client, page)
        is_pdf = page.path.endswith(".pdf")
        runs = max(3, repeat // 5) if is_pdf else repeat
        if is_pdf:  # a first download each time, not the copy the process keeps

            def work(page: Page = page) -> bytes:
                forget_pdfs(app)
                return fetch(client, page)

        else:

            def work(page: Page = page) -> bytes:
                return fetch(client, page)

        sample = measure(work, repeat=runs)
        budget_ms = PDF_BUDGET_MS if is_pdf else RENDER_BUDGET_MS
        ok = sample.cpu_ms < budget_ms
        if not is_pdf and sample.cpu_ms > slowest[1]:
            slowest = (page.name, sample.cpu_ms)
        times.add(
            page.name,
            f"{sample.wall_ms:.2f}",
            f"{sample.cpu_ms:.2f}",
            f"{sample.ratio(hello):.1f}",
            f"< {budget_ms:.0f} ms: {'met' if ok else 'MISSED'}",
        )
        if page.html:
            total, compressed, requests = weight(client, body)
            if total > heaviest[1]:
                heaviest = (page.name, total)
            verdict = "met" if total < PAGE_BYTES_BUDGET else "MISSED"
            sizes.add(
                page.name,
                f"{len(body) / 1024:.1f}",
                f"{total / 1024:.1f}",
                requests,
                f"< 60 KB: {verdict}",
                f"{compressed / 1024:.1f}",
            )
        else:
            sizes.add(page.name, f"{len(body) / 1024:.1f}", "–", 1, "(download)", "–")
    verdicts = [
        Verdict(
            "every page rendered in well under 50 ms (6 themes, 57 ideas)",
            f"slowest: {slowest[0]}, {slowest[1]:.1f} ms CPU",
            slowest[1] < RENDER_BUDGET_MS,
        ),
        Verdict(
            "each page's HTML + CSS + JS under 60 KB",
            f"heaviest: {heaviest[0]}, {heaviest[1] / 1024:.1f} KB",
            heaviest[1] < PAGE_BYTES_BUDGET,
        ),
    ]
    return [times, sizes], verdicts


def run(*, repeat: int) -> tuple[list[Table], list[Verdict]]:
    """The render-time and page-weight tables, on a throwaway database."""
    with temporary_database() as uri:
        app = bench_app(uri, pdf_jobs="request")
        try:
            return render_times(app, seed(app), repeat=repeat)
        finally:
            dispose(app)
