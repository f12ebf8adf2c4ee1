import threading
import hashlib
import math

blocks = [b"hello world", bytes(range(8)), "caf\u00e9".encode("utf-8"), bytes([97, 98, 99])]
digests = {}
lock = threading.Lock()

def checksum(i, data):
    total = sum(data) % 256
    xor = 0
    for b in data:
        xor ^= b
    h = hashlib.sha256(bytes(data)).hexdigest()[:12]
    with lock:
        digests[i] = (len(data), total, xor, h)

threads = [threading.Thread(target=checksum, args=(i, blk)) for i, blk in enumerate(blocks)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for i in sorted(digests):
    n, total, xor, h = digests[i]
    print(f"block {i}: len={n:<3} sum={total:#04x} xor={xor:08b} sha={h}")

b = blocks[0]
print(b[0], b[:5], b.upper(), b.split(), b.hex(), b.find(b"o"))
print(bytes.fromhex("48656c6c6f"), list(b"AZ"), b"ab" * 2, b"x" in b"xyz", len(blocks[2]), blocks[2].decode())
ba = list(b"hello")
ba[0] = ord("J")
ba.extend(b"!!")
ba.append(63)
print(bytes(ba), bytes(ba).decode().title(), bytes(ba).count(b"l"), bytes(3), bytes([65, 66]))
print((255).bit_length(), bin(10), oct(8))
print(b"caf\xc3\xa9".decode("utf-8"), "na\u00efve".encode("ascii", errors="replace"), str(b"x"), repr(b"'q'"))
print(math.gcd(12, 18), math.lcm(4, 6), math.isqrt(50), math.comb(5, 2), math.perm(5, 2), math.factorial(10))
print(math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.isclose(0.1 + 0.2, 0.3), math.pi, math.e, math.inf > 10 ** 100, math.isnan(float("nan")))
print(math.sqrt(2), math.hypot(3, 4), math.log(8, 2), math.log10(1000), math.dist((0, 0), (3, 4)), math.prod([1, 2, 3, 4]))
print(2 ** 100, 2 ** 100 // 3, -(2 ** 64) % 7, 10 ** 18 + 1, 123456789 * 987654321, abs(-7), pow(3, 4, 5), pow(2, -1, 7))
print(0.1 * 3, 1.1 + 2.2, 3 * 1.1, 100 / 7, 2.5e-8, 1e22, 1.0e16, 12345678901234567.0, float("1e-7"), 5e-324)
print(int(3.99), int(-3.99), float(7), 7 / 2, 7 // 2, -7 // 2, 7 % -3, divmod(7.5, 2), round(3.14159, 3), round(7, -1))
print(f"{math.pi:.10f}", f"{1/3:.20f}", f"{2**0.5:e}")
print(True + True, True * 3, int(True), 1 == 1.0, hash(1) == hash(1.0), 0.1 + 0.2 == 0.3, 1 < 2 < 3, max(1, 2.0), min("b", "a"))
