"""The core of briefing-tui: the brief model, loading, validation and links.

Nothing in this package imports Textual; the terminal UI in ``briefing_tui.tui`` is built on
top of it, and the non-UI commands (``validate``, ``schema``) use only this package.
"""
