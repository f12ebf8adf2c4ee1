import threading

REGISTRY = {}


def register(kind):
    """A class decorator that records each handler class under a name."""
    def wrap(cls):
        REGISTRY[kind] = cls
        cls.kind = kind
        return cls
    return wrap


class Handler:
    kind = "base"

    def __init__(self, payload):
        self.payload = payload

    def handle(self):
        raise NotImplementedError(type(self).__name__ + ".handle")

    def __repr__(self):
        return f"<{type(self).__name__} kind={self.kind} payload={self.payload!r}>"


@register("upper")
class UpperHandler(Handler):
    def handle(self):
        return self.payload.upper()


@register("count")
class CountHandler(Handler):
    def handle(self):
        return len(self.payload)


@register("broken")
class BrokenHandler(Handler):
    pass


results = {}
lock = threading.Lock()


def dispatch(kind, payload):
    handler = REGISTRY[kind](payload)
    try:
        value = handler.handle()
    except NotImplementedError as e:
        value = f"not implemented: {e}"
    with lock:
        results[repr(handler)] = value


jobs = [("upper", "hello"), ("count", "threads"), ("broken", "x")]
threads = [threading.Thread(target=dispatch, args=job) for job in jobs]
for t in threads:
    t.start()
for t in threads:
    t.join()
for key in sorted(results):
    print(key, "->", results[key])
print(sorted(REGISTRY), Handler.kind, UpperHandler.kind)
