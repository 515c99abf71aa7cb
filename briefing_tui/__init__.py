"""briefing-tui: a keyboard-first terminal reader for structured news briefs."""

__version__ = "0.1.0"
