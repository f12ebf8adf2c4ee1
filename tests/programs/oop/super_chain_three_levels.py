import threading


class Base(object):
    def __init__(self, name):
        self.name = name
        self.log = []

    def describe(self):
        return "Base(%s)" % self.name

    def process(self, item):
        raise NotImplementedError("subclasses must implement process()")


class Middle(Base):
    def __init__(self, name, factor):
        super(Middle, self).__init__(name)
        self.factor = factor

    def describe(self):
        return "Middle<" + super(Middle, self).describe() + ">"

    def process(self, item):
        return item * self.factor


class Leaf(Middle):
    def __init__(self, name, factor, offset=0):
        super().__init__(name, factor)
        self.offset = offset

    def describe(self):
        return f"Leaf[{super().describe()}, offset={self.offset}]"

    def process(self, item):
        return super().process(item) + self.offset


def run_processor(proc, items, results, lock):
    out = [proc.process(x) for x in items]
    with lock:
        results[proc.name] = out


processors = [Middle("double", 2), Leaf("triple+1", 3, offset=1), Leaf("id", 1)]
for p in processors:
    print(p.describe())

try:
    Base("abstract").process(1)
except NotImplementedError as e:
    print("Error:", e)

results = {}
lock = threading.Lock()
threads = [threading.Thread(target=run_processor, args=(p, range(5), results, lock))
           for p in processors]
for t in threads:
    t.start()
for t in threads:
    t.join()
for name in sorted(results):
    print(name, results[name])
print(type(processors[1]).__name__, processors[1].__class__.__name__)
print(isinstance(processors[1], Base), issubclass(Leaf, Middle))
