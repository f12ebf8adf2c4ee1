import concurrent.futures
import random
import time

SITES = ["python.org", "docs.python.org", "pypi.org", "realpython.com", "peps.python.org"]


def fake_download(site):
    seconds = random.uniform(0.05, 0.25)
    time.sleep(seconds)
    return site, round(seconds, 2)


def main():
    start_time = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=5) as executor:
        futures = [executor.submit(fake_download, s) for s in SITES]
        for future in concurrent.futures.as_completed(futures):
            site, seconds = future.result()
            print(f"Read {site} in {seconds}s")
    duration = time.time() - start_time
    print(f"Downloaded {len(SITES)} sites in {duration:.2f} seconds")


if __name__ == "__main__":
    main()
