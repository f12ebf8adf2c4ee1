import hashlib
import threading

DIFFICULTY = 3
found = threading.Event()
result = {}
lock = threading.Lock()


def mine(miner_id, start, step):
    nonce = start
    while not found.is_set() and nonce < 20000:
        digest = hashlib.sha256(f"block-42:{nonce}".encode()).hexdigest()
        if digest.startswith("0" * DIFFICULTY):
            with lock:
                if not found.is_set():
                    result.update(miner=miner_id, nonce=nonce, digest=digest)
                    found.set()
            return
        nonce += step


miners = [threading.Thread(target=mine, args=(i, i, 2)) for i in range(2)]
for m in miners:
    m.start()
for m in miners:
    m.join()
print("found:", found.is_set())
print("hash starts with", result["digest"][:DIFFICULTY])
print("nonce is valid:", hashlib.sha256(f"block-42:{result['nonce']}".encode()).hexdigest()
      == result["digest"])
