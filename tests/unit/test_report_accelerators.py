"""reportlab's C accelerators are installed (rl_accel): without them reportlab formats
every number and measures every string in Python, and the reports take half again."""

from reportlab.lib import rl_accel


def test_reportlab_uses_its_c_accelerators() -> None:
    for name in ("fp_str", "escapePDF", "instanceStringWidthTTF"):
        assert name in rl_accel._c_funcs, f"{name} is reportlab's pure-Python fallback"
