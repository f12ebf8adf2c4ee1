from concurrent.futures import ThreadPoolExecutor


def word_length(word):
    return word, len(word)


WORDS = ["thread", "lock", "semaphore", "barrier", "event", "condition"]


def main():
    with ThreadPoolExecutor(max_workers=3) as executor:
        results = executor.map(word_length, WORDS)
        for word, length in results:
            print(f"{word:>10} has {length} letters")
    longest = max(WORDS, key=len)
    print("longest word:", longest)


if __name__ == "__main__":
    main()
