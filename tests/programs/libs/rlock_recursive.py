import threading


class Box:
    lock = threading.RLock()

    def __init__(self):
        self.total_items = 0

    def execute(self, value):
        with self.lock:
            self.total_items += value

    def add(self):
        with self.lock:
            self.execute(1)

    def remove(self):
        with self.lock:
            self.execute(-1)


def adder(box, items):
    print("N° {} items to ADD".format(items))
    while items:
        box.add()
        items -= 1
    print("ADDED one item -->{} item to ADD".format(items))


def remover(box, items):
    print("N° {} items to REMOVE".format(items))
    while items:
        box.remove()
        items -= 1
    print("REMOVED one item -->{} item to REMOVE".format(items))


def main():
    items = 10
    box = Box()
    t1 = threading.Thread(target=adder, args=(box, items))
    t2 = threading.Thread(target=remover, args=(box, 5))
    t1.start()
    t1.join()
    t2.start()
    t2.join()
    print("{} items still remain in the box ".format(box.total_items))


if __name__ == "__main__":
    main()
