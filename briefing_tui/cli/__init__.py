"""The command line: the parser and main, one module per command, and the console."""
