import threading
from collections import Counter

TEXT = """the quick brown fox jumps over the lazy dog
the dog barks and the fox runs away
a quick brown dog jumps over a lazy fox
the end"""

total_counts = Counter()
merge_lock = threading.Lock()


def count_words(lines):
    local = Counter()
    for line in lines:
        local.update(line.split())
    with merge_lock:
        total_counts.update(local)


def main():
    lines = TEXT.splitlines()
    threads = [threading.Thread(target=count_words, args=([line],)) for line in lines]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for word, n in total_counts.most_common(4):
        print(f"{word}: {n}")
    print("distinct words:", len(total_counts))


if __name__ == "__main__":
    main()
