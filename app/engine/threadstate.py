"""A thread's states and its eval-breaker flag, named once (a leaf module: anything may
import it).

Whether a live thread can move now depends on its next instruction (`Machine.can_run`; why
not, in words: `descriptions.why_blocked`): derived, never stored.
"""

NEW, ALIVE, FINISHED, CRASHED = "new", "alive", "finished", "crashed"

#: `Thread.brk`, what the thread's last step lets the `cpython` policy do: nothing
#: (NO_BREAK); switch threads once its slice is used up, as it passed an eval-breaker point
#: (BREAKER: a call, a loop's back-edge, a function's entry); or switch right there, as it
#: let the GIL go (YIELD: time.sleep).
NO_BREAK, BREAKER, YIELD = 0, 1, 2
