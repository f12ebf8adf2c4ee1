"""Simulated crawler: a frontier queue, a visited set, N worker threads."""
import queue
import threading
import time

LINKS = {
    "/": ["/about", "/blog", "/shop"],
    "/about": ["/", "/team"],
    "/blog": ["/blog/1", "/blog/2", "/"],
    "/blog/1": ["/blog/2"],
    "/blog/2": ["/blog/1", "/shop"],
    "/shop": ["/cart"],
    "/team": [],
    "/cart": ["/"],
}

frontier = queue.Queue()
visited = set()
visited_lock = threading.Lock()
pages_by_worker = {}


def fetch(url):
    time.sleep(0.01 * (len(url) % 3 + 1))
    return LINKS.get(url, [])


def crawler():
    me = threading.current_thread().name
    while True:
        url = frontier.get()
        if url is None:
            frontier.task_done()
            break
        with visited_lock:
            if url in visited:
                frontier.task_done()
                continue
            visited.add(url)
        pages_by_worker.setdefault(me, []).append(url)
        for link in fetch(url):
            with visited_lock:
                if link not in visited:
                    frontier.put(link)
        frontier.task_done()


workers = [threading.Thread(target=crawler, name=f"crawler-{i}") for i in range(3)]
for w in workers:
    w.start()
frontier.put("/")
frontier.join()
for _ in workers:
    frontier.put(None)
for w in workers:
    w.join()
print(f"Crawled {len(visited)} pages:")
for page in sorted(visited):
    print("  ", page)
print("pages per worker add up:", sum(map(len, pages_by_worker.values())) == len(visited))
