"""A `seance purge --yes` in its own process, for the kill -9 tests.

    purge_child.py DATA CACHE at STEP    kill -9 itself when the purge reaches STEP
    purge_child.py DATA CACHE random SEED   print "ready", then purge, dawdling a
                                            random few milliseconds at each step so
                                            that a kill from outside lands anywhere
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time

from purge_world import TARGET

from seance_tui.cli import main
from seance_tui.services import purge


def main_child() -> int:
    data, cache, mode, arg = sys.argv[1:5]
    if mode == "at":
        def crash_point(step: str) -> None:
            if step == arg:
                os.kill(os.getpid(), signal.SIGKILL)
    else:
        rng = random.Random(int(arg))

        def crash_point(step: str) -> None:
            time.sleep(rng.uniform(0, 0.03))
    purge.crash_point = crash_point
    print("ready", flush=True)
    return main(["purge", TARGET, "--yes", "--data-dir", data, "--cache-dir", cache])


if __name__ == "__main__":
    sys.exit(main_child())
