"""Whether a "make it yours" line asks the person for what only they know.

"Make it yours" is the part of an idea only the person can write: a pattern from
their own work, a number from it, what changed their mind. A line that puts the
readers' question instead ("What would you add?", "Which system would you rather
apply under?") or a general one anyone could answer ("What can each side learn
from the other's codes?") leaves them nothing of their own to add.

`own_ask` keeps a line that already asks about the person's work or what they
have seen, anchors a general question in their experience ("In your experience,
what makes an IPM plan actually get used on a farm?"), and puts one of
`OWN_ASKS` in place of a question to the readers, in the field's words: what its
people call the work their experience comes from (voice.toml's ``cases``: a
nurse's "patients", a quantity surveyor's "projects", a payroll manager's "pay
runs"). A person whose cases are confidential (``guarded``) is asked for a pattern
over many, with no detail anyone could trace.
"""

from __future__ import annotations

import re

from wizard.generators.text import lower_first

# The second person: a question about the person themselves.
YOU = re.compile(r"\byou(r|rs|rself|['’]ve|['’]d|['’]re)?\b", re.IGNORECASE)
# What a question to the readers, not to the writer, says: a choice or a wish put to
# anyone ("Would you rather…", "What would you add?"), a view on someone else's
# work ("What would you want the author to try next?"), or a bare "Why?".
AUDIENCE = re.compile(
    r"^(do you agree|what do you think|what('s| is) your take|who else (has|is|sees)|any )"
    r"|^(would|could|can|should) you\b"
    r"|\bwould you (rather|prefer|like|choose|pick)\b"
    r"|\bwould you add\b|\bwould you want the author\b"
    r"|^why\?$",
    re.IGNORECASE,
)
# First-hand questions about the person's own work, in the field's words: a pattern,
# a number, a change of mind (the ``guarded`` ones keep to many cases, none one).
OWN_ASKS: tuple[str, ...] = (
    "Which pattern have you seen across your own {cases}, and how often does it hold?",
    "Which number from your own {cases} shows this best: a count, a time or a cost?",
    "What did you believe about this before your own {cases} showed you otherwise?",
)
OWN_ASKS_GUARDED: tuple[str, ...] = (
    "What have you seen happen again and again over many {cases}? Describe the pattern, with"
    " no detail anyone could trace.",
    "Which count or rate have you seen over many {cases} that shows this best?",
    "What did you believe about this before years in the job changed your mind?",
)
# A question with no "you" that still asks what the person has seen: what happened
# ("What was hardest to move?"), which is most or least so ("Which check catches the
# most mistakes?"), or what a published source says (a guarded person's way in).
SEEN = re.compile(
    r"\b(did|was|were|has|have|had|ever|got|went|made|changed|found|worked|broke|fixed|took|"
    r"most|least|first|often|usually|always|never|hardest|easiest|biggest|smallest|longest|"
    r"fastest|slowest|best|worst|published|national|guidance|evidence)\b",
    re.IGNORECASE,
)
ANCHOR = "In your experience, {ask}"


def first_hand(ask: str) -> bool:
    """Whether ``ask`` asks the person about themselves and their own work, not the
    readers' question nor a general one anyone could answer."""
    text = " ".join(ask.split())
    return bool(text) and bool(YOU.search(text)) and not AUDIENCE.search(text)


def own_asks(cases: str, guarded: bool = False) -> tuple[str, ...]:
    """`OWN_ASKS` in the field's words (``cases``: "patients", "projects")."""
    noun = cases if cases and cases != "work" or not guarded else "cases"
    return tuple(a.format(cases=noun) for a in (OWN_ASKS_GUARDED if guarded else OWN_ASKS))


def own_ask(ask: str, cases: str = "work", guarded: bool = False, turn: int = 0) -> str:
    """``ask`` as a question only the person can answer: as it is when it already
    asks about them, names what to write as a phrase, not a question, or asks
    what they have seen (`SEEN`); another general question anchored in their own ``cases``; else the
    ``turn``-th of `own_asks`."""
    text = " ".join(ask.split())
    if first_hand(text) or (text and not text.endswith("?")):
        return text  # about them, or what to write as a phrase ("The stage a client…")
    general = not YOU.search(text) and not AUDIENCE.search(text)
    if general and (SEEN.search(text) or len(text.split()) < 4):
        return text  # what they have seen, their reading of a source, "What fixed it?"
    if general:
        return ANCHOR.format(ask=lower_first(text))
    asks = own_asks(cases, guarded)
    return asks[turn % len(asks)]
