"""Everything a draft is checked against: the person's plan and their programme.

Built once per request from plain values, so the checks stay pure functions
that the page, the live updates, the tests and the benchmark all share.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from wizard.drafts.findings import names_pattern
from wizard.library.loader import Sector


@dataclass(frozen=True)
class OffLimits:
    """A phrase a programme asks people not to use, and why."""

    phrase: str
    reason: str = ""


@dataclass(frozen=True)
class DraftContext:
    """What a draft is checked against. Every field is optional: a person
    without a programme is still checked for channel, tone, sector and the
    shapes of confidential content."""

    channel: str = "linkedin"  # a channel slug from channels.toml
    tone: Mapping[str, int] = field(default_factory=dict)  # dimension slug -> 1..5
    formal_field: bool = False
    avoid_words: tuple[str, ...] = ()  # from the person's tone profile
    sectors: tuple[Sector, ...] = ()  # the field's and the programme's
    company: str = ""
    disclosure: str = ""  # the programme's disclosure line
    products: tuple[str, ...] = ()
    competitors: tuple[str, ...] = ()
    customers: tuple[str, ...] = ()
    off_limits: tuple[OffLimits, ...] = ()
    known_addresses: tuple[str, ...] = ()  # the programme's own contacts: never flagged

    @property
    def employer_names(self) -> re.Pattern[str] | None:
        """The company's name and its products."""
        return _pattern((self.company, *self.products))

    @property
    def competitor_names(self) -> re.Pattern[str] | None:
        """Competitors named in the programme's settings."""
        return _pattern(self.competitors)

    @property
    def customer_names(self) -> re.Pattern[str] | None:
        """Customers named in the programme's settings."""
        return _pattern(self.customers)

    @property
    def serious(self) -> bool:
        """A calm or serious writer: serious humour or matter-of-fact enthusiasm."""
        return self.tone.get("humour", 3) >= 4 or self.tone.get("enthusiasm", 3) >= 4


@functools.lru_cache(maxsize=256)
def cached_names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """`names_pattern`, compiled once per list of names in a process."""
    return names_pattern(names)


_pattern = cached_names_pattern


def off_limits_from(lines: Sequence[str]) -> tuple[OffLimits, ...]:
    """Programme lines "phrase" or "phrase: why" as off-limits phrases."""
    found = []
    for line in lines:
        phrase, _, reason = line.partition(":")
        if phrase.strip():
            found.append(OffLimits(" ".join(phrase.split()), reason.strip()))
    return tuple(found)


# Descriptions in the tone profile's avoid lists, not words one could find in a post.
_DESCRIPTIVE = re.compile(
    r"such as|without saying|anyone's|outsiders|naming |details of|product names|"
    r"client names|names of|figures not|claims about|always and never|^memes$|^slang$|"
    r"^sneering$|^exclamation marks$|^emoji|party-political|campaign slogans"
)


def literal_avoid_words(words: Sequence[str]) -> tuple[str, ...]:
    """The avoid words that are literally words or phrases (not descriptions)."""
    return tuple(w for w in words if w.strip() and not _DESCRIPTIVE.search(w.lower()))
