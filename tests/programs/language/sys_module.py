import sys
import threading

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval(), sys.maxsize, sys.getrecursionlimit())
for bad in (lambda: sys.setswitchinterval(0), lambda: sys.setswitchinterval("x"),
            lambda: sys.getswitchinterval(1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(e)


def quitter(n):
    print("quitting", n)
    sys.exit(n)
    print("never")


t = threading.Thread(target=quitter, args=(3,))
t.start()
t.join()
try:
    sys.exit("bye")
except SystemExit as e:
    print("caught", e.code, e.args)
try:
    sys.exit()
except Exception:
    print("not an Exception")
except BaseException as e:
    print("BaseException", e.code)
print(type(sys.argv).__name__, len(sys.argv), sys.argv[1:])
sys.argv.append("--verbose")
print(sys.argv[1:], "--verbose" in sys.argv)
print("before")
sys.exit(0)
print("after")
