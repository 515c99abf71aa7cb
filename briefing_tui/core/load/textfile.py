"""Reading untrusted text files: size limit, encoding, NUL bytes and control characters.

Both a brief's YAML and its article text go through :func:`read_text`, so every file the app
reads is checked the same way before anything parses it, and every refusal names a line and
column.
"""

from __future__ import annotations

import codecs
import itertools
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from .problems import ProblemLog

_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)

# Characters refused in a brief's YAML: those YAML forbids (C0 controls but tab/LF/CR, DEL,
# C1 controls), and NEL, LS and PS, which YAML counts as line ends but editors do not, so
# every line number reported after one would be off by one.
_YAML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_YAML_LINE_ENDS = re.compile("\r\n?")
_MAX_REPORTED = 20


def read_text(
    path: Path,
    log: ProblemLog,
    *,
    max_bytes: int,
    yaml: bool = False,
    seen: dict[Path, bytes] | None = None,
) -> str | None:
    """Read ``path`` as UTF-8 text, logging located problems; None when it cannot be used.

    The size is checked before the file is read. A UTF-8 byte order mark is dropped; UTF-16
    and UTF-32 files, invalid UTF-8 and NUL bytes are refused. With ``yaml=True`` the control
    characters YAML forbids are refused too, each at its line and column. The bytes read are
    recorded in ``seen`` when given (the parse cache hashes exactly what was parsed).
    """
    try:
        data = read_regular(path, max_bytes)
    except (FileTooLarge, NotARegularFile) as exc:
        log.add(1, 1, f"{exc.strerror}; not read")
        return None
    except OSError as exc:
        log.add(1, 1, f"cannot read file: {exc.strerror or exc}")
        return None
    if seen is not None:
        seen[path] = data
    return decode(data, log, yaml=yaml)


class NotARegularFile(OSError):
    """A path that names a FIFO, a device, a socket or a folder: never read."""


class FileTooLarge(OSError):
    """A file over the size limit: never read."""


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, which must be a regular file of at most ``max_bytes`` bytes.

    The file is opened without blocking (a FIFO would otherwise wait for a writer forever) and
    checked on the open descriptor, so a link swapped between a check and the read cannot
    slip a FIFO or ``/dev/zero`` through; at most ``max_bytes + 1`` bytes are ever read, so a
    file growing while it is read is refused too. Raises :class:`NotARegularFile`,
    :class:`FileTooLarge` or another OSError, each with a message fit for the reader.
    """
    descriptor = _open_regular(path, max_bytes)
    try:
        chunks = []
        remaining = max_bytes + 1
        # One read of the whole file when it does not grow: no copy to join the pieces.
        piece = max(os.fstat(descriptor).st_size + 1, 1 << 16)
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, piece))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise FileTooLarge(0, f"file is over the limit of {max_bytes:,} bytes", str(path))
    return data


def open_regular(path: Path, max_bytes: int) -> BinaryIO:
    """``path`` open for binary reading, checked as :func:`read_regular` checks it, for a
    caller that reads only part of it (and no more than ``max_bytes`` bytes in all)."""
    descriptor = _open_regular(path, max_bytes)
    try:
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _open_regular(path: Path, max_bytes: int) -> int:
    """A descriptor of ``path`` open for reading, once it is known to be a regular file of at
    most ``max_bytes`` bytes (see :func:`read_regular`)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(0, f"not a regular file ({_kind(info.st_mode)})", str(path))
        if info.st_size > max_bytes:
            raise FileTooLarge(
                0,
                f"file is {info.st_size:,} bytes, over the limit of {max_bytes:,} bytes",
                str(path),
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a file"


def decode(data: bytes, log: ProblemLog, *, yaml: bool = False) -> str | None:
    """Decode file bytes as UTF-8 with the checks of :func:`read_text`."""
    for bom, name in _UTF16_32_BOMS:
        if data.startswith(bom):
            log.add(1, 1, f"file is {name}; save it as UTF-8")
            return None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    nul = data.find(b"\0")
    if nul >= 0:
        line, column = _line_col_bytes(data, nul)
        log.add(line, column, "NUL byte: this is a binary file, not text")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_col_bytes(data, exc.start)
        log.add(
            line,
            column,
            f"invalid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
        )
        return None
    if yaml:
        # CR and CRLF end lines for YAML and editors alike; make them LF, so the lines PyYAML
        # reports and the lines our own searches count are the same lines.
        text = _YAML_LINE_ENDS.sub("\n", text)
        bad = [m.start() for m in itertools.islice(_YAML_FORBIDDEN.finditer(text), _MAX_REPORTED)]
        for index in bad:
            line, column = line_col(text, index)
            log.add(
                line,
                column,
                f"{_name(text[index])} is not allowed in a brief;"
                ' write it as an escape inside a "double-quoted" string',
            )
        if bad:
            return None
    return text


def _name(char: str) -> str:
    code = ord(char)
    names = {0x85: "NEL (next line)", 0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR"}
    return f"{names.get(code, 'control character')} U+{code:04X}"


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of character ``index`` in ``text``."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _line_col_bytes(data: bytes, index: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, index) + 1
    prefix = data[line_start:index].decode("utf-8", errors="replace")
    return data.count(b"\n", 0, index) + 1, len(prefix) + 1
