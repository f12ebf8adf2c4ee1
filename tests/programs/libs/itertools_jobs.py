import itertools
import threading

counter = itertools.count(1)
lock = threading.Lock()
assigned = []
colors = itertools.cycle(["red", "green", "blue"])


def take_ticket(name):
    with lock:
        ticket = next(counter)
        color = next(colors)
        assigned.append((ticket, name, color))


names = ["ann", "ben", "cat", "dan", "eve"]
threads = [threading.Thread(target=take_ticket, args=(n,)) for n in names]
for t in threads:
    t.start()
for t in threads:
    t.join()
for ticket, name, color in sorted(assigned):
    print(ticket, name, color)
print(list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.chain([1, 2], (3,), "ab")))
print(list(itertools.product("AB", repeat=2)))
print(list(itertools.permutations([1, 2, 3], 2)))
print(list(itertools.combinations("abcd", 2)))
print(list(itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.accumulate([1, 2, 3, 4])))
print([(k, len(list(g))) for k, g in itertools.groupby("aaabccd")])
print(list(itertools.zip_longest([1, 2, 3], "ab", fillvalue="-")))
print(list(itertools.repeat("x", 3)), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
