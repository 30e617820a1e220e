"""``python -m foi_desktop``: the same as the ``foi-desktop`` command."""

import sys

from foi_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
