import threading


def worker():
    data = {"a": 1}
    return data["b"]


def divide():
    return 1 / 0


t = threading.Thread(target=worker)
t.start()
t.join()
t2 = threading.Thread(target=divide, name="Divider")
t2.start()
t2.join()
print("main continues")
