import threading
from queue import Queue


class ThreadWithReturnValue(threading.Thread):
    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}):
        threading.Thread.__init__(self, group, target, name, args, kwargs)
        self._return = None

    def run(self):
        if self._target is not None:
            self._return = self._target(*self._args, **self._kwargs)

    def join(self, *args):
        threading.Thread.join(self, *args)
        return self._return


def foo(bar):
    return 'foo' + bar


twrv = ThreadWithReturnValue(target=foo, args=('world!',))
twrv.start()
print(twrv.join())

# another common answer: a queue to carry results
que = Queue()
threads = [threading.Thread(target=lambda q, arg1: q.put(foo(arg1)), args=(que, s)) for s in ("1", "2")]
for t in threads:
    t.start()
for t in threads:
    t.join()
results = []
while not que.empty():
    results.append(que.get())
print(sorted(results))
