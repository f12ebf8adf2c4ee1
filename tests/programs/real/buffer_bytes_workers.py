import threading
import hashlib

buffer = bytearray()
buf_lock = threading.Lock()


def producer(tag, n):
    for i in range(n):
        piece = f"{tag}{i};".encode()
        with buf_lock:
            buffer.extend(piece)


threads = [threading.Thread(target=producer, args=(c, 3)) for c in "AB"]
for t in threads:
    t.start()
    t.join()

print(len(buffer), bytes(buffer[:6]), buffer.decode().split(";")[:-1])
buffer[0:2] = b"ZZ"
print(buffer[:4], buffer.count(b";"), buffer.startswith(b"ZZ"))
data = bytes(range(8))
print(data, data.hex(" "), list(data[::2]), int.from_bytes(data[:2], "big"))
print((1000).to_bytes(2, "little"), b"abc" + b"d", b"x" * 3, b"hello".upper())
print(hashlib.sha256(bytes(buffer)).hexdigest()[:16], len(bytes(10)))
frame = bytearray(4)
frame[1] = 255
print(frame, frame.hex(), bytearray(b"ab") + b"c", bytearray.fromhex("41 42"))
