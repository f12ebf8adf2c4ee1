import sys
import threading
import os

print("python ok:", sys.version_info >= (3, 8), sys.version_info[:1])
print("argv length:", len(sys.argv))
print("switch interval:", sys.getswitchinterval())
print("cpus positive:", (os.cpu_count() or 1) > 0)
print("HOME-like default:", os.environ.get("INTERLEAVE_NOT_SET", "/tmp/default"))

failures = []


def check(value):
    if value < 0:
        failures.append(value)
        sys.stderr.write(f"negative value {value}\n")


threads = [threading.Thread(target=check, args=(v,)) for v in (3, -1, 4, -5)]
for t in threads:
    t.start()
for t in threads:
    t.join()

sys.stdout.write(f"{len(failures)} failures\n")
sys.stdout.flush()
print("error summary", sorted(failures), file=sys.stderr)
if failures:
    sys.exit(1)
print("not reached")
