"""A page checker for every HTML response, and browser-like form filling."""

from __future__ import annotations

from collections import Counter

import html5lib
from bs4 import BeautifulSoup


class PageChecker:
    """Asserts what every Byline page must be: valid enough to parse strictly,
    titled, free of duplicate ids and dangling in-page links, and with a CSRF
    token in every form that posts."""

    def check(self, response, status: int = 200) -> BeautifulSoup:
        """Check one response and return its parsed document."""
        assert response.status_code == status, (response.status_code, response.location)
        assert response.mimetype == "text/html"
        text = response.get_data(as_text=True)
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
