import threading

local_data = threading.local()


def show_session():
    session = local_data.session
    print(f"{threading.current_thread().name} uses {session}")


def handle_request(user):
    local_data.session = f"session-for-{user}"
    show_session()


threads = []
for user in ["ann", "ben", "cho"]:
    t = threading.Thread(target=handle_request, args=(user,), name=f"worker-{user}")
    threads.append(t)
    t.start()
for t in threads:
    t.join()

print("main has a session:", hasattr(local_data, "session"))
