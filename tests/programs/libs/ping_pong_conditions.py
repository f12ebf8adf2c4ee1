import threading

ROUNDS = 5
cond = threading.Condition()
turn = "ping"
transcript = []


def player(me, other):
    global turn
    for _ in range(ROUNDS):
        with cond:
            cond.wait_for(lambda: turn == me)
            transcript.append(me)
            turn = other
            cond.notify_all()


a = threading.Thread(target=player, args=("ping", "pong"))
b = threading.Thread(target=player, args=("pong", "ping"))
b.start()
a.start()
a.join()
b.join()
print(" -> ".join(transcript))
assert transcript == ["ping", "pong"] * ROUNDS
print("alternated", len(transcript), "times")
