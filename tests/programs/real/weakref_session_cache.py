import threading
import weakref


class Session:
    created = 0

    def __init__(self, user):
        self.user = user
        Session.created += 1

    def __repr__(self):
        return f"Session({self.user!r})"


class SessionCache:
    """A cache that does not keep sessions alive on its own."""

    def __init__(self):
        self._sessions = weakref.WeakValueDictionary()
        self._lock = threading.Lock()

    def get(self, user):
        with self._lock:
            session = self._sessions.get(user)
            if session is None:
                session = Session(user)
                self._sessions[user] = session
            return session

    def __len__(self):
        return len(self._sessions)


cache = SessionCache()
active = []
active_lock = threading.Lock()


def handle_request(user):
    session = cache.get(user)
    with active_lock:
        active.append(session)


users = ["ann", "bob", "ann", "cid", "bob", "ann"]
threads = [threading.Thread(target=handle_request, args=(u,)) for u in users]
for t in threads:
    t.start()
for t in threads:
    t.join()

print("requests:", len(active), "sessions created:", Session.created, "cached:", len(cache))
print("same object for ann:", active[0] is cache.get("ann"))
ref = weakref.ref(active[0])
print("ref alive:", ref() is not None, ref().user)

watchers = weakref.WeakSet()
for s in active:
    watchers.add(s)
print("distinct watched:", len(watchers), sorted(s.user for s in watchers))

closed = []
finalizer = weakref.finalize(active[1], closed.append, "bob closed")
print("finalizer alive:", finalizer.alive)
finalizer()
print("closed:", closed, "alive now:", finalizer.alive)
weakref.finalize(active[3], print, "cleanup at exit for", active[3].user)
print("main done")
