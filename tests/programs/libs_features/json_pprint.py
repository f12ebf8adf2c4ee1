import json
import pprint
import threading
from collections import Counter

results = {}
lock = threading.Lock()


def work(name, n):
    with lock:
        results[name] = {"n": n, "squares": [i * i for i in range(n)], "ok": n % 2 == 0}


ts = [threading.Thread(target=work, args=(f"job{i}", i)) for i in range(1, 4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(json.dumps(results, indent=2, sort_keys=True))
print(json.dumps([1, "a", None, True, 2.5, (1, 2)]), json.dumps({"k": 1}, separators=(",", ":")))
data = json.loads('{"a": [1, 2, {"b": null}], "c": 1.5}')
print(data, type(data["a"]).__name__)
pprint.pprint(results)
pprint.pprint({"z": 1, "a": {1, 2}, "m": Counter("aab")}, width=30)
print(pprint.pformat(list(range(30)), width=40))
try:
    json.dumps({"lock": lock})
except TypeError as e:
    print("TypeError:", e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
class P:
    def __repr__(self):
        return "P()"
pprint.pprint([P(), 1])
