"""The command palette (ctrl+p): every action of the workspace as a French
sentence (bindings.sentence) beside its key, read from the same binding lists
as the footer and the help screen."""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from . import bindings

# (bindings, the widget whose action it is; None: the screen's)
_SECTIONS = (
    (bindings.WORKSPACE, None), (bindings.NOTES, "#notes"), (bindings.ROADMAP, "#roadmap-table"),
    (bindings.TIMELINE, "#timeline-pane"),
)


class WorkspaceCommands(Provider):
    def _commands(self):
        allows = getattr(self.screen, "palette_allows", lambda action, target: True)
        # A screen with keys of its own (the synthesis editor) names them.
        for section, target in getattr(self.screen, "PALETTE_SECTIONS", _SECTIONS):
            for binding in section:
                # Only what the keys could do from where the palette was opened
                # (in presentation mode: nothing that shows the notes or other candidates).
                if allows(binding.action, target):
                    yield binding, target

    async def _run(self, binding: Binding, target: str | None) -> None:
        node = self.screen if target is None else self.screen.query_one(target)
        await node.run_action(binding.action)

    async def discover(self) -> Hits:
        for binding, target in self._commands():
            yield DiscoveryHit(
                bindings.sentence(binding), partial(self._run, binding, target), help=bindings.key_display(binding)
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for binding, target in self._commands():
            score = matcher.match(bindings.sentence(binding))
            if score > 0:
                yield Hit(
                    score, matcher.highlight(bindings.sentence(binding)), partial(self._run, binding, target),
                    help=bindings.key_display(binding),
                )
