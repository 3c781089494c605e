"""What the calendar download and the calendar subscription share: the UID
identity of a framework, when its plan last changed, and the line that
points people back to Byline without the private link."""

from __future__ import annotations

from datetime import datetime

from models.frameworks import Framework, hash_token

CALENDAR_LINK_TEXT = (
    "Your whole framework is at the private link you bookmarked "
    "(left out of this calendar so that it stays private). Byline:"
)


def last_changed(framework: Framework) -> datetime:
    """When anything that shapes the plan last changed: answers or idea marks."""
    marks = [mark.updated_at for mark in framework.idea_marks if mark.updated_at]
    return max([framework.updated_at, *marks])


def calendar_identity(framework: Framework) -> str:
    """Hashed into every UID: stable for the framework's life, even when its links change."""
    return hash_token(f"calendar:{framework.id}:{framework.idea_seed}:{framework.created_at}")
