"""A folder of briefs: discovery, entries loaded in two passes, the parse cache and
its JSON, summaries, live-reload signatures, and actors and issues across briefs."""
