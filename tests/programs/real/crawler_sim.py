import threading
import queue
import time
import random

random.seed(1)
LINKS = {
    "/": ["/a", "/b", "/c"],
    "/a": ["/", "/d"],
    "/b": ["/d", "/e"],
    "/c": [],
    "/d": ["/e"],
    "/e": ["/"],
}
frontier = queue.Queue()
seen = set()
seen_lock = threading.Lock()
crawled = []


def crawl():
    while True:
        try:
            url = frontier.get(timeout=0.5)
        except queue.Empty:
            return
        time.sleep(random.random() / 50)
        crawled.append(url)
        for link in LINKS[url]:
            with seen_lock:
                if link in seen:
                    continue
                seen.add(link)
            frontier.put(link)
        frontier.task_done()


seen.add("/")
frontier.put("/")
crawlers = [threading.Thread(target=crawl) for _ in range(3)]
for c in crawlers:
    c.start()
for c in crawlers:
    c.join()
print(sorted(crawled))
print(len(seen), "pages seen")
