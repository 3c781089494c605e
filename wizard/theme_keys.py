"""Which theme keys a person's answers may carry.

A theme row's ``key`` travels in a hidden form field, so a person (or
anyone posting the form) can send any text there. Keys decide what the
dashboard counts, so the themes step keeps a key only when the page offered
it: one of the suggestions the form was built from (a programme's company
themes among them), or a theme the library really has. Anything else
becomes the person's own theme.
"""

from __future__ import annotations

from collections.abc import Sequence

from wizard.generators.themes import ThemeChoice, canonical_key
from wizard.library import Library


def library_has(key: str, library: Library) -> bool:
    """Whether an ``area:{area}:{theme}`` key names a theme the library has."""
    parts = key.split(":", 2)
    if len(parts) != 3 or parts[0] != "area":
        return False
    area = library.area(parts[1])
    return bool(area and area.theme(parts[2]))


def accepted_key(key: str, title: str, suggestions: Sequence[ThemeChoice], library: Library) -> str:
    """The key a themes-step row keeps: ``key`` in today's form when it was
    offered; else the key of the suggestion with the same title; else ""."""
    key = (key or "").strip()
    if not key:
        return ""
    offered = {choice.key for choice in suggestions}
    canonical = canonical_key(key, title, library)
    if canonical in offered or library_has(canonical, library):
        return canonical
    wanted = " ".join((title or "").split()).casefold()
    same = next((c for c in suggestions if wanted and c.title.casefold() == wanted), None)
    return same.key if same else ""
