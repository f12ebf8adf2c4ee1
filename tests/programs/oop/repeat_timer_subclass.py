import threading


class RepeatTimer(threading.Timer):
    """The well-known recipe: a Timer that fires every `interval` seconds until cancelled."""

    def run(self):
        while not self.finished.wait(self.interval):
            self.function(*self.args, **self.kwargs)


ticks = []


def tick(label):
    ticks.append(label)
    if len(ticks) <= 2:
        print("tick", len(ticks), label)


timer = RepeatTimer(0.1, tick, args=("heartbeat",))
timer.daemon = True
timer.start()
stop = threading.Event()
stop.wait(0.35)
timer.cancel()
timer.join()
print("at least two ticks:", len(ticks) >= 2)
print(isinstance(timer, threading.Thread), timer.is_alive())
