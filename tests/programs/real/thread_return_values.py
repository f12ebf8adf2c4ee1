import threading


class ResultThread(threading.Thread):
    def __init__(self, func, *args):
        super().__init__()
        self.func = func
        self.args = args
        self.result = None
        self.error = None

    def run(self):
        try:
            self.result = self.func(*self.args)
        except Exception as e:
            self.error = e

    def join(self, timeout=None):
        super().join(timeout)
        if self.error:
            raise self.error
        return self.result


def slow_sum(*nums):
    return sum(nums)


def fail(msg):
    raise RuntimeError(msg)


t = ResultThread(slow_sum, 1, 2, 3)
t.start()
print("result:", t.join())
bad = ResultThread(fail, "exploded")
bad.start()
try:
    bad.join()
except RuntimeError as e:
    print("re-raised in main:", e)
print(t.name.startswith("Thread-"), t.is_alive())
