"""Capability tokens (private links) and the clock, shared by every model."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

TOKEN_BYTES = 24  # 192 random bits in every private link


def utcnow() -> datetime:
    """The current time in UTC, as stored in the database."""
    return datetime.now(UTC).replace(tzinfo=None)


def hash_token(token: str) -> str:
    """The SHA-256 hex digest under which a capability token is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
