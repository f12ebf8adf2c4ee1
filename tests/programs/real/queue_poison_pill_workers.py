import queue
import threading

SENTINEL = None
NUM_WORKERS = 3


def worker(wid, tasks, results, lock):
    handled = 0
    while True:
        item = tasks.get()
        if item is SENTINEL:
            tasks.task_done()
            break
        value = sum(range(item))
        with lock:
            results[item] = value
        handled += 1
        tasks.task_done()
    with lock:
        results[f"worker-{wid}"] = handled


def main():
    tasks = queue.Queue()
    results = {}
    lock = threading.Lock()
    threads = [threading.Thread(target=worker, args=(i, tasks, results, lock)) for i in range(NUM_WORKERS)]
    for t in threads:
        t.start()
    for n in range(10, 100, 10):
        tasks.put(n)
    for _ in threads:
        tasks.put(SENTINEL)
    tasks.join()
    for t in threads:
        t.join()
    numbers = {k: v for k, v in results.items() if isinstance(k, int)}
    for k in sorted(numbers):
        print(f"sum(range({k})) = {numbers[k]}")
    handled = sum(v for k, v in results.items() if isinstance(k, str))
    print("items handled:", handled)
    print("queue empty:", tasks.empty(), "unfinished:", tasks.unfinished_tasks)


if __name__ == "__main__":
    main()
