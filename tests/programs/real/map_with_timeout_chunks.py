from concurrent.futures import ThreadPoolExecutor
import threading


def square(x):
    return x * x


def label(name, n):
    return f"{name}-{n}"


with ThreadPoolExecutor(max_workers=3, thread_name_prefix="calc") as ex:
    print(list(ex.map(square, range(6))))
    print(list(ex.map(label, ["a", "b", "c"], [1, 2, 3])))
    names = set(ex.map(lambda _: threading.current_thread().name.split("_")[0], range(5)))
    print(names)
    try:
        for value in ex.map(lambda x: 10 // x, [5, 2, 0, 1]):
            print("got", value)
    except ZeroDivisionError as e:
        print("map stopped:", e)
