import threading

caught = []


def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))


threading.excepthook = hook


def bad(n):
    raise RuntimeError(f"failure {n}")


threads = [threading.Thread(target=bad, args=(i,), name=f"bad-{i}") for i in range(2)]
for t in threads:
    t.start()
    t.join()
for c in caught:
    print(c)
