import sys
import threading
import traceback

results = {}
failures = []
lock = threading.Lock()


def parse_record(line):
    name, qty, price = line.split(",")
    return name.strip(), int(qty), float(price)


def process(batch_id, lines):
    total = 0.0
    for line in lines:
        try:
            name, qty, price = parse_record(line)
        except ValueError as exc:
            frames = traceback.extract_tb(exc.__traceback__)
            where = frames[-1]
            with lock:
                failures.append((batch_id, type(exc).__name__, where.name, where.lineno,
                                 len(frames)))
            continue
        total += qty * price
    with lock:
        results[batch_id] = round(total, 2)


def report_hook(args):
    tb = args.exc_traceback
    depth = 0
    while tb is not None:
        depth += 1
        last = tb
        tb = tb.tb_next
    print(f"[hook] {args.thread.name}: {args.exc_type.__name__}: {args.exc_value} "
          f"(depth {depth}, innermost {last.tb_frame.f_code.co_name}:{last.tb_lineno})")


batches = {
    "A": ["apple, 3, 0.5", "pear, 2, 0.75"],
    "B": ["plum, x, 1.0", "kiwi, 4, 0.25", "bad line"],
    "C": ["fig, 10, 0.1"],
}
threading.excepthook = report_hook
threads = [threading.Thread(target=process, args=(b, lines), name=f"batch-{b}")
           for b, lines in batches.items()]
threads.append(threading.Thread(target=process, args=("D", None), name="batch-D"))
for t in threads:
    t.start()
    t.join()

print(sorted(results.items()))
for f in sorted(failures):
    print(f)
try:
    parse_record("only,two")
except ValueError:
    kind, value, tb = sys.exc_info()
    print(kind.__name__, value, tb.tb_lineno, tb.tb_next.tb_frame.f_code.co_name)
    print("".join(traceback.format_tb(tb)).count("File"))
    traceback.print_exception(kind, value, tb, file=sys.stdout)
