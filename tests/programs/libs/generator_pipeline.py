import threading
import queue


def numbers(limit):
    for i in range(limit):
        yield i


def squares(source):
    for n in source:
        yield n * n


def evens(source):
    return (n for n in source if n % 2 == 0)


out = queue.Queue()


def stage(name, data):
    total = 0
    for value in data:
        total += value
    out.put((name, total))


pipeline = evens(squares(numbers(10)))
t1 = threading.Thread(target=stage, args=("evens", pipeline))
t2 = threading.Thread(target=stage, args=("plain", numbers(5)))
t1.start(); t2.start()
t1.join(); t2.join()
print(sorted(out.get() for _ in range(2)))
gen = numbers(3)
print(next(gen), next(gen), next(gen), next(gen, "exhausted"))
print(list(zip(numbers(3), squares(numbers(3)))), sum(squares(range(4))))
