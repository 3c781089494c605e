"""Walks the wizard through Flask's test client, the way a browser would:
read each page, keep what it already shows, change what the test says."""

from __future__ import annotations

from tests.pages import form_fields

GOOD_ANSWERS: dict[str, dict[str, object]] = {
    "work": {
        "role": "Test lead in the payments team",
        "expertise": "Software testing",
        "subtopics": "flaky end-to-end tests\nrisk-based testing\nexploratory testing",
        "audience": "engineering managers",
    },
    "comfort": {"rung": "2", "channels": ["linkedin", "internal"], "time": "1-hour"},
    "goals": {"goals": ["expert", "hiring"]},
    "tone": {},  # the defaults shown on the page are a fine answer
    "themes": {},  # the suggested themes, as preselected
    "situations": {},  # every situation on its recommended approach
}
STEPS = list(GOOD_ANSWERS)


class WizardWalk:
    """A person going through the wizard."""

    def __init__(self, client):
        self.client = client
        self.token: str | None = None

    @property
    def base(self) -> str:
        """The framework's private URL."""
        return f"/f/{self.token}"

    def start(self) -> str:
        """Press Start on the intro page; returns the private token."""
        page = self.client.get("/start")
        response = self.client.post("/start", data=form_fields(page.get_data(as_text=True)))
        assert response.status_code == 303, response.status_code
        self.token = response.location.split("/f/")[1].split("/")[0]
        return self.token

    def submit(self, step: str, changes: dict[str, object] | None = None, query: str = ""):
        """Open a step, change some fields, and send it. Returns the response."""
        url = f"{self.base}/step/{step}{query}"
        page = self.client.get(url)
        assert page.status_code == 200, (url, page.status_code, page.location)
        data = form_fields(page.get_data(as_text=True))
        for name, value in {**GOOD_ANSWERS.get(step, {}), **(changes or {})}.items():
            if value is None:
                data.pop(name, None)
            else:
                data[name] = value if isinstance(value, list) else [value]
        return self.client.post(url, data=data)

    def answer_all(self, changes: dict[str, dict[str, object]] | None = None) -> None:
        """Answer every step with good answers (plus any changes)."""
        for step in STEPS:
            response = self.submit(step, (changes or {}).get(step))
            assert response.status_code == 303, (step, response.get_data(as_text=True)[:2000])

    def complete(self, changes: dict[str, dict[str, object]] | None = None) -> str:
        """Start, answer everything, confirm on the check page; returns the token."""
        self.start()
        self.answer_all(changes)
        response = self.confirm()
        assert response.location.endswith(self.base)
        return self.token

    def confirm(self, expect: int = 303):
        """Press "Make my framework" on the check page."""
        page = self.client.get(f"{self.base}/check")
        data = form_fields(page.get_data(as_text=True))
        response = self.client.post(f"{self.base}/check", data=data)
        assert response.status_code == expect, response.get_data(as_text=True)[:2000]
        return response
