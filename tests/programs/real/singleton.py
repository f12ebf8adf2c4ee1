import threading


class Config:
    _instance = None
    _lock = threading.Lock()

    def __new__(cls):
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    cls._instance = super().__new__(cls)
                    cls._instance.settings = {}
        return cls._instance


ids = []
def grab():
    ids.append(id(Config()))

threads = [threading.Thread(target=grab) for _ in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("one instance:", len(set(ids)) == 1)
