"""The Textual reader: screens and widgets on top of :mod:`briefing_tui.core`."""
