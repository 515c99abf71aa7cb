"""The core of briefing-tui: everything but the terminal UI, in layers.

``text`` < ``brief`` < ``load`` < ``notes`` < ``library`` < ``search`` / ``export`` / ``draft``:
each package imports only those before it. Nothing here imports Textual; the reader in
``briefing_tui.tui`` is built on top, and the commands other than ``open`` use only this.
"""
