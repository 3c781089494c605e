"""The knowledge library: TOML data files and their loader."""

from wizard.library.loader import Library, chosen_theme_keys, load_library

__all__ = ["Library", "chosen_theme_keys", "load_library"]
