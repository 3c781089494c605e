"""The text of a PDF as a person reads it, the same from every PDF maker.

Chromium and WeasyPrint set text with whatever the font offers: a ligature
(“ﬂ”, U+FB02) comes back from pypdf as one character, and a line broken after
a hyphen (“end-to-” / “end”) comes back with a line break inside the word.
Tests compare the text after NFKC normalisation (“ﬂ” is “fl” again) and after
joining such breaks, with every other run of white space made one space.
"""

from __future__ import annotations

import io
import re
import unicodedata

from pypdf import PdfReader

# A hyphen at the end of a line, between two letters or digits: the line broke after it.
HYPHEN_BREAK = re.compile(r"(?<=\w)-[ \t]*\n\s*(?=\w)")


def readable_text(raw: str) -> str:
    """Extracted text normalised: NFKC, hyphenated line breaks joined, spaces collapsed."""
    text = unicodedata.normalize("NFKC", raw)
    text = HYPHEN_BREAK.sub("-", text)
    return " ".join(text.split())


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    """The PDF, and the readable text of all its pages."""
    reader = PdfReader(io.BytesIO(data))
    return reader, readable_text("\n".join(page.extract_text() or "" for page in reader.pages))


def pdf_pages(data: bytes) -> tuple[int, str]:
    """How many pages a PDF has, and its readable text."""
    reader, text = pdf_text(data)
    return len(reader.pages), text


def font_names(reader: PdfReader) -> set[str]:
    """The base names of every font the PDF's pages use, subset prefixes left off."""
    names: set[str] = set()
    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for font in fonts.values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            # Chromium embeds web fonts as Type 3, named only in the descriptor.
            base = font.get("/BaseFont") or (descriptor or {}).get("/FontName", "")
            names.add(str(base).lstrip("/").split("+", 1)[-1])
    return names
