import logging
import threading
import time

logging.basicConfig(format='%(threadName)s: %(message)s', level=logging.INFO)


def thread_function(name):
    logging.info("Thread %s: starting", name)
    time.sleep(0.1 * (name + 1))
    logging.info("Thread %s: finishing", name)


if __name__ == "__main__":
    logging.info("Main    : before creating threads")
    threads = list()
    for index in range(3):
        logging.info("Main    : create and start thread %d.", index)
        x = threading.Thread(target=thread_function, args=(index,))
        threads.append(x)
        x.start()
    for index, thread in enumerate(threads):
        logging.info("Main    : before joining thread %d.", index)
        thread.join()
        logging.info("Main    : thread %d done", index)
