"""``python -m seance_tui.cli``: the same as the ``seance`` command."""

import sys

from . import main

sys.exit(main())
