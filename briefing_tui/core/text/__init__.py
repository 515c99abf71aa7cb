"""Text handling shared by every layer: control characters made visible, atomic
writes, YAML strings and Markdown escaping. Imports nothing else of briefing_tui."""
