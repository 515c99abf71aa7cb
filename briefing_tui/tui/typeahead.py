"""Keys typed ahead are handled in order, each once the keys before it have had their effect.

Textual passes a key to the focused widget's message queue and goes straight on to the next
key. Keys that arrive together (a fast typist, a paste sent as keys, any burst over SSH or
tmux) therefore race: after ``n``, which opens the note editor, the following keys reach the
list below before the editor is mounted and focused (``j`` moves the list, the rest are lost);
and F2, a priority binding run by the app itself, saves the note while the text typed before it
still waits in the editor's queue. The note saved is cut short or empty, and the app says
"Note saved.".

:class:`TypeAhead` makes the app take one input event (key or paste) at a time: after passing
one on, it holds the next until the app has settled. Settling is followed hop by hop, the way
a key travels: a callback is queued on the focused widget (so it runs after the key there),
then on its parent (after the key bubbled there), and so on up to the screen and the app, which
runs the key's binding; then once more on the app, after the focus changes the binding asked
for. A key a widget took (a letter typed into a field) bubbles no further: the walk goes
straight to the app. If the screen or the focus changed meanwhile (``n`` pushed the editor,
which then focused its text), the walk is repeated after the new screen and the app, until one
walk ends where it began. The held event is then handled as if it had just been typed: a
dialog opened by the key before it is mounted and focused, the text typed before F2 is in the
editor.

The cost is paid by bursts only: the screen may be painted between two keys of a burst (300
letters sent at once into the note editor took 1.2 s instead of 0.25 s on a loaded machine;
a terminal's bracketed paste is one event). A walk whose callback never runs (its widget
removed meanwhile) is replaced after ``WALK_TIMEOUT``, and after ``MAX_WALKS`` walks the next
event is handled anyway: keys may be delayed, never lost or stuck.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.app import App, ScreenStackError
from textual.message_pump import MessagePump

#: Input events handled one at a time: keys and pastes.
InputEvent = events.Key | events.Paste


class TypeAhead:
    """Holds the app's input events while the effects of the one before are not done."""

    #: Walks along the focus chain before the next event is handled anyway.
    MAX_WALKS = 20
    #: Seconds after which a walk that has not ended is replaced by a new one.
    WALK_TIMEOUT = 0.5

    def __init__(self, app: App[Any], handle: Callable[[InputEvent], Awaitable[None]]) -> None:
        """``handle`` is how the app handles an input event (Textual's own way)."""
        self.app = app
        self._handle = handle
        self._held: deque[InputEvent] = deque()
        self._busy = False
        self._walk = 0  # the id of the current walk; callbacks of older walks do nothing
        self._walks = 0  # walks since the last event was handled
        self._watchdog: asyncio.TimerHandle | None = None

    @property
    def settled(self) -> bool:
        """Whether every input event taken so far has been handled and had its effect."""
        return not self._busy

    async def take(self, event: InputEvent) -> None:
        """Handle ``event`` now if the app has settled since the last one, else later."""
        if self._busy:
            self._held.append(event)
            return
        await self._handle_one(event)

    async def _handle_one(self, event: InputEvent) -> None:
        self._busy = True
        self._walks = 0
        try:
            await self._handle(event)
        finally:
            self._start_walk(event)

    def _start_walk(self, event: InputEvent | None = None) -> None:
        """Walk after ``event`` along the focus chain (the first walk after an event), or
        after the screen and the app (the walks after the screen or the focus changed)."""
        self._walk += 1
        self._walks += 1
        walk = self._walk
        try:
            screen = self.app.screen
            focused = self.app.focused
        except ScreenStackError:  # no screen (starting up, shutting down): nothing to wait for
            self._release()
            return
        # The focused widget and the ancestors a key bubbles through: the screen, then the
        # app, which runs the bindings; then the app again, after the focus changes they
        # queued. A later walk waits for a new screen to mount, then for its focus.
        chain: list[MessagePump]
        if event is not None and focused is not None:
            chain = [*focused.ancestors_with_self, self.app]
        else:
            chain = [screen, self.app, self.app]
        if self._watchdog is not None:
            self._watchdog.cancel()
        self._watchdog = asyncio.get_running_loop().call_later(
            self.WALK_TIMEOUT, lambda: self._start_walk() if walk == self._walk else None
        )
        self._hop(walk, event, chain, 0, screen, focused)

    def _hop(
        self,
        walk: int,
        event: InputEvent | None,
        chain: list[MessagePump],
        index: int,
        screen: object,
        focused: object,
    ) -> None:
        """Queue the next step of the walk on ``chain[index]``; at the end, check the walk."""
        if walk != self._walk:
            return
        if event is not None and event.is_forwarded and event._stop_propagation:
            # A widget took the key (typing in a field): it bubbles no further, and there
            # is no binding to wait for. (Textual has no public way to ask.)
            index = max(index, len(chain) - 1)
        while index < len(chain):
            if chain[index].call_later(self._hop, walk, event, chain, index + 1, screen, focused):
                return
            index += 1  # a widget closing: nothing to wait for there
        try:
            same = self.app.screen is screen and self.app.focused is focused
        except ScreenStackError:
            same = True  # nothing left to wait for
        if same or self._walks >= self.MAX_WALKS:
            self._release()
        else:
            self._start_walk()

    def _release(self) -> None:
        """The effects of the last event are done: handle the next one held, if any."""
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None
        self._walk += 1  # callbacks of the finished walk do nothing from now on
        if not self._held:
            self._busy = False
            return
        event = self._held.popleft()
        self.app.call_later(self._handle_one, event)
