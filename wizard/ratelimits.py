"""Rate limits on what creates rows: drafts, programmes and imports.

Counted per client address with the ``limits`` library. Its storage is
in-process memory by default; when several processes serve Byline, set
``RATELIMIT_STORAGE_URI`` to a shared store (for example
``redis://localhost:6379``) so that the limits hold across them.
"""

from __future__ import annotations

from flask import Flask, current_app, request
from limits import parse, storage, strategies

LIMITS = ("drafts", "programmes", "imports")
DEFAULTS = {
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_STORAGE_URI": "memory://",
    # Generous: a whole office may reach Byline through one address.
    "RATELIMIT_DRAFTS": "120 per minute",
    "RATELIMIT_PROGRAMMES": "10 per hour",
    "RATELIMIT_IMPORTS": "30 per hour",
}
MESSAGE = (
    "Too many of these were made from your network in a short time. "
    "Wait a few minutes and send the form again: what you entered is still here."
)


def init_app(app: Flask) -> None:
    """Set up the limiter's storage once per app."""
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    store = storage.storage_from_string(app.config["RATELIMIT_STORAGE_URI"])
    app.extensions["byline_ratelimit"] = strategies.MovingWindowRateLimiter(store)


def allow(name: str) -> bool:
    """Count one more ``name`` for this client; False once over the limit."""
    if not current_app.config["RATELIMIT_ENABLED"]:
        return True
    limiter = current_app.extensions["byline_ratelimit"]
    limit = parse(current_app.config[f"RATELIMIT_{name.upper()}"])
    return limiter.hit(limit, name, request.remote_addr or "unknown")
