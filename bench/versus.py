"""Before and after over HTTP in one run: this checkout's code against another's.

    git worktree add /tmp/before main          # or any copy of the older code
    python -m bench.versus /tmp/before --rounds 3 --duration 3

Two gunicorns (2 sync workers each) run side by side, one from each
checkout, each on its own SQLite database seeded by its own code. After the
background PDFs have had time to finish, wrk rounds interleave every page of
both servers with each server's own hello-world, so a noisy neighbour slows
both alike; each page's figure is the median over rounds of its ratio to the
same server's hello-world. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.sample import STEPS
from bench.server import wrk

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "hello-world (baseline)": "/__hello",
    **{  # each step's GET on a draft stopped before it (a first visit)
        f"step {number}: {step} (GET)": f"/f/{{{step}}}/step/{step}"
        for number, step in enumerate(STEPS, start=1)
    },
    "check your answers (GET)": "/f/{token}/check",
    "framework": "/f/{token}",
    "ideas (theme of the moment)": "/f/{token}/ideas",
    "ideas (all themes)": "/f/{token}/ideas?theme=&show=open",
    "print": "/f/{token}/print",
}
SERVE = """
import json, sys, time
from bench.sample import bench_app, dispose, seed, temporary_database
from bench.server import gunicorn
with temporary_database() as uri:
    app = bench_app(uri)
    seeded = seed(app)
    dispose(app)
    with gunicorn(uri) as port:
        with open(sys.argv[1], "w") as out:
            out.write(json.dumps({"port": port, "token": seeded.token, **seeded.drafts}))
        try:
            time.sleep(3600)
        except KeyboardInterrupt:
            pass
"""
PDF_SETTLE_SECONDS = 35  # the background PDF waits for a quiet moment, then takes a second or more


def serve(tree: Path, folder: Path, name: str) -> tuple[subprocess.Popen, Path]:
    """Start a seeded gunicorn from ``tree``; returns the process and where it writes its port."""
    out = folder / f"{name}.port"
    env = {**os.environ, "PYTHONPATH": str(tree)}
    process = subprocess.Popen([sys.executable, "-c", SERVE, str(out)], cwd=tree, env=env)
    return process, out


def wait_for(out: Path, process: subprocess.Popen) -> tuple[int, dict[str, str]]:
    """The port, and the framework's and drafts' tokens, once the server is up."""
    while not out.exists() or not out.read_text().strip():
        if process.poll() is not None:
            raise RuntimeError(f"the server from {out.stem} exited")
        time.sleep(0.5)
    tokens = json.loads(out.read_text())
    return int(tokens.pop("port")), tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="a checkout of the older code")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=3)
    args = parser.parse_args()
    trees = {"before": args.before.resolve(), "after": ROOT}
    with tempfile.TemporaryDirectory(prefix="byline-versus-") as folder:
        started = {name: serve(tree, Path(folder), name) for name, tree in trees.items()}
        try:
            servers = {name: wait_for(out, process) for name, (process, out) in started.items()}
            for port, tokens in servers.values():
                for path in PAGES.values():
                    wrk(port, path.format(**tokens), duration=1, connections=4)
            time.sleep(PDF_SETTLE_SECONDS)
            rps: dict[tuple[str, str], list[float]] = {
                (name, page): [] for name in servers for page in PAGES
            }
            for _ in range(args.rounds):
                for name, (port, tokens) in servers.items():
                    for page, path in PAGES.items():
                        load = wrk(port, path.format(**tokens), duration=args.duration)
                        rps[(name, page)].append(load.rps)
        finally:
            for process, _ in started.values():
                process.send_signal(signal.SIGINT)  # so the server stops gunicorn on its way out
            for process, _ in started.values():
                process.wait(timeout=30)
    print(f"load average after the run: {os.getloadavg()[0]:.1f}")
    print("| page | before req/s | before % of hello | after req/s | after % of hello |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for page in PAGES:
        cells = []
        for name in trees:
            base = rps[(name, "hello-world (baseline)")]
            ratio = statistics.median(a / b for a, b in zip(rps[(name, page)], base, strict=True))
            cells += [f"{statistics.median(rps[(name, page)]):.0f}", f"{ratio * 100:.1f} %"]
        print(f"| {page} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
