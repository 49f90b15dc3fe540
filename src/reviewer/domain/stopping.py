"""Stopping a selection: a time limit and a cancel token.

Pure Python, so the window can hand a :class:`CancelToken` to the worker that runs the
selection and set it from its own thread. The solver looks at :class:`Stop` between its
steps and, through HiGHS's interrupt callbacks, while HiGHS runs; a selection that stops
raises :class:`~reviewer.errors.SolverCancelled` or
:class:`~reviewer.errors.SolverTimeLimit` and gives no selection at all.
"""

from __future__ import annotations

import math
import threading
import time

from reviewer.errors import SolverCancelled, SolverTimeLimit


class CancelToken:
    """Set once, from any thread, to stop the selection that holds it; a token made with
    ``parents`` is also set as soon as one of them is."""

    def __init__(self, *parents: CancelToken) -> None:
        self._event = threading.Event()
        self._parents = parents

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set() or any(parent.cancelled for parent in self._parents)


class Stop:
    """When one selection must stop: ``time_limit`` seconds after this is made (None: no
    limit), or as soon as ``cancel`` is set."""

    def __init__(self, time_limit: float | None = None, cancel: CancelToken | None = None) -> None:
        if time_limit is not None and not time_limit > 0:
            raise ValueError(f"a time limit must be a positive number of seconds: {time_limit}")
        self.time_limit = time_limit
        self.cancel = cancel
        self._deadline = math.inf if time_limit is None else time.monotonic() + time_limit

    @property
    def cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.cancelled

    def linked(self, token: CancelToken) -> Stop:
        """The same time limit (the same deadline), stopped also by ``token``."""
        parents = (token,) if self.cancel is None else (token, self.cancel)
        linked = Stop(cancel=CancelToken(*parents))
        linked.time_limit, linked._deadline = self.time_limit, self._deadline
        return linked

    def remaining(self) -> float:
        """Seconds left (at most 0 once the time is up; infinite without a time limit)."""
        return self._deadline - time.monotonic()

    def check(self) -> None:
        """Raise when the selection must stop now."""
        if self.cancelled:
            raise SolverCancelled()
        if self.time_limit is not None and self.remaining() <= 0:
            raise SolverTimeLimit(self.time_limit)
