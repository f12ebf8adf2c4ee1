import threading
import time
from pathlib import Path

CACHE = Path("cache")
CACHE.mkdir(exist_ok=True)
lock = threading.Lock()
stats = {"hits": 0, "misses": 0}


def fetch(url):
    """Pretend to download a page, caching it on disk."""
    target = CACHE / (url.replace("/", "_") + ".html")
    with lock:
        if target.exists():
            stats["hits"] += 1
            return target.read_text()
        stats["misses"] += 1
    time.sleep(0.01)
    body = f"<html>{url}</html>"
    target.write_text(body)
    return body


urls = ["site/a", "site/b", "site/a", "site/c", "site/b"]
for url in urls:
    t = threading.Thread(target=fetch, args=(url,))
    t.start()
    t.join()

print("cache files:", sorted(p.name for p in CACHE.glob("*.html")))
print("stats:", stats)
for path in sorted(CACHE.iterdir()):
    print(path, path.stat().st_size if hasattr(path, "stat") else len(path.read_text()))
