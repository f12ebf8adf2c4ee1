import threading

class MyError(Exception):
    pass

def hook(args):
    print(f"hook: {args.exc_type.__name__}: {args.exc_value} in {args.thread.name}")
    if args.thread.name == "again":
        raise RuntimeError("hook failed")

threading.excepthook = hook

def bad(kind):
    if kind == 1:
        raise MyError("custom")
    raise KeyError("k")

for i, name in [(1, "one"), (2, "two"), (2, "again")]:
    t = threading.Thread(target=bad, args=(i,), name=name)
    t.start()
    t.join()
print("main done")
threading.excepthook = lambda a: print("lambda hook", type(a.exc_value).__name__)
t = threading.Thread(target=bad, args=(1,))
t.start(); t.join()
raise ValueError("main thread error is not hooked")
