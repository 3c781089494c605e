"""Exports of a framework: a calendar file, a Markdown document, and a
portable JSON document that another Byline can import.

Plain data in, bytes or text or a dict out: no Flask, no database. The views
decide what to send; these functions only decide what the files say.
"""
