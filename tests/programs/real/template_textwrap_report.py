import string
import textwrap
import threading

template = string.Template("Worker $name processed $count items ($pct%)")
lines = []
lock = threading.Lock()


def work(name, count, total):
    msg = template.substitute(name=name, count=count, pct=round(100 * count / total))
    with lock:
        lines.append(msg)


jobs = {"alpha": 30, "beta": 50, "gamma": 20}
threads = [threading.Thread(target=work, args=(n, c, 100)) for n, c in jobs.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()
report = " ".join(sorted(lines))
print(textwrap.fill(report, width=40))
print(textwrap.indent("a\nb", "> "))
print(textwrap.dedent("""
    indented
      more
"""))
print(string.ascii_lowercase[:5], string.Template("$x-$y").safe_substitute(x=1))
