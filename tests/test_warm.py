"""A worker is made ready before its first request (wizard/warm.py)."""

from __future__ import annotations

import gc
import importlib.util
from pathlib import Path

from flask import current_app

from wizard.library import load_library
from wizard.warm import ready_for_traffic

CONFIG = Path(__file__).resolve().parent.parent / "deploy" / "gunicorn.conf.py"


def test_ready_for_traffic_loads_the_library_and_freezes_what_start_up_made(app, monkeypatch):
    loaded = []

    def load_and_note():
        loaded.append(bool(current_app))  # loaded inside the app's context
        return load_library()

    monkeypatch.setattr("wizard.warm.load_library", load_and_note)
    try:
        ready_for_traffic(app)
        assert loaded == [True]
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
