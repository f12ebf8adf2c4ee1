import threading
import warnings

warnings.filterwarnings("error", category=RuntimeWarning)
results = {}
lock = threading.Lock()


def risky_mean(values):
    if not values:
        warnings.warn("mean of empty list", RuntimeWarning)
        return 0.0
    if len(values) == 1:
        warnings.warn("mean of a single value", UserWarning)
    return sum(values) / len(values)


def worker(name, values):
    try:
        value = risky_mean(values)
        outcome = f"{value:.2f}"
    except RuntimeWarning as w:
        outcome = f"error: {w}"
    with lock:
        results[name] = outcome


data = {"a": [1, 2, 3], "b": [], "c": [7], "d": [2, 2]}
threads = [threading.Thread(target=worker, args=item) for item in data.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()
for name in sorted(results):
    print(name, results[name])
