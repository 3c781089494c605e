"""The ideas page: filter, ask for more, mark ideas saved, used or not for me."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("ideas", __name__, url_prefix="/f/<token>")
