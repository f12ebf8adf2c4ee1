import queue
import string
import threading
from datetime import date, timedelta

TEMPLATE = string.Template(
    "Dear $name,\n"
    "your order #$order ships on $ship_date ($days days).\n"
    "Total: $$${total}\n"
)
orders = queue.Queue()
outbox = []
outbox_lock = threading.Lock()
TODAY = date(2024, 6, 3)

for order_id, (name, items, days) in enumerate(
        [("Ana", [12.5, 3.0], 2), ("Bo", [99.99], 5), ("Cy", [1.25] * 4, 1)], start=101):
    orders.put({"name": name, "order": order_id, "days": days, "total": f"{sum(items):.2f}"})


def mailer():
    while True:
        try:
            data = orders.get_nowait()
        except queue.Empty:
            return
        data["ship_date"] = (TODAY + timedelta(days=data["days"])).strftime("%a %d %b")
        text = TEMPLATE.substitute(data)
        with outbox_lock:
            outbox.append((data["order"], text))
        orders.task_done()


workers = [threading.Thread(target=mailer) for _ in range(2)]
for w in workers:
    w.start()
for w in workers:
    w.join()

for _, text in sorted(outbox):
    print(text)
