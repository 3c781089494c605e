"""The one Markdown pipeline: render with Python-Markdown, then sanitise with nh3.

Python-Markdown passes raw HTML and ``javascript:`` links straight through, so
everything it produces goes through an explicit allow-list before it reaches a
page. The same pipeline serves the guide articles and anything a person or a
comms team types (programme rules), so it is written for hostile input: no
scripts, no event handlers, no ``style``, no frames or images, and links only
to http, https, mailto or a relative URL. Every link gets
``rel="noopener noreferrer"``.

A page already has its own ``h1``, so a ``#`` heading in Markdown becomes an
``h2``. A list may start right after a line of text, as people write one
(Python-Markdown on its own wants a blank line first).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from html import unescape

import markdown
import nh3
from flask import Flask
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

EXTENSIONS = ["tables", "fenced_code", "sane_lists", "smarty"]

ALLOWED_TAGS = {
    "p", "br", "hr",
    "h2", "h3", "h4", "h5", "h6",
    "strong", "em", "b", "i", "code", "pre", "blockquote", "del",
    "ul", "ol", "li",
    "a",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {"a": {"href", "title"}, "ol": {"start"}}
HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
URL_SCHEMES = {"http", "https", "mailto"}
REMOVED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "noscript"}
LINK_REL = "noopener noreferrer"


@dataclass(frozen=True)
class Heading:
    """A section heading of a rendered document, for an "on this page" list."""

    id: str
    title: str


class _DemoteTopHeadings(Treeprocessor):
    """Turn every ``h1`` into an ``h2``: the page around the Markdown owns its ``h1``."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter("h1"):
            element.tag = "h2"


LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
FENCE = re.compile(r"^ {0,3}(?:```|~~~)")


def list_after_text(lines: list[str]) -> list[str]:
    """Lines with a blank line put before a list that follows a line of text.

    Only where a list starts: lines inside a list, in a fenced code block or
    indented as code are left as they are.
    """
    result: list[str] = []
    in_fence = in_list = False
    previous = ""
    for line in lines:
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            if not line.strip():
                in_list = False
            elif LIST_ITEM.match(line):
                code = previous.startswith(("    ", "\t"))
                if previous.strip() and not in_list and not code:
                    result.append("")
                in_list = True
        result.append(line)
        previous = line
    return result


class _ListsAfterText(Preprocessor):
    """A "- " line right after a line of text starts a list, as the hint promises."""

    def run(self, lines: list[str]) -> list[str]:
        return list_after_text(lines)


class _PageHeadings(Extension):
    """Registers the ``h1`` demotion ahead of the ``toc`` extension's id pass, and
    lists that start right after a line of text."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API name
        md.treeprocessors.register(_DemoteTopHeadings(md), "demote_h1", 40)
        # After whitespace is normalised (30), before fenced code is taken out (25).
        md.preprocessors.register(_ListsAfterText(md), "lists_after_text", 27)


def _markdown(heading_ids: bool) -> markdown.Markdown:
    """A fresh converter: Markdown instances keep state and are not thread-safe."""
    extensions: list = [*EXTENSIONS, _PageHeadings()]
    if heading_ids:
        extensions.append("toc")
    return markdown.Markdown(extensions=extensions, output_format="html")


def sanitise(html: str, *, heading_ids: bool = False) -> str:
    """Keep only the allow-listed tags, attributes and URL schemes."""
    attributes = dict(ALLOWED_ATTRIBUTES)
    if heading_ids:
        attributes.update({tag: {"id"} for tag in HEADING_TAGS})
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=REMOVED_WITH_CONTENT,
        attributes=attributes,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render_markdown_with_headings(text: str) -> tuple[Markup, list[Heading]]:
    """Trusted long-form text (the guide): safe HTML with ids on its headings,
    and the list of ``h2`` sections for an "on this page" list."""
    md = _markdown(heading_ids=True)
    html = sanitise(md.convert(text or ""), heading_ids=True)
    sections = [
        Heading(id=token["id"], title=unescape(token["name"]))
        for token in _flatten(md.toc_tokens)
        if token["level"] == 2
    ]
    return Markup(html), sections


def render_markdown(text: str | None) -> Markup:
    """Markdown from anyone, as HTML that is safe to put in a page."""
    if not text:
        return Markup("")
    return Markup(sanitise(_markdown(heading_ids=False).convert(text)))


def _flatten(tokens: list[dict]) -> list[dict]:
    """The toc extension nests headings; list them in document order."""
    flat: list[dict] = []
    for token in tokens:
        flat.append(token)
        flat.extend(_flatten(token.get("children", [])))
    return flat


def init_app(app: Flask) -> None:
    """Add the ``markdown`` template filter: ``{{ programme.rules|markdown }}``."""
    app.add_template_filter(render_markdown, "markdown")
