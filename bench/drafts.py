"""How long the draft check takes: ``check_draft`` on a 3,000-character
LinkedIn draft (LinkedIn's limit) against a large programme, and the whole
POST of the draft page through the test client."""

from __future__ import annotations

import re
import time

from bench.report import Table, Verdict
from bench.sample import bench_app, dispose, seed, temporary_database
from bench.timing import measure
from wizard.drafts import DraftContext, check_draft
from wizard.drafts.context import OffLimits
from wizard.library import load_library

CHECK_BUDGET_MS = 20.0
DRAFT_CHARACTERS = 3000

PARAGRAPHS = (
    "Thrilled to share what our platform team learned this year while moving 300 services "
    "onto Anvil, the build system we have been working on at Acme. ",
    "The short version: caching was not the hard part. The hard part was agreeing on what a "
    "build is allowed to depend on, and writing it down so that the next team could read it. ",
    "We measured every step. Cold builds went from 41 minutes to 12; warm builds from 9 "
    "minutes to under 2. The numbers in the chart below come from our own dashboards. ",
    "A few people asked how we compare with Globex. Honestly, it depends on your repository: "
    "if you have many small packages, their approach to remote execution is very good. ",
    "If you want the details, write to me at sam.taylor@example.org, or see the public "
    "write-up at https://example.com/builds. Ticket OPS-2231 has the gory history. ",
    "What I would tell my past self: start with the slowest tests, not the biggest ones, "
    "and delete the ones nobody can explain. #BuildTools #softwareengineering #DevOps ",
)


def sample_draft(length: int = DRAFT_CHARACTERS) -> str:
    """A realistic draft, repeated and cut to exactly ``length`` characters."""
    text = "\n\n".join(PARAGRAPHS)
    while len(text) < length:
        text += "\n\n" + text
    return text[:length]


def large_context() -> DraftContext:
    """A programme with many names and phrases, in two regulated sectors."""
    library = load_library()
    return DraftContext(
        channel="linkedin",
        tone={"humour": 4, "formality": 2, "respect": 2, "enthusiasm": 4},
        formal_field=True,
        avoid_words=("leverage", "synergy", "utilize", "going forward", "rockstar"),
        sectors=(library.sector("life-sciences"), library.sector("security")),
        company="Acme",
        disclosure="#AcmeEmployee",
        products=tuple(f"Product {n}" for n in range(10)) + ("Anvil",),
        competitors=tuple(f"Rival {n}" for n in range(10)) + ("Globex",),
        customers=tuple(f"Customer Company {n}" for n in range(50)),
        off_limits=tuple(OffLimits(f"code name {n}", "internal") for n in range(50)),
    )


def page_post(app, token: str, draft: str):
    """A client that posts the draft page as a browser would, with its CSRF token."""
    client = app.test_client()
    page = client.get(f"/f/{token}/draft").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    data = {"csrf_token": csrf.group(1) if csrf else "", "channel": "linkedin", "draft": draft}

    def post() -> None:
        response = client.post(f"/f/{token}/draft", data=data)
        assert response.status_code == 200, response.status_code

    return post


def run(*, repeat: int) -> tuple[list[Table], list[Verdict]]:
    """The draft check's table and its budget."""
    draft = sample_draft()
    context = large_context()
    started = time.perf_counter()
    findings = check_draft(draft, context)  # the first call compiles and caches patterns
    first_ms = (time.perf_counter() - started) * 1000
    plain = measure(lambda: check_draft(draft, DraftContext()), repeat=repeat * 10)
    large = measure(lambda: check_draft(draft, context), repeat=repeat * 10)
    longest = sample_draft(10_000)
    most = measure(lambda: check_draft(longest, context), repeat=repeat * 3)
    with temporary_database() as uri:
        app = bench_app(uri)
        try:
            seeded = seed(app)
            post = measure(page_post(app, seeded.token, draft), repeat=repeat)
        finally:
            dispose(app)
    table = Table(
        "Draft check",
        ["what", "wall ms", "CPU ms", "budget"],
        note=f"Medians. The draft: {len(draft):,} characters of a LinkedIn post with "
        f"{len(findings)} findings; the large programme lists 11 products, 11 competitors, "
        "50 customers and 50 off-limits phrases in two regulated sectors. The first call in "
        "a process also compiles the patterns of that programme's names.",
    )
    ok = large.cpu_ms < CHECK_BUDGET_MS
    table.add(
        "check_draft, 3,000 characters, no programme",
        f"{plain.wall_ms:.2f}",
        f"{plain.cpu_ms:.2f}",
        "",
    )
    table.add(
        "check_draft, 3,000 characters, large programme",
        f"{large.wall_ms:.2f}",
        f"{large.cpu_ms:.2f}",
        f"< {CHECK_BUDGET_MS:.0f} ms: {'met' if ok else 'MISSED'}",
    )
    table.add("the same, first call in a process", f"{first_ms:.2f}", "–", "")
    table.add(
        "check_draft, 10,000 characters (the most accepted)",
        f"{most.wall_ms:.2f}",
        f"{most.cpu_ms:.2f}",
        "",
    )
    table.add(
        "POST of the draft page (3,000 characters)", f"{post.wall_ms:.2f}", f"{post.cpu_ms:.2f}", ""
    )
    verdict = Verdict(
        "a 3,000-character draft checked in under 20 ms",
        f"{large.cpu_ms:.1f} ms CPU ({large.wall_ms:.1f} ms wall), large programme",
        ok,
    )
    return [table], [verdict]
