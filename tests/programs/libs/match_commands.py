import threading
import queue

commands = queue.Queue()
state = {"count": 0, "log": []}


def interpreter():
    while True:
        cmd = commands.get()
        match cmd:
            case ("add", n):
                state["count"] += n
            case ("sub", n) if n > 0:
                state["count"] -= n
            case {"say": text}:
                state["log"].append(text)
            case "quit" | "exit":
                break
            case [*_]:
                state["log"].append(f"unknown list {cmd}")
            case _:
                state["log"].append(f"unknown {cmd!r}")


t = threading.Thread(target=interpreter)
t.start()
for c in [("add", 5), ("sub", 2), {"say": "hi"}, 42, ("add", 10), "quit"]:
    commands.put(c)
t.join()
print(state)
