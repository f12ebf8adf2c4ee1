import threading

class PropagatingThread(threading.Thread):
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

def ok():
    print("running ok")
    return 42

def bad():
    raise ValueError("boom")

t = PropagatingThread(target=ok)
t.start()
print(t.join())
t2 = PropagatingThread(target=bad, name="B")
t2.start()
try:
    t2.join()
except ValueError as e:
    print("propagated:", e)
print(hasattr(t, "_target"))
class Plain(threading.Thread):
    pass
p = Plain(target=print, args=("plain run",))
p.start(); p.join()
threading.Thread.run(threading.Thread(target=print, args=("direct",)))
