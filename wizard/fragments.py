"""Parts of pages rendered once and kept in this process, by a digest of what
they show.

The framework page's sections (tone, outline, calendar, ideas, playbook) are
most of its HTML and of its rendering time, and they change only with the
plan. `rendered_once` keeps the last few renderings by template, plan digest
and the other values they show (the private link in their links, the day);
the rest of the page (CSRF tokens, messages, sharing) is rendered each time.
The key names everything the fragment depends on, so a kept fragment is never
stale; a new release starts new processes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from flask import render_template, request
from markupsafe import Markup

KEPT = 64  # fragments per process; a framework page's sections are about 40 KB

_kept: OrderedDict[tuple, Markup] = OrderedDict()
_lock = threading.Lock()


def rendered_once(template: str, key: tuple[Hashable, ...], **context: Any) -> Markup:
    """``template`` rendered with ``context``, or the rendering kept under ``key``.

    ``key`` must determine everything the template shows from ``context``.
    """
    full_key = (template, request.script_root, *key)
    with _lock:
        html = _kept.get(full_key)
        if html is not None:
            _kept.move_to_end(full_key)
            return html
    html = Markup(render_template(template, **context))
    with _lock:
        _kept[full_key] = html
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return html


def forget_fragments() -> None:
    """Forget every kept rendering."""
    with _lock:
        _kept.clear()
