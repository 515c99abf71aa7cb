"""Finding things: the list filter of one brief, and search across a library."""
