import copy
import threading

DEFAULTS = {"retries": 3, "hosts": ["a", "b"], "opts": {"verbose": False}}
configs = {}
lock = threading.Lock()


def make_config(name, verbose):
    cfg = copy.deepcopy(DEFAULTS)
    cfg["opts"]["verbose"] = verbose
    cfg["hosts"].append(name)
    with lock:
        configs[name] = cfg


threads = [threading.Thread(target=make_config, args=(n, n == "debug")) for n in ("prod", "debug")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(DEFAULTS)
for name in sorted(configs):
    print(name, configs[name])
shallow = copy.copy(DEFAULTS)
shallow["hosts"].append("shared!")
print(DEFAULTS["hosts"])
