import threading
import warnings


def old_api(x):
    warnings.warn("old_api is deprecated, use new_api", DeprecationWarning, stacklevel=2)
    return x * 2


def new_api(x):
    return x * 2


results = []


def worker():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        results.append(old_api(21))
        print("caught", len(caught), "warning(s):", caught[0].category.__name__, str(caught[0].message))


t = threading.Thread(target=worker)
t.start()
t.join()
warnings.warn("plain user warning")
print(results, new_api(5))
