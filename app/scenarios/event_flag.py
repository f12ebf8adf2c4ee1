# title: Event: one set() releases every waiting thread
# idea: Request handlers wait on an Event until the config is loaded; a single set() wakes them all.
# explain: An Event is a flag that starts False. wait() returns at once if the flag is set, and otherwise blocks until another thread calls set(), which wakes every waiting thread. load_config() fills in config before it calls set(), so no schedule lets a handler read config too early and hit a KeyError. wait() without a timeout always returns True: a thread woken by set() returns True even if the flag is cleared again before it runs. Real CPython prints "served: ['db.local', 'db.local']" and "requests that had to wait: 2": both handlers start before the loader.
# challenge: Make both handlers find the flag clear and block in wait(), then release them both with a single set(). No schedule can cause a KeyError.
# goal: len(waited) == 2 and not errors
# order: 140
# primitive: Event
# difficulty: easy
# lesson: An Event is a flag: one `set()` releases every thread waiting on it.

import threading

config_loaded = threading.Event()
config = {}
waited = []  # handlers that found the flag still clear
served = []

def load_config():
    config["db"] = "db.local"
    config_loaded.set()  # wakes every waiting thread

def handle_request(n):
    if not config_loaded.is_set():
        waited.append(n)
    config_loaded.wait()  # returns at once if the flag is already set
    served.append(config["db"])  # KeyError if config were not loaded yet

threads = [threading.Thread(target=handle_request, args=(n,), name=f"request_{n}") for n in range(2)]
threads.append(threading.Thread(target=load_config, name="load_config"))
for t in threads: t.start()
for t in threads: t.join()
print("served:", served)
print("requests that had to wait:", len(waited))
