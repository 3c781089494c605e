"""Private links out of logs.

A framework's private link (``/f/<token>``), a programme's manage link
(``/manage/<token>``), a calendar subscription (``/cal/<token>``) and a
share link (``/join/<code>``) each carry their secret in the URL path, so
anything that writes URLs down (access logs, error logs, tracebacks) must
write ``[token]`` instead. `mask` does that to any text; the gunicorn config
in ``gunicorn.conf.py`` applies it to every access-log field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

PRIVATE_PATH = re.compile(r"(/(?:f|manage|cal|join)/)[^/?#\s\"'<>]+")
MASK = "[token]"


def mask(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with the secret part of every private path, and each of
    ``secrets`` wherever it appears, replaced by ``[token]``."""
    for secret in secrets:
        if secret and len(secret) >= 8:  # never mask a short, common word
            text = text.replace(secret, MASK)
    return PRIVATE_PATH.sub(rf"\1{MASK}", text)
