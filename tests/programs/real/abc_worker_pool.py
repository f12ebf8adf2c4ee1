import threading
from abc import ABC, abstractmethod
from typing import List, Optional


class Task(ABC):
    def __init__(self, name: str) -> None:
        self.name = name
        self.result: Optional[int] = None

    @abstractmethod
    def execute(self) -> int:
        ...

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r}, result={self.result})"


class Square(Task):
    def __init__(self, name: str, n: int) -> None:
        super().__init__(name)
        self.n = n

    def execute(self) -> int:
        return self.n ** 2


def run_all(tasks: List[Task]) -> None:
    def runner(task: Task) -> None:
        task.result = task.execute()
    threads = [threading.Thread(target=runner, args=(t,)) for t in tasks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


tasks = [Square("a", 3), Square("b", 4)]
run_all(tasks)
print(tasks)
try:
    Task("abstract")
except TypeError as e:
    print("TypeError:", e)
