import functools
import string
import threading

calls = []
lock = threading.Lock()


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with lock:
            calls.append(func.__name__)
        return func(*args, **kwargs)
    return wrapper


def repeat(times):
    def decorate(func):
        def again(*args):
            return [func(*args) for _ in range(times)]
        return again
    return decorate


@logged
def work(n, scale=1):
    return n * scale


@repeat(2)
@logged
def greet(name):
    return "hi " + name


threads = [threading.Thread(target=work, args=(i,), kwargs={"scale": 3}) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(calls), work.__name__, greet.__name__, greet("ann"), work(2, scale=5))
print([t.name for t in threads])
double = functools.partial(work, scale=2)
add = functools.partial(lambda a, b, c: a + b + c, 1)
print(double(4), add(2, 3), add(c=1, b=0), callable(double))
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(max, [3, 9, 2], 10))
print(functools.reduce(lambda acc, w: acc + len(w), ["ab", "cde"], 0))
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, string.ascii_lowercase + string.ascii_uppercase)
print(repr(string.whitespace), len(string.printable))
try:
    functools.reduce(max, [])
except TypeError as e:
    print("TypeError", e)
try:
    functools.partial(5)
except TypeError as e:
    print("TypeError", e)


def counted(fn):
    """Counts the calls of `fn` on the wrapper, as decorator tutorials do."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with counted_lock:
            wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


counted_lock = threading.Lock()


@counted
def greet(name):
    """Say hello."""
    return f"hello {name}"


callers = [threading.Thread(target=greet, args=(n,)) for n in "ab"]
for t in callers:
    t.start()
for t in callers:
    t.join()
print(greet.calls, greet.__name__, greet.__doc__, greet.__wrapped__("c"), counted.__doc__)
