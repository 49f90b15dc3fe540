"""The bundle's one program: ``reviewer-gui`` opens the window, ``reviewer`` is the
command line (both executables of a bundle run this script; the name decides)."""

import sys
from pathlib import Path

from reviewer.cli import gui_main, main

if __name__ == "__main__":
    name = Path(sys.executable).stem.lower()
    raise SystemExit(gui_main() if name.startswith("reviewer-gui") else main())
