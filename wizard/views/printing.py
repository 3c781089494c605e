"""Printable guideline pages and the same pages as a PDF."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("printing", __name__, url_prefix="/f/<token>")
