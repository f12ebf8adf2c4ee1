import threading
import time

ready = threading.Barrier(4)
stop = threading.Event()


def idle_worker():
    ready.wait()
    stop.wait()


threads = [threading.Thread(target=idle_worker, name=f"idle-{i}") for i in range(3)]
daemon = threading.Thread(target=stop.wait, name="watcher", daemon=True)
daemon.start()
for t in threads:
    t.start()
ready.wait()

print("active_count:", threading.active_count())
print("names:", sorted(t.name for t in threading.enumerate()))
print("main is current:", threading.current_thread() is threading.main_thread())
print("main name:", threading.main_thread().name)
idents = {t.ident for t in threading.enumerate()}
print("distinct idents:", len(idents) == threading.active_count())
print("get_ident matches:", threading.get_ident() == threading.main_thread().ident)
print("native id is int:", isinstance(threading.get_native_id(), int))
print("watcher daemon:", daemon.daemon, "idle-0 daemon:", threads[0].daemon)
stop.set()
for t in threads:
    t.join()
time.sleep(0.05)
print("after join:", threading.active_count(), [t.name for t in threading.enumerate()])
print(threading.TIMEOUT_MAX > 1e6, threading.stack_size())
