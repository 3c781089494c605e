"""Pure functions that turn a person's answers into their framework.

Answers in, plain data out: no Flask, no database. Every output (page,
print, PDF, calendar, exports) renders the same plain data.
"""
