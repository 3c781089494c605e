"""Pages and parts of pages rendered once and kept in this process, by
everything they show.

The framework page's sections (tone, outline, calendar, ideas, playbook) are
most of its HTML and of its rendering time, and they change only with the
plan. `rendered_once` keeps the last few renderings by template, plan digest
and the other values they show (the private link in their links, the day).

`kept_page` goes further for the pages a finished framework's owner reads
again and again (the framework, its ideas, its print page): the whole page
is kept under a key made of everything it is rendered from, read in one
query (`wizard.lookups.page_state`: the framework's row, its programme's
row, its answers, its idea marks and its PDF's row), the day, the address
the page was asked at and its query string. A kept page is therefore never
stale: marking an idea, sharing, changing an answer, a programme edit or a
PDF becoming ready changes the state, so the next request renders afresh. It
is never another person's page: the private link is part of the key, and the
page is kept with a placeholder where the CSRF token goes, replaced by the
requester's own token every time. A request that has messages waiting in its
session (they are shown once, then gone) is rendered as usual and not kept.

Keys hold no secret that the process does not already hold, and a new
release starts new processes, so nothing outlives the code that rendered it.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Hashable
from datetime import date
from typing import Any

from flask import current_app, g, render_template, request, session
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from wizard.field_html import forget_fields
from wizard.lookups import is_completed_state, page_state
from wizard.recent import Recent

KEPT = 64  # fragments per process; a framework page's sections are about 40 KB
KEPT_PAGES = 128  # whole pages per process, 20 to 80 KB each
KEPT_PARTS = 2048  # small parts of the wizard's pages, 1 to 3 KB each
KEPT_PART_SIZE = 8192  # a part longer than this (a pasted essay in a theme) is not kept
# Stands for the CSRF token in a kept page; random per process, so no text a
# person typed can be mistaken for it.
CSRF_PLACEHOLDER = f"csrf-{secrets.token_hex(16)}"


_fragments: Recent[tuple, str] = Recent(KEPT)
_pages: Recent[tuple, str] = Recent(KEPT_PAGES)
_parts: Recent[tuple, Markup] = Recent(KEPT_PARTS)


def rendered_once(template: str, key: tuple[Hashable, ...], **context: Any) -> Markup:
    """``template`` rendered with ``context``, or the rendering kept under ``key``.

    ``key`` must determine everything the template shows from ``context``.
    """
    full_key = (template, request.script_root, *key)
    html = _fragments.get(full_key)
    if html is None:
        html = Markup(render_template(template, **context))
        _fragments.put(full_key, html)
    return Markup(html)


def part_once(template: str, key: tuple[Hashable, ...], **context: Any) -> Markup:
    """A small part of a page (one of step 6's situations, one tone scale)
    rendered with ``context``, or the rendering kept under ``key``.

    Many people's pages hold the same parts: everyone in a field meets the
    same situations, and most keep the approach each starts on. ``key`` must
    determine everything the template shows (the part's words, its field's
    id, name, value and errors); the part has no links and no CSRF token.
    """
    return part_once_from(template, key, lambda: context)


def part_once_from(
    template: str, key: tuple[Hashable, ...], context: Callable[[], dict[str, Any]]
) -> Markup:
    """`part_once`, with the context worked out only when the part is not kept
    (a themes-step row is rendered from a bound row, built only then)."""
    full_key = (template, *key)
    html = _parts.get(full_key)
    if html is None:
        html = Markup(render_template(template, **context()))
        if len(html) <= KEPT_PART_SIZE:
            _parts.put(full_key, html)
    return html


def _csrf_field() -> str:
    return current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")


def _render_with_placeholder(render: Callable[[], Any]) -> Any:
    """``render()`` with every CSRF token in it written as the placeholder."""
    field = _csrf_field()
    had = g.pop(field, None)
    setattr(g, field, CSRF_PLACEHOLDER)
    try:
        return render()
    finally:
        g.pop(field, None)
        if had is not None:
            setattr(g, field, had)


def _with_csrf(html: str) -> str:
    """A kept page with this request's own CSRF token in place of the placeholder."""
    if CSRF_PLACEHOLDER not in html:
        return html
    return html.replace(CSRF_PLACEHOLDER, generate_csrf())


def kept_page(page: str, token: str, render: Callable[[], Any]) -> Any:
    """The page ``render()`` makes for the finished framework behind ``token``,
    kept under everything it is made from (see the module docstring).

    ``render`` must read nothing but the framework behind ``token`` (what
    `page_state` covers), the day, the address and the query string: a page
    that comes to depend on anything else (a cookie, a header, another
    table) must add it to the key here. Anything but a finished framework's
    page (an unknown link, a draft, waiting messages) is simply ``render()``,
    and not kept.
    """
    if session.get("_flashes"):
        return render()
    state = page_state(token)
    if state is None or not is_completed_state(state):
        return render()
    key = (page, token, request.host_url, request.query_string, date.today(), state)
    html = _pages.get(key)
    if html is not None:
        return _with_csrf(html)
    result = _render_with_placeholder(render)
    if isinstance(result, str) and page_state(token) == state:
        # Read again: only a page rendered from the state in its key is kept
        # (on PostgreSQL each statement sees the latest commit; SQLite's read
        # transaction already shows one snapshot).
        _pages.put(key, str(result))
    return _with_csrf(str(result)) if isinstance(result, str) else result


def forget_fragments() -> None:
    """Forget every kept rendering, pages included."""
    _fragments.clear()
    _pages.clear()
    _parts.clear()
    forget_fields()
