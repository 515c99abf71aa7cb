"""Writing a file so that it is always either the old version or the new one, never half."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

#: The suffix of our temporary files; ``.<name>.<random>.tmp`` beside the file written.
TEMPORARY_SUFFIX = ".tmp"


def write_atomic(path: Path, text: str | bytes, *, durable: bool = True) -> None:
    """Replace ``path`` with ``text`` (UTF-8, or bytes as given) atomically and, unless not
    ``durable``, durably.

    The text goes to a temporary file in the same folder, which is flushed and fsynced, then
    renamed over ``path`` (atomic on POSIX and Windows); the folder is fsynced so the rename
    itself survives a crash. A failure leaves ``path`` as it was and no temporary file behind.
    Derived data that can be rebuilt (the parse cache) skips the two fsyncs: a crash may then
    lose the new version, but never leaves half a file.

    When ``path`` is a symbolic link (notes kept in a synced folder through a link), the file
    it points to is replaced and the link stays. A file replaced keeps its permissions; a new
    one gets what the umask gives (0644 typically), as any program's new file does. Anything
    but a regular file at the target (a folder, a FIFO, a device) is refused with an OSError.
    """
    target = write_target(path)
    if target == path:
        target.parent.mkdir(parents=True, exist_ok=True)
    mode: int | None = None
    try:
        info = os.stat(target)
    except FileNotFoundError:
        pass
    else:
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{target} is not a regular file; not replaced")
        mode = stat.S_IMODE(info.st_mode)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    # 0o666 before the umask: a new file gets the user's usual mode, without reading the
    # umask (os.umask sets it process-wide, which is not thread-safe).
    handle = os.open(temporary, flags | getattr(os, "O_NOFOLLOW", 0), 0o666)
    try:
        if mode is not None and hasattr(os, "fchmod"):
            os.fchmod(handle, mode)
        data = text.encode("utf-8") if isinstance(text, str) else text
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if durable:
        _fsync_folder(target.parent)


def write_target(path: Path) -> Path:
    """The file a write to ``path`` replaces: ``path`` itself, or, when it is a symbolic link
    (a chain of them too), the file it finally points to, which may not exist yet."""
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files a killed writer of ``path`` left behind; those removed.

    Call it only while no other writer of ``path`` can be at work (under its lock): a
    temporary file of ours lives only while a write is under way.
    """
    target = write_target(path)
    removed = []
    with contextlib.suppress(OSError):
        for entry in target.parent.glob(f".{_glob_escape(target.name)}.*{TEMPORARY_SUFFIX}"):
            with contextlib.suppress(OSError):
                if entry.is_file() and not entry.is_symlink():
                    entry.unlink()
                    removed.append(entry)
    return removed


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder for fsync; the rename is durable
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
