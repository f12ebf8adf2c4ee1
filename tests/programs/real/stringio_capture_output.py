import io
import threading
from contextlib import redirect_stdout

buffers = {}


def noisy(n):
    buf = io.StringIO()
    buf.write(f"task {n} starting\n")
    for i in range(n):
        buf.write(f"  step {i}\n")
    buf.write(f"task {n} done\n")
    buffers[n] = buf.getvalue()


threads = [threading.Thread(target=noisy, args=(n,)) for n in (1, 2, 3)]
for t in threads:
    t.start()
for t in threads:
    t.join()

for n in sorted(buffers):
    print(buffers[n], end="")

capture = io.StringIO()
with redirect_stdout(capture):
    print("hidden")
print("captured:", repr(capture.getvalue()))
