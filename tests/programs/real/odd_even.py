import threading

MAX = 10
cond = threading.Condition()
number = 1


def printer(parity):
    global number
    while True:
        with cond:
            while number <= MAX and number % 2 != parity:
                cond.wait()
            if number > MAX:
                cond.notify_all()
                return
            print(f"{threading.current_thread().name}: {number}")
            number += 1
            cond.notify_all()


odd = threading.Thread(target=printer, args=(1,), name="odd")
even = threading.Thread(target=printer, args=(0,), name="even")
odd.start()
even.start()
odd.join()
even.join()
print("done")
