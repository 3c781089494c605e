"""A small HTTP client that goes through the wizard the way a browser does:
it keeps the session cookie, reads each form, keeps what the page already
shows (CSRF token included), fills in its answers and sends the form."""

from __future__ import annotations

import http.client
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

# What a person answers; the pages' own defaults are kept for everything else.
ANSWERS: dict[str, dict[str, list[str]]] = {
    "work": {
        "role": ["Staff engineer in the platform team"],
        "expertise": ["Site reliability engineering"],
        "subtopics": ["error budgets\nincident reviews\non-call health\ncapacity planning"],
        "audience": ["engineering managers"],
    },
    "comfort": {"rung": ["3"], "channels": ["linkedin", "blog"], "time": ["2-hours"]},
    "goals": {"goals": ["expert", "hiring"]},
    "tone": {},  # the defaults shown on the page
    "themes": {},  # the suggested themes, as preselected
    "situations": {},  # every situation on its recommended approach
}
WIZARD_STEPS = tuple(ANSWERS)


class _PostForm(HTMLParser):
    """What a browser would submit from the last POST form of a page, unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[list[tuple[str, str]]] = []
        self._fields: list[tuple[str, str]] | None = None
        self._select: tuple[str, list[tuple[str, bool]]] | None = None
        self._option: list[str] | None = None
        self._textarea: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "form":
            posting = values.get("method", "get").lower() == "post"
            self._fields = [] if posting else None
            if posting:
                self.forms.append(self._fields)
        if self._fields is None or "disabled" in values:
            return
        name = values.get("name")
        if tag == "input" and name:
            kind = values.get("type", "text")
            unticked = kind in ("checkbox", "radio") and "checked" not in values
            if kind in ("submit", "button") or unticked:
                return
            self._fields.append((name, values.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = (name, [])
        elif tag == "option" and self._select is not None:
            self._select[1].append((values.get("value", ""), "selected" in values))
        elif tag == "textarea" and name:
            self._textarea = (name, [])

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._fields = None
        elif tag == "select" and self._select is not None and self._fields is not None:
            name, options = self._select
            chosen = [value for value, selected in options if selected] or [
                value for value, _ in options[:1]
            ]
            self._fields += [(name, value) for value in chosen]
            self._select = None
        elif tag == "textarea" and self._textarea is not None and self._fields is not None:
            name, parts = self._textarea
            self._fields.append((name, "".join(parts).removeprefix("\n")))
            self._textarea = None


def post_form(html: str) -> list[tuple[str, str]]:
    """The fields of the page's last POST form, as a browser would send them."""
    parser = _PostForm()
    parser.feed(html)
    return parser.forms[-1]


def with_answers(fields: list[tuple[str, str]], answers: dict[str, list[str]]) -> str:
    """The form's fields with some replaced, URL-encoded."""
    kept = [(name, value) for name, value in fields if name not in answers]
    kept += [(name, value) for name, values in answers.items() for value in values]
    return urlencode(kept)


@dataclass
class Response:
    """What came back, and how long it took."""

    status: int
    location: str
    body: str
    ms: float


@dataclass
class Browser:
    """One person's browser: a session cookie and a log of request times."""

    host: str
    port: int
    cookie: str = ""
    times_ms: list[float] = field(default_factory=list)
    sent: list[tuple[str, str, str | None]] = field(default_factory=list)

    def request(self, method: str, path: str, body: str | None = None) -> Response:
        """One request on a new connection (gunicorn's sync workers close each one)."""
        headers = {"Cookie": self.cookie} if self.cookie else {}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        elapsed = (time.perf_counter() - started) * 1000
        self.times_ms.append(elapsed)
        self.sent.append((method, path, body))
        set_cookie = response.getheader("Set-Cookie")
        if set_cookie and set_cookie.startswith("session="):
            self.cookie = set_cookie.split(";", 1)[0]
        location = urlsplit(response.getheader("Location") or "").path
        return Response(response.status, location, text, elapsed)

    def expect(self, method: str, path: str, status: int, body: str | None = None) -> Response:
        """A request that must answer with ``status``."""
        response = self.request(method, path, body)
        if response.status != status:
            raise RuntimeError(f"{method} {path}: {response.status}, expected {status}")
        return response


def complete_wizard(browser: Browser) -> str:
    """Start, answer the six steps, confirm, open the framework; returns its path."""
    page = browser.expect("GET", "/start", 200)
    started = browser.expect("POST", "/start", 303, urlencode(post_form(page.body)))
    base = started.location.rsplit("/step/", 1)[0]
    for step in WIZARD_STEPS:
        path = f"{base}/step/{step}"
        page = browser.expect("GET", path, 200)
        browser.expect("POST", path, 303, with_answers(post_form(page.body), ANSWERS[step]))
    page = browser.expect("GET", f"{base}/check", 200)
    browser.expect("POST", f"{base}/check", 303, urlencode(post_form(page.body)))
    browser.expect("GET", base, 200)
    return base
