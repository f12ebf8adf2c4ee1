import os
import threading


def info(title):
    print(title)
    print("process id:", os.getpid())
    print("thread:", threading.current_thread().name)


def square_all(nums):
    info("square_all")
    print([n * n for n in nums])


if __name__ == "__main__":
    info("main line")
    t = threading.Thread(target=square_all, args=([1, 2, 3],), name="Squarer")
    t.start()
    t.join()
    print("same process for every thread")
