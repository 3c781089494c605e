"""What a plan says when Byline does not know the person's field.

For a field the library holds, themes, ideas and playbook rest on the
field's own concepts and risks. For any other field they rest on the words
the person typed and on what every field shares, and the plan says so once,
plainly, where it is read: what is missing, what the ideas are built from,
and what the person can do about it. It claims no knowledge of the field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from wizard.generators.text import lower_first
from wizard.generators.workplace import small_workplace

SHOWN_TOPICS = 3  # sub-topics named in the note; the rest are "and others"
# Words that join a name's parts and say nothing of what it covers.
JOINING_WORDS = frozenset({"and", "or", "of", "the", "for", "in"})
DEFAULT_ADVISER = "your comms team or a senior colleague"


@dataclass(frozen=True)
class FieldNote:
    """The note for a field outside the library (see the module's docstring)."""

    typed: str  # the field as the person typed it ("Conservation"), or ""
    topics: tuple[str, ...]  # their sub-topics, as typed
    borrowed: tuple[str, ...]  # sector or family names whose situations the playbook holds
    # Who to ask about the field's own risks: a comms team where there is one,
    # the practice owner or the school's leadership in a small workplace.
    adviser: str = DEFAULT_ADVISER

    @property
    def title(self) -> str:
        """The note's first sentence: what Byline lacks."""
        if self.typed:
            return f"Byline has no field guide for “{self.typed}”."
        return "Byline has no field guide for your field."

    @property
    def body(self) -> str:
        """What the plan is built from instead, and what to do, in three sentences."""
        if self.topics:
            shown = ", ".join(self.topics[:SHOWN_TOPICS])
            more = " and others" if len(self.topics) > SHOWN_TOPICS else ""
            source = f"your sub-topics ({shown}{more})"
        else:
            source = "what you typed about your work"
        playbook = "what every field shares"
        if self.borrowed:
            playbook += ", plus situations for " + _listed([lower_first(b) for b in self.borrowed])
        return (
            f"Your ideas are built from {source}, and your playbook from {playbook}. "
            "Add your field’s terms and examples to the ideas you keep, add sub-topics in your "
            f"answers, and ask {self.adviser} about your field’s own risks."
        )

    @property
    def text(self) -> str:
        """The whole note as one paragraph (Markdown, plain text)."""
        return f"{self.title} {self.body}"


def _joined(items: Sequence[str]) -> str:
    """The items as a sentence lists them: "a", "a and b", "a, b and c"."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _listed(items: Sequence[str]) -> str:
    """Names listed after "situations for": as `_joined` says them, except where a
    name has an "and" of its own ("legal and compliance"), where each further one
    takes "and for" so no reader has to guess where one name ends."""
    items = list(items)
    if len(items) > 1 and any(" and " in item for item in items):
        return ", ".join(items[:-1]) + ", and for " + items[-1]
    return _joined(items)


def name_words(name: str) -> frozenset[str]:
    """The words of a sector's or family's name that say what it covers, lowercase
    and without a plural ending: "Legal and compliance" -> {"legal", "compliance"}."""
    words = re.findall(r"[a-z]+", name.lower())
    return frozenset(
        w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w
        for w in words
        if w not in JOINING_WORDS
    )


def distinct_names(names: Sequence[str]) -> tuple[str, ...]:
    """Names with no word said twice: a name that shares a word with one kept
    before it is left out ("Legal" beside "Legal and compliance", "Public sector"
    beside "Education and public sector"), except that one that says all of a kept
    name and more takes its place. The first name of a pair that only overlaps
    ("Building and electrical trades", "Skilled trades and construction") stays."""
    kept: list[str] = []
    for name in dict.fromkeys(n for n in names if n and n.strip()):
        words = name_words(name)
        overlapping = [k for k in kept if name_words(k) & words]
        if not overlapping:
            kept.append(name)
        elif all(name_words(k) < words for k in overlapping):
            at = kept.index(overlapping[0])
            kept = [k for k in kept if k not in overlapping]
            kept.insert(at, name)
    return tuple(kept)


def field_note(
    area: object,
    typed: str,
    topics: Sequence[str],
    borrowed: Sequence[str],
    role: str = "",
    programme: bool = False,
) -> FieldNote | None:
    """The note for a person whose field the library does not hold (``area`` is
    None), else None. ``typed``: their expertise as typed; ``borrowed``: the
    names of the sectors or family whose situations their playbook holds;
    ``role``: their role line, which says whether they work somewhere small
    enough to have no comms team (a programme always has one)."""
    if area is not None:
        return None
    small = "" if programme else small_workplace(role)
    return FieldNote(
        typed=" ".join(str(typed or "").split()),
        topics=tuple(t for t in topics if t),
        borrowed=distinct_names(borrowed),
        adviser=small or DEFAULT_ADVISER,
    )
