"""stdlib/queue_base.py: a program's class that derives from `queue.Queue`, `PriorityQueue` or
`LifoQueue` runs CPython's own queue code, its overrides called from it; each program prints
what CPython 3.13 prints (the `run_cpython` fixture)."""

from __future__ import annotations

import textwrap

import pytest

from tests.support.running import outcome

PROGRAMS = {
    "overrides": """
        import heapq, queue, threading
        class PriorityJobQueue(queue.Queue):
            def __init__(self, maxsize=0):
                super().__init__(maxsize)
                self.count = 0
            def _init(self, maxsize):
                self.queue = []
            def _qsize(self):
                return len(self.queue)
            def _put(self, item):
                heapq.heappush(self.queue, item)
            def _get(self):
                return heapq.heappop(self.queue)
            def put(self, item, block=True, timeout=None):
                self.count += 1
                super().put(item, block, timeout)
        q = PriorityJobQueue()
        for p, name in [(3, "low"), (1, "high"), (2, "mid"), (99, "stop")]:
            q.put((p, name))
        def worker():
            while True:
                p, name = q.get()
                q.task_done()
                if name == "stop":
                    break
                print("job", p, name)
        t = threading.Thread(target=worker)
        t.start()
        q.join()
        t.join()
        print("puts", q.count, q.qsize(), q.empty(), q.full(), q.unfinished_tasks)
    """,
    "bounded-producer-consumer": """
        import queue, threading, time
        class LoggingQueue(queue.Queue):
            def put(self, item, block=True, timeout=None):
                super().put(item, block, timeout)
                print("put", item, "at most full:", self.qsize() <= self.maxsize)
            def get(self, block=True, timeout=None):
                item = super().get(block, timeout)
                got.append(item)
                return item
        got = []
        q = LoggingQueue(maxsize=2)
        def producer():
            for i in range(5):
                q.put(i)
            q.put(None)
        def consumer():
            while (item := q.get()) is not None:
                time.sleep(0.01)
        threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
        for t in threads: t.start()
        for t in threads: t.join()
        print(got, "full?", q.full(), "empty?", q.empty())
    """,
    "errors-and-timeouts": """
        import queue
        class Q(queue.LifoQueue):
            pass
        q = Q(maxsize=1)
        q.put("a")
        for call in (lambda: q.put("b", timeout=0.05), lambda: q.put_nowait("b"),
                     lambda: q.put("b", timeout=-1)):
            try:
                call()
            except queue.Full:
                print("Full")
            except ValueError as e:
                print("ValueError", e)
        print(q.get(), q.qsize())
        for call in (lambda: q.get(timeout=0.05), q.get_nowait, lambda: q.get(False)):
            try:
                call()
            except queue.Empty:
                print("Empty")
        q.task_done()
        try:
            q.task_done()
        except ValueError as e:
            print("ValueError", e)
    """,
    "priority-and-lifo": """
        import queue
        from dataclasses import dataclass, field
        @dataclass(order=True)
        class Job:
            priority: int
            name: str = field(compare=False)
        class Jobs(queue.PriorityQueue):
            def _put(self, item):
                print("queued", item.name)
                super()._put(item)
        class Stack(queue.LifoQueue):
            def peek(self):
                with self.mutex:
                    return self.queue[-1]
        jobs = Jobs()
        for i, name in enumerate(["c", "a", "b"]):
            jobs.put(Job((i * 7) % 3, name))
        print([jobs.get().name for _ in range(3)])
        s = Stack()
        for i in range(3):
            s.put(i)
        print(s.peek(), s.get(), s.get(), s.qsize())
    """,
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_a_queue_subclass_prints_what_cpython_prints(run_cpython, name):
    source = textwrap.dedent(PROGRAMS[name])
    done = outcome(source)
    assert done.kind == "done" and not done.errors, (done.reason, done.errors)
    assert list(done.output) == run_cpython(source)[0]


def test_the_subclass_is_a_queue_and_derives_from_cpythons_class(run_cpython):
    source = textwrap.dedent("""
        import queue
        class Q(queue.Queue):
            pass
        class S(queue.LifoQueue):
            pass
        print(isinstance(Q(), queue.Queue), isinstance(S(), queue.LifoQueue), Q.__mro__)
        print(isinstance(S(), queue.PriorityQueue), isinstance(queue.Queue(), Q))
    """)
    assert list(outcome(source).output) == run_cpython(source)[0]
