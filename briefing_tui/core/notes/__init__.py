"""The reader's notes: annotations, the notes file, changes as fields, the store that
saves them, and what the reader is shown of them."""
