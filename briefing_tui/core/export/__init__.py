"""Notes to Markdown: the document, and the files an export never replaces."""
