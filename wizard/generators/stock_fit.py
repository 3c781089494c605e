"""Which of a format's stock openings may carry a sub-topic of a field the
library does not know.

A format's stock openings ("My checklist for {topic}, refined after a few
painful lessons.", "How I approach {topic}, step by step.") are written for
work the person does. Slotted with a contested issue ("book challenges"), a
condition ("gum disease"), a human factor ("patient anxiety") or a group of
people, they read as nonsense ("How I approach patient anxiety, step by
step") or as a risk ("My checklist for book challenges"). Some openings
invite an admission no plan should prompt, in any field: "I once got {topic}
badly wrong. Here's what it cost" asks a clinician, an engineer or a
librarian to describe a failure that may be a real person's harm.
"""

from __future__ import annotations

import re

from wizard.generators.topic_kind import ACTIVITY, DEBATE, topic_kinds

# Openings that ask for an admission of one's own failure and its cost.
RISKY = re.compile(
    r"badly wrong|what it cost|don't usually tell|getting \{topic\} right, and wrong|"
    r"taught me the most|painful lessons",
    re.IGNORECASE,
)
# Openings that treat the sub-topic as work the person carries out.
AS_WORK = re.compile(
    r"checklist for|checks\b|approach \{topic\}|approach to \{topic\}|tackled|case study|"
    r"step by step|four steps|start here|framework for|mistake with|on a real project|"
    r"saved me an hour|how do you handle|practical guide|everything i know|work on \{topic\}|"
    r"careful thinking about|years of working on",
    re.IGNORECASE,
)
# Openings that invite a view on a live, contested issue in a sentence.
HOT_TAKE = re.compile(
    r"unpopular opinion|push back|heading for|everyone's talking|myth vs fact", re.IGNORECASE
)


def stock_fits(hook: str, subject: str) -> bool:
    """Whether a stock opening ``hook`` (with its ``{topic}`` placeholder) reads
    true, and safe, for ``subject``: never an admission of failure; an opening
    written for work only for a sub-topic that is work; no hot take on a
    contested issue."""
    if RISKY.search(hook):
        return False
    kinds = topic_kinds(subject)
    if ACTIVITY not in kinds and AS_WORK.search(hook):
        return False
    return not (DEBATE in kinds and HOT_TAKE.search(hook))
