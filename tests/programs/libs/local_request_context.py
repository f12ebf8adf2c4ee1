import threading
import random

random.seed(99)
context = threading.local()


def handle_request(request_id):
    context.request_id = request_id
    context.user = random.choice(["ann", "bob"])
    process()


def process():
    log(f"processing for {context.user}")
    validate()


def validate():
    log("validated" if len(context.user) == 3 else "invalid")


messages = []
msg_lock = threading.Lock()


def log(message):
    with msg_lock:
        messages.append(f"[req {context.request_id}] {message}")


threads = [threading.Thread(target=handle_request, args=(i,)) for i in range(1, 4)]
for t in threads:
    t.start()
    t.join()
print("\n".join(messages))
print(getattr(context, "request_id", "main thread has no request"))
