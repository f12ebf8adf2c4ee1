import threading
import string

inventory = {"apples": 12, "bananas": 7, "cherries": 150, "dates": 0}
lock = threading.Lock()
lines = []


def audit(item, qty):
    status = "OUT" if qty == 0 else ("LOW" if qty < 10 else "OK")
    with lock:
        lines.append((item, qty, status))


ts = [threading.Thread(target=audit, args=pair) for pair in inventory.items()]
[t.start() for t in ts]
[t.join() for t in ts]
header = f"{'Item':<10}{'Qty':>5}  {'Status':<6}"
print(header)
print("-" * len(header))
for item, qty, status in sorted(lines):
    print(f"{item.capitalize():<10}{qty:>5}  {status:<6}")
print(string.ascii_uppercase[:5], string.digits, len(string.punctuation))
print("|".join(word.upper() for word in "a b c".split()), "abc".center(9, "*"), "x=%r" % "y")
