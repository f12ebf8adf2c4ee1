# SuperFastPython: limit concurrent access with a semaphore
from time import sleep
from random import Random
from threading import Thread, Semaphore, current_thread


# target function
def task(semaphore, number, value):
    # attempt to acquire the semaphore
    with semaphore:
        # simulate computational effort
        sleep(value)
        # report result
        print(f'Thread {number} got {round(value, 2)}', flush=True)


# create a semaphore
semaphore = Semaphore(2)
rng = Random(1)
values = [rng.random() for _ in range(10)]
# create a suite of threads
workers = [Thread(target=task, args=(semaphore, i, values[i])) for i in range(10)]
# start all threads
for worker in workers:
    worker.start()
# wait for all workers to complete
for worker in workers:
    worker.join()
print(current_thread().name, 'done')
