"""A copy of the library with one edit, for tests of what the loader refuses."""

from __future__ import annotations

import shutil

import pytest

from wizard.library.loader import LIBRARY_DIR, read_library
from wizard.library.schema import LibraryError


def refusal_of_edit(tmp_path, file: str, old: str, new: str) -> str:
    """The loader's message for a copy of the library whose ``file`` has ``old``
    (which must be there) replaced once by ``new``."""
    target = tmp_path / "library"
    shutil.copytree(LIBRARY_DIR, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = target / file
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new, 1))
    with pytest.raises(LibraryError) as refused:
        read_library(target)
    return str(refused.value)
