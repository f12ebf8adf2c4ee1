import threading, queue

_done = object()
results = []

def square_worker(inbox, outbox):
    while (n := inbox.get()) is not _done:
        outbox.put((n, n * n))
    outbox.put(_done)

def main():
    inbox, outbox = queue.Queue(), queue.Queue()
    t = threading.Thread(target=square_worker, args=(inbox, outbox), daemon=True)
    t.start()
    for n in range(1, 8):
        inbox.put(n)
    inbox.put(_done)
    while True:
        item = outbox.get()
        if item is _done:
            break
        results.append(item)
    t.join()
    for n, sq in results:
        print(f"{n:>3} squared is {sq:>4}")
    total = sum(sq for _, sq in results)
    print("total:", total, "mean: %.2f" % (total / len(results)))

main()
