"""A page checker for every HTML response, and browser-like form filling."""

from __future__ import annotations

import re
from collections import Counter

import html5lib
from bs4 import BeautifulSoup

# What a Python object looks like when a template prints it whole instead of in words:
# a dict or a list of dicts, an object's default repr, a Markup wrapper, a bare None
# (“None of these” in a sentence is words, not a value).
PYTHON_REPR = re.compile(r"\{'|\[\{|object at 0x|Markup\(|\bNone\b(?!\s+[a-z])")


# What a person typed into a text area comes back as they typed it (a pasted JSON export too).
TEXTAREA = re.compile(r"(<textarea\b[^>]*>).*?(</textarea>)", re.DOTALL | re.IGNORECASE)


def python_reprs(html: str) -> list[str]:
    """Every Python representation in a page, with a little context either side."""
    html = TEXTAREA.sub(r"\1\2", html)
    return [
        html[max(0, m.start() - 40) : m.end() + 40].replace("\n", " ")
        for m in PYTHON_REPR.finditer(html)
    ]


def wtforms_messages(html: str) -> list[str]:
    """Every WTForms (or Flask-WTF) default English message in a page: Byline says
    everything in its own words, naming the field and the numbers."""
    from wizard.formtools import default_message_patterns

    text = TEXTAREA.sub(r"\1\2", html)
    return [m.group(0) for p in default_message_patterns() for m in p.finditer(text)]


def page_problems(html: str) -> list[str]:
    """What no page may show: Python representations and WTForms' own messages."""
    return python_reprs(html) + wtforms_messages(html)


class PageChecker:
    """Asserts what every Byline page must be: valid enough to parse strictly,
    titled, free of duplicate ids and dangling in-page links, free of Python
    representations and WTForms' default messages, and with a CSRF token in
    every form that posts."""

    def check(self, response, status: int = 200) -> BeautifulSoup:
        """Check one response and return its parsed document."""
        assert response.status_code == status, (response.status_code, response.location)
        assert response.mimetype == "text/html"
        text = response.get_data(as_text=True)
        problems = page_problems(text)
        assert not problems, f"Python representations or WTForms messages: {problems}"
        parser = html5lib.HTMLParser(strict=True)
        parser.parse(text)  # raises on any HTML parse error
        soup = BeautifulSoup(text, "html.parser")
        title = soup.title.get_text(strip=True) if soup.title else ""
        assert title, "every page needs a <title>"
        assert len(soup.find_all("h1")) == 1, "one h1 per page"
        ids = Counter(tag["id"] for tag in soup.find_all(id=True))
        duplicates = [i for i, n in ids.items() if n > 1]
        assert not duplicates, f"duplicate ids: {duplicates}"
        for link in soup.select('a[href^="#"]'):
            target = link["href"][1:]
            assert target in ids, f"in-page link to missing #{target}"
        for label in soup.find_all("label", attrs={"for": True}):
            assert label["for"] in ids, f"label for missing #{label['for']}"
        for form in soup.find_all("form"):
            if form.get("method", "get").lower() == "post":
                token = form.find("input", attrs={"name": "csrf_token"})
                assert token is not None and token.get("value"), "POST form without CSRF token"
        return soup


def form_fields(html: str, form_index: int = -1) -> dict[str, list[str]]:
    """What a browser would submit from a page's form, unchanged."""
    soup = BeautifulSoup(html, "html.parser")
    posting = [f for f in soup.find_all("form") if f.get("method", "").lower() == "post"]
    form = posting[form_index]
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "input":
            kind = field.get("type", "text")
            if kind in ("checkbox", "radio") and not field.has_attr("checked"):
                continue
            if kind in ("submit", "button"):
                continue
            data.setdefault(name, []).append(field.get("value", "on" if kind == "checkbox" else ""))
        elif field.name == "select":
            options = field.find_all("option")
            chosen = [o for o in options if o.has_attr("selected")] or options[:1]
            data.setdefault(name, []).extend(o.get("value", o.get_text()) for o in chosen)
        else:
            data.setdefault(name, []).append(field.get_text())
    return data
