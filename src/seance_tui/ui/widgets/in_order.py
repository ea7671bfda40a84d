"""Keys applied in the order they were typed, by the text widgets.

Textual (8.2.8) inserts a printable key in the focused widget's own handler,
but runs the widget's *bound* keys (backspace, arrows, enter, ctrl+u…) only
once the key has bubbled up to the App, through one message queue per
ancestor. Keys typed fast (or pasted without bracketed paste, or sent by a
test at zero delay) then overtake each other: ``abc⌫d`` came out as ``abcd``
and the backspace was applied later, elsewhere. Textual issue #6605.

A widget with this mixin runs its own non-priority bindings from its own key
handler, in its queue, in arrival order. Priority bindings (F-keys, ctrl+q)
already ran when the App received the key, as before.
"""

from __future__ import annotations

from textual import events


class InOrderKeys:
    """Mix in ahead of a Textual text widget (``Input``, ``TextArea``)."""

    async def _on_key(self, event: events.Key) -> None:
        if not self.keys_in_order_here(event):
            return
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()  # the widget's own handler must not see it again
                return

    def keys_in_order_here(self, event: events.Key) -> bool:
        """Whether this widget runs ``event``'s bindings itself. Textual calls
        ``_on_key`` of every class in the widget's MRO, so a subclass narrows
        this rather than overriding ``_on_key``."""
        return True
