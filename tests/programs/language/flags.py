import threading
import enum
from enum import Enum, auto
Flag, IntFlag = enum.Flag, enum.IntFlag

class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()

class Mode(IntFlag):
    A = auto()
    B = auto()

granted = {}
lock = threading.Lock()

def grant(user, *perms):
    p = Perm(0)
    for q in perms:
        p |= q
    with lock:
        granted[user] = p

ts = [threading.Thread(target=grant, args=("ann", Perm.READ, Perm.WRITE)),
      threading.Thread(target=grant, args=("bob", Perm.EXEC)),
      threading.Thread(target=grant, args=("cy",))]
for t in ts: t.start()
for t in ts: t.join()
for user in sorted(granted):
    p = granted[user]
    print(user, p, repr(p), bool(p), Perm.WRITE in p, p.name, p.value)
print(granted["ann"] == Perm.READ | Perm.WRITE, granted["ann"] is Perm(3), hash(Perm.READ) == hash(Perm.READ))
print({Perm.READ | Perm.EXEC: "rx"}[Perm.EXEC | Perm.READ], Mode.A | Mode.B, Mode(3), Mode.B & 2, Mode.A ^ 3)
print(f"{Perm.READ | Perm.EXEC}", f"{Mode.A | Mode.B}", [m.name for m in Mode], len(Perm), Perm["READ"])
print(isinstance(Perm.READ, Perm), type(Perm.READ | Perm.WRITE).__name__, Perm.READ < Perm.WRITE if False else "skip")


class Perm2(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W
class Color(Flag):
    RED = 1
    GREEN = 2
    BLUE = 4
class P2(IntFlag):
    R = 4
    W = 2
    X = 1
rw = Perm2.R | Perm2.W
print(rw, repr(rw), rw is Perm2.RW, Perm2.R | Perm2.X, repr(Perm2.R | Perm2.X), (Perm2.R | Perm2.X) is (Perm2.X | Perm2.R))
print(list(Perm2), len(Perm2), Perm2(3), Perm2(0), repr(Perm2(0)), bool(Perm2(0)), bool(Perm2.R))
print(Perm2.R in rw, Perm2.X in rw, ~Perm2.R, repr(~rw), rw & Perm2.W, rw ^ Perm2.R, rw.name, rw.value)
print(Color.RED | Color.BLUE, [c.name for c in Color], ~Color.GREEN)
print(P2.R | P2.W, repr(P2.R | P2.W), str(P2.R), P2.R + 1, repr(~P2.R), P2.R | 8, repr(P2.R | 8), repr(P2(0)), isinstance(P2.R, int))
print(repr(Perm2.R | Perm2.W | Perm2.X), Perm2.RW.name, repr(Perm2.RW))
for bad in (lambda: Perm2.R | 1, lambda: Perm2(8), lambda: 1 in Perm2.R):
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Perm3(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm3.R | Perm3.W
try:
    print(list(rw), len(rw))
except TypeError as e:
    print("TypeError", e)
for p in rw:
    print(p)


x = auto()
try:
    class Bad(Flag):
        A = auto()
        B = A | x
except TypeError as e:
    print("TypeError", e)
class Color(Flag):
    RED = auto()
    BLUE = auto()
    GREEN = auto()
    WHITE = RED | BLUE | GREEN
    NONE = 0
print(list(Color), Color.WHITE, repr(Color.RED | Color.GREEN), Color.NONE, ~Color.WHITE, len(Color.WHITE))
print(Color(7) is Color.WHITE, [c.name for c in Color.WHITE], Color.NONE in Color.RED)


class Shade(Enum):
    DARK = 1


print(Color, type(Color.RED), Shade, type(Shade.DARK), [Shade], str(Mode), f"{Perm!r}")



class Hue(Enum):
    RED = 1
    GREEN = 2
    CRIMSON = 1
class Perm6(Flag):
    R = auto()
    W = auto()
    RW = R | W
print(Hue.__members__)
for name, member in Hue.__members__.items():
    print(name, member, member.value)
print(list(Perm6.__members__), len(Hue.__members__), "CRIMSON" in Hue.__members__)
print(Hue.__members__["CRIMSON"] is Hue.RED, type(Hue.__members__).__name__, dict(Perm6.__members__))
class Plain:
    pass
try:
    Plain.__members__
except AttributeError as e:
    print(e)
m = Hue.__members__
try:
    m["B"] = 2
except TypeError as e:
    print(e)
try:
    del m["RED"]
except TypeError as e:
    print(e)
try:
    m.pop("RED")
except AttributeError as e:
    print(e)
print(len(m), m == {"RED": Hue.RED}, "RED" in m, m["RED"])
print(repr(Hue.__members__)[:40], f"{Hue.__members__}"[:20])
