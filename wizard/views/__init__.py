"""The views: one blueprint per module."""
