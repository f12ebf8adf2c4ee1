import concurrent.futures


def divide(a, b):
    return a / b


with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
    good = executor.submit(divide, 10, 4)
    bad = executor.submit(divide, 1, 0)
    print("good:", good.result())
    try:
        bad.result()
    except ZeroDivisionError as e:
        print("bad raised:", type(e).__name__, e)
    print("exception():", repr(bad.exception()))
    print("done?", good.done(), bad.done(), "cancelled?", bad.cancelled())
