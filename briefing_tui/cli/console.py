"""What the command line writes: untrusted text made printable, and output that cannot be
written told once, never as a traceback.

Every line the commands print goes through :func:`out` (standard output) or :func:`err`
(standard error), which pass it through :func:`shown`: file names and brief text hold
whatever their authors put there, an escape sequence too. A write that fails (a reader that
closed the pipe, ``briefing-tui search ... | head -1``; a full disk) raises
:class:`OutputFailed`, which ``cli.main`` turns into an exit status with :func:`give_up`: quiet
on a closed pipe, as ``grep`` is, and one line on any other error.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import sys
from typing import TextIO

from ..core.text.printable import printable

#: A closed pipe: 128 + SIGPIPE, the status a shell shows for a command the pipe ended.
EXIT_CLOSED_PIPE = 141
EXIT_WRITE_ERROR = 1
#: Characters written at a time: at most 8 KiB of UTF-8, the size of Python's stream buffers.
_PIECE = 2048

# The bytes of a file name that is not UTF-8 reach Python as lone surrogates; no terminal
# encoding can write them.
_UNDECODABLE = re.compile("[\udc80-\udcff]")
# What json.dumps(ensure_ascii=False) leaves raw but a terminal would act on (DEL, the C1
# controls, the bidi controls, the line and paragraph separators), and lone surrogates, which
# cannot be encoded at all.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


class OutputFailed(Exception):
    """Standard output or standard error could not be written."""

    def __init__(self, stream: TextIO, error: OSError) -> None:
        super().__init__(str(error))
        self.stream = stream
        self.error = error

    @property
    def closed_pipe(self) -> bool:
        """Whether the reader went away (``| head``): not an error to tell."""
        return isinstance(self.error, BrokenPipeError) or self.error.errno == errno.EPIPE


def shown(value: object) -> str:
    """``value`` as one line fit for a terminal: control characters replaced by visible
    stand-ins (:func:`printable`), and bytes of a file name that are not UTF-8 shown as
    ``\\xNN``."""
    return _bytes_shown(printable(str(value), one_line=True))


def json_text(data: object) -> str:
    """``data`` as indented JSON whose every string a terminal shows as text: control
    characters are escaped (``\\u001b``), so the JSON still holds the text exactly."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def out(line: object) -> None:
    """Print one line (made :func:`shown`) on standard output."""
    _write(sys.stdout, shown(line) + "\n")


def err(line: object) -> None:
    """Print one line (made :func:`shown`) on standard error."""
    _write(sys.stderr, shown(line) + "\n")


def out_text(text: str) -> None:
    """Write a document (JSON, Markdown) on standard output, its line breaks and tabs kept and
    any other control character made visible."""
    write_text(sys.stdout, text)


def write_text(stream: TextIO | None, text: str) -> None:
    """Write ``text`` on ``stream`` as :func:`out_text` does."""
    _write(stream, _bytes_shown(printable(text)))


def flush() -> None:
    """Flush both streams, so a write error shows here and not at the interpreter's exit."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            try:
                stream.flush()
            except OSError as error:
                raise OutputFailed(stream, error) from error


def give_up(failure: OutputFailed) -> int:
    """End the command after ``failure``: the exit status; on a closed pipe nothing is said,
    on another error one line on standard error (when it can still be written)."""
    _silence(failure.stream)
    if failure.closed_pipe:
        return EXIT_CLOSED_PIPE
    if failure.stream is not sys.stderr:
        reason = failure.error.strerror or str(failure.error)
        try:
            err(f"briefing-tui: cannot write output: {reason}")
            sys.stderr.flush()
        except (OSError, OutputFailed):
            _silence(sys.stderr)
    return EXIT_WRITE_ERROR


def _bytes_shown(text: str) -> str:
    return _UNDECODABLE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)


def _write(stream: TextIO | None, text: str) -> None:
    """Write ``text`` in pieces that fit the stream's buffer: handed a larger piece, Python's
    buffered writer reports a short write as success and drops the rest (a pipe closed, a
    disk filled midway) instead of raising; flushing a full buffer raises."""
    if stream is None:  # started with the descriptor closed (`>&-`): nowhere to write
        return
    try:
        for start in range(0, len(text), _PIECE):
            piece = text[start : start + _PIECE]
            try:
                stream.write(piece)
            except UnicodeEncodeError:  # a terminal in a legacy encoding: ␛ and ¶ as escapes
                encoding = stream.encoding or "ascii"
                stream.write(piece.encode(encoding, "backslashreplace").decode(encoding))
    except OSError as error:
        raise OutputFailed(stream, error) from error


def _silence(stream: TextIO) -> None:
    """Point the descriptor of ``stream`` at the null device, so the text still buffered for
    it goes nowhere at exit instead of failing again ("Exception ignored ... BrokenPipeError")."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        descriptor = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, descriptor)
        finally:
            os.close(null)
