"""The knowledge library: TOML data files and their loader."""

from wizard.library.loader import Library, load_library

__all__ = ["Library", "load_library"]
