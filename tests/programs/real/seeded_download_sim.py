import random
import threading
import time

random.seed(42)

FILES = [f"image_{n}.png" for n in range(6)]
sizes = {name: random.randint(100, 900) for name in FILES}
speeds = [random.uniform(50.0, 150.0) for _ in range(3)]

progress = {}
lock = threading.Lock()


def downloader(idx, files):
    speed = speeds[idx]
    for name in files:
        seconds = sizes[name] / speed
        time.sleep(seconds / 100)
        with lock:
            progress[name] = round(seconds, 2)


chunks = [FILES[i::3] for i in range(3)]
threads = [threading.Thread(target=downloader, args=(i, chunk)) for i, chunk in enumerate(chunks)]
for t in threads:
    t.start()
for t in threads:
    t.join()

for name in sorted(progress):
    print(f"{name:<12} {sizes[name]:>4} KB  {progress[name]:>6.2f} s")
print("speeds:", [f"{s:.1f}" for s in speeds])
print("picked:", random.choice(FILES), random.sample(range(100), 5))
deck = list(range(10))
random.shuffle(deck)
print("deck:", deck)
print("weighted:", random.choices(["a", "b", "c"], weights=[5, 1, 1], k=8))
print("gauss: %.4f" % random.gauss(0, 1))
