import threading


class Task:
    __slots__ = ("name", "fn", "result")

    def __init__(self, name, fn):
        self.name = name
        self.fn = fn
        self.result = None

    def __call__(self, *args):
        self.result = self.fn(*args)
        print(f"{self.name}{args} = {self.result}")
        return self.result


class Multiplier:
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, x):
        return x * self.factor


tasks = [Task("double", Multiplier(2)), Task("square", lambda x: x * x),
         Task("neg", lambda x: -x)]
threads = []
for i, task in enumerate(tasks):
    t = threading.Thread(target=task, args=(i + 3,))
    threads.append(t)
    t.start()
    t.join()
print([t.result for t in tasks])
print(callable(tasks[0]), callable(Multiplier), callable(tasks[0].result))
try:
    tasks[0].extra = 1
except AttributeError as e:
    print("AttributeError:", e)
print(Task.__slots__)
