# An exception that ends a thread is reported with its class's own __str__, as CPython does.
import threading
class RetryExhausted(Exception):
    def __str__(self):
        return f"gave up after {self.args[0]} attempts"
class Broken(Exception):
    def __str__(self):
        raise ValueError("no")
class Plain(Exception):
    pass
def work(kind):
    raise kind(3)
for kind in (RetryExhausted, Plain, Broken):
    t = threading.Thread(target=work, args=(kind,))
    t.start()
    t.join()
raise RetryExhausted(5)
