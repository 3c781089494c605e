"""Check your answers' proof that every answer it showed was valid.

Completing a framework checks every step's saved answers once more (building
and validating each step's form, `Wizard.review`), which the check page has
just done to show them. So the page sends with its button an HMAC of what it
checked and found valid: the answers, the programme's terms, the library's
version and the code's. A POST whose proof matches the answers as they are
now completes without checking them again; any change since (an answer saved
from another tab, a programme edit, a new release) breaks the proof, and the
answers are checked as before. The key is the app's secret key, so nobody can
make a proof for answers Byline did not check.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import Any

from flask import current_app

from wizard.library import Library
from wizard.plans import code_version
from wizard.programme import ProgrammeTerms

PURPOSE = b"byline: answers checked and valid\0"


def _checked(answers: Mapping[str, Any], terms: ProgrammeTerms | None, library: Library) -> bytes:
    inputs = {
        "answers": answers,
        "programme": dataclasses.asdict(terms) if terms else None,
        "library": library.version,
        "code": code_version(),
    }
    return json.dumps(inputs, sort_keys=True, default=str, separators=(",", ":")).encode()


def proof(answers: Mapping[str, Any], terms: ProgrammeTerms | None, library: Library) -> str:
    """The proof that these answers, under these terms, were checked and valid."""
    key = str(current_app.config["SECRET_KEY"]).encode("utf-8")
    return hmac.new(key, PURPOSE + _checked(answers, terms, library), hashlib.sha256).hexdigest()


def proven(
    sent: str | None,
    answers: Mapping[str, Any],
    terms: ProgrammeTerms | None,
    library: Library,
) -> bool:
    """Whether ``sent`` is the proof for the answers as they are now."""
    return bool(sent) and hmac.compare_digest(str(sent), proof(answers, terms, library))
