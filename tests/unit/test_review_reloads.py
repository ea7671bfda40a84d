"""Review's reloads (ui/reviewer/live.py): one at a time, the latest asked for
runs next, those in between never run. No Textual: the jobs are coroutines the
test lets finish one step at a time."""

from __future__ import annotations

import asyncio

from seance_tui.ui.reviewer.live import LatestOnly


class Reloads:
    """Jobs that each wait for the test to let them finish, as a long séance's render waits on the machine."""

    def __init__(self) -> None:
        self.started: list[str] = []
        self.finished: list[str] = []
        self.turns = asyncio.Semaphore(0)
        self.tasks: list[asyncio.Task] = []
        self.runner = LatestOnly(lambda coroutine: self.tasks.append(asyncio.ensure_future(coroutine)))

    def ask(self, name: str) -> None:
        async def job() -> None:
            self.started.append(name)
            await self.turns.acquire()
            self.finished.append(name)

        self.runner.ask(job)

    async def finish_one(self) -> None:
        self.turns.release()
        for _ in range(5):  # the job's task, then the runner's next step
            await asyncio.sleep(0)


def test_asks_during_a_reload_collapse_into_one_reload_of_the_latest() -> None:
    async def scenario() -> None:
        reloads = Reloads()
        reloads.ask("tick 1")
        await asyncio.sleep(0)
        assert reloads.started == ["tick 1"] and reloads.runner.running
        for tick in ("tick 2", "tick 3", "tick 4"):  # the file moved on while the first reload ran
            reloads.ask(tick)
            await asyncio.sleep(0)
        assert reloads.started == ["tick 1"], "a second reload started before the first was done"
        await reloads.finish_one()
        assert reloads.finished == ["tick 1"]
        assert reloads.started == ["tick 1", "tick 4"], "the next reload must be of the latest state"
        await reloads.finish_one()
        assert reloads.finished == ["tick 1", "tick 4"]
        assert not reloads.runner.running
        assert len(reloads.tasks) == 1  # one task ran both

        reloads.ask("tick 5")  # later: a fresh start
        await asyncio.sleep(0)
        assert reloads.started[-1] == "tick 5" and reloads.runner.running
        await reloads.finish_one()
        assert not reloads.runner.running

    asyncio.run(scenario())


def test_a_cancelled_reload_leaves_the_runner_ready_for_the_next() -> None:
    async def scenario() -> None:
        reloads = Reloads()
        reloads.ask("tick 1")
        reloads.ask("tick 2")
        await asyncio.sleep(0)
        reloads.tasks[0].cancel()  # the app closing, or its workers cancelled
        await asyncio.sleep(0)
        assert not reloads.runner.running
        reloads.ask("tick 3")
        await asyncio.sleep(0)
        assert reloads.started[-1] == "tick 3"
        await reloads.finish_one()
        assert reloads.finished == ["tick 3"]

    asyncio.run(scenario())
