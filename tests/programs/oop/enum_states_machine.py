import threading
from enum import Enum, auto


class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    DONE = auto()


class Color(Enum):
    RED = "red"
    GREEN = "green"


class Job:
    def __init__(self, name):
        self.name = name
        self.state = State.IDLE
        self.lock = threading.Lock()

    def run(self):
        with self.lock:
            self.state = State.RUNNING
        total = sum(range(10))
        with self.lock:
            self.state = State.DONE
        return total


jobs = [Job(f"job{i}") for i in range(3)]
print(jobs[0].state, jobs[0].state.name, jobs[0].state.value)
threads = [threading.Thread(target=j.run) for j in jobs]
for t in threads:
    t.start()
for t in threads:
    t.join()
print([j.state.name for j in jobs])
print(all(j.state is State.DONE for j in jobs), State.DONE == State.DONE)
print(Color("red"), Color.GREEN.value, [c.name for c in Color])
print(repr(State.IDLE), len(State), State["RUNNING"])
