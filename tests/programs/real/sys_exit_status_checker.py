"""Checks services in parallel and exits non-zero if any is down."""
import sys
import threading
import time

SERVICES = {"db": 0.02, "cache": 0.01, "search": None, "auth": 0.03}
status = {}
status_lock = threading.Lock()


def check(name, latency):
    if latency is None:
        result = "DOWN"
    else:
        time.sleep(latency)
        result = "ok" if latency < 0.025 else "slow"
    with status_lock:
        status[name] = result


def main():
    threads = [threading.Thread(target=check, args=item, daemon=True) for item in SERVICES.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=1)
    for name in sorted(status):
        print(f"{name:<7}{status[name]}")
    down = [n for n, s in status.items() if s == "DOWN"]
    if down:
        print(f"error: {', '.join(down)} down", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    code = main()
    print("exit code", code)
    sys.exit(code)
