"""The PDF of the guideline pages for the six-theme framework: a first download
(made afresh by WeasyPrint), a repeat download (served from the process's
recent PDFs), and WeasyPrint alone on HTML already rendered. Baseline: the
print page (the same HTML, for the browser's Print command)."""

from __future__ import annotations

from flask import Flask

from bench.pages import PDF_BUDGET_MS
from bench.report import Table, Verdict
from bench.sample import Seeded, bench_app, dispose, seed, temporary_database
from bench.timing import Sample, measure, measure_together
from models.frameworks import Framework
from wizard.pdf import forget_recent_pdfs, html_to_pdf
from wizard.plans import plan_for
from wizard.views.printing import guide_html


def pdf_html(app: Flask, seeded: Seeded) -> str:
    """The HTML the PDF is made from."""
    with app.test_request_context():
        plan = plan_for(Framework.by_token(seeded.token))
        return guide_html(plan, seeded.token, for_pdf=True)


def timings(app: Flask, seeded: Seeded, repeat: int) -> list[tuple[str, Sample]]:
    """(what, sample) for the print page, the PDF download and WeasyPrint alone."""
    client = app.test_client()
    base = f"/f/{seeded.token}"
    html = pdf_html(app, seeded)

    def get(path: str) -> bytes:
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return response.get_data()

    def first_download() -> bytes:
        forget_recent_pdfs()
        return get(f"{base}/framework.pdf")

    def weasyprint_alone() -> bytes:
        forget_recent_pdfs()
        return html_to_pdf(html, base_url="http://localhost/", static_folder=app.static_folder)

    made = measure_together(
        {"first": first_download, "weasyprint": weasyprint_alone}, repeat=repeat
    )
    return [
        ("print page (baseline)", measure(lambda: get(f"{base}/print"), repeat=repeat * 3)),
        ("PDF, first download", made["first"]),
        ("  of which WeasyPrint (HTML to PDF)", made["weasyprint"]),
        ("PDF, repeat download", measure(lambda: get(f"{base}/framework.pdf"), repeat=repeat * 3)),
    ]


def run(*, repeat: int) -> tuple[list[Table], list[Verdict]]:
    """The PDF table and its budget."""
    with temporary_database() as uri:
        app = bench_app(uri)
        try:
            seeded = seed(app)
            rows = timings(app, seeded, repeat)
            size = len(app.test_client().get(f"/f/{seeded.token}/framework.pdf").get_data())
        finally:
            dispose(app)
    base = rows[0][1]
    table = Table(
        "PDF of the guideline pages",
        ["what", "wall ms", "CPU ms", "× print page", "budget"],
        note=f"Six themes, 57 ideas; the PDF is {size / 1024:.0f} KB. Median of {repeat} runs "
        "after one warm-up, first downloads and WeasyPrint alone taking turns; ratio by CPU "
        "time to the print page in the same run. A first download is made by WeasyPrint; a "
        "repeat download of unchanged pages comes from the PDFs the same server process made "
        "last (each gunicorn worker keeps its own).",
    )
    for name, sample in rows:
        budget = ""
        if name.startswith("PDF, first"):
            met = sample.cpu_ms < PDF_BUDGET_MS
            budget = f"< {PDF_BUDGET_MS:.0f} ms: {'met' if met else 'MISSED'}"
        ratio = f"{sample.ratio(base):.1f}"
        table.add(name, f"{sample.wall_ms:.0f}", f"{sample.cpu_ms:.0f}", ratio, budget)
    download = rows[1][1]
    verdict = Verdict(
        "PDF of the guideline pages in under a second",
        f"first download {download.cpu_ms:.0f} ms CPU ({download.wall_ms:.0f} ms wall); "
        f"repeat {rows[3][1].wall_ms:.1f} ms",
        download.cpu_ms < PDF_BUDGET_MS,
    )
    return [table], [verdict]
