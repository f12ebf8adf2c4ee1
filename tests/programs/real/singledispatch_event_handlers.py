# Event handlers chosen by type with functools.singledispatch, fed by worker threads
import functools
import queue
import threading
from dataclasses import dataclass, field


@dataclass
class Deposit:
    account: str
    amount: int


class Withdrawal(Deposit):  # a plain subclass: Deposit's __init__ and repr
    pass

@dataclass
class Audit:
    note: str
    tags: list = field(default_factory=list)

balances = {"alice": 100, "bob": 50}
balances_lock = threading.Lock()

@functools.singledispatch
def handle(event):
    raise TypeError(f"no handler for {type(event).__name__}")


@handle.register
def _(event: Deposit):
    with balances_lock:
        balances[event.account] += event.amount
    return f"+{event.amount} {event.account}"


@handle.register
def _(event: Withdrawal):
    with balances_lock:
        if balances[event.account] < event.amount:
            return f"refused {event.account}"
        balances[event.account] -= event.amount
    return f"-{event.amount} {event.account}"


@handle.register(Audit)
def handle_audit(event):
    return f"audit: {event.note} {event.tags}"


def worker(events, results):
    while True:
        event = events.get()
        if event is None:
            events.task_done()
            break
        try:
            results.append(handle(event))
        except TypeError as e:
            results.append(f"error: {e}")
        events.task_done()


events = queue.Queue()
results = []
threads = [threading.Thread(target=worker, args=(events, results)) for _ in range(3)]
for t in threads:
    t.start()
for e in [Deposit("alice", 20), Withdrawal("bob", 80), Audit("nightly", ["x"]),
          Withdrawal("alice", 70), "not an event", Deposit("bob", 5)]:
    events.put(e)
for _ in threads:
    events.put(None)
events.join()
for t in threads:
    t.join()
print(sorted(results))
print(balances)
print(handle.dispatch(Deposit).__name__, handle.dispatch(str) is handle.__wrapped__)
print(sorted(cls.__name__ for cls in handle.registry))
