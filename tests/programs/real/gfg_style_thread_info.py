# Python program to illustrate the concept of threading
import threading
import os


def task1():
    print("Task 1 assigned to thread: {}".format(threading.current_thread().name))
    print("ID of process running task 1: {}".format(os.getpid() > 0))


def task2():
    print("Task 2 assigned to thread: {}".format(threading.current_thread().name))
    print("ID of process running task 2: {}".format(os.getpid() > 0))


if __name__ == "__main__":

    # print ID of current process
    print("ID of process running main program: {}".format(os.getpid() > 0))

    # print name of main thread
    print("Main thread name: {}".format(threading.current_thread().name))

    # creating threads
    t1 = threading.Thread(target=task1, name='t1')
    t2 = threading.Thread(target=task2, name='t2')

    # starting threads
    t1.start()
    t1.join()
    t2.start()

    # wait until all threads finish
    t2.join()
    print("main_thread is main:", threading.main_thread() is threading.current_thread())
    print("alive:", t1.is_alive(), t2.is_alive(), "native ids differ:",
          t1.native_id != t2.native_id)
