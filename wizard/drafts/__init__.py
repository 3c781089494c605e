"""Check a draft before it is posted: pure advice, never a block.

``check_draft(draft, context)`` returns findings about disclosure, the
programme's rules, confidential-looking content, the person's sector, the
channel and the tone. The draft is only read: nothing here stores or logs it.
"""

from __future__ import annotations

from wizard.drafts.channel import check_channel
from wizard.drafts.content import check_confidential, check_disclosure, check_rules, check_secrets
from wizard.drafts.context import DraftContext, OffLimits
from wizard.drafts.findings import FIX, LOOK, Finding, Source, protected_spans, sentence_spans
from wizard.drafts.sectors import check_sectors
from wizard.drafts.tone import check_tone

MAX_DRAFT = 10_000  # characters; more than any channel takes

__all__ = [
    "FIX",
    "LOOK",
    "MAX_DRAFT",
    "DraftContext",
    "Finding",
    "OffLimits",
    "Source",
    "check_draft",
]


def check_draft(
    draft: str, context: DraftContext, channel_names: dict[str, str] | None = None
) -> list[Finding]:
    """Every finding for a draft, "fix before posting" first.

    ``channel_names`` maps channel slugs to the names people know them by.
    """
    draft = (draft or "")[:MAX_DRAFT].replace("\r\n", "\n")
    if not draft.strip():
        return []
    spans = sentence_spans(draft)
    protected = protected_spans(draft, spans)
    findings = [
        *check_secrets(draft),
        *check_disclosure(draft, context, protected),
        *check_rules(draft, context, protected),
        *check_confidential(draft, context, protected),
        *check_sectors(draft, context, protected),
        *check_channel(draft, context, channel_names or {}),
        *check_tone(draft, context),
    ]
    return sorted(findings, key=lambda f: f.severity != FIX)
