"""From file to Brief: reading untrusted files, the strict YAML reader, scalars,
conversion, validation, the loader, the article's path, and the JSON Schema."""
