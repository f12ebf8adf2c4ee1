import random
import string
import threading

ALPHABET = string.ascii_letters + string.digits
passwords = []
lock = threading.Lock()


def generate(length):
    pw = "".join(random.choice(ALPHABET) for _ in range(length))
    with lock:
        passwords.append(pw)


threads = []
for length in (8, 12, 16, 20):
    t = threading.Thread(target=generate, args=(length,))
    threads.append(t)
    t.start()
for t in threads:
    t.join()

print("generated", len(passwords), "passwords")
print("lengths:", sorted(len(p) for p in passwords))
print("all alphanumeric:", all(p.isalnum() for p in passwords))
