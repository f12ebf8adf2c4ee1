import threading, time, os, sys
from datetime import datetime
import textwrap
from string import Template
start = time.time()
lines = []
def log(msg):
    t = time.strftime("%H:%M:%S", time.gmtime(0))
    lines.append(f"[{t}] {threading.current_thread().name}: {msg}")
def job(n):
    log(f"start {n}")
    time.sleep(n / 10)
    log(f"end {n}")
ts = [threading.Thread(target=job, args=(n,), name=f"J{n}") for n in (3, 1, 2)]
for t in ts: t.start()
for t in ts: t.join()
print(*lines, sep="\n")
print(round(time.time() - start, 1), os.getpid() > 0, type(threading.get_native_id()).__name__)
report = Template(textwrap.dedent("""\
    Report
      jobs:    $jobs
      elapsed: ${elapsed}s"""))
print(report.substitute(jobs=len(ts), elapsed=round(time.time() - start, 1)))
print(textwrap.indent(textwrap.fill(" ".join(lines[:2]), 40), "  | "))
print(sys.argv[1:], len(sys.argv))
