"""Precision and recall of the draft check over the corpus in tests/data/drafts.toml.

Run from the repository root: ``python scripts/draft_check_quality.py``.
Every finding the check gives that the corpus does not expect counts as a
false positive; every expected finding it does not give (the corpus's
known limits included) as a false negative.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.draft_corpus import findings_for, load_corpus, score  # noqa: E402


def main() -> None:
    """Print the overall figures, then the misses and extras per finding code."""
    contexts, cases = load_corpus()
    result = score(contexts, cases)
    holdout = score(contexts, [c for c in cases if c.set == "holdout"])
    extra: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for case in cases:
        found = findings_for(case, contexts)
        expected = case.must | case.misses
        extra.update(found - expected)
        missed.update(expected - found)
    print(f"drafts: {len(cases)}")
    print(
        f"findings: {result.true_positives} expected and given, "
        f"{result.false_positives} given but not expected, "
        f"{result.false_negatives} expected but not given"
    )
    print(f"precision: {result.precision:.1%}")
    print(f"recall: {result.recall:.1%}")
    print(
        f"held-out drafts only ({sum(c.set == 'holdout' for c in cases)}, never tuned on): "
        f"precision {holdout.precision:.1%}, recall {holdout.recall:.1%}"
    )
    for label, counts in (("given but not expected", extra), ("missed", missed)):
        if counts:
            print(f"{label}: " + ", ".join(f"{code} ×{n}" for code, n in counts.most_common()))


if __name__ == "__main__":
    main()
