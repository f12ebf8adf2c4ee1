import threading
import traceback

ERROR_LOG = "errors.log"
lock = threading.Lock()


def parse_record(line):
    name, age = line.split(",")
    return name.strip(), int(age)


def worker(lines):
    for line in lines:
        try:
            print("parsed", parse_record(line))
        except Exception:
            with lock, open(ERROR_LOG, "a") as log:
                log.write(f"--- bad line: {line!r}\n")
                traceback.print_exc(file=log)


data = ["ann, 31", "bob, x", "cid 40", "dee, 25"]
threads = [threading.Thread(target=worker, args=(data[i::2],)) for i in range(2)]
for t in threads:
    t.start()
    t.join()

with open(ERROR_LOG) as f:
    text = f.read()
print(text.count("Traceback"), "tracebacks logged")
for line in text.splitlines():
    if line.startswith("---") or "Error" in line:
        print(line)
