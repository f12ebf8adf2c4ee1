from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from typing import ClassVar, Final, Protocol, TypedDict, cast, final, overload

MAX_WORKERS: Final = 3


class Job(TypedDict):
    name: str
    cost: int


class Runner(Protocol):
    def run(self, job: Job) -> int: ...


@final
class Doubler:
    factor: ClassVar[int] = 2

    def run(self, job: Job) -> int:
        return job["cost"] * Doubler.factor


@overload
def label(x: int) -> str: ...
@overload
def label(x: str) -> str: ...
def label(x):
    return f"<{x}>"


def execute(runner: Runner, jobs: Sequence[Job], sink: Callable[[str, int], None]) -> None:
    for job in jobs:
        sink(job["name"], runner.run(job))


def chunks(items: Sequence[Job], n: int) -> Iterator[list[Job]]:
    for i in range(0, len(items), n):
        yield list(items[i:i + n])


results: dict[str, int] = {}
lock = threading.Lock()


def sink(name: str, value: int) -> None:
    with lock:
        results[name] = value


jobs = [Job(name=f"job{i}", cost=i * 10) for i in range(7)]
threads = [threading.Thread(target=execute, args=(Doubler(), chunk, sink))
           for chunk in chunks(jobs, MAX_WORKERS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()), Doubler.factor, cast(int, results["job6"]) + 1, label(3), label("x"))
print(Job({"name": "y", "cost": 2}), type(jobs[0]).__name__, Job.__name__, isinstance(Doubler(), Doubler))
