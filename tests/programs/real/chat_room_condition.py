import threading
import time


class ChatRoom:
    def __init__(self):
        self.messages = []
        self.cond = threading.Condition()
        self.closed = False

    def post(self, author, text):
        with self.cond:
            self.messages.append((author, text))
            self.cond.notify_all()

    def close(self):
        with self.cond:
            self.closed = True
            self.cond.notify_all()

    def listen(self, name, seen=0):
        received = []
        while True:
            with self.cond:
                self.cond.wait_for(lambda: len(self.messages) > seen or self.closed)
                if len(self.messages) == seen and self.closed:
                    break
                new = self.messages[seen:]
                seen = len(self.messages)
            for author, text in new:
                if author != name:
                    received.append(f"{author}: {text}")
        return received


room = ChatRoom()
inboxes = {}


def client(name):
    inboxes[name] = room.listen(name)


clients = [threading.Thread(target=client, args=(n,)) for n in ("alice", "bob")]
for c in clients:
    c.start()

script = [("alice", "hi all"), ("bob", "hey alice"), ("carol", "am I late?"), ("alice", "nope")]
for author, text in script:
    room.post(author, text)
    time.sleep(0.02)
room.close()
for c in clients:
    c.join()

for name in sorted(inboxes):
    print(f"--- {name} received {len(inboxes[name])}")
    for line in inboxes[name]:
        print("   ", line)

cond = threading.Condition(threading.Lock())
with cond:
    print("wait(0.05) returned", cond.wait(timeout=0.05))
    print("wait_for returned", repr(cond.wait_for(lambda: "", timeout=0.01)))
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
