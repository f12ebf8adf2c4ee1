import threading
from statistics import mean, median

students = {
    "Ada": [91, 88, 97], "Brook": [72, 65, 80], "Chen": [85, 85, 90],
    "Dmitri": [58, 61, 49], "Eve": [100, 94, 99],
}
report = {}
lock = threading.Lock()


def letter(score):
    match score:
        case s if s >= 90:
            return "A"
        case s if s >= 80:
            return "B"
        case s if s >= 70:
            return "C"
        case s if s >= 60:
            return "D"
        case _:
            return "F"


def grade(name, scores):
    avg = mean(scores)
    with lock:
        report[name] = {"avg": avg, "median": median(scores), "letter": letter(avg),
                        "best": max(scores), "spread": max(scores) - min(scores)}


threads = [threading.Thread(target=grade, args=item) for item in students.items()]
[t.start() for t in threads]
[t.join() for t in threads]

header = f"{'name':<8}{'avg':>8}{'med':>6}{'best':>6}  grade"
print(header)
print("-" * len(header))
for name, r in sorted(report.items(), key=lambda kv: (-kv[1]["avg"], kv[0])):
    print(f"{name:<8}{r['avg']:>8.2f}{r['median']:>6}{r['best']:>6}  {r['letter']}")
counts = {g: sum(1 for r in report.values() if r["letter"] == g) for g in "ABCDF"}
print(counts, f"{sum(counts.values())/len(counts):.1%}", f"{12345678:_}", f"{1234.5:e}")
print("{name} scored {avg:.1f}".format_map({"name": "Ada", "avg": report["Ada"]["avg"]}))
print(int("1f", 16), int("0b101", 0), hex(255), oct(8), bin(5), f"{255:#010b}", chr(65) + chr(0x263A))
print(round(2.5), round(3.5), round(-0.5), divmod(-7, 2), -7 // 2, -7 % 2, 7 / 2, 2 ** -1, 10 ** 20)
pairs = list(zip(students, map(len, students.values()), strict=True))
first, *middle, last = sorted(students)
print(pairs[:2], first, middle, last, {**counts, "total": len(report)})
print(f"{'Ada'!r:>8}|{3.14159:08.3f}|{-42:+06d}|{0.5:%}|{1e-5:.2g}|{True!s:^7}|")
