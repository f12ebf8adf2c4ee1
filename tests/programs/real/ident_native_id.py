import threading

ids = {}
lock = threading.Lock()


def record():
    me = threading.current_thread()
    with lock:
        ids[me.name] = (threading.get_ident(), threading.get_native_id(), me.ident, me.native_id)


threads = [threading.Thread(target=record, name=f"T{i}") for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for name, (ident, native, me_ident, me_native) in sorted(ids.items()):
    print(name, isinstance(ident, int), ident == me_ident, native == me_native)
print("distinct idents:", len({v[0] for v in ids.values()}) == 3)
print("main ident matches:", threading.main_thread().ident == threading.get_ident())
print("ident before start:", threading.Thread(target=record).ident)
