"""Generated programs: small threaded programs drawn by Hypothesis, for properties that must
hold of any program (a run replays; the reduced search answers as the full one)."""

from __future__ import annotations

from hypothesis import strategies as st

# Small threaded programs: each thread runs a few snippets drawn from these.
SNIPPETS = [
    "counter += 1",
    "with lock:\n    counter += 1",
    "items.append(n)",
    "if items:\n    items.pop()",
    "with sem:\n    items.append(-n)",
    "if lock.acquire(timeout=1):\n    lock.release()",
    "ev.set()",
    "ev.wait(1)",
    "with cond:\n    cond.notify()",
    "with cond:\n    cond.wait(1)",
    "with rlock:\n    with rlock:\n        counter -= 1",
    "print('thread', n, counter)",
    "if t0.is_alive():\n    counter += 10",
    "print(threading.active_count())",
]


@st.composite
def threaded_programs(draw) -> str:
    lines = [
        "import threading", "counter = 0", "items = []", "lock = threading.Lock()",
        "rlock = threading.RLock()", "sem = threading.BoundedSemaphore(2)",
        "ev = threading.Event()", "cond = threading.Condition()",
    ]
    bodies = draw(st.lists(st.lists(st.sampled_from(SNIPPETS), min_size=1, max_size=4),
                           min_size=1, max_size=3))
    for i, body in enumerate(bodies):
        lines += [f"def worker{i}(n):", "    global counter"]
        for snippet in body:
            lines += ["    " + line for line in snippet.splitlines()]
    lines += [f"t{i} = threading.Thread(target=worker{i}, args=({i},))" for i in range(len(bodies))]
    lines += [f"t{i}.start()" for i in range(len(bodies))]
    lines += [f"t{i}.join()" for i in range(len(bodies))]
    lines += ["print(counter, items)"]
    return "\n".join(lines) + "\n"
