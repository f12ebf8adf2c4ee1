import threading

caught = []
lock = threading.Lock()


def fetch(i):
    try:
        if i == 0:
            raise ConnectionRefusedError("refused")
        if i == 1:
            raise IOError("disk full")
        if i == 2:
            raise FileNotFoundError("data.csv")
        raise KeyboardInterrupt
    except ConnectionError as e:
        found = (type(e).__name__, str(e), isinstance(e, OSError))
    except EnvironmentError as e:
        found = (type(e).__name__, repr(e))
    except BaseException as e:
        found = (type(e).__name__, isinstance(e, Exception))
    with lock:
        caught.append(found)


threads = [threading.Thread(target=fetch, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
    t.join()
print(caught)
print(IOError is OSError, EnvironmentError.__name__, issubclass(BrokenPipeError, ConnectionError))
print(issubclass(GeneratorExit, Exception), issubclass(UnicodeError, ValueError),
      issubclass(ModuleNotFoundError, ImportError), issubclass(UserWarning, Warning))
raise PermissionError("not allowed")
