import threading
import time


def print_time(thread_name, delay, counter):
    while counter:
        time.sleep(delay)
        print("%s: %s" % (thread_name, time.ctime(time.time())))
        counter -= 1


class ClockThread(threading.Thread):
    def __init__(self, thread_id, name, delay):
        threading.Thread.__init__(self)
        self.thread_id = thread_id
        self.name = name
        self.delay = delay

    def run(self):
        print("Starting " + self.name)
        print_time(self.name, self.delay, 2)
        print("Exiting " + self.name)


thread1 = ClockThread(1, "Thread-1", 0.1)
thread2 = ClockThread(2, "Thread-2", 0.25)
thread1.start()
thread2.start()
thread1.join()
thread2.join()
print("Exiting Main Thread")
