"""Exports of a framework: calendar (ICS), Markdown, JSON, and JSON import."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("exports", __name__, url_prefix="/f/<token>")
import_bp = Blueprint("imports", __name__, url_prefix="/import")
