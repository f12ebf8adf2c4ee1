import time
from concurrent.futures import ThreadPoolExecutor


def download(page):
    print(f"Downloading page {page}...")
    time.sleep(0.2)
    return f"page {page}: {page * 100} bytes"


if __name__ == "__main__":
    start = time.time()
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(download, p) for p in range(1, 5)]
        for f in futures:
            print(f.result())
    elapsed = time.time() - start
    print(f"Downloaded 4 pages in {elapsed:.2f} seconds")
