import queue
import threading

commands = queue.Queue()
state = {"balance": 0, "log": []}


def handle(cmd):
    match cmd:
        case ("deposit", int(amount)) if amount > 0:
            state["balance"] += amount
        case ("withdraw", int(amount)):
            if amount > state["balance"]:
                state["log"].append(f"refused {amount}")
            else:
                state["balance"] -= amount
        case {"type": "note", "text": text}:
            state["log"].append(text)
        case "stop":
            return False
        case _:
            state["log"].append(f"unknown {cmd!r}")
    return True


def worker():
    while handle(commands.get()):
        pass


t = threading.Thread(target=worker)
t.start()
for c in [("deposit", 50), ("withdraw", 80), {"type": "note", "text": "hi"}, ("fly",), "stop"]:
    commands.put(c)
t.join()
print(state)
