"""The framework or programme behind a private link, for every view.

Views import these from here, never from one another.
"""

from __future__ import annotations

from flask import abort

from models.frameworks import Framework
from models.programmes import Programme


def framework_or_404(token: str) -> Framework:
    """The framework behind a private link; unknown links are a 404."""
    framework = Framework.by_token(token)
    if framework is None:
        abort(404)
    return framework


def completed_framework_or_404(token: str) -> Framework:
    """A finished framework behind a private link (drafts have no outputs yet)."""
    framework = framework_or_404(token)
    if not framework.is_complete:
        abort(404)
    return framework


def programme_or_404(admin_token: str) -> Programme:
    """The programme behind a manage link; unknown or rotated links are a 404."""
    programme = Programme.by_admin_token(admin_token)
    if programme is None:
        abort(404)
    return programme
