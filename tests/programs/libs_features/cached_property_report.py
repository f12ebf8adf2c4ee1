import threading
from functools import cached_property

class Report:
    def __init__(self, rows):
        self.rows = rows
    @cached_property
    def total(self):
        print("computing total")
        return sum(self.rows)

r = Report([1, 2, 3])
ts = [threading.Thread(target=lambda: print(r.total)) for _ in range(2)]
for t in ts:
    t.start()
    t.join()
print(r.total, r.__dict__)
del r.total
print(r.total, type(Report.total).__name__)
