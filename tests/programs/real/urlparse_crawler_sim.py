import threading
from urllib.parse import urljoin, urlparse
from collections import deque

PAGES = {
    "https://site.test/": ["/a", "/b", "https://other.test/x"],
    "https://site.test/a": ["/a/1", "/b"],
    "https://site.test/b": ["/"],
    "https://site.test/a/1": [],
}

seen = set()
seen_lock = threading.Lock()
frontier = deque(["https://site.test/"])


def crawl():
    while True:
        with seen_lock:
            if not frontier:
                return
            url = frontier.popleft()
            if url in seen:
                continue
            seen.add(url)
        for link in PAGES.get(url, []):
            full = urljoin(url, link)
            if urlparse(full).netloc == "site.test":
                with seen_lock:
                    frontier.append(full)


threads = [threading.Thread(target=crawl) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(seen))
print(urlparse("https://site.test:8080/a/b?q=1#top"))
