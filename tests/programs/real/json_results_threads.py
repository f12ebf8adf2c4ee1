import json
import threading
import statistics

scores = {"ann": [90, 85, 77], "bob": [60, 75, 80], "cy": [88, 92, 95]}
summary = {}
lock = threading.Lock()


def summarize(name, values):
    result = {"mean": round(statistics.mean(values), 2), "best": max(values),
              "stdev": round(statistics.stdev(values), 3)}
    with lock:
        summary[name] = result


threads = [threading.Thread(target=summarize, args=item) for item in scores.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(json.dumps(summary, indent=2, sort_keys=True))
text = json.dumps({"ok": True, "n": None, "list": [1, 2.5]})
print(text, json.loads(text)["list"])
print(statistics.median([3, 1, 2, 8]), statistics.mode([1, 1, 2]))
