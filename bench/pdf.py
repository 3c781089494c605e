"""How long the printable guideline pages and the server's PDF take.

    python -m bench.pdf

Builds an app on a temporary SQLite database, stores a finished framework with
six themes (and an extra batch of ideas for each), then times whole requests
through the test client: the home page as the baseline, the print page, and
the PDF download, plus WeasyPrint alone on the already rendered HTML.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from weasyprint import HTML

from app import create_app
from bench.sample import large_answers
from models import db
from models.frameworks import Framework, utcnow
from wizard.library import load_library
from wizard.pdf import StaticFolderFetcher, html_to_pdf

RUNS = 10
WARMUP = 2


def stored_framework(app) -> str:
    """A finished six-theme framework in the app's database; returns its token."""
    with app.app_context():
        framework, token = Framework.create()
        for step, data in large_answers(load_library()).items():
            framework.save_answer(step, data)
        framework.more_ideas = {str(number): 1 for number in range(1, 7)}
        framework.completed_at = utcnow()
        db.session.commit()
    return token


def fetch(client, path: str) -> bytes:
    """One GET that must succeed; returns the body."""
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.data


def medians_ms(work: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time of ``work()``, in milliseconds.

    CPU time counts only this process's own work, so it moves less than wall
    time when other processes share the machine.
    """
    for _ in range(WARMUP):
        work()
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def timed_rows(client, app, token: str, html: str) -> list[tuple[str, float, float]]:
    """Median milliseconds (wall, CPU) for the baseline page, the print page and the PDF."""
    print_page, pdf = f"/f/{token}/print", f"/f/{token}/framework.pdf"

    def weasyprint_only() -> bytes:
        return html_to_pdf(html, base_url="http://localhost/", static_folder=app.static_folder)

    return [
        ("GET / (baseline)", *medians_ms(lambda: fetch(client, "/"), RUNS * 3)),
        ("GET /f/<token>/print", *medians_ms(lambda: fetch(client, print_page), RUNS)),
        ("GET /f/<token>/framework.pdf", *medians_ms(lambda: fetch(client, pdf), RUNS)),
        ("WeasyPrint alone (HTML to PDF)", *medians_ms(weasyprint_only, RUNS)),
    ]


def main() -> None:
    """Print the median request times and their ratio to the home page."""
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "bench.sqlite3"
        app = create_app(
            {"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}"}
        )
        token = stored_framework(app)
        client = app.test_client()
        html = fetch(client, f"/f/{token}/print").decode()
        document = fetch(client, f"/f/{token}/framework.pdf")
        fetcher = StaticFolderFetcher(app.static_folder)
        rendered = HTML(string=html, base_url="http://localhost/", url_fetcher=fetcher).render()
        rows = timed_rows(client, app, token, html)
        with app.app_context():
            db.engine.dispose()

    ideas = html.count('class="check-box"')
    print(f"Framework: 6 themes, {ideas} ideas; PDF of {len(rendered.pages)} pages, ", end="")
    print(f"{len(document) // 1024} KB")
    print(f"Medians of {RUNS} runs ({RUNS * 3} for the baseline) after {WARMUP} warm-up runs\n")
    _, home_wall, home_cpu = rows[0]
    width = max(len(name) for name, *_ in rows)
    print(f"{'what':<{width}}  wall ms  x baseline  CPU ms  x baseline")
    print(f"{'-' * width}  -------  ----------  ------  ----------")
    for name, wall, cpu in rows:
        ratios = f"{wall / home_wall:10.0f}  {cpu:6.1f}  {cpu / home_cpu:10.0f}"
        print(f"{name:<{width}}  {wall:7.1f}  {ratios}")


if __name__ == "__main__":
    main()
