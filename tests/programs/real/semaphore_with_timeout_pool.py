import threading
import time

connections = threading.BoundedSemaphore(2)
log = []
lock = threading.Lock()


def use_db(name, hold):
    if connections.acquire(timeout=0.15):
        try:
            with lock:
                log.append(f"{name} connected")
            time.sleep(hold)
        finally:
            connections.release()
    else:
        with lock:
            log.append(f"{name} timed out")


threads = [threading.Thread(target=use_db, args=(f"client{i}", 0.3)) for i in range(3)]
for i, t in enumerate(threads):
    t.start()
    time.sleep(0.01)
for t in threads:
    t.join()
print("\n".join(log))
