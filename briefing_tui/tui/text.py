"""The one way brief and article text reaches the screen: literally, never as markup."""

from __future__ import annotations

from textual.content import Content

from ..core.text.printable import printable, printable_spans


def literal(text: str, style: str = "", *, one_line: bool = False) -> Content:
    """``text`` as Content shown exactly as written: markup such as ``[b]`` or
    ``[@click=app.quit]`` stays text, and control characters become visible stand-ins."""
    content = Content(printable(text, one_line=one_line))
    return content.stylize(style) if style else content


def joined(*parts: Content | str) -> Content:
    """Concatenate pieces; plain ``str`` pieces are the app's own text, also taken literally."""
    return Content("").join(p if isinstance(p, Content) else Content(p) for p in parts)


def highlighted(text: str, spans: list[tuple[int, int]], style: str) -> Content:
    """``text`` shown literally, with ``style`` on each (start, end) span of ``text``: the
    spans follow their characters when control characters before them become stand-ins."""
    shown, moved = printable_spans(text, spans)
    content = Content(shown)
    for start, end in moved:
        content = content.stylize(style, start, end)
    return content
