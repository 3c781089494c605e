"""HTML to PDF with WeasyPrint, reading stylesheets from disk, never the network.

The print template links its stylesheet as ``/static/style.css``; the fetcher
here answers such URLs from the app's static folder and refuses everything
else, so making a PDF never opens a connection and never follows a link.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse


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


def html_to_pdf(
    html: str, *, base_url: str, static_folder: str | Path, static_url_path: str = "/static"
) -> bytes:
    """A PDF of ``html`` (print media), its fonts embedded, its title from ``<title>``.

    ``base_url`` resolves relative links such as ``/static/style.css``; the
    files themselves come from ``static_folder``.
    """
    fetcher = StaticFolderFetcher(static_folder, static_url_path)
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf()
