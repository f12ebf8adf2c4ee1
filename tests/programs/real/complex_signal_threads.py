import math
import threading

N = 8
signal = [math.sin(2 * math.pi * k / N) + 0.5 * math.cos(4 * math.pi * k / N) for k in range(N)]
spectrum = [0j] * N
lock = threading.Lock()


def dft_bin(k):
    total = 0j
    for n, x in enumerate(signal):
        angle = -2 * math.pi * k * n / N
        total += x * complex(math.cos(angle), math.sin(angle))
    with lock:
        spectrum[k] = total


threads = [threading.Thread(target=dft_bin, args=(k,)) for k in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()

for k, z in enumerate(spectrum):
    mag = abs(z)
    if mag > 1e-9:
        print(f"bin {k}: {z.real:+.3f}{z.imag:+.3f}j |z|={mag:.3f}")
peak = max(range(N), key=lambda k: abs(spectrum[k]))
print("peak bin:", peak, "conjugate:", complex(round(spectrum[peak].real, 6), round(spectrum[peak].imag, 6)).conjugate())
z = 3 + 4j
print(z, abs(z), z * 1j, z / 2, (1 + 2j) ** 2, z == complex("3+4j"), isinstance(z, complex))
