"""UI tests of the reader, driven by keyboard through Textual's pilot."""
