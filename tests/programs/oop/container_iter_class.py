import threading


class TaskList:
    """A thread-safe list of tasks that supports len(), iteration, indexing and `in`."""

    def __init__(self):
        self._items = []
        self._lock = threading.Lock()

    def add(self, item):
        with self._lock:
            self._items.append(item)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        with self._lock:
            snapshot = list(self._items)
        return iter(snapshot)

    def __getitem__(self, index):
        return self._items[index]

    def __contains__(self, item):
        return item in self._items

    def __repr__(self):
        return "TaskList(%r)" % (self._items,)


tasks = TaskList()


def producer(prefix, n):
    for i in range(n):
        tasks.add(f"{prefix}{i}")


threads = [threading.Thread(target=producer, args=(p, 3)) for p in "abc"]
for t in threads:
    t.start()
for t in threads:
    t.join()

print("number of tasks:", len(tasks))
for task in sorted(tasks):
    print("task", task)
print("first:", tasks[0] in tasks, "b1" in tasks, "z9" in tasks)
print(sorted(tasks)[:4])
print(list(tasks) == tasks._items)
if tasks:
    print("not empty")
upper = [t.upper() for t in tasks if t.endswith("2")]
print(sorted(upper))
print(max(tasks), min(tasks), ",".join(sorted(tasks))[:11])
