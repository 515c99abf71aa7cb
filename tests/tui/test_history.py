"""Back/forward history on its own: browser semantics, bounded length."""

from __future__ import annotations

import pytest

from briefing_tui.tui.history import History


def visited(*locations: str, limit: int = 100) -> History[str]:
    history: History[str] = History(limit=limit)
    for location in locations:
        history.visit(location)
    return history


def test_empty_history_goes_nowhere():
    history: History[str] = History()
    assert history.current is None
    assert history.back() is None and history.forward() is None
    assert not history.can_go_back and not history.can_go_forward


def test_back_and_forward_retrace_the_jumps():
    history = visited("a", "b", "c")
    assert history.current == "c"
    assert history.back() == "b"
    assert history.back() == "a"
    assert history.back() is None  # at the oldest entry: stays there
    assert history.current == "a"
    assert history.forward() == "b"
    assert history.forward() == "c"
    assert history.forward() is None
    assert history.current == "c"


def test_a_new_jump_after_going_back_drops_the_forward_entries():
    history = visited("a", "b", "c")
    history.back()
    history.back()
    history.visit("d")
    assert history.current == "d"
    assert not history.can_go_forward
    assert history.back() == "a"
    assert len(history) == 2


def test_a_jump_to_where_the_reader_is_adds_nothing_and_keeps_forward():
    history = visited("a", "b")
    history.back()
    history.visit("a")
    assert len(history) == 2
    assert history.forward() == "b"


def test_replace_updates_the_current_entry_without_a_new_one():
    # Moving the cursor is not a jump, but Back must return to where the reader left.
    history = visited("a", "b")
    history.replace("b2")
    assert len(history) == 2
    assert history.back() == "a"
    assert history.forward() == "b2"


def test_replace_on_an_empty_history_records_a_first_entry():
    history: History[str] = History()
    history.replace("a")
    assert history.current == "a"
    assert len(history) == 1


def test_the_oldest_entries_are_dropped_beyond_the_limit():
    history = visited(*"abcdef", limit=3)
    assert len(history) == 3
    assert [history.current, history.back(), history.back(), history.back()] == [
        "f",
        "e",
        "d",
        None,
    ]


def test_limit_must_be_positive():
    with pytest.raises(ValueError, match="at least 1"):
        History(limit=0)
