"""The draft corpus (tests/data/drafts.toml): loaded, checked and scored.

Shared by the suite (tests/test_drafts_corpus.py) and the quality report
(scripts/draft_check_quality.py).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from wizard.drafts import DraftContext, check_draft
from wizard.drafts.context import off_limits_from
from wizard.library import load_library

CORPUS = Path(__file__).parent / "data" / "drafts.toml"


@dataclass(frozen=True)
class Case:
    """One draft of the corpus and what it must and must not get."""

    id: str
    context: str
    channel: str
    text: str
    must: frozenset[str]
    must_not: frozenset[str]
    misses: frozenset[str]
    set: str = "tuned"  # "holdout": added after tuning, never tuned on


@dataclass(frozen=True)
class Score:
    """Counts over the corpus; every finding not in `must` is a false positive."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        """Of the findings given, the share that were expected."""
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        """Of the findings a careful reader expects, the share given."""
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


def load_corpus() -> tuple[dict[str, DraftContext], list[Case]]:
    """The contexts (without a channel yet) and the cases."""
    with open(CORPUS, "rb") as handle:
        data = tomllib.load(handle)
    library = load_library()
    contexts = {}
    for name, raw in data["contexts"].items():
        contexts[name] = DraftContext(
            tone=dict(raw.get("tone") or {}),
            formal_field=bool(raw.get("formal_field", False)),
            sectors=tuple(library.sector(slug) for slug in raw.get("sectors") or ()),
            company=raw.get("company", ""),
            disclosure=raw.get("disclosure", ""),
            products=tuple(raw.get("products") or ()),
            competitors=tuple(raw.get("competitors") or ()),
            customers=tuple(raw.get("customers") or ()),
            off_limits=off_limits_from(raw.get("off_limits") or ()),
            known_addresses=tuple(raw.get("known_addresses") or ()),
        )
    cases = [
        Case(
            id=raw["id"],
            context=raw["context"],
            channel=raw["channel"],
            text=raw["text"] * int(raw.get("repeat", 1)),
            must=frozenset(raw.get("must") or ()),
            must_not=frozenset(raw.get("must_not") or ()),
            misses=frozenset(raw.get("misses") or ()),
            set=raw.get("set", "tuned"),
        )
        for raw in data["drafts"]
    ]
    return contexts, cases


def findings_for(case: Case, contexts: dict[str, DraftContext]) -> set[str]:
    """The finding codes the check gives a case."""
    base = contexts[case.context]
    context = DraftContext(**{**base.__dict__, "channel": case.channel})
    names = {c.slug: c.name for c in load_library().channels}
    return {f.code for f in check_draft(case.text, context, names)}


def score(contexts: dict[str, DraftContext], cases: list[Case]) -> Score:
    """Precision and recall over the whole corpus."""
    tp = fp = fn = 0
    for case in cases:
        found = findings_for(case, contexts)
        expected = case.must | case.misses
        tp += len(found & expected)
        fp += len(found - expected)
        fn += len(expected - found)
    return Score(tp, fp, fn)
