import logging
import os
import threading
from logging.handlers import RotatingFileHandler

handler = RotatingFileHandler("audit.log", maxBytes=120, backupCount=2)
handler.setFormatter(logging.Formatter("%(threadName)s|%(message)s"))
audit = logging.getLogger("audit")
audit.setLevel(logging.INFO)
audit.addHandler(handler)

balance = 100
lock = threading.Lock()


def transact(who, amounts):
    global balance
    for amount in amounts:
        with lock:
            balance += amount
            audit.info("%s %+d -> %d", who, amount, balance)


threads = [threading.Thread(target=transact, args=(name, amts), name=name)
           for name, amts in (("alice", [20, -5, 7]), ("bob", [-30, 12]), ("carol", [3, 3, 3]))]
for t in threads:
    t.start()
    t.join()

handler.close()
for name in sorted(os.listdir(".")):
    if name.startswith("audit.log"):
        with open(name) as f:
            lines = f.read().splitlines()
        print(f"{name}: {len(lines)} lines, last = {lines[-1]!r}")
print("final balance:", balance)
