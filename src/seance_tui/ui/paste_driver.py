"""Bracketed pastes taken out of the terminal's input before Textual parses it.

Textual 8.2.8's ``XTermParser`` collects a bracketed paste character by
character, but an ESC inside the paste starts its escape-sequence reader,
which neither adds what it reads to the paste nor knows it is in one: the
rest is sent on as key presses (ESC as ``^``) before the paste event that
holds the text in front of it. Pasting ``Amélie ␛[31mRouge`` typed
``^[31mRouge^[0m`` and then pasted ``Amélie``.

``PasteSplitter`` watches the stream for the paste start marker, as the
parser itself would (everything outside a paste still goes through Textual's
parser, unchanged and unheld: a lone Escape is not delayed). From the marker
on, the text is kept here, up to the end marker, and comes out as one
``Paste`` event with every character in order. The parser is shown the end
marker too, so that its own paste state ends; the empty paste it then
reports is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from codecs import getincrementaldecoder
import os
import selectors

from textual import events
from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

START, END = BRACKETED_PASTE_START, BRACKETED_PASTE_END
ESC = "\x1b"


class PasteSplitter:
    """Feeds an ``XTermParser``, except for what lies inside bracketed pastes."""

    def __init__(self, parser: XTermParser) -> None:
        self._parser = parser
        self._matched = 0  # how much of START the input outside pastes ends with
        self._paste: str | None = None  # the paste so far, while inside one

    def feed(self, data: str) -> list[Message]:
        if not data:  # end of input: the parser's own end
            return list(self._parser.feed(data))
        messages: list[Message] = []
        while data:
            if self._paste is None:
                end = self._start_marker_end(data)
                messages.extend(self._parser.feed(data[:end]))
                data = data[end:]
                if self._matched == len(START):
                    self._matched, self._paste = 0, ""
            else:
                self._paste += data
                data = ""
                found = self._paste.find(END)
                if found >= 0:
                    text, data = self._paste[:found], self._paste[found + len(END):]
                    self._paste = None
                    # The parser saw START; END ends its paste, and its empty Paste is not ours.
                    messages.extend(m for m in self._parser.feed(END) if not isinstance(m, events.Paste))
                    # NUL removed as Textual does (textual#1661).
                    messages.append(events.Paste(text.replace("\x00", "")))
        return messages

    def _start_marker_end(self, data: str) -> int:
        """How much of ``data`` to hand to the parser: all of it, or up to the
        end of a start marker."""
        for index, character in enumerate(data):
            if character == START[self._matched]:
                self._matched += 1
            else:
                self._matched = 1 if character == ESC else 0
            if self._matched == len(START):
                return index + 1
        return len(data)

    def tick(self) -> Iterable[Message]:
        return self._parser.tick()


class PasteSafeLinuxDriver(LinuxDriver):
    """Textual's Linux/macOS driver, reading input through a ``PasteSplitter``."""

    def run_input_thread(self) -> None:
        # LinuxDriver.run_input_thread of Textual 8.2.8, with only the parser
        # wrapped: the parser is a local of that method, there is no hook.
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        fileno = self.fileno
        parser = PasteSplitter(XTermParser(self._debug))
        decode = getincrementaldecoder("utf-8")().decode

        def process_selector_events(selector_events, final: bool = False) -> None:
            for last, (_key, mask) in loop_last(selector_events):
                if mask & selectors.EVENT_READ:
                    unicode_data = decode(os.read(fileno, 1024 * 4), final=final and last)
                    if not unicode_data:
                        break
                    for event in parser.feed(unicode_data):
                        self.process_message(event)
            for event in parser.tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process_selector_events(selector.select(0.1))
            selector.unregister(self.fileno)
            process_selector_events(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                parser.feed("")  # what a closing input still holds is dropped, as in Textual
            except (EOFError, ParseError):
                pass


def paste_safe(driver_class: type) -> type:
    """The driver to run with: ours in place of Textual's Linux driver, any
    other (headless for tests, Windows, web) as it is."""
    return PasteSafeLinuxDriver if driver_class is LinuxDriver else driver_class
