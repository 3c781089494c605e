"""Where the draft goes: length, the fold, links, hashtags, images."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wizard.drafts.context import DraftContext
from wizard.drafts.findings import FIX, LOOK, Finding, Source, excerpt

LIMITS = {"x": 280, "linkedin": 3000, "mastodon": 500}
LINKEDIN_FOLD = 210
URL_LENGTH_ON_X = 23  # X counts every link as 23 characters
MAX_HASHTAGS = {"x": 2, "linkedin": 5, "mastodon": 5}
DEFAULT_MAX_HASHTAGS = 5
LOWERCASE_HASHTAG = 11  # an all-lowercase hashtag this long is probably several words

CHANNEL_GUIDE = Source(
    "guide",
    "visible-without-showing-off#formats-that-feel-natural",
    "Guide: Formats that feel natural",
)
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.IGNORECASE)
_HASHTAG = re.compile(r"(?<![\w&#])#([A-Za-z][\w]*)")
_IMAGE = re.compile(
    r"\b(image|images|photo|photos|picture|pictures|pic|pics|screenshot|screenshots|chart|"
    r"graph|diagram|infographic|slide|slides|gif|attached|see below)\b|📷|📸|🖼",
    re.IGNORECASE,
)


def post_length(draft: str, channel: str) -> int:
    """The length as the channel counts it (X: every link is 23 characters)."""
    text = draft.strip()
    if channel == "x":
        return len(_URL.sub("x" * URL_LENGTH_ON_X, text))
    return len(text)


def check_channel(draft: str, context: DraftContext, names: dict[str, str]) -> Iterator[Finding]:
    """Limits and habits of the chosen channel."""
    channel = context.channel
    name = names.get(channel, channel)
    source = Source("channel", channel, f"How {name} works")
    limit = LIMITS.get(channel)
    length = post_length(draft, channel)
    if limit and length > limit:
        yield Finding(
            "channel-too-long",
            FIX,
            f"Too long for {name}",
            f"{name} takes {limit:,} characters; this draft has {length:,}.",
            "Cut it to one point"
            + (", or split it into a short thread." if channel == "x" else "."),
            source,
        )
    if channel == "linkedin":
        yield from _linkedin(draft, source)
    tags = _HASHTAG.findall(draft)
    most = MAX_HASHTAGS.get(channel, DEFAULT_MAX_HASHTAGS)
    if len(tags) > most:
        yield Finding(
            "channel-hashtags",
            LOOK,
            "Many hashtags",
            f"{len(tags)} hashtags; on {name} more than {most} read as noise and can look "
            "like spam.",
            f"Keep the {most} that people in your field actually follow.",
            source,
            " ".join("#" + t for t in tags[: most + 1]),
        )
    run_together = [
        t
        for t in tags
        if (t.islower() and len(t) >= LOWERCASE_HASHTAG) or (t.isupper() and len(t) >= 8)
    ]
    if run_together:
        yield Finding(
            "channel-camelcase",
            LOOK,
            "Capitalise each word in hashtags",
            "Screen readers read an all-lowercase hashtag as one long word; capitals at the "
            "start of each word (CamelCase) let them read the words.",
            f"Write #{run_together[0]} with a capital letter for each word, "
            "for example #ContinuousDelivery.",
            Source("guide", "visible-without-showing-off", "Guide: Visible without showing off"),
            "#" + run_together[0],
        )
    image = _IMAGE.search(draft)
    if image:
        yield Finding(
            "channel-image-description",
            LOOK,
            "Describe the image",
            "People who use screen readers only get an image through its description (alt text).",
            f"When you attach it on {name}, add a description: what it shows and why it matters.",
            source,
            excerpt(draft, *image.span()),
        )


def _linkedin(draft: str, source: Source) -> Iterator[Finding]:
    text = draft.strip()
    first_break = re.search(r"(?<=[.!?])\s|\n", text)
    hook_end = first_break.start() if first_break else len(text)
    if hook_end > LINKEDIN_FOLD:
        yield Finding(
            "channel-hook",
            LOOK,
            "Your first sentence runs past “see more”",
            f"LinkedIn shows about {LINKEDIN_FOLD} characters before “see more”; your "
            f"first sentence is {hook_end} characters long, so the point is hidden.",
            "Open with one short sentence that says what the post is about.",
            source,
            excerpt(text, 0, LINKEDIN_FOLD, 60),
        )
    link = _URL.search(text)
    if link:
        yield Finding(
            "channel-link-in-body",
            LOOK,
            "A link in the post",
            "LinkedIn shows posts with a link in the body to fewer people.",
            "Put the link in the first comment and say “link in the comments”.",
            source,
            excerpt(text, *link.span(), 60),
        )
