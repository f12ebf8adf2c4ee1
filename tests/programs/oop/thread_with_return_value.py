# The popular recipe: a Thread subclass whose join() returns the target's result.
from threading import Thread
import time


class ThreadWithReturnValue(Thread):
    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, Verbose=None):
        Thread.__init__(self, group, target, name, args, kwargs)
        self._return = None

    def run(self):
        if self._target is not None:
            self._return = self._target(*self._args, **self._kwargs)

    def join(self, *args):
        Thread.join(self, *args)
        return self._return


class PropagatingThread(Thread):
    def run(self):
        self.exc = None
        try:
            self.ret = super().run()
        except BaseException as e:
            self.exc = e

    def join(self, timeout=None):
        super(PropagatingThread, self).join(timeout)
        if self.exc:
            raise self.exc
        return self.ret


def slow_square(x, delay=0.01):
    time.sleep(delay)
    return x * x


def fails():
    raise ValueError("boom in thread")


threads = [ThreadWithReturnValue(target=slow_square, args=(i,), kwargs={"delay": 0.01 * i})
           for i in range(4)]
for t in threads:
    t.start()
print([t.join() for t in threads])

p = PropagatingThread(target=fails)
p.start()
try:
    p.join()
except ValueError as e:
    print("re-raised in main:", e)
ok = PropagatingThread(target=print, args=("printed by", "target"))
ok.start()
print("join returned", ok.join())
