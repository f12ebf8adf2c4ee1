import threading
from contextlib import contextmanager

lock = threading.Lock()
log = []


@contextmanager
def locked(name):
    lock.acquire()
    log.append(f"{name} in")
    try:
        yield name
    finally:
        lock.release()
        log.append(f"{name} out")


@contextmanager
def translate():
    try:
        yield
    except KeyError as e:
        raise LookupError(f"missing {e}") from e


@contextmanager
def ignoring(kind):
    try:
        yield
    except kind as e:
        log.append(f"ignored {type(e).__name__}")


def work(i):
    with locked(f"w{i}"):
        if i % 2:
            raise ValueError(f"boom {i}")


ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
    t.join()
print(sorted(log), lock.locked())
try:
    with translate():
        {}["k"]
except LookupError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
with ignoring(ZeroDivisionError):
    1 / 0
print(log[-1])
try:
    with ignoring(ZeroDivisionError):
        int("x")
except ValueError as e:
    print("passed through:", e)


class Box(Exception):
    pass


@contextmanager
def boxes():
    try:
        yield 1
    except Box:
        print("caught box")
        raise


try:
    with boxes() as one:
        raise Box(one)
except Box as b:
    print("outer", b.args)
