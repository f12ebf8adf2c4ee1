import time
from concurrent.futures import ThreadPoolExecutor, as_completed


class FetchError(Exception):
    def __init__(self, url, status):
        super().__init__(f"{url} returned {status}")
        self.url = url
        self.status = status


FAKE_WEB = {
    "https://example.com": (0.30, 200, ["https://example.com/about", "https://example.com/blog"]),
    "https://example.com/about": (0.05, 200, []),
    "https://example.com/blog": (0.20, 200, ["https://example.com/blog/1"]),
    "https://example.com/blog/1": (0.08, 404, []),
    "https://python.org": (0.15, 200, ["https://python.org/downloads"]),
    "https://python.org/downloads": (0.25, 500, []),
}


def fetch(url):
    delay, status, links = FAKE_WEB[url]
    time.sleep(delay)
    if status != 200:
        raise FetchError(url, status)
    return links


def crawl(seeds):
    seen = set(seeds)
    pages = 0
    errors = []
    with ThreadPoolExecutor(max_workers=4) as executor:
        pending = {executor.submit(fetch, url): url for url in seeds}
        while pending:
            for future in as_completed(list(pending)):
                url = pending.pop(future)
                try:
                    links = future.result()
                except FetchError as err:
                    errors.append(err)
                    print(f"  error   {err}")
                    continue
                pages += 1
                print(f"  fetched {url} ({len(links)} links)")
                for link in links:
                    if link not in seen:
                        seen.add(link)
                        pending[executor.submit(fetch, link)] = link
                break  # re-enter as_completed with the new futures
    return pages, errors


if __name__ == "__main__":
    print("crawling...")
    ok, failed = crawl(["https://example.com", "https://python.org"])
    print(f"done: {ok} pages, {len(failed)} errors")
    for err in sorted(failed, key=lambda e: e.status):
        print(f"- {err.status}: {err.url}")
