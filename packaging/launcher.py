"""The bundle's one program: ``reviewer-gui`` opens the window, ``reviewer`` is the
command line. Both executables of a bundle run this script, and the name it was started
by decides (on Linux ``reviewer-gui`` is a link to ``reviewer``)."""

import sys
from pathlib import Path

from reviewer.cli import gui_main, main

if __name__ == "__main__":
    names = (Path(sys.argv[0]).stem.lower(), Path(sys.executable).stem.lower())
    gui = any(name.startswith("reviewer-gui") for name in names)
    raise SystemExit(gui_main() if gui else main())
