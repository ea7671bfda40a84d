"""The base of every form dialog: Tab moves focus as soon as it is typed."""

from __future__ import annotations

from textual.actions import SkipAction
from textual.screen import ModalScreen, Screen, ScreenResultType

from .. import bindings
from ..widgets.form_input import FormInput
from ..widgets.in_order import InOrderKeys


class FormDialog(ModalScreen[ScreenResultType]):
    """A modal form whose text fields take keys in the order they were typed.

    Textual hands each key to the widget focused when the App takes it from its
    queue, but runs a non-priority binding such as Tab only once the key has
    bubbled back up to the App: by then the keys typed after Tab were already
    handed to the old field (``Obj``, Tab, ``Moy`` saved ``ObjMoy``). Tab and
    shift+Tab are priority bindings here, so the focus moves before the next
    key is handed out.

    Only from a widget that runs its own keys in its own queue (a
    ``FormInput``, or any ``InOrderKeys`` widget: ``FormCheckbox``,
    ``FormSelect``), so no key sent to it earlier can still be on its way up
    to the App, where Textual would match it against the *new* focus. A button
    or an open drop-down list has no such guarantee (an Enter still in flight
    would submit the form from the next field), so from them Tab keeps
    Textual's ordinary, later move.
    """

    # Screen.BINDINGS are Textual's ordinary, non-priority Tab and shift+Tab:
    # listed again because a subclass's binding for a key replaces its parents'.
    BINDINGS = [*bindings.DIALOG, *bindings.FORM, *Screen.BINDINGS]

    def action_focus_next_field(self) -> None:
        self._tab(forward=True)

    def action_focus_previous_field(self) -> None:
        self._tab(forward=False)

    def _tab(self, forward: bool) -> None:
        if not isinstance(self.focused, (FormInput, InOrderKeys)):
            raise SkipAction()  # Screen's own Tab binding moves it, in turn
        if forward:
            self.focus_next()
        else:
            self.focus_previous()
