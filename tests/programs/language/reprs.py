# What a program sees of the library's objects: CPython's text, without the memory address
# (which this program takes out of CPython's, as it differs from run to run).
import queue
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed


def clean(text):
    i = text.find(" at 0x")
    if i < 0:
        return text
    j = i + 6
    while j < len(text) and text[j] in "0123456789abcdef":
        j += 1
    return text[:i] + text[j:]


lock = threading.Lock()
print(clean(repr(lock)))
lock.acquire()
print(clean(str(lock)))
print(clean(repr(threading.RLock())))
print(clean(repr(threading.Semaphore(2))), clean(repr(threading.BoundedSemaphore(3))))
event = threading.Event()
print(clean(repr(event)))
event.set()
print(clean(f"{event}"))
print(clean(repr(threading.Condition())), clean(repr(threading.Condition(threading.Lock()))))
print(clean(repr(threading.Barrier(2))))
print(clean(repr(queue.Queue())), clean(repr(queue.LifoQueue())), clean(repr(queue.SimpleQueue())))
print([clean(repr(x)) for x in (threading.Lock(), threading.Event())])
with ThreadPoolExecutor(1) as executor:
    future = executor.submit(abs, -1)
    future.result()
    print(clean(repr(future)), clean(repr(executor)))
    failed = executor.submit(int, "x")
    failed.exception()
    print(clean(repr(failed)))
    done = as_completed([future])
    print(clean(repr(done)), type(done).__name__)
