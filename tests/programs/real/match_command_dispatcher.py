import threading
import queue
from dataclasses import dataclass
from enum import Enum

class Op(Enum):
    ADD = "add"
    REMOVE = "remove"
    QUERY = "query"

@dataclass
class Move:
    x: int
    y: int

@dataclass(frozen=True)
class Point:
    x: int
    y: int

commands = queue.Queue()
state = {"items": {}, "pos": Point(0, 0), "log": []}
lock = threading.Lock()

def handle(cmd):
    match cmd:
        case {"op": "add", "name": str(name), "qty": int(qty)} if qty > 0:
            state["items"][name] = state["items"].get(name, 0) + qty
            return f"added {qty} {name}"
        case {"op": "remove", "name": name}:
            removed = state["items"].pop(name, None)
            return f"removed {name}" if removed is not None else f"no {name}"
        case (Op.QUERY, name):
            return f"{name}={state['items'].get(name, 0)}"
        case Move(x=0, y=0):
            return "no move"
        case Move(x=dx, y=dy):
            p = state["pos"]
            state["pos"] = Point(p.x + dx, p.y + dy)
            return f"moved to {state['pos']}"
        case [first, *rest] if all(isinstance(r, int) for r in rest):
            return f"batch {first}: {sum(rest)}"
        case str() as text if text.startswith("#"):
            return None
        case "quit" | "exit":
            return "bye"
        case int(n) | float(n):
            return f"number {n:g}"
        case _:
            return f"unknown {cmd!r}"

def worker():
    while True:
        cmd = commands.get()
        if cmd is None:
            commands.task_done()
            break
        with lock:
            out = handle(cmd)
            if out:
                state["log"].append(out)
        commands.task_done()

t = threading.Thread(target=worker, daemon=True)
t.start()
for cmd in [{"op": "add", "name": "apple", "qty": 3}, {"op": "add", "name": "pear", "qty": 0},
            {"op": "add", "name": "apple", "qty": 2}, (Op.QUERY, "apple"), Move(1, 2), Move(0, 0),
            Move(-3, 1), ["sum", 1, 2, 3], ["bad", "x"], "# comment", "quit", 4, 2.5,
            {"op": "remove", "name": "apple"}, {"op": "remove", "name": "kiwi"}, None]:
    commands.put(cmd)
commands.join()
t.join()
for line in state["log"]:
    print(line)
print(state["pos"], state["items"])
try:
    state["pos"].x = 5
except Exception as e:
    print(type(e).__name__, e)
print(hash(Point(1, 2)) == hash(Point(1, 2)), {Point(1, 2), Point(1, 2)})
