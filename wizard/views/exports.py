"""Exports of a framework: calendar (ICS), Markdown, JSON, and JSON import."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("exports", __name__)
