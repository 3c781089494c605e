"""Lighthouse on Byline's main pages, phone and desktop: an outside judge of
performance, accessibility and best practices.

    npm install lighthouse                       # once, in any folder
    LIGHTHOUSE=path/to/node_modules/.bin/lighthouse .venv/bin/python scripts/lighthouse.py OUT

It makes a finished framework and a draft at the themes step in a throwaway
database, serves them on 127.0.0.1, runs Lighthouse against each page with the
system Chromium (CHROME_PATH, default /usr/bin/chromium), keeps each report in
OUT as JSON and prints the three scores per page and form factor. Not part of
the test suite: Lighthouse comes from npm, and its scores move with the
machine's load.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from werkzeug.serving import make_server  # noqa: E402

from tests.conftest import make_app  # noqa: E402
from tests.wizard_walk import WizardWalk  # noqa: E402

FLAGS = (
    "--headless=new --no-sandbox --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = "performance,accessibility,best-practices"


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "lighthouse-reports")
    out.mkdir(parents=True, exist_ok=True)
    app = make_app(Path(tempfile.mkdtemp()))
    client = app.test_client()
    done = WizardWalk(client)
    done.complete()
    draft = WizardWalk(client)
    draft.start()
    for step in ("work", "comfort", "goals", "tone"):
        draft.submit(step)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_port}"
    pages = {
        "home": "/",
        "framework": done.base,
        "ideas": f"{done.base}/ideas",
        "print": f"{done.base}/print",
        "check-a-draft": f"{done.base}/draft",
        "step-themes": f"{draft.base}/step/themes",
        "new-programme": "/programmes/new",
    }
    lighthouse = os.environ.get("LIGHTHOUSE", "lighthouse")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    for name, path in pages.items():
        for preset in ("mobile", "desktop"):
            report = out / f"{name}-{preset}.json"
            command = [
                lighthouse,
                root + path,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--chrome-flags={FLAGS}",
                f"--only-categories={CATEGORIES}",
            ]
            if preset == "desktop":
                command.append("--preset=desktop")
            subprocess.run(command, env=env, check=False, timeout=300)
            try:
                categories = json.loads(report.read_text())["categories"]
            except (OSError, ValueError, KeyError) as error:
                print(f"{name:15} {preset:8} no report: {error}")
                continue
            scores = {key: round((value["score"] or 0) * 100) for key, value in categories.items()}
            print(f"{name:15} {preset:8} {scores}", flush=True)
    server.shutdown()


if __name__ == "__main__":
    main()
