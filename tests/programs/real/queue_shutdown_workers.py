import queue
import threading
import time


def consumer(q, name, results):
    while True:
        try:
            item = q.get()
        except queue.ShutDown:
            results.append("a worker saw the queue shut down")
            return
        time.sleep(0.01)
        results.append(f"processed {item}")
        q.task_done()


def graceful():
    q = queue.Queue()
    results = []
    workers = [threading.Thread(target=consumer, args=(q, f"w{i}", results)) for i in range(2)]
    for w in workers:
        w.start()
    for i in range(4):
        q.put(i)
    q.shutdown()  # no immediate: the items left are still handed out
    try:
        q.put(99)
    except queue.ShutDown:
        print("put after shutdown raises ShutDown")
    for w in workers:
        w.join()
    print(sorted(results))


def immediate():
    q = queue.Queue()
    for i in range(5):
        q.put(i)
    q.shutdown(immediate=True)
    print("size after immediate shutdown:", q.qsize())
    try:
        q.get_nowait()
    except queue.ShutDown as e:
        print("get ->", type(e).__name__, e.args)
    q.join()
    print("join returned: unfinished tasks dropped")


graceful()
immediate()
