import threading


class Tree:
    def __init__(self):
        self.lock = threading.RLock()
        self.children = {}
        self.size = 0

    def add(self, path):
        with self.lock:
            node = self.children
            for part in path.split("/"):
                node = node.setdefault(part, {})
            self.size = self.count()

    def count(self, node=None):
        with self.lock:  # re-entered from add(): fine with an RLock
            node = self.children if node is None else node
            return sum(1 + self.count(child) for child in node.values())


tree = Tree()
paths = ["usr/bin", "usr/lib", "etc/hosts", "usr/lib/python3", "home/ann"]
threads = [threading.Thread(target=tree.add, args=(p,)) for p in paths]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("nodes:", tree.size)
print("top level:", sorted(tree.children))
