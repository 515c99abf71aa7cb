"""Brief text is data, never markup or terminal commands.

Every text field of a brief may hold Textual markup (``[@click=app.quit]``, ``[link=...]``,
``[b]``) and control characters (an OSC 52 clipboard write, a screen clear, a bidi override).
The reader must show all of it literally, with control characters as visible stand-ins (␛ for
ESC), and never run an action because of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.command import CommandPalette

from briefing_tui.config import Config
from briefing_tui.core.brief.model import Brief
from briefing_tui.core.load.loader import load_brief
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.brief import BriefScreen
from briefing_tui.tui.screens.confirm import ConfirmScreen
from briefing_tui.tui.screens.source import SourceScreen
from briefing_tui.tui.widgets.detail import LinkList
from briefing_tui.tui.widgets.items import ItemList

from .tuikit import (
    SIZE,
    brief_screen,
    move_to_link,
    notifications,
    screen_lines,
    screen_text,
    wait_for,
)

MARKUP = "[@click=app.quit]click[/] [link=https://evil.example]x[/link] [b]bold[/b]"
CONTROLS = "\x1b]52;c;aGk=\x07 \x1b[2J \u202e"  # OSC 52 clipboard write, clear screen, RLO
PAYLOAD = f"{MARKUP} {CONTROLS}"
WEB_LINK = "[x](https://example.com)"


def hostile(word: str) -> str:
    return f"{word} {PAYLOAD}"


def yaml_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar, control characters written as escapes."""
    escapes = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\x1b": "\\e", "\x07": "\\a"}
    out = []
    for char in text:
        if char in escapes:
            out.append(escapes[char])
        elif ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F or 0x2000 <= ord(char) <= 0x206F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


FIELDS = {
    "title": hostile("Title"),
    "summary": hostile("Summary mentions [[villain]]."),
    "source_title": hostile("Headline"),
    "outlet": hostile("Outlet"),
    "author": hostile("Author"),
    "actor_name": hostile("Villain"),
    "actor_role": hostile("Role"),
    "actor_notes": f"Actor notes, see {WEB_LINK}. {PAYLOAD}",
    "issue_title": hostile("Issue"),
    "issue_notes": hostile("Issue notes"),
    "stance": hostile("Stance"),
    "position_notes": hostile("Position notes"),
    "evidence_quote": PAYLOAD,
    "question_text": hostile("Question"),
    "question_notes": hostile("Question notes"),
    "quote_text": hostile("Words"),
    "quote_context": hostile("Context"),
    "event_text": hostile("Event"),
    "event_notes": hostile("Event notes"),
}
#: Fields whose text also names the item (rows, pane titles, link labels, the palette).
LABELS = ("actor_name", "issue_title", "stance", "question_text", "quote_text", "event_text")

TEMPLATE = """\
format: 1
id: hostile
title: {title}
summary: {summary}
source:
  title: {source_title}
  outlet: {outlet}
  author: {author}
  published: 2026-01-09
  url: null
  text: article.txt
actors:
  - id: villain
    name: {actor_name}
    kind: person
    role: {actor_role}
    notes: {actor_notes}
issues:
  - id: topic
    title: {issue_title}
    notes: {issue_notes}
positions:
  - id: villain-stance
    actor: villain
    issue: topic
    stance: {stance}
    attribution: stated
    evidence:
      - para: 1
        quote: {evidence_quote}
    notes: {position_notes}
questions:
  - id: open-question
    text: {question_text}
    bears_on: [villain-stance]
    evidence: [{{para: 1}}]
    notes: {question_notes}
quotes:
  - id: villain-quote
    speaker: villain
    text: {quote_text}
    para: 1
    context: {quote_context}
timeline:
  - id: the-event
    date: 2026-01-08
    text: {event_text}
    actors: [villain]
    evidence: [{{para: 2}}]
    notes: {event_notes}
"""


def write_brief(folder: Path, **fields: str) -> Brief:
    """Write the brief (every field hostile unless overridden) and its article; load it."""
    values = {**FIELDS, **fields}
    text = TEMPLATE.format(**{name: yaml_quoted(value) for name, value in values.items()})
    (folder / "hostile.yaml").write_text(text, encoding="utf-8")
    article = (
        f"The villain said {values['quote_text']} and then {values['evidence_quote']}.\n\n"
        f"A second paragraph: {PAYLOAD}\n"
    )
    (folder / "article.txt").write_text(article, encoding="utf-8")
    return load_brief(folder / "hostile.yaml")


@pytest.fixture
def hostile_brief(tmp_path: Path) -> Brief:
    """A valid brief where every text field holds markup and control characters."""
    return write_brief(tmp_path)


def plain_labels(**fields: str) -> dict[str, str]:
    """Fields naming every item in plain words (e.g. "Actor Name"), then ``fields``."""
    return {**{name: name.replace("_", " ").title() for name in LABELS}, **fields}


def test_the_brief_file_writes_escapes_and_loads_them_as_characters(hostile_brief: Brief):
    yaml_text = Path(hostile_brief.path).read_text(encoding="utf-8")
    assert "\\e]52;c;aGk=\\a" in yaml_text and "\\e[2J" in yaml_text and "\\u202e" in yaml_text
    assert "\x1b" not in yaml_text
    assert hostile_brief.title == hostile("Title")
    assert hostile_brief.item("villain").label == hostile("Villain")


def rendered_problems(app: BriefingApp) -> list[str]:
    """What is wrong with the screen as rendered: raw control characters, lost markup."""
    problems = []
    for number, line in enumerate(screen_lines(app)):
        for char in ("\x1b", "\x07", "\u202e"):
            if char in line:
                problems.append(f"raw {char!r} on line {number}: {line!r}")
    return problems


def assert_safe(app: BriefingApp, where: str) -> None:
    assert app.is_running, f"the app stopped at {where}"
    assert rendered_problems(app) == [], where


async def visit_every_item(pilot, app: BriefingApp, labels_shown: list[str]) -> None:
    """Every section and every row; check the screen after each step."""
    screen = brief_screen(app)
    items = screen.query_one("#items", ItemList)
    for number in "12345678":
        await pilot.press(number)
        for index in range(items.option_count):
            await pilot.pause()
            assert items.highlighted == index
            assert_safe(app, f"section {number}, row {index}")
            labels_shown.append(screen_text(app))
            await pilot.press("j")


async def test_every_section_item_source_and_palette_show_brief_text_literally(
    hostile_brief: Brief, config: Config
):
    app = BriefingApp(brief=hostile_brief, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert_safe(app, "start")
        text = screen_text(app)
        assert f"briefing-tui  Title {MARKUP} ␛]52;c;aGk=␇ ␛[2J" in text
        assert "␛]52;c;aGk=␇ ␛[2J <U+202E>" in text  # control characters, made visible
        assert "Summary mentions Villain [@click=app.quit]click[/]" in text  # [[villain]]

        seen: list[str] = []
        await visit_every_item(pilot, app, seen)
        everything = "\n".join(seen)
        for word in ("Villain", "Issue", "Stance", "Question", "Words", "Event"):  # labels
            assert f"{word} [@click=app.quit]click[/]" in everything, word
        for word in ("Headline", "Outlet", "Author", "Role", "Context"):  # fields
            assert f"{word} [@click=app.quit]click[/]" in everything, word
        for word in ("Issue notes", "Position notes", "Question notes", "Event notes"):
            assert f"{word} [@click=app.quit]click[/]" in everything, word  # Markdown
        assert "Actor notes, see x. [@click=app.quit]click[/]" in everything  # x is the link
        assert "[link=https://evil.example]x[/link] [b]bold[/b]" in everything
        assert "<U+202E>" in everything

        await pilot.press("4", "s")  # the article at the position's evidence
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        assert_safe(app, "source view")
        text = screen_text(app)
        assert f"Source  Headline {MARKUP}" in text
        assert "said Words [@click=app.quit]click[/]" in text  # the article itself
        assert "␛[2J" in text
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("ctrl+p", *"Villain")
        for _ in range(20):
            await pilot.pause(0.05)
            if "actor · villain" in screen_text(app):
                break
        assert isinstance(app.screen, CommandPalette)
        assert_safe(app, "palette")
        # Palette labels are cut at 60 characters; what is shown is still literal.
        assert f"Villain {MARKUP}"[:50] in screen_text(app)
        await pilot.press("enter")  # the first hit: the actor
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert brief_screen(app).location.key == "item:villain"
        assert_safe(app, "after the palette")


# A regression: until 927a403 the detail pane's border title took the label as a str, which
# Textual parses as markup: '[link=...]' crashed the app (the walk above shows it no longer
# does), control characters reached the screen, and a [@click] name was a live action.


async def test_a_name_in_the_pane_title_is_literal_and_clicking_it_does_nothing(
    tmp_path: Path, config: Config
):
    brief = write_brief(tmp_path, **plain_labels(actor_name="[@click=app.quit]Villain[/] \x1b[2J"))
    app = BriefingApp(brief=brief, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        top = screen_lines(app)[1]  # the row of the panes' top borders and titles
        assert "[@click=app.quit]Villain[/] ␛[2J" in top
        assert_safe(app, "actor shown")
        column = top.index("Villain", top.index("[@click=app.quit]Villain"))
        await pilot.click(offset=(column + 2, 1))
        await pilot.pause()
        assert app.is_running, "clicking the actor's name in the pane title quit the app"


# -- links that leave the app ------------------------------------------------------------------


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Callable[[BriefingApp], list[str]]:
    """Record the URLs an app asks the browser to open, instead of opening them."""

    def record(app: BriefingApp) -> list[str]:
        calls: list[str] = []
        monkeypatch.setattr(app, "open_url", lambda url, **kw: calls.append(url))
        return calls

    return record


async def follow_the_web_link_of_the_actor(pilot, app: BriefingApp) -> None:
    screen = brief_screen(app)
    await pilot.press("2", "enter")
    links = screen.query_one("#links", LinkList)
    await move_to_link(pilot, links, "url:https://example.com")
    await pilot.pause()
    assert ("Web links in the text") in screen_text(app)
    assert "x <https://example.com>" in screen_text(app)
    await pilot.press("enter")
    await pilot.pause()


async def test_a_web_link_in_notes_asks_first_n_does_not_open_it_y_does(
    hostile_brief: Brief, config: Config, opened
):
    app = BriefingApp(brief=hostile_brief, config=config)
    calls = opened(app)
    async with app.run_test(size=SIZE) as pilot:
        await follow_the_web_link_of_the_actor(pilot, app)
        assert isinstance(app.screen, ConfirmScreen)
        text = screen_text(app)
        assert "Open this link in your browser?" in text
        assert "https://example.com" in text
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert calls == []

        await pilot.press("enter")  # Escape says no too
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert calls == []

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert calls == ["https://example.com"]
        assert isinstance(app.screen, BriefScreen)
        assert brief_screen(app).location.key == "item:villain"  # following it moved nothing
        assert app.is_running


# -- invisible characters ------------------------------------------------------------------

INVISIBLE = "zero\u200bwidth line\u2028sep\u2029para \ufeffmark\u200e"


async def test_invisible_characters_are_shown_and_the_evidence_still_highlighted(
    tmp_path: Path, config: Config
):
    from textual.content import Content

    from briefing_tui.tui.screens.source import ParagraphList

    brief = write_brief(
        tmp_path, **plain_labels(quote_text=INVISIBLE, evidence_quote="the quoted evidence")
    )
    app = BriefingApp(brief=brief, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6")  # the quote: its words are the invisible characters
        await pilot.pause()
        assert "Words      zero<U+200B>width line<U+2028>sep<U+2029>para" in screen_text(app)
        assert "<U+FEFF>mark<U+200E>" in screen_text(app)
        shown = "zero<U+200B>width line<U+2028>sep<U+2029>para <U+FEFF>mark<U+200E>"

        await pilot.press("4", "s")  # the position's evidence, after them in the paragraph
        await pilot.pause()
        paragraphs = app.screen.query_one(ParagraphList)
        prompt: Content = paragraphs.get_option("para:1").prompt
        assert shown in prompt.plain
        highlighted = [prompt.plain[s.start : s.end] for s in prompt.spans if s.style]
        assert "the quoted evidence" in highlighted


# -- input fields: stored notes and tags, pasted text, the current folder -------------------------

#: Sets the terminal's title and writes the clipboard when it reaches a terminal raw.
TITLE_AND_CLIPBOARD = "\x1b]0;PWNED\x07 \x1b]52;c;cHduZWQ=\x07"
SHOWN = "␛]0;PWNED␇ ␛]52;c;cHduZWQ=␇"
#: What Textual itself writes: CSI sequences (colours, cursor) and OSC 8 hyperlinks.
_OWN_SEQUENCE = re.compile(r"\x1b\[[0-9;:?<=>]*[ -/]*[@-~]|\x1b\]8;[^\x07\x1b]*\x1b\\")


def terminal_problems(app: BriefingApp) -> list[str]:
    """Escape sequences and BELs the screen would write to the terminal that Textual itself
    does not write: each came from the data."""
    update = app.screen._compositor.render_full_update()
    written = _OWN_SEQUENCE.sub("", update.render_segments(app.console))
    return [
        f"{written[max(0, i - 20) : i + 20]!r}" for i, c in enumerate(written) if c in "\x1b\x07"
    ]


def assert_terminal_safe(app: BriefingApp, where: str) -> None:
    assert_safe(app, where)
    assert terminal_problems(app) == [], where


def store_notes(brief: Brief, folder: Path, item_id: str, note: str, tags: tuple[str, ...]):
    from briefing_tui.core.notes.edits import set_note, set_tags
    from briefing_tui.core.notes.store import NotesStore

    store = NotesStore(brief, folder)
    store.change(item_id, set_note(note))
    store.change(item_id, set_tags(tags))


def stored(brief: Brief, folder: Path, item_id: str):
    from briefing_tui.core.notes.store import NotesStore

    return NotesStore(brief, folder).get(item_id)


@pytest.fixture
def noted_brief(tmp_path: Path, notes_folder: Path) -> Brief:
    """A brief of plain text whose position has a stored note and tag that would set the
    terminal's title and write its clipboard."""
    brief = write_brief(tmp_path, **plain_labels())
    note = f"A colleague's note {TITLE_AND_CLIPBOARD} end"
    tags = tuple(f"tag{sequence}" for sequence in TITLE_AND_CLIPBOARD.split())
    store_notes(brief, notes_folder, "villain-stance", note, tags)
    return brief


async def test_the_note_editor_shows_a_stored_note_safely_and_saves_it_unchanged(
    noted_brief: Brief, config: Config, notes_folder: Path
):
    from briefing_tui.tui.screens.note_editor import NoteEditor

    note = stored(noted_brief, notes_folder, "villain-stance").note
    app = BriefingApp(brief=noted_brief, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n")
        assert isinstance(app.screen, NoteEditor)
        assert f"A colleague's note {SHOWN} end" in screen_text(app)
        assert_terminal_safe(app, "note editor")
        await pilot.press("f2")  # unchanged: the stored note stays exactly as it was
        await wait_for(pilot, lambda: not isinstance(app.screen, NoteEditor), "editor closed")
        assert stored(noted_brief, notes_folder, "villain-stance").note == note
        assert_terminal_safe(app, "after saving")

        await pilot.press("n", "end", *" more", "f2")  # changed: saved with the stand-ins
        expected = f"A colleague's note {SHOWN} end more"
        await wait_for(
            pilot,
            lambda: stored(noted_brief, notes_folder, "villain-stance").note == expected,
            "the changed note saved",
        )
        assert any("stand-ins" in n for n in notifications(app))


async def test_the_tags_prompt_shows_a_stored_tag_safely_and_keeps_it_unchanged(
    noted_brief: Brief, config: Config, notes_folder: Path
):
    from briefing_tui.tui.screens.prompt import Prompt

    tags = stored(noted_brief, notes_folder, "villain-stance").tags
    app = BriefingApp(brief=noted_brief, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "t")
        assert isinstance(app.screen, Prompt)
        assert "tag␛]0;PWNED␇ tag␛]52;c;cHduZWQ=␇" in screen_text(app)
        assert_terminal_safe(app, "tags prompt")
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, Prompt), "prompt closed")
        assert stored(noted_brief, notes_folder, "villain-stance").tags == tags


async def paste(pilot, text: str) -> None:
    from textual import events

    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def test_text_pasted_into_the_estimate_prompt_filter_search_and_picker_is_shown_safely(
    noted_brief: Brief, config: Config
):
    from textual.widgets import Input

    from briefing_tui.tui.screens.item_picker import ItemPicker
    from briefing_tui.tui.screens.prompt import Prompt
    from briefing_tui.tui.screens.search import SearchScreen

    pasted = f"pasted {TITLE_AND_CLIPBOARD} \u200b"
    app = BriefingApp(brief=noted_brief, config=config)
    async with app.run_test(size=SIZE) as pilot:

        async def paste_and_check(where: str) -> None:
            await paste(pilot, pasted)
            assert isinstance(app.focused, Input), where
            assert app.focused.value.endswith(f"pasted {SHOWN} <U+200B>"), where
            assert f"pasted {SHOWN}" in screen_text(app), where
            assert_terminal_safe(app, where)
            await pilot.press("escape")
            await pilot.pause()

        await pilot.press("5", "e")  # the estimate of the question
        assert isinstance(app.screen, Prompt)
        await paste_and_check("estimate prompt")

        await pilot.press("4", "slash")  # the list filter
        await paste_and_check("list filter")

        await pilot.press("escape", "4", "r")  # re-attach the note: the item picker
        assert isinstance(app.screen, ItemPicker)
        await paste_and_check("item picker")

        await pilot.press("S")  # the search screen
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await paste_and_check("search")

    library = BriefingApp(library=(str(noted_brief.path.parent), [noted_brief.path]), config=config)
    async with library.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")  # the library's filter
        await paste(pilot, pasted)
        assert isinstance(library.focused, Input)
        assert f"pasted {SHOWN}" in screen_text(library)
        assert_terminal_safe(library, "library filter")


async def test_the_export_prompt_shows_a_hostile_folder_name_safely_and_exports_there(
    noted_brief: Brief, config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from briefing_tui.tui.screens.prompt import Prompt

    folder = tmp_path / f"out{TITLE_AND_CLIPBOARD}"
    folder.mkdir()
    monkeypatch.chdir(folder)
    app = BriefingApp(brief=noted_brief, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E")
        assert isinstance(app.screen, Prompt)
        assert f"out{SHOWN}" in screen_text(app)
        assert_terminal_safe(app, "export prompt")
        await pilot.press("enter")  # the default, as it was: the real folder
        await wait_for(pilot, lambda: (folder / "hostile.md").exists(), "the export written")
