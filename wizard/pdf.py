"""HTML to PDF with WeasyPrint, reading stylesheets from disk, never the network.

The PDF is laid out with stylesheets from the app's static folder (by
default ``print.css``); its fonts come as ``/static/fonts/...`` URLs, which
the fetcher here answers from that folder, refusing everything else, so
making a PDF never opens a connection and never follows a link.

WeasyPrint takes most of a second for a six-theme framework, and parts of
that work are the same for every PDF. A `Typesetter` per process does them
once: WeasyPrint's font configuration (the system's fonts and the shipped
faces), the stylesheet parsed (again when its file changes), and a leaner
user-agent stylesheet (`LEAN_UA`). WeasyPrint's font configuration is not
made to be shared between threads, so one PDF is laid out at a time.

The last few PDFs are kept in this process, by a digest of the HTML they were
made from, so a second download of unchanged pages is immediate. The
stylesheet is not part of the key: it changes only with a new release, which
starts new processes.
"""

from __future__ import annotations

import hashlib
import mimetypes
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML
from weasyprint.css.counters import CounterStyle
from weasyprint.html import UA
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from wizard.recent import Recent

RECENT_PDFS = 16  # about 60 KB each
STYLESHEETS = ("pdf.css", "print.css")


def lean_user_agent_css(ua: str) -> str:
    """WeasyPrint's user-agent stylesheet without what the guideline pages never
    use: footnotes and notes, whose five pseudo-elements it would otherwise
    style for every element, and list markers on anything but a list item."""
    lines = [line for line in ua.splitlines() if not line.startswith(("::footnote", "::note"))]
    return "\n".join(lines).replace("\n::marker {", "\nli::marker {")


LEAN_UA = lean_user_agent_css(UA)


class StaticFolderFetcher(URLFetcher):
    """Serves ``<static_url_path>/...`` from a folder on disk; refuses any other URL."""

    def __init__(self, static_folder: str | Path, static_url_path: str = "/static") -> None:
        super().__init__()
        self.root = Path(static_folder).resolve()
        self.prefix = static_url_path.rstrip("/") + "/"

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        """The static file behind ``url``; a ValueError for anything else."""
        path = unquote(urlsplit(url).path)
        if not path.startswith(self.prefix):
            raise ValueError("only static files are available to the PDF")
        file = (self.root / path[len(self.prefix) :]).resolve()
        if not file.is_relative_to(self.root) or not file.is_file():
            raise ValueError("no such static file")
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, file.read_bytes(), {"Content-Type": content_type})


class _LeanHTML(HTML):
    """An HTML document styled by `LEAN_UA` instead of WeasyPrint's full
    user-agent stylesheet (WeasyPrint asks this method for it)."""

    lean_ua: CSS

    def _ua_stylesheets(self, forms: bool = False) -> list[CSS]:
        return [self.lean_ua]


class Typesetter:
    """What every PDF from one static folder shares: WeasyPrint's font
    configuration, the stylesheets parsed with it (parsed again when a file
    changes) and the lean user-agent stylesheet. Lays out one PDF at a time."""

    def __init__(self, static_folder: str | Path, static_url_path: str = "/static") -> None:
        self.fetcher = StaticFolderFetcher(static_folder, static_url_path)
        self.font_config = FontConfiguration()
        self.counter_style = CounterStyle()
        self._document_class = type(
            "LeanHTML",
            (_LeanHTML,),
            {"lean_ua": CSS(string=LEAN_UA, counter_style=self.counter_style)},
        )
        self._sheets: dict[tuple[str, str], tuple[float, CSS]] = {}
        self._lock = threading.Lock()

    def _stylesheet(self, name: str, base_url: str) -> CSS:
        """The static stylesheet ``name``, parsed once per version of its file."""
        file = self.fetcher.root / name
        changed = file.stat().st_mtime
        kept = self._sheets.get((name, base_url))
        if kept is None or kept[0] != changed:
            url = base_url.rstrip("/") + self.fetcher.prefix + name
            sheet = CSS(
                url=url,
                url_fetcher=self.fetcher,
                font_config=self.font_config,
                counter_style=self.counter_style,
            )
            kept = self._sheets[name, base_url] = (changed, sheet)
        return kept[1]

    def pdf(self, html: str, *, base_url: str, stylesheets: tuple[str, ...]) -> bytes:
        """A PDF of ``html`` laid out with the named static stylesheets."""
        with self._lock:
            sheets = [self._stylesheet(name, base_url) for name in stylesheets]
            document = self._document_class(
                string=html, base_url=base_url, url_fetcher=self.fetcher
            )
            return document.write_pdf(
                stylesheets=sheets, font_config=self.font_config, counter_style=self.counter_style
            )


_typesetters: dict[tuple[str, str], Typesetter] = {}
_typesetters_lock = threading.Lock()


def typesetter(static_folder: str | Path, static_url_path: str = "/static") -> Typesetter:
    """This process's typesetter for a static folder, made on first use."""
    key = (str(Path(static_folder).resolve()), static_url_path)
    with _typesetters_lock:
        if key not in _typesetters:
            _typesetters[key] = Typesetter(static_folder, static_url_path)
        return _typesetters[key]


def html_to_pdf(
    html: str,
    *,
    base_url: str,
    static_folder: str | Path,
    static_url_path: str = "/static",
    stylesheets: tuple[str, ...] = STYLESHEETS,
) -> bytes:
    """A PDF of ``html`` (print media), its fonts embedded, its title from ``<title>``.

    The named ``stylesheets`` come from ``static_folder`` (the HTML links
    none); ``base_url`` resolves relative URLs such as ``/static/fonts/...``,
    whose files also come from ``static_folder``. The same HTML again gets
    the PDF made last time, while it is among the recent ones.
    """
    key = hashlib.sha256(
        "\0".join((html, base_url, str(static_folder), static_url_path, *stylesheets)).encode()
    ).digest()
    document = _recent.get(key)
    if document is None:
        document = typesetter(static_folder, static_url_path).pdf(
            html, base_url=base_url, stylesheets=stylesheets
        )
        _recent.put(key, document)
    return document


_recent: Recent[bytes, bytes] = Recent(RECENT_PDFS)


def forget_recent_pdfs() -> None:
    """Empty the store of recent PDFs, so the next one is made afresh."""
    _recent.clear()
