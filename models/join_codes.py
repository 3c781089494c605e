"""Short join codes: a programme's share link in a form people can type.

A share link's own code is 128 random bits, too long to read off a printed
sheet. Each programme also has a short code of eight characters from
Crockford's base 32 (digits and capitals without I, L, O and U), shown in
two groups, ``/join/7K3M-Q9TX``. Typing is forgiving: lower case, spaces and
hyphens are ignored, and I and L read as 1, O as 0.

Eight characters are 40 random bits: guessing a programme's code takes about
half a trillion tries on average, and a join page shows only what the
programme shows every colleague (its name, rules and contacts). Replacing
the share link replaces the short code too.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8
_READS_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})
_TYPED = re.compile(r"^[0-9A-Za-z][0-9A-Za-z\s-]{6,14}[0-9A-Za-z]$")


def new_join_code() -> str:
    """A fresh short code, stored without its hyphen."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def grouped(code: str) -> str:
    """The code as people read it: ``7K3M-Q9TX``."""
    return f"{code[:4]}-{code[4:]}" if code else code


def normalise(typed: str) -> str | None:
    """What someone typed as a stored code, or None when it cannot be one."""
    if not typed or not _TYPED.match(typed):
        return None
    code = re.sub(r"[\s-]", "", typed).upper().translate(_READS_AS)
    if len(code) != LENGTH or any(c not in ALPHABET for c in code):
        return None
    return code
