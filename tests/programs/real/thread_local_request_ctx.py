import threading
import random

random.seed(7)


class RequestContext(threading.local):
    def __init__(self, app="shop"):
        super().__init__()
        self.app = app
        self.user = None
        self.trail = []


ctx = RequestContext(app="webshop")
outputs = {}
lock = threading.Lock()


def handle(user, pages):
    ctx.user = user
    for page in pages:
        ctx.trail.append(page)
    with lock:
        outputs[user] = (ctx.app, ctx.user, list(ctx.trail))


users = {"ann": ["/", "/cart"], "ben": ["/login"], "cat": ["/", "/shoes", "/pay"]}
threads = [threading.Thread(target=handle, args=(u, p)) for u, p in users.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()
for user in sorted(outputs):
    print(user, outputs[user])
print("main sees:", ctx.app, ctx.user, ctx.trail)

plain = threading.local()
plain.token = random.randint(1000, 9999)


def peek():
    try:
        print("worker token:", plain.token)
    except AttributeError as e:
        print("AttributeError:", e)
    plain.token = "worker's own"


t = threading.Thread(target=peek)
t.start(); t.join()
print("main token still:", plain.token)
