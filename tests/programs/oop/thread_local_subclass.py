import threading


class RequestContext(threading.local):
    def __init__(self, default_user="anonymous"):
        super().__init__()
        self.user = default_user
        self.calls = 0

    def touch(self):
        self.calls += 1
        return self.calls


ctx = RequestContext()
results = []
results_lock = threading.Lock()


def handle(user, n):
    ctx.user = user
    for _ in range(n):
        ctx.touch()
    with results_lock:
        results.append((user, ctx.user, ctx.calls))


threads = [threading.Thread(target=handle, args=(u, n))
           for u, n in (("alice", 2), ("bob", 3), ("carol", 1))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print("main thread sees:", ctx.user, ctx.calls)
