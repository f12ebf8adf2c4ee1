import threading


class LoggerMixin:
    def log(self, message):
        print(f"[{self.__class__.__name__}:{threading.current_thread().name}] {message}")


class CounterMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.processed = 0

    def tick(self):
        self.processed += 1


class BaseWorker:
    def __init__(self, name):
        self.name = name

    def handle(self, item):
        raise NotImplementedError


class Squarer(LoggerMixin, CounterMixin, BaseWorker):
    def handle(self, item):
        self.tick()
        return item * item


class Shouter(LoggerMixin, CounterMixin, BaseWorker):
    def handle(self, item):
        self.tick()
        return str(item).upper() + "!"


def serve(worker, items):
    for item in items:
        worker.log(f"{item!r} -> {worker.handle(item)!r}")
    worker.log(f"processed {worker.processed}")


workers = [Squarer("sq"), Shouter("sh")]
print([cls.__name__ for cls in Squarer.__mro__])
for w, items in zip(workers, [[1, 2, 3], ["hi", "yo"]]):
    t = threading.Thread(target=serve, args=(w, items), name=f"T-{w.name}")
    t.start()
    t.join()
print(vars(workers[0]))
print(workers[1].__dict__)
print(hasattr(workers[0], "tick"), getattr(workers[0], "missing", "default"))
