import copy
import threading
from collections import defaultdict, Counter, deque


class Account:
    def __init__(self, owner, history):
        self.owner = owner
        self.history = history
        self.lock = None


state = {"balances": [100, 200], "meta": {"v": 1}}
lock = threading.Lock()
snapshots = []


def snap():
    with lock:
        snapshots.append(copy.deepcopy(state))
        state["balances"].append(len(state["balances"]))


ts = [threading.Thread(target=snap) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(snapshots, state)
shallow = copy.copy(state)
shallow["balances"].append(-1)
print(state["balances"][-1], shallow is state)
a = Account("ann", [1, 2])
b = copy.copy(a)
c = copy.deepcopy(a)
a.history.append(3)
print(b.history, c.history, b.owner, c is a)
dd = defaultdict(list, {"x": [1]})
d2 = copy.deepcopy(dd)
d2["y"].append(2)
print(dict(d2), dict(dd), copy.copy(Counter("aab")), copy.deepcopy(deque([1, [2]], maxlen=5)))
shared = [1]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], copy.deepcopy((1, "a")), copy.copy(5))
try:
    copy.deepcopy({"l": threading.Lock()})
except TypeError as e:
    print("TypeError:", e)
