# StrEnum (3.11): members are their str values in str(), formats, ==, hashing and isinstance.
import threading

from enum import StrEnum, auto


class Color(StrEnum):
    RED = auto()
    GREEN = "green"
    DARK_BLUE = auto()


class Status(StrEnum):
    ACTIVE = "active"
    DONE = "done"


seen = {}
lock = threading.Lock()


def paint(item, color):
    with lock:
        seen[item] = color


ts = [threading.Thread(target=paint, args=(i, c)) for i, c in enumerate(Color)]
for t in ts:
    t.start()
    t.join()
print(seen, [str(c) for c in Color], f"{Color.RED:>6}|", Color.RED == "red", "green" == Color.GREEN)
print(Color("green"), repr(Color.DARK_BLUE), isinstance(Color.RED, str), {Color.RED: 1}["red"], sorted(Status), Status.DONE > Status.ACTIVE)
print(Color.RED.value, Color.RED.name, len(Color), Status["DONE"])
try:
    class Bad(StrEnum):
        ONE = 1
except TypeError as e:
    print("TypeError:", e)
