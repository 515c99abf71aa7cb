"""Where a brief's article is, and whether it may be read: the rule "the article lies beside
the brief", kept through symbolic links.

The brief's folder is the folder of the brief's *real* file (every symbolic link resolved): a
brief linked into a library from elsewhere finds its article beside the file it links to, where
it was written. The article named by ``source.text`` is read only when its real path lies inside
that folder, so a link in it (``article.txt -> /etc/passwd``, or a linked subfolder
``sub -> /etc`` with ``text: sub/passwd``) cannot make the app read, show or export a file from
elsewhere. A link inside the folder to another file inside it is fine. See docs/decisions.md.
"""

from __future__ import annotations

import os
from pathlib import Path


class OutsideFolder(OSError):
    """An article whose real path lies outside the brief's folder: never read."""


def source_folder(brief_path: Path) -> Path:
    """The folder a brief's article is looked for in: the folder of the brief's real file.

    For a brief that is not itself a link this is its folder as given (kept relative, so paths
    shown stay the ones the user typed)."""
    if brief_path.is_symlink():
        return Path(os.path.realpath(brief_path)).parent
    return brief_path.parent


def source_path(brief_path: Path, text: str) -> Path:
    """Where the article named ``text`` (the brief's ``source.text``) is looked for."""
    return source_folder(brief_path) / text


def real_source_path(brief_path: Path, text: str) -> Path:
    """The path to read the article named ``text`` from: its real path, every link resolved
    (or its path as named, when no link is on the way).

    Raises :class:`OutsideFolder` (message fit for the reader) when it lies outside the folder
    of the brief's real file.
    """
    if not brief_path.is_symlink() and not _any_link(brief_path.parent, text):
        # No link from the brief's folder down to the article: it lies there by its name.
        # (The common case, and much quicker than resolving both paths from the root.)
        return source_path(brief_path, text)
    folder = Path(os.path.realpath(brief_path)).parent
    real = Path(os.path.realpath(source_path(brief_path, text)))
    if real == folder or not real.is_relative_to(folder):
        raise OutsideFolder(
            0,
            f"its real path {real} is outside the brief's folder {folder}",
            str(source_path(brief_path, text)),
        )
    return real


def _any_link(folder: Path, text: str) -> bool:
    """Whether any step of the path ``text`` below ``folder`` is a symbolic link."""
    path = folder
    for part in Path(text).parts:
        path = path / part
        if path.is_symlink():
            return True
    return False
