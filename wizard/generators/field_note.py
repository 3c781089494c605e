"""What a plan says when Byline does not know the person's field.

For a field the library holds, themes, ideas and playbook rest on the
field's own concepts and risks. For any other field they rest on the words
the person typed and on what every field shares, and the plan says so once,
plainly, where it is read: what is missing, what the ideas are built from,
and what the person can do about it. It claims no knowledge of the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wizard.generators.text import lower_first

SHOWN_TOPICS = 3  # sub-topics named in the note; the rest are "and others"


@dataclass(frozen=True)
class FieldNote:
    """The note for a field outside the library (see the module's docstring)."""

    typed: str  # the field as the person typed it ("Conservation"), or ""
    topics: tuple[str, ...]  # their sub-topics, as typed
    borrowed: tuple[str, ...]  # sector or family names whose situations the playbook holds

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
            playbook += ", plus situations for " + _joined([lower_first(b) for b in self.borrowed])
        return (
            f"Your ideas are built from {source}, and your playbook from {playbook}. "
            "Add your field’s terms and examples to the ideas you keep, add sub-topics in your "
            "answers, and ask your comms team or a senior colleague about your field’s own risks."
        )

    @property
    def text(self) -> str:
        """The whole note as one paragraph (Markdown, plain text)."""
        return f"{self.title} {self.body}"


def _joined(items: Sequence[str]) -> str:
    """The items as a sentence lists them: "a", "a and b", "a, b and c"."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def field_note(
    area: object, typed: str, topics: Sequence[str], borrowed: Sequence[str]
) -> FieldNote | None:
    """The note for a person whose field the library does not hold (``area`` is
    None), else None. ``typed``: their expertise as typed; ``borrowed``: the
    names of the sectors or family whose situations their playbook holds."""
    if area is not None:
        return None
    return FieldNote(
        typed=" ".join(str(typed or "").split()),
        topics=tuple(t for t in topics if t),
        borrowed=tuple(dict.fromkeys(b for b in borrowed if b)),
    )
