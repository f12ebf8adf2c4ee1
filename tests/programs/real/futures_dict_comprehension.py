import concurrent.futures
import time

URLS = {"python.org": 0.3, "pypi.org": 0.1, "docs.python.org": 0.2}


def load(url, delay):
    time.sleep(delay)
    if "docs" in url:
        raise ConnectionError(f"timeout fetching {url}")
    return len(url) * 1000


with concurrent.futures.ThreadPoolExecutor(max_workers=3) as executor:
    future_to_url = {executor.submit(load, u, d): u for u, d in URLS.items()}
    for future in concurrent.futures.as_completed(future_to_url):
        url = future_to_url[future]
        try:
            data = future.result()
        except Exception as exc:
            print(f"{url!r} generated an exception: {exc}")
        else:
            print(f"{url!r} page is {data} bytes")
