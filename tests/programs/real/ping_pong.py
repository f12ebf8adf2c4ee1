import threading

ping_turn = threading.Event()
pong_turn = threading.Event()
ping_turn.set()
ROUNDS = 3


def ping():
    for i in range(ROUNDS):
        ping_turn.wait()
        ping_turn.clear()
        print("ping", i)
        pong_turn.set()


def pong():
    for i in range(ROUNDS):
        pong_turn.wait()
        pong_turn.clear()
        print("pong", i)
        ping_turn.set()


t1 = threading.Thread(target=ping)
t2 = threading.Thread(target=pong)
t1.start()
t2.start()
t1.join()
t2.join()
print("game over")
