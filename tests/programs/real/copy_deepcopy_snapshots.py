import copy
import threading

config = {"retries": 3, "hosts": ["a", "b"], "limits": {"cpu": 2}}
snapshots = []
lock = threading.Lock()


def tweak(n):
    local = copy.deepcopy(config)
    local["hosts"].append(f"h{n}")
    local["limits"]["cpu"] += n
    shallow = copy.copy(config)
    with lock:
        snapshots.append((n, local, shallow is config, shallow["hosts"] is config["hosts"]))


threads = [threading.Thread(target=tweak, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
    t.join()
for s in snapshots:
    print(s)
print("original unchanged:", config)
