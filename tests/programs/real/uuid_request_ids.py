import threading
import uuid

requests = {}
lock = threading.Lock()


def handle(user):
    request_id = uuid.uuid4()
    with lock:
        requests[request_id] = user


threads = [threading.Thread(target=handle, args=(u,)) for u in ["ann", "bob", "cy", "dee"]]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(requests), "unique request ids")
print(all(len(str(rid)) == 36 and rid.version == 4 for rid in requests))
print(sorted(requests.values()))
stable = uuid.uuid5(uuid.NAMESPACE_DNS, "example.com")
print(stable, stable.version, stable == uuid.uuid5(uuid.NAMESPACE_DNS, "example.com"))
print(repr(uuid.UUID("12345678-1234-5678-1234-567812345678")).lower())
print(uuid.UUID(int=1).hex)
