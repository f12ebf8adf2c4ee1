import hashlib
import itertools
import threading
import uuid

_ids = itertools.count(1)
_id_lock = threading.Lock()
registry = {}


def next_id():
    with _id_lock:
        return next(_ids)


def submit(payload):
    job_id = next_id()
    digest = hashlib.sha256(payload.encode()).hexdigest()
    md5 = hashlib.md5(payload.encode()).hexdigest()[:8]
    registry[job_id] = (payload, digest[:16], md5)


threads = [threading.Thread(target=submit, args=(p,)) for p in ("alpha", "beta", "gamma")]
for t in threads:
    t.start()
    t.join()

for job_id, (payload, digest, md5) in sorted(registry.items()):
    print(job_id, payload, digest, md5)
u = uuid.uuid4()
print("uuid version:", u.version, len(str(u)), len(u.hex))
print(uuid.uuid5(uuid.NAMESPACE_DNS, "example.com"))
