import warnings
from concurrent.futures import ThreadPoolExecutor


def legacy_square(x):
    warnings.warn("legacy_square() is deprecated; use square()", DeprecationWarning,
                  stacklevel=2)
    return x * x


def square(x):
    return x ** 2


def task(x):
    return legacy_square(x) if x % 2 else square(x)


with ThreadPoolExecutor(max_workers=2) as pool:
    print(list(pool.map(task, range(6))))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for x in (1, 3):
        legacy_square(x)
print(len(caught), "warnings caught:", sorted({str(w.message) for w in caught}))
warnings.warn("finished with warnings enabled", UserWarning)
print("done")
