"""HTML to PDF with WeasyPrint, reading stylesheets from disk, never the network.

The print template links its stylesheet as ``/static/style.css``; the fetcher
here answers such URLs from the app's static folder and refuses everything
else, so making a PDF never opens a connection and never follows a link.

WeasyPrint takes about a second for a six-theme framework. The last few PDFs
are kept in this process, by a digest of the HTML they were made from, so a
second download of unchanged pages is immediate. The stylesheet is not part
of the key: it changes only with a new release, which starts new processes.
"""

from __future__ import annotations

import hashlib
import mimetypes
import threading
from collections import OrderedDict
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

RECENT_PDFS = 16  # about 60 KB each


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
    files themselves come from ``static_folder``. The same HTML again gets
    the PDF made last time, while it is among the recent ones.
    """
    key = hashlib.sha256(
        "\0".join((html, base_url, str(static_folder), static_url_path)).encode("utf-8")
    ).digest()
    document = _recent.get(key)
    if document is None:
        fetcher = StaticFolderFetcher(static_folder, static_url_path)
        document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf()
        _recent.put(key, document)
    return document


class RecentPdfs:
    """A small least-recently-used store of PDFs by key, safe across threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[bytes, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: bytes) -> bytes | None:
        """The PDF stored under ``key``, now the most recently used, or None."""
        with self._lock:
            document = self._items.get(key)
            if document is not None:
                self._items.move_to_end(key)
            return document

    def put(self, key: bytes, document: bytes) -> None:
        """Store a PDF, forgetting the least recently used beyond ``size``."""
        with self._lock:
            self._items[key] = document
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        """Forget every PDF."""
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


_recent = RecentPdfs(RECENT_PDFS)


def forget_recent_pdfs() -> None:
    """Empty the store of recent PDFs, so the next one is made afresh."""
    _recent.clear()
