import sys
import threading
import traceback


class Task(threading.Thread):
    def __init__(self, data):
        super().__init__()
        self.data = data

    def run(self):
        try:
            print("average:", sum(self.data) / len(self.data))
        except ZeroDivisionError:
            print("failed in", self.name.split(" ")[0], file=sys.stdout)
            traceback.print_exc(file=sys.stdout)
            etype, value, tb = sys.exc_info()
            print("exc_info:", etype.__name__, value)


for d in ([1, 2, 3], []):
    t = Task(d)
    t.start()
    t.join()
