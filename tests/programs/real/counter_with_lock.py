import threading

counter = 0
counter_lock = threading.Lock()


def increment(times):
    global counter
    for _ in range(times):
        counter_lock.acquire()
        try:
            counter += 1
        finally:
            counter_lock.release()


threads = [threading.Thread(target=increment, args=(20000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("Final counter:", counter)
