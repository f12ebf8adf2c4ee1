import functools
import threading
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable


@runtime_checkable
class Scored(Protocol):
    name: str

    def score(self) -> int: ...


@dataclass(kw_only=True)
class Player:
    name: str
    wins: int = 0
    losses: int = 0
    history: list = field(default_factory=list)

    def score(self):
        return 3 * self.wins - self.losses


class Bot:
    def __init__(self, name):
        self.name = name

    def score(self):
        return 0


def rank(a, b):
    """Higher score first; ties by fewer losses, then by name."""
    if a.score() != b.score():
        return b.score() - a.score()
    if getattr(a, "losses", 0) != getattr(b, "losses", 0):
        return a.losses - b.losses
    return (a.name > b.name) - (a.name < b.name)


players = {n: Player(name=n) for n in ("ada", "bob", "cy", "dee")}
lock = threading.Lock()
results = [("ada", "bob"), ("cy", "dee"), ("ada", "cy"), ("bob", "dee"), ("dee", "ada"), ("cy", "bob")]


def play(winner, loser):
    with lock:
        players[winner].wins += 1
        players[loser].losses += 1
        players[winner].history.append(f"beat {loser}")


threads = [threading.Thread(target=play, args=r) for r in results]
for t in threads:
    t.start()
for t in threads:
    t.join()

board = sorted([*players.values(), Bot("zed")], key=functools.cmp_to_key(rank))
for pos, p in enumerate(board, start=1):
    print(f"{pos}. {p.name:<4} {p.score():>3}  {getattr(p, 'history', [])}")
print(all(isinstance(p, Scored) for p in board), isinstance("ada", Scored))
print(max(board, key=functools.cmp_to_key(rank)).name, Player(name="x", wins=1))
try:
    Player("x")
except TypeError as e:
    print(e)
