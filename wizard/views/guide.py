"""Guide articles: Markdown files in the repository, rendered and sanitised."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("guide", __name__, url_prefix="/guide")
