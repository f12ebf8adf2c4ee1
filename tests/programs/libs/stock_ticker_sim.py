import random
import threading
import time
from collections import defaultdict
from datetime import datetime, timedelta

random.seed(2024)
SYMBOLS = ("AAPL", "GOOG", "MSFT")
prices = {s: 100.0 for s in SYMBOLS}
history = defaultdict(list)
price_lock = threading.RLock()
stop = threading.Event()
start = datetime(2024, 1, 2, 9, 30)


def ticker(symbol, volatility):
    tick = 0
    while not stop.wait(0.01):
        change = random.gauss(0, volatility)
        with price_lock:
            prices[symbol] = round(max(1.0, prices[symbol] * (1 + change)), 2)
            stamp = start + timedelta(minutes=tick)
            history[symbol].append((stamp.strftime("%H:%M"), prices[symbol]))
        tick += 1


threads = [threading.Thread(target=ticker, args=(s, v), daemon=True)
           for s, v in zip(SYMBOLS, (0.01, 0.02, 0.015))]
for t in threads:
    t.start()
time.sleep(0.055)
stop.set()
for t in threads:
    t.join()
with price_lock:
    for s in SYMBOLS:
        ticks = history[s]
        high = max(p for _, p in ticks)
        print(f"{s}: {len(ticks)} ticks, first {ticks[0][0]}, high >= 1: {high >= 1}")
print("threads alive:", sum(t.is_alive() for t in threads))
