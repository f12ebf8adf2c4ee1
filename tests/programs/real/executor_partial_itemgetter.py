from concurrent.futures import ThreadPoolExecutor
from functools import partial
from operator import itemgetter, attrgetter
from collections import namedtuple

Score = namedtuple("Score", "player points bonus")


def compute(bonus_rate, player, points):
    return Score(player, points, round(points * bonus_rate, 1))


players = ["ann", "ben", "cat", "dan", "eve"]
points = [42, 17, 99, 63, 17]

with ThreadPoolExecutor(max_workers=3) as ex:
    scores = list(ex.map(partial(compute, 0.15), players, points))

for s in sorted(scores, key=attrgetter("points"), reverse=True):
    print(f"{s.player:<4}{s.points:>4}{s.bonus:>6}")
print(max(scores, key=itemgetter(1)).player, min(scores, key=itemgetter(1, 0)).player)
totals = {s.player: s.points + s.bonus for s in scores}
print(sorted(totals.items(), key=itemgetter(1))[:2])
print(scores[0]._asdict())
