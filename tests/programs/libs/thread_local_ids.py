import threading

local = threading.local()
out = {}
lock = threading.Lock()


def show():
    return local.value


def worker(v):
    local.value = v * 2
    ident = threading.get_ident()
    with lock:
        out[threading.current_thread().name] = (show(), isinstance(ident, int))


ts = [threading.Thread(target=worker, args=(i,), name=f"T{i}") for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out.items()))
print(threading.main_thread().name, threading.current_thread() is threading.main_thread())
print(hasattr(local, "value"))
print([t.name for t in threading.enumerate()], threading.active_count())
