"""Stylesheets and scripts as browsers get them: without their comments and
indentation, which explain the hand-written files to the people who edit them
and are a fifth of their bytes.

The files on disk stay as written (the server's PDF reads ``print.css`` from
disk, `wizard.pdf`). What is left out is only what a browser ignores anyway:
CSS comments, JavaScript comments on lines of their own, and the white space
at the start and end of lines; every line break stays, so no two tokens join.
Each file is read once per change (its modification time and size) and kept.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, send_file
from werkzeug.security import safe_join

CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
JS_COMMENT_LINE = re.compile(r"^\s*//.*$", re.MULTILINE)
MIMETYPES = {".css": "text/css", ".js": "text/javascript"}


@dataclass(frozen=True)
class Lean:
    """One file as served, and what it was made from."""

    stamp: tuple[int, int]  # the file's modification time (ns) and size
    data: bytes
    etag: str


def lean_css(text: str) -> str:
    """A stylesheet without comments, indentation or blank lines."""
    return _trim_lines(CSS_COMMENT.sub("", text))


def lean_js(text: str) -> str:
    """A script without its comment lines, indentation or blank lines. Comments
    after code on the same line stay (a ``//`` may be inside a string)."""
    return _trim_lines(JS_COMMENT_LINE.sub("", text))


def _trim_lines(text: str) -> str:
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line) + "\n"


LEANERS = {".css": lean_css, ".js": lean_js}


def init_app(app: Flask) -> None:
    """Serve the app's .css and .js files lean; every other static file as before."""
    served = app.view_functions["static"]
    kept: dict[str, Lean] = {}

    def static(filename: str):
        suffix = Path(filename).suffix
        path = safe_join(str(app.static_folder), filename) if suffix in LEANERS else None
        if path is None or not Path(path).is_file():
            return served(filename=filename)
        status = Path(path).stat()
        stamp = (status.st_mtime_ns, status.st_size)
        lean = kept.get(path)
        if lean is None or lean.stamp != stamp:
            text = LEANERS[suffix](Path(path).read_text(encoding="utf-8"))
            data = text.encode("utf-8")
            lean = Lean(stamp, data, hashlib.sha256(data).hexdigest()[:32])
            kept[path] = lean
        return send_file(
            io.BytesIO(lean.data),
            mimetype=MIMETYPES[suffix],
            etag=lean.etag,
            last_modified=status.st_mtime,
            max_age=app.get_send_file_max_age(filename),
            conditional=True,
        )

    app.view_functions["static"] = static
