"""Throughput and latency over HTTP: gunicorn (2 sync workers) on 127.0.0.1,
loaded by wrk, every figure as a fraction of the hello-world route served by
the same gunicorn in the same run.

Rounds interleave the baseline with the pages it is compared to, so a noisy
neighbour slows both alike; the ratio is the median of the rounds' ratios.
"""

from __future__ import annotations

import http.client
import math
import statistics
from collections.abc import Callable

from bench.client import Browser, complete_wizard
from bench.report import Table, Verdict
from bench.sample import HELLO_PATH, STEPS, bench_app, dispose, seed, temporary_database
from bench.server import HOST, WORKERS, Load, gunicorn, wrk, wrk_available
from wizard.pdf_jobs import make_framework_pdf

CONNECTIONS = 16
WIZARD_BUDGET = 0.40


def lua_string(text: str | None) -> str:
    """A Lua string literal (or nil)."""
    if text is None:
        return "nil"
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def wizard_script(browser: Browser, base: str) -> str:
    """A wrk script that repeats one person's whole wizard, request by request.

    Each wrk thread has one connection and walks the sequence in order: the
    POST to /start creates a new draft, whose private path the following
    requests use. The session cookie and the CSRF token in the recorded
    forms stay valid for the whole run. A finished check-your-answers POST
    counts as a completion; any unexpected status restarts the sequence.
    """
    steps = []
    for method, path, body in browser.sent:
        relative = path.startswith(base)
        suffix = path[len(base) :] if relative else path
        steps.append(
            f"  {{{lua_string(method)}, {lua_string(suffix)}, {lua_string(body)}, "
            f"{'true' if relative else 'false'}}},"
        )
    return f"""
local cookie = {lua_string(browser.cookie)}
local steps = {{
{chr(10).join(steps)}
}}
local index = 0
local base = ""
completions = 0
broken = 0

request = function()
  index = index + 1
  if index > #steps then index = 1 end
  local step = steps[index]
  local path = step[4] and (base .. step[2]) or step[2]
  local headers = {{["Cookie"] = cookie}}
  if step[3] then headers["Content-Type"] = "application/x-www-form-urlencoded" end
  return wrk.format(step[1], path, headers, step[3])
end

response = function(status, headers, body)
  local step = steps[index]
  local expected = step[1] == "POST" and 303 or 200
  if status ~= expected then
    broken = broken + 1
    index = 0
    return
  end
  if index == 2 then base = string.match(headers["Location"], "(/f/[^/?]+)") end
  if step[1] == "POST" and index == #steps - 1 then completions = completions + 1 end
end
"""


def wizard_duration(duration: int, one_walk_seconds: float) -> int:
    """Seconds for the whole-wizard run: at least ``duration``, and long enough
    for every connection to walk the whole sequence about four times while
    the workers share them (a short run only ever measures the cheap first
    steps); at most two minutes."""
    queued = one_walk_seconds * CONNECTIONS / WORKERS
    return int(min(120, max(duration, math.ceil(4 * queued))))


def rounds_of(rounds: int, runs: dict[str, Callable[[], Load]]) -> dict[str, list[Load]]:
    """Run every load once per round, in order, and collect the results by name."""
    results: dict[str, list[Load]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, run_once in runs.items():
            results[name].append(run_once())
    return results


def warm_up(port: int, path: str, requests: int = 4 * WORKERS) -> None:
    """A few requests one after another, each answered before the next: every
    worker has loaded its templates and data before a load is timed. (A short
    wrk run left requests a busy machine had not yet answered, and the next
    run's first seconds went to them.)"""
    for _ in range(requests):
        connection = http.client.HTTPConnection(HOST, port, timeout=60)
        connection.request("GET", path)
        connection.getresponse().read()
        connection.close()


def median_ratio(loads: list[Load], bases: list[Load]) -> float:
    """The median over rounds of throughput / baseline throughput (rounds whose
    baseline answered nothing, on a machine too busy to measure, are left out)."""
    ratios = [a.rps / b.rps for a, b in zip(loads, bases, strict=True) if b.rps > 0]
    return statistics.median(ratios) if ratios else float("nan")


def row(table: Table, name: str, loads: list[Load], bases: list[Load] | None) -> None:
    """One line of figures: medians over the rounds."""
    ratio = f"{median_ratio(loads, bases) * 100:.1f}%" if bases else "100.0%"
    table.add(
        name,
        f"{statistics.median(load.rps for load in loads):.0f}",
        ratio,
        f"{statistics.median(load.p50_ms for load in loads):.1f}",
        f"{statistics.median(load.p95_ms for load in loads):.1f}",
        sum(load.errors for load in loads),
    )


def run(*, duration: int, rounds: int) -> tuple[list[Table], list[Verdict]]:
    """The throughput tables and the wizard-throughput budget."""
    if not wrk_available():
        return [Table("HTTP throughput", ["skipped"], [["wrk is not installed"]])], []
    with temporary_database() as uri:
        app = bench_app(uri)
        seeded = seed(app)
        # The large framework's plan and PDF are made before the server starts,
        # as they would have been long before anyone came back to it: no worker
        # makes a PDF in the background while its pages are timed.
        with app.app_context():
            make_framework_pdf(seeded.framework_id)
        dispose(app)
        with gunicorn(uri) as port:
            pages = {"hello-world (baseline)": HELLO_PATH}
            pages |= {  # each step's GET, on a draft stopped before it (a first visit)
                f"step {number}: {step} (GET)": f"/f/{seeded.drafts[step]}/step/{step}"
                for number, step in enumerate(STEPS, start=1)
            }
            pages |= {
                "check your answers (GET)": f"/f/{seeded.token}/check",
                "framework": f"/f/{seeded.token}",
                "ideas (the theme of the moment)": f"/f/{seeded.token}/ideas",
                "print": f"/f/{seeded.token}/print",
            }
            for path in pages.values():  # every worker compiles its templates first
                warm_up(port, path)
            results = rounds_of(
                rounds,
                {
                    name: lambda path=path: wrk(
                        port, path, duration=duration, connections=CONNECTIONS
                    )
                    for name, path in pages.items()
                },
            )

            browser = Browser(HOST, port)
            base = complete_wizard(browser)
            script = wizard_script(browser, base)
            sequence = len(browser.sent)
            walk = wizard_duration(duration, sum(browser.times_ms) / 1000)
            per_thread = {"threads": CONNECTIONS, "connections": CONNECTIONS}
            wizard_results = rounds_of(
                rounds,
                {
                    "hello": lambda: wrk(port, HELLO_PATH, duration=walk, **per_thread),
                    "wizard": lambda: wrk(port, "/", duration=walk, script=script, **per_thread),
                },
            )

    columns = ["what", "requests/s", "of hello-world", "p50 ms", "p95 ms", "errors"]
    pages_table = Table(
        "HTTP throughput: pages under load",
        columns,
        note=f"gunicorn, {WORKERS} sync workers, SQLite, on {HOST}; wrk -t2 -c{CONNECTIONS} "
        f"-d{duration}s, {rounds} rounds interleaved with the baseline; medians over rounds.",
    )
    hello = results["hello-world (baseline)"]
    for name, loads in results.items():
        row(pages_table, name, loads, None if loads is hello else hello)

    wizard_table = Table(
        "HTTP throughput: the whole wizard",
        columns + ["wizards/s"],
        note=f"{CONNECTIONS} people at once (wrk -t{CONNECTIONS} -c{CONNECTIONS}, one connection "
        f"each), each repeating a person's whole sequence of {sequence} requests: GET and POST "
        "/start, GET and POST each of the six steps (with the CSRF token), GET and POST check, "
        f"GET the framework, for {walk} s: long enough for each connection to finish the "
        "sequence several times, so the costly second half counts as often as the first. "
        "The baseline is hello-world under the same wrk settings.",
    )
    row(wizard_table, "hello-world (baseline)", wizard_results["hello"], None)
    wizard_table.rows[-1].append("")
    row(wizard_table, "whole wizard", wizard_results["wizard"], wizard_results["hello"])
    completions = statistics.median(
        load.completions / load.seconds for load in wizard_results["wizard"]
    )
    wizard_table.rows[-1].append(f"{completions:.1f}")
    share = median_ratio(wizard_results["wizard"], wizard_results["hello"])
    verdicts = [
        Verdict(
            "whole wizard's request throughput above 40 % of hello-world",
            f"{share * 100:.1f}%",
            share > WIZARD_BUDGET,
        )
    ]
    return [pages_table, wizard_table], verdicts
