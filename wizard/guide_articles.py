"""The guide: Markdown articles in ``wizard/guide/``, loaded and rendered once.

Each file is ``<slug>.md`` and starts with TOML front matter between ``+++``
lines::

    +++
    title = "Finding your tone"
    summary = "One sentence for the guide's index."
    order = 2
    +++

    The article, in Markdown. Sections are ``##`` headings.

Links between articles are relative (``[tone](finding-your-tone)``,
``[start](../start)``), so the rendered HTML does not depend on the request.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from markupsafe import Markup

from wizard.markdown import Heading, render_markdown_with_headings

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FRONT_MATTER = re.compile(r"\A\+\+\+\n(?P<meta>.*?)\n\+\+\+\n(?P<body>.*)\Z", re.DOTALL)


@dataclass(frozen=True)
class Article:
    """One guide article, rendered and sanitised."""

    slug: str
    title: str
    summary: str
    order: int
    html: Markup
    sections: tuple[Heading, ...]


def parse_article(slug: str, text: str) -> Article:
    """An article from its file name and text; ValueError says what is wrong."""
    if not SLUG.match(slug):
        raise ValueError(f"guide/{slug}.md: file names are lowercase words joined by hyphens")
    match = FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if not match:
        raise ValueError(f"guide/{slug}.md: must start with front matter between +++ lines")
    try:
        meta = tomllib.loads(match["meta"])
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"guide/{slug}.md: front matter: {error}") from error
    title, summary, order = meta.get("title"), meta.get("summary"), meta.get("order")
    if not (isinstance(title, str) and title.strip()):
        raise ValueError(f"guide/{slug}.md: needs a title")
    if not (isinstance(summary, str) and summary.strip()):
        raise ValueError(f"guide/{slug}.md: needs a summary")
    if not isinstance(order, int) or isinstance(order, bool):
        raise ValueError(f"guide/{slug}.md: needs a whole-number order")
    html, sections = render_markdown_with_headings(match["body"])
    return Article(slug, title.strip(), summary.strip(), order, html, tuple(sections))


@cache
def guide_articles() -> tuple[Article, ...]:
    """Every article, in reading order. Read and rendered once per process."""
    folder = resources.files("wizard") / "guide"
    articles = [
        parse_article(entry.name.removesuffix(".md"), entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".md")
    ]
    articles.sort(key=lambda article: (article.order, article.slug))
    return tuple(articles)
