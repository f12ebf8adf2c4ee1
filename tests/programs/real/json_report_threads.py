import json
import threading
from datetime import datetime, timedelta

START = datetime(2024, 3, 1, 9, 0, 0)

jobs = [
    {"id": 1, "name": "backup", "minutes": 45},
    {"id": 2, "name": "reindex", "minutes": 90},
    {"id": 3, "name": "cleanup", "minutes": 15},
]

report = {}
lock = threading.Lock()


def run_job(job):
    finished = START + timedelta(minutes=job["minutes"])
    entry = {
        "name": job["name"],
        "started": START.isoformat(),
        "finished": finished.strftime("%Y-%m-%d %H:%M"),
        "duration_h": round(job["minutes"] / 60, 2),
        "ok": job["minutes"] < 60,
    }
    with lock:
        report[str(job["id"])] = entry


threads = [threading.Thread(target=run_job, args=(j,)) for j in jobs]
for t in threads:
    t.start()
for t in threads:
    t.join()

text = json.dumps(report, indent=2, sort_keys=True)
print(text)
back = json.loads(text)
print(back["2"]["finished"], type(back["2"]["ok"]).__name__)
print(json.dumps({"total": len(back), "failed": [k for k, v in back.items() if not v["ok"]]}))
