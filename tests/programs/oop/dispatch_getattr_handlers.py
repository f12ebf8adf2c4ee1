import threading
import queue


class Server:
    def __init__(self):
        self.inbox = queue.Queue()
        self.log = []
        self.state = {}
        self._thread = threading.Thread(target=self._loop, name="server")

    def start(self):
        self._thread.start()
        return self

    def _loop(self):
        while True:
            kind, payload = self.inbox.get()
            handler = getattr(self, "handle_" + kind, None)
            if handler is None:
                self.log.append(f"unknown message {kind!r}")
            elif handler(payload) is False:
                break

    def handle_set(self, payload):
        key, value = payload
        setattr(self, "last_key", key)
        self.state[key] = value
        self.log.append(f"set {key}={value}")

    def handle_get(self, payload):
        self.log.append(f"get {payload} -> {self.state.get(payload)}")

    def handle_stop(self, payload):
        self.log.append("stopping")
        return False

    def send(self, kind, payload=None):
        self.inbox.put((kind, payload))


server = Server().start()
server.send("set", ("a", 1))
server.send("set", ("b", 2))
server.send("get", "a")
server.send("explode")
server.send("get", "zzz")
server.send("stop")
server._thread.join()
print("\n".join(server.log))
print(server.last_key, hasattr(server, "handle_get"), hasattr(server, "handle_put"))
print(server._thread.name, server._thread.is_alive())
