import json
import threading
from dataclasses import dataclass, asdict
from datetime import date
from decimal import Decimal


@dataclass
class Result:
    worker: str
    total: Decimal
    day: date
    ids: set


class ReportEncoder(json.JSONEncoder):
    def default(self, obj):
        if isinstance(obj, Decimal):
            return str(obj)
        if isinstance(obj, date):
            return obj.isoformat()
        if isinstance(obj, set):
            return sorted(obj)
        if isinstance(obj, Result):
            return asdict(obj)
        return super().default(obj)


results = []
lock = threading.Lock()


def work(n):
    total = sum(Decimal("0.10") * i for i in range(n))
    result = Result(f"worker-{n}", total, date(2024, 1, n), {n, n * 2, n * 3})
    with lock:
        results.append(result)


threads = [threading.Thread(target=work, args=(n,)) for n in (3, 1, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()

results.sort(key=lambda r: r.worker)
print(json.dumps(results, cls=ReportEncoder, indent=2))
print(json.dumps({"count": len(results), "first": results[0]}, cls=ReportEncoder,
                 sort_keys=True))
text = ReportEncoder(separators=(",", ":")).encode({"sizes": {3, 1}})
print(text, json.loads(text))
print(json.dumps({"today": date(2024, 5, 1)}, default=str))
try:
    json.dumps({"lock": lock})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps({"thread": threads[0]}, cls=ReportEncoder)
except TypeError as e:
    print("TypeError:", e)
