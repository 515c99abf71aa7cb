"""Editing a text in the reader's own editor: which command, and one round trip through a file.

The command is the ``editor`` setting of the config file, else ``$VISUAL``, else ``$EDITOR``,
split as a shell would (``code --wait`` is a command with an argument); the file's path is
added last. The text goes to a private temporary file (mode 0600, in the temporary folder),
the editor runs in the foreground, and the file's text is read back; the file is removed
whatever happens. Anything that goes wrong raises :class:`EditorFailed` with a sentence for
the reader, and the text is then as it was. The caller hands the terminal over (the reader
suspends its screen) while :func:`edit_in_editor` runs.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from ..load.textfile import read_regular
from ..text.printable import printable

#: The largest text taken back from the editor.
MAX_BYTES = 1_000_000


class EditorFailed(Exception):
    """The text could not be edited outside; the message says why, for the reader."""


def editor_command(setting: str, environ: Mapping[str, str]) -> list[str]:
    """The command that edits a file: ``setting``, else $VISUAL, else $EDITOR, as arguments."""
    for source, value in (
        ("The 'editor' setting", setting),
        ("$VISUAL", environ.get("VISUAL", "")),
        ("$EDITOR", environ.get("EDITOR", "")),
    ):
        if not value.strip():
            continue
        try:
            return shlex.split(value)
        except ValueError as exc:
            raise EditorFailed(
                f"{source} is not a command ({exc}): {printable(value, one_line=True)}"
            ) from None
    raise EditorFailed(
        "No editor is set: set 'editor' in the config file (for example editor = \"vim\"),"
        " or $VISUAL or $EDITOR."
    )


def edit_in_editor(command: list[str], text: str, *, suffix: str = ".md") -> str:
    """Run ``command`` on a private temporary file holding ``text``; the file's text after.

    A line feed the editor added at the end (as vi does) is dropped when ``text`` had none.
    """
    name = printable(command[0], one_line=True)
    descriptor, temporary = tempfile.mkstemp(prefix="briefing-note-", suffix=suffix)
    path = Path(temporary)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        try:
            finished = subprocess.run([*command, str(path)], check=False)
        except FileNotFoundError:
            raise EditorFailed(f"The editor '{name}' was not found.") from None
        except OSError as exc:
            raise EditorFailed(
                f"The editor '{name}' could not be started: {exc.strerror or exc}."
            ) from None
        if finished.returncode != 0:
            raise EditorFailed(f"The editor '{name}' failed (exit status {finished.returncode}).")
        try:
            edited = read_regular(path, MAX_BYTES).decode("utf-8")
        except FileNotFoundError:
            raise EditorFailed("The editor removed the note's file.") from None
        except OSError as exc:
            raise EditorFailed(f"The edited note cannot be read: {exc.strerror or exc}.") from None
        except UnicodeDecodeError:
            raise EditorFailed("The edited note is not UTF-8 text.") from None
    finally:
        path.unlink(missing_ok=True)
    if edited.endswith("\n") and not text.endswith("\n"):
        edited = edited[:-1]
    return edited
