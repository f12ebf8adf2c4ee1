import threading


class Config:
    _instance = None
    _lock = threading.Lock()
    created = 0

    def __new__(cls):
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    cls._instance = super().__new__(cls)
                    cls.created += 1
        return cls._instance


instances = []


def get():
    instances.append(Config())


ts = [threading.Thread(target=get) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("same object:", all(i is instances[0] for i in instances))
print("created:", Config.created)
