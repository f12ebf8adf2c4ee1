from multiprocessing.dummy import Pool
from multiprocessing import cpu_count
import threading

DOCUMENTS = [
    "the quick brown fox jumps over the lazy dog",
    "threads share memory but processes do not",
    "a pool of threads maps a function over items",
    "the gil lets one thread run python code at a time",
]

seen_threads = set()
seen_lock = threading.Lock()


def stats(doc):
    with seen_lock:
        seen_threads.add(threading.current_thread().name)
    words = doc.split()
    return len(words), max(words, key=len)


def report(all_stats):
    print("callback got", len(all_stats), "results")


pool = Pool(3)
async_result = pool.map_async(stats, DOCUMENTS, callback=report)
async_result.wait()
for doc, (count, longest) in zip(DOCUMENTS, async_result.get()):
    print(f"{count:2d} words, longest {longest!r}: {doc[:20]}...")
lengths = pool.starmap(lambda a, b: a * b, [(2, 3), (4, 5)])
print("starmap:", lengths)
pool.close()
pool.join()
print("workers used:", 1 <= len(seen_threads) <= 3, "cpus:", cpu_count() > 0)
print(pool)
