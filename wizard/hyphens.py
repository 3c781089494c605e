"""Soft hyphens for long words in narrow places (the tone scales on a phone).

Browsers only hyphenate with ``hyphens: auto`` where they ship a dictionary,
which many Linux and Android builds do not; without one, a long word in a
narrow column breaks anywhere ("Respectfu / l"). Soft hyphens (U+00AD) are
invisible until the word has to break, and then break it where a reader
expects. The break points come from Pyphen's English patterns.
"""

from __future__ import annotations

import re
from functools import cache

import pyphen

SOFT_HYPHEN = "\u00ad"
WORD = re.compile(r"[A-Za-z]+")


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_GB")


def soft_hyphens(text: str, longer_than: int = 7) -> str:
    """``text`` with soft hyphens inside every word longer than ``longer_than`` letters."""

    def hyphenate(match: re.Match[str]) -> str:
        word = match.group()
        if len(word) <= longer_than:
            return word
        return _dictionary().inserted(word, hyphen=SOFT_HYPHEN)

    return WORD.sub(hyphenate, text or "")
