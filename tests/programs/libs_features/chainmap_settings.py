import threading
from collections import ChainMap
import collections

defaults = {"theme": "light", "workers": 2, "debug": False}
env = {"workers": 4}
cli = {"debug": True}
config = ChainMap(cli, env, defaults)
print(config, config["workers"], config["theme"], config.get("nope", "-"), "debug" in config)
print(len(config), list(config), sorted(config.items()), list(config.values())[:2])
config["theme"] = "dark"
print(cli, defaults["theme"], config.maps[0] is cli, dict(config))
child = config.new_child({"workers": 8})
print(child["workers"], child.parents["workers"], len(child.maps), child.parents == config)
del config["theme"]
try:
    del config["workers"]
except KeyError as e:
    print("KeyError", e)
try:
    config["missing"]
except KeyError as e:
    print("KeyError", e)
print(repr(ChainMap()), bool(ChainMap({})), bool(config), isinstance(config, collections.ChainMap))
print(config.pop("debug"), config.setdefault("x", 1), cli, config.copy())
results = {}
lock = threading.Lock()
def worker(i, settings):
    local = settings.new_child({"id": i})
    with lock:
        results[i] = (local["id"], local["workers"], local["theme"])
ts = [threading.Thread(target=worker, args=(i, config)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results.items()), type(config).__name__, config == {"x": 1, "workers": 4, "debug": False, "theme": "light"})
for k, v in ChainMap({"a": 1}, {"a": 2, "b": 3}).items():
    print(k, v)
print(f"{config}", str(config.parents), [config.maps[1]])
import json
from collections import ChainMap
from enum import Enum
class C(Enum):
    A = 1
for v in (ChainMap({"a": 1}), C.__members__, {"k": ChainMap()}):
    try:
        print(json.dumps(v))
    except TypeError as e:
        print(e)
