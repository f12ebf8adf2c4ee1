import threading

context = threading.local()


def handle(user):
    context.user = user
    context.requests = getattr(context, "requests", 0) + 1
    log("start")
    process()
    log("end")


def process():
    log(f"processing for {context.user}")


def log(message):
    name = threading.current_thread().name
    print(f"[{name}] {getattr(context, 'user', '?')}: {message}")


threads = [threading.Thread(target=handle, args=(u,), name=f"req-{u}") for u in ("ann", "bob")]
for t in threads:
    t.start()
    t.join()
log("main has no user")
