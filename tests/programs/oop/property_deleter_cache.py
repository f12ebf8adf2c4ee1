# A property with a getter, a setter and a deleter (a cached report that `del` invalidates).
import threading


class Report:
    def __init__(self, rows):
        self.rows = rows
        self.lock = threading.Lock()
        self.builds = 0

    @property
    def summary(self):
        with self.lock:
            if not hasattr(self, "_summary"):
                self.builds += 1
                self._summary = f"{len(self.rows)} rows, total {sum(self.rows)}"
            return self._summary

    @summary.setter
    def summary(self, text):
        self._summary = text.strip()

    @summary.deleter
    def summary(self):
        del self._summary

    total = property(lambda self: sum(self.rows), None, None, "The rows' sum.")


report = Report([3, 4, 5])
readers = [threading.Thread(target=lambda: print(report.summary)) for _ in range(2)]
for t in readers:
    t.start()
    t.join()
report.rows.append(6)
del report.summary
print(report.summary, report.builds, report.total)
report.summary = "  edited by hand  "
print(repr(report.summary))
try:
    del report.total
except AttributeError as e:
    print("AttributeError:", e)
