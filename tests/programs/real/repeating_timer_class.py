import threading
import time


class RepeatTimer(threading.Timer):
    def run(self):
        while not self.finished.wait(self.interval):
            self.function(*self.args, **self.kwargs)


ticks = []


def tick(label):
    ticks.append(label)
    print(f"{label} tick {len(ticks)}")


timer = RepeatTimer(0.1, tick, args=("heartbeat",))
timer.start()
time.sleep(0.35)
timer.cancel()
timer.join()
print("ticks:", len(ticks), "alive:", timer.is_alive())
