import threading

beats = 0
done = threading.Event()


def beat():
    global beats
    beats += 1
    print("beat", beats)
    if beats < 3:
        threading.Timer(0.1, beat).start()
    else:
        done.set()


threading.Timer(0.1, beat).start()
done.wait()
print("heart stopped after", beats, "beats")
