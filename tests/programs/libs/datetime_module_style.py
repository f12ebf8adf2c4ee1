import datetime
import threading
import time


def log(msg):
    now = datetime.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    print(f"[{now}] {threading.current_thread().name}: {msg}")


def job():
    log("job running")
    time.sleep(0.05)
    log("job done")


t = threading.Thread(target=job, name="Job")
t.start()
t.join()
start = datetime.datetime(2024, 1, 31, 12, 0, 0)
print(start + datetime.timedelta(days=1))
print(start.year, start.month, start.day, start.isoformat())
print(datetime.date(2024, 2, 29).strftime("%d/%m/%Y"), datetime.date(2024, 3, 1) - datetime.date(2024, 2, 1))
