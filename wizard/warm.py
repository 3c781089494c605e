"""A server process made ready before its first request: the knowledge
library loaded, then every object made so far moved out of the garbage
collector's sight.

A worker holds about 170,000 long-lived objects (the library, templates,
routes, SQLAlchemy's mappings), and each full collection of the garbage
collector walked all of them: about 100 ms, every few hundred requests.
`gc.freeze` moves them to a generation the collector never scans; they stay
alive for the life of the process, as they would anyway. Requests' own
objects are collected as before. Called once per worker process, by the
gunicorn configuration (``post_worker_init``) and the benchmark's server;
never in the tests, which make many apps in one process.
"""

from __future__ import annotations

import gc

from flask import Flask

from wizard.library import load_library


def ready_for_traffic(app: Flask) -> None:
    """Load what every request reads, then freeze the objects made so far."""
    with app.app_context():
        load_library()
    gc.collect()
    gc.freeze()
