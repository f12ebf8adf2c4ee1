"""Producer/consumer with a None sentinel (Real Python style)."""
import queue
import threading
import time

SENTINEL = None


def producer(q, count):
    for i in range(count):
        item = f"item-{i}"
        print(f"Producing {item}")
        q.put(item)
        time.sleep(0.01)
    q.put(SENTINEL)


def consumer(q):
    while True:
        item = q.get()
        if item is SENTINEL:
            print("Consumer got sentinel, exiting")
            break
        print(f"Consuming {item}")
        time.sleep(0.025)


def main():
    q = queue.Queue(maxsize=3)
    p = threading.Thread(target=producer, args=(q, 5), name="Producer")
    c = threading.Thread(target=consumer, args=(q,), name="Consumer")
    p.start()
    c.start()
    p.join()
    c.join()
    print("All done")


if __name__ == "__main__":
    main()
