"""A check's time budget, so that no draft, whatever its shape, can hold a worker.

Every regular expression in the rules is bounded, so each single step is short;
the budget bounds the number of steps. Rules look at it between steps (per word,
per match, per pipeline call); once it is spent they stop, and the engine answers
what it found so far with a whole-post finding saying the draft was not checked
in full.
"""
import time

# Thread CPU time rather than wall-clock time: on a machine busy with other work a
# wall-clock budget would cut ordinary checks short at random. A 50,000-character
# draft of prose costs about 0.3 s of CPU here, so the budget only stops drafts made
# to be slow; what remains of a second is headroom for the last, uninterruptible step.
DEFAULT_SECONDS = 0.5


class BudgetExceeded(Exception):
    """The check spent its budget; what was found before stands."""


class Deadline:
    def __init__(self, seconds: float | None = DEFAULT_SECONDS):
        self._end = None if seconds is None else time.thread_time() + seconds

    def spent(self) -> bool:
        return self._end is not None and time.thread_time() > self._end

    def check(self) -> None:
        """Raise BudgetExceeded once the budget is spent."""
        if self.spent():
            raise BudgetExceeded


UNLIMITED = Deadline(None)
