import threading


class Singleton:
    _instance = None
    _lock = threading.Lock()

    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    print("creating the one instance")
                    cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self, value):
        self.value = value


class Config(Singleton):
    pass


instances = []


def make(value):
    instances.append(Singleton(value))


threads = [threading.Thread(target=make, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(len(instances), all(obj is instances[0] for obj in instances))
print("id equal:", len({id(obj) for obj in instances}) == 1)
print(type(instances[0]).__name__)
c = Config("x")
print(c is instances[0], c.value)
