import threading
import time

results = {}


def fetch(*, url, retries=3, delay=0.01):
    for attempt in range(1, retries + 1):
        time.sleep(delay)
        if attempt == retries or len(url) % attempt == 0:
            results[url] = attempt
            return


urls = ["a.example", "bb.example", "ccc.example"]
threads = []
for u in urls:
    t = threading.Thread(target=fetch, kwargs={"url": u, "retries": 2})
    threads.append(t)
    t.start()
for t in threads:
    t.join()

for u in urls:
    print(f"{u}: succeeded on attempt {results[u]}")
try:
    fetch("positional.example")
except TypeError as e:
    print("TypeError:", e)
