"""Pages without their templates' indentation: a tenth or more of a long page's
bytes, and nothing a reader sees."""

from __future__ import annotations

import re

INDENTATION = re.compile(r"\n\s+")
AS_WRITTEN = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.DOTALL | re.IGNORECASE)


def without_indentation(html: str) -> str:
    """The page without its templates' indentation and blank lines, the same
    on screen and on paper: outside ``<pre>`` and ``<textarea>``, where spaces
    are the content, a run of white space with a line break in it shows as
    one space either way."""
    parts = AS_WRITTEN.split(html)
    return "".join(part if i % 2 else INDENTATION.sub("\n", part) for i, part in enumerate(parts))
