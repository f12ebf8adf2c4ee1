from concurrent.futures import ThreadPoolExecutor
import threading

A = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [2, 0, 1]]
B = [[1, 0], [0, 1], [2, 3]]


def row_times(row):
    return [sum(a * b for a, b in zip(row, col)) for col in zip(*B)]


with ThreadPoolExecutor(max_workers=2, thread_name_prefix="mm") as pool:
    C = list(pool.map(row_times, A))

width = max(len(str(v)) for row in C for v in row)
for i, row in enumerate(C):
    print(f"row {i}: " + " ".join(f"{v:>{width}}" for v in row))
trace = sum(C[i][i] for i in range(min(len(C), len(C[0]))))
print("trace:", trace, "flat:", [v for row in C for v in row])
transposed = [list(col) for col in zip(*C)]
print(transposed, max(map(max, C)), min(C, key=sum))
names = threading.current_thread().name
print(names, sorted({(x % 3, y % 2) for x, y in zip(range(6), range(6, 12))}))
print(divmod(17, 5), pow(2, 10, 1000), round(2.675, 2), round(1234.5678, -2), abs(-3.5))
print(f"{3.14159:e}", f"{1e-7:g}", f"{1/3:.4}", f"{255:X}", f"{-42:+d}", f"{'mid':^11}|")
