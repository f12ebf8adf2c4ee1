import threading

pool = threading.BoundedSemaphore(2)
plain = threading.Semaphore(2)

pool.acquire()
pool.release()
try:
    pool.release()
except ValueError as e:
    print("BoundedSemaphore:", e)

plain.release()
print("plain semaphore value can grow:", plain._value)

print(pool.acquire(blocking=False), pool.acquire(blocking=False), pool.acquire(blocking=False))
print(pool.acquire(timeout=0.05))
pool.release(2)
try:
    pool.release(0)
except ValueError as e:
    print("release(0):", e)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("Semaphore(-1):", e)
