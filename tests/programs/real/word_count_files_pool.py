import os
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, as_completed

TEXTS = {
    "alpha.txt": "the quick brown fox\njumps over the lazy dog\n",
    "beta.txt": "the dog barks\nthe fox runs away\n",
    "gamma.txt": "lazy afternoons are the best\n",
}

os.makedirs("corpus", exist_ok=True)
for name, body in TEXTS.items():
    with open(os.path.join("corpus", name), "w") as f:
        f.write(body)


def count_words(path):
    counts = Counter()
    with open(path) as f:
        for line in f:
            counts.update(line.split())
    return os.path.basename(path), counts


paths = sorted(os.path.join("corpus", n) for n in os.listdir("corpus"))
total = Counter()
with ThreadPoolExecutor(max_workers=3) as pool:
    futures = {pool.submit(count_words, p): p for p in paths}
    per_file = {}
    for future in as_completed(futures):
        name, counts = future.result()
        per_file[name] = sum(counts.values())
        total += counts

for name in sorted(per_file):
    print(f"{name:<10} {per_file[name]:>3} words")
print("most common:", sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print("files exist:", all(os.path.exists(p) for p in paths), os.path.getsize(paths[0]))
