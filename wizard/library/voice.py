"""How a tone sounds, per field family: read from ``voice.toml``.

Kept beside the loader rather than inside it: the tone profile is its only
reader, and the file's shape (examples per family and dimension) is its own.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

VOICE_FILE = Path(__file__).with_name("voice.toml")
EXPERTISE_DIR = Path(__file__).with_name("expertise")
DIMENSIONS = ("humour", "formality", "respect", "enthusiasm")
GENERAL = "general"


@dataclass(frozen=True)
class FamilyVoice:
    """Where a field family starts on each scale, and what each end sounds like."""

    slug: str
    formal: bool
    defaults: Mapping[str, int]
    avoid: tuple[str, ...]
    examples: Mapping[str, tuple[str, str, str]]  # dimension -> (left end, middle, right end)


@dataclass(frozen=True)
class Voice:
    """Everything ``voice.toml`` holds."""

    advice: str
    formal_note: str
    behaviours: Mapping[str, tuple[str, str]]  # dimension -> (left, right)
    words: Mapping[str, Mapping[str, tuple[str, ...]]]  # dimension -> left_use/... -> words
    channels: Mapping[str, str]
    families: Mapping[str, FamilyVoice]
    # field slug -> examples (some or all dimensions), avoid
    fields: Mapping[str, Mapping] = field(default_factory=dict)

    def family(self, slug: str | None) -> FamilyVoice:
        """The voice of a field family, or the general one."""
        return self.families.get(slug or GENERAL) or self.families[GENERAL]

    def for_field(self, field_slug: str | None, family: str | None) -> FamilyVoice:
        """A field's own examples where it has them, on its family's starting point.

        A field may give its own sentences for some dimensions only; the
        others are its family's, which every field in the family can sign.
        """
        base = self.family(family)
        own = self.fields.get(field_slug or "")
        if not own:
            return base
        return FamilyVoice(
            slug=base.slug,
            formal=base.formal,
            defaults=base.defaults,
            avoid=tuple(dict.fromkeys((*own["avoid"], *base.avoid))),
            examples={**base.examples, **own["examples"]},
        )


def _examples(
    slug: str, data: Mapping, dimensions: tuple[str, ...] = DIMENSIONS
) -> dict[str, tuple[str, str, str]]:
    """Three different sentences (left end, middle, right end) per dimension."""
    examples = {}
    unknown = set(data["examples"]) - set(DIMENSIONS)
    if unknown:
        raise ValueError(f"voice.toml: {slug!r} has examples for unknown {sorted(unknown)}")
    for dimension in dimensions:
        sentences = tuple(data["examples"][dimension])
        if len(sentences) != 3 or not all(s.strip() for s in sentences):
            raise ValueError(f"voice.toml: {slug!r} needs three {dimension} examples")
        if len(set(sentences)) != 3:
            raise ValueError(f"voice.toml: {slug!r} repeats a {dimension} example")
        examples[dimension] = sentences
    return examples


def _field(data: Mapping) -> dict:
    """A field's own examples: for one or more dimensions, for a field the library has."""
    slug = data["slug"]
    if not (EXPERTISE_DIR / f"{slug}.toml").is_file():
        raise ValueError(f"voice.toml: field {slug!r} has no file in expertise/")
    given = tuple(d for d in DIMENSIONS if d in data.get("examples", {}))
    if not given:
        raise ValueError(f"voice.toml: field {slug!r} gives no examples")
    return {"examples": _examples(slug, data, given), "avoid": tuple(data.get("avoid", ()))}


def _family(data: Mapping) -> FamilyVoice:
    slug = data["slug"]
    examples = _examples(slug, data)
    defaults = {d: int(data["defaults"][d]) for d in DIMENSIONS}
    if not all(1 <= value <= 5 for value in defaults.values()):
        raise ValueError(f"voice.toml: family {slug!r} has a default outside 1-5")
    return FamilyVoice(slug, bool(data["formal"]), defaults, tuple(data["avoid"]), examples)


@functools.cache
def load_voice() -> Voice:
    """Load (once per process) and return ``voice.toml``."""
    with open(VOICE_FILE, "rb") as handle:
        data = tomllib.load(handle)
    families = {f["slug"]: _family(f) for f in data["families"]}
    slugs = [f["slug"] for f in data.get("fields", ())]
    if len(slugs) != len(set(slugs)):
        raise ValueError("voice.toml: a field is listed twice")
    if GENERAL not in families:
        raise ValueError("voice.toml: a 'general' family is required")
    return Voice(
        advice=data["advice"],
        formal_note=data["formal_note"],
        behaviours={d: (b["left"], b["right"]) for d, b in data["behaviours"].items()},
        words={d: {k: tuple(v) for k, v in w.items()} for d, w in data["words"].items()},
        channels=dict(data["channels"]),
        families=families,
        fields={f["slug"]: _field(f) for f in data.get("fields", ())},
    )
