import threading
from collections import Counter, defaultdict, deque

words = "the quick brown fox jumps over the lazy dog the fox".split()
counts = Counter()
by_len = defaultdict(list)
recent = deque(maxlen=3)
lock = threading.Lock()


def process(chunk):
    for w in chunk:
        with lock:
            counts[w] += 1
            by_len[len(w)].append(w)
            recent.append(w)


half = len(words) // 2
t1 = threading.Thread(target=process, args=(words[:half],))
t1.start(); t1.join()
t2 = threading.Thread(target=process, args=(words[half:],))
t2.start(); t2.join()
print(counts.most_common(3))
print(dict(sorted(by_len.items())))
print(list(recent), recent.maxlen)
top = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)[:2]
print(top)
print(counts["cat"], sum(counts.values()), len(counts))
