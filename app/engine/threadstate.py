"""A thread's states, named once (a leaf module: anything may import it).

Whether a live thread can move now depends on its next instruction (`Machine.can_run`; why
not, in words: `descriptions.why_blocked`): derived, never stored.
"""

NEW, ALIVE, FINISHED, CRASHED = "new", "alive", "finished", "crashed"
