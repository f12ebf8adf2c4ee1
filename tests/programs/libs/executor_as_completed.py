from concurrent.futures import ThreadPoolExecutor, as_completed
import time

URLS = ["http://a.example", "http://b.example", "http://c.example", "http://d.example"]


def fetch(url):
    time.sleep(len(url) * 0.01)
    return url, len(url) * 100


def main():
    start = time.perf_counter()
    sizes = {}
    with ThreadPoolExecutor(max_workers=3) as executor:
        future_to_url = {executor.submit(fetch, url): url for url in URLS}
        for future in as_completed(future_to_url):
            url = future_to_url[future]
            try:
                _, size = future.result()
            except Exception as exc:
                print("%r generated an exception: %s" % (url, exc))
            else:
                sizes[url] = size
    for url in sorted(sizes):
        print(f"{url:<20} {sizes[url]:>6,} bytes")
    elapsed = time.perf_counter() - start
    print(f"Finished in {elapsed:.2f} seconds" if elapsed >= 0 else "?")


if __name__ == "__main__":
    main()
