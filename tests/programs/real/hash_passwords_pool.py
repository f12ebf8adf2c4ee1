import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor

users = {"alice": "wonderland", "bob": "builder", "carol": "s3cret"}
SALT = "pepper"
store = {}
store_lock = threading.Lock()


def hash_password(user, password):
    digest = hashlib.sha256((SALT + password).encode("utf-8")).hexdigest()
    with store_lock:
        store[user] = digest
    return user, digest[:12]


def verify(user, attempt):
    return hashlib.sha256((SALT + attempt).encode()).hexdigest() == store[user]


with ThreadPoolExecutor(max_workers=3) as pool:
    for user, short in pool.map(hash_password, users, users.values()):
        print(f"{user:<6} {short}")

print(verify("alice", "wonderland"), verify("bob", "wrong"))
checksum = hashlib.md5()
for user in sorted(store):
    checksum.update(store[user].encode())
print("store checksum:", checksum.hexdigest())
