import threading

counter = 0


def increment():
    global counter
    for _ in range(100000):
        counter += 1


threads = []
for i in range(4):
    t = threading.Thread(target=increment)
    threads.append(t)
    t.start()

for t in threads:
    t.join()

print("Expected:", 4 * 100000)
print("Got:     ", counter)
