import threading

local = threading.local()


def work():
    local.name = "worker"
    print(hasattr(local, "name"), getattr(local, "name"), getattr(local, "missing", "dflt"))


t = threading.Thread(target=work)
t.start()
t.join()
print(hasattr(local, "name"), getattr(local, "name", None))
setattr(local, "name", "main")
print(local.name, getattr(t, "name"), hasattr(t, "nope"), hasattr([], "append"))
for value in (1, True, 2.5, "s", [1], {"a": 1}, (1,), {1}, frozenset(), None, range(3)):
    print(type(value), type(value).__name__, isinstance(value, int),
          isinstance(value, (str, list)), isinstance(value, (dict, tuple, set, float, bool)))
print(type(3) is int, type("x") == str, type(work).__name__, work.__name__, int, len)
print(type(ValueError("x")) is ValueError, isinstance(KeyError("k"), LookupError),
      isinstance(KeyError("k"), (ValueError, IndexError)), type(None).__name__)
print(isinstance(t, threading.Thread), type(t).__name__, type(type(1)))
print(callable(work), callable(len), callable(3), callable(t.start), callable(ValueError))
print(hash(5), hash((1, 2)) == hash((1, 2)), hash(2.0) == hash(2))
print(list(map(len, ["a", "bb"])), list(map(lambda a, b: a * b, [1, 2, 3], (4, 5))))
print(list(filter(None, [0, 1, "", "x"])), list(filter(lambda w: len(w) > 1, ["a", "bc"])))
m = map(str, range(3))
print(next(m), list(m), sorted(map(abs, {-3, 2})))
SENTINEL = object()
d = {"k": SENTINEL}
print(d.get("k") is SENTINEL, d.get("j", SENTINEL) is SENTINEL, object() is object())
for bad in (lambda: getattr(local, 5), lambda: getattr(local, "zz"), lambda: hash([1]),
            lambda: isinstance(1, 2), lambda: map(len), lambda: list(map(len, 5)),
            lambda: setattr(5, "x", 1), lambda: type()):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
    except AttributeError as e:
        print("AttributeError", e)
import functools
for f in (lambda: len(functools.partial(len)), lambda: len(str.lower), lambda: len(type(len))):
    try:
        f()
    except TypeError as e:
        print(e)
print(isinstance(3, object), isinstance(int, type), isinstance(ValueError, type),
      isinstance(3, type), isinstance(type(None), type), callable(type(None)))
for cls, name in ((ValueError, "foo"), (int, "bar"), (str, "nope")):
    try:
        getattr(cls, name)
    except AttributeError as e:
        print(e)
print(type(ValueError), type(KeyError).__name__)
