"""Sum a tree: each node's task submits its children's tasks to the same pool."""
from concurrent.futures import ThreadPoolExecutor

TREE = {
    "root": ["a", "b"],
    "a": ["a1", "a2", "a3"],
    "b": ["b1"],
    "a1": [], "a2": [], "a3": [], "b1": ["b1x"],
    "b1x": [],
}
WEIGHTS = {name: len(name) * 3 for name in TREE}

pool = ThreadPoolExecutor(max_workers=8)


def leaf_weights(node):
    futures = [pool.submit(leaf_weights, child) for child in TREE[node]]
    total = WEIGHTS[node] + sum(f.result() for f in futures)
    return total


def depth(node):
    return 1 + max((pool.submit(depth, c).result() for c in TREE[node]), default=0)


if __name__ == "__main__":
    print("total weight:", pool.submit(leaf_weights, "root").result())
    print("depth:", depth("root"))
    pool.shutdown()
    print("pool shut down")
