import enum
import threading
import queue


class State(enum.Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"


TRANSITIONS = {
    (State.IDLE, "start"): State.RUNNING,
    (State.RUNNING, "pause"): State.PAUSED,
    (State.PAUSED, "resume"): State.RUNNING,
    (State.RUNNING, "stop"): State.STOPPED,
    (State.PAUSED, "stop"): State.STOPPED,
}


class Machine(threading.Thread):
    def __init__(self):
        super().__init__(name="fsm", daemon=True)
        self.state = State.IDLE
        self.events = queue.Queue()
        self.history = []
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            event = self.events.get()
            new = TRANSITIONS.get((self.state, event))
            if new is None:
                self.history.append(f"ignored {event!r} in {self.state.name}")
            else:
                self.history.append(f"{self.state.value} -> {new.value}")
                self.state = new
            if self.state is State.STOPPED:
                self.stopped.set()
            self.events.task_done()


fsm = Machine()
fsm.start()
for e in ["pause", "start", "pause", "start", "resume", "stop", "start"]:
    fsm.events.put(e)
fsm.stopped.wait(timeout=2)
print(*fsm.history, sep="\n")
print(fsm.state, fsm.state is State.STOPPED, [s.name for s in State])
print("left in queue:", fsm.events.qsize())
