import threading

outcomes = {}
lock = threading.Lock()


def attempt(name, func):
    try:
        result = func()
    except (ValueError, TypeError) as e:
        result = f"{type(e).__name__}: {e}"
    except KeyError as e:
        result = f"KeyError {e}"
    except Exception as e:
        result = f"other {type(e).__name__}: {e}"
    else:
        result = f"ok {result}"
    finally:
        with lock:
            outcomes[name] = result


cases = {
    "int": lambda: int("12x"),
    "add": lambda: "a" + 1,
    "key": lambda: {}["missing"],
    "index": lambda: [1][5],
    "div": lambda: 1 / 0,
    "attr": lambda: None.upper(),
    "fine": lambda: 2 ** 10,
    "float": lambda: float("abc"),
}
threads = [threading.Thread(target=attempt, args=item) for item in cases.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()
for k in sorted(outcomes):
    print(f"{k:>6}: {outcomes[k]}")
