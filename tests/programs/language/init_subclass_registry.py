import threading

class Plugin:
    registry = {}
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        print("registering", cls.__name__)
        Plugin.registry[cls.__name__.lower()] = cls

class Upper(Plugin):
    def run(self, s):
        return s.upper()

class Reverse(Plugin):
    def run(self, s):
        return s[::-1]

class Loud(Upper):
    def run(self, s):
        return super().run(s) + "!"

class Base:
    @classmethod
    def __init_subclass__(cls):
        cls.kind = cls.__name__ + "-kind"

class Child(Base):
    pass

print(sorted(Plugin.registry), Child.kind, hasattr(Base, "kind"))
out = []
def work(name):
    out.append(Plugin.registry[name]().run(name))
ts = [threading.Thread(target=work, args=(n,)) for n in sorted(Plugin.registry)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(out))

class Strict:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(flag=1)
try:
    class Bad(Strict):
        pass
except TypeError as e:
    print(e)
