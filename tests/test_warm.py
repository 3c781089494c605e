"""A worker is made ready before its first request (wizard/warm.py)."""

from __future__ import annotations

import gc
import importlib.util
from pathlib import Path

from wizard.library import load_library
from wizard.warm import ready_for_traffic

CONFIG = Path(__file__).resolve().parent.parent / "deploy" / "gunicorn.conf.py"


def test_ready_for_traffic_loads_the_library_and_freezes_what_start_up_made(app):
    try:
        ready_for_traffic(app)
        assert load_library.cache_info().currsize == 1
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()  # the tests make many apps in one process


def test_the_gunicorn_configuration_readies_each_worker(app, monkeypatch):
    spec = importlib.util.spec_from_file_location("byline_gunicorn_conf", CONFIG)
    config = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(config)
    readied = []
    monkeypatch.setattr("wizard.warm.ready_for_traffic", readied.append)

    class Worker:
        wsgi = app

    config.post_worker_init(Worker())
    assert readied == [app]
