import threading

results = []


def round_done():
    print(f"round complete: {sorted(results)}")
    results.clear()


barrier = threading.Barrier(3, action=round_done)


def player(name, scores):
    for score in scores:
        results.append((name, score))
        index = barrier.wait()
        if index == 0:
            print(f"{name} was the last to arrive" if False else "a round passed")


threads = [
    threading.Thread(target=player, args=("ann", [3, 1])),
    threading.Thread(target=player, args=("bob", [2, 5])),
    threading.Thread(target=player, args=("cy", [4, 4])),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("parties:", barrier.parties, "waiting:", barrier.n_waiting, "broken:", barrier.broken)
