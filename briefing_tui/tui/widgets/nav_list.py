"""An OptionList with the keys readers expect: vim and less keys beside the arrows."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import OptionDoesNotExist


class NavList(OptionList):
    """OptionList with j/k, g/G and ctrl+d/ctrl+u; it never mounts a widget per row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "first", "First", show=False, id="list.first"),
        Binding("G", "last", "Last", show=False, id="list.last"),
        Binding("ctrl+d", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("ctrl+u", "page_up", "Page up", show=False, id="list.page_up"),
        # Left and right move between panes, as h and l do, instead of scrolling sideways.
        Binding("left", "screen.pane_left", "Pane left", show=False, id="list.pane_left"),
        Binding("right", "screen.pane_right", "Pane right", show=False, id="list.pane_right"),
    ]

    def highlight_id(self, option_id: str) -> bool:
        """Move the highlight to the option with this id; False when there is none."""
        try:
            index = self.get_option_index(option_id)
        except OptionDoesNotExist:
            return False
        self.highlighted = index
        self.scroll_to_highlight()
        return True

    @property
    def highlighted_id(self) -> str | None:
        """Id of the highlighted option, if any."""
        option = self.highlighted_option
        return option.id if option else None
