import json
import os
import threading

CHECKPOINT_DIR = "checkpoints"
os.makedirs(CHECKPOINT_DIR, exist_ok=True)


def crunch(worker_id, numbers):
    state = {"worker": worker_id, "done": 0, "total": 0}
    path = os.path.join(CHECKPOINT_DIR, f"worker_{worker_id}.json")
    for n in numbers:
        state["done"] += 1
        state["total"] += n * n
        if state["done"] % 2 == 0:
            with open(path, "w") as f:
                json.dump(state, f)
    with open(path, "w") as f:
        json.dump(state, f, indent=2)


chunks = [[1, 2, 3], [4, 5, 6, 7], [8, 9]]
threads = [threading.Thread(target=crunch, args=(i, c)) for i, c in enumerate(chunks)]
for t in threads:
    t.start()
for t in threads:
    t.join()

merged = []
for name in sorted(os.listdir(CHECKPOINT_DIR)):
    with open(os.path.join(CHECKPOINT_DIR, name)) as f:
        merged.append(json.load(f))
print(json.dumps(merged, sort_keys=True))
print("grand total:", sum(s["total"] for s in merged))
print(open(os.path.join(CHECKPOINT_DIR, "worker_2.json")).read())
