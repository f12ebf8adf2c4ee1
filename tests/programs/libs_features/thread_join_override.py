import threading, time
class P(threading.Thread):
    def run(self):
        time.sleep(0.1)
        self.exc = 1
    def join(self, timeout=None):
        super().join(timeout)
        return self.exc
t = P()
t.start()
print(t.join())
class Q(threading.Thread):
    def run(self):
        time.sleep(0.1)
        self.exc = 2
    def join(self):
        threading.Thread.join(self)
        return self.exc
q = Q()
q.start()
print(q.join())
