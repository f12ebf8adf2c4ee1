# `del name`: locals, globals, a shared variable, and what reading one that is gone raises.
import threading
x = 1
y = 2
del x
try:
    print(x)
except NameError as e:
    print("1", type(e).__name__, e)
def f():
    a = 1
    del a
    try:
        return a
    except UnboundLocalError as e:
        print("2", type(e).__name__, e)
f()
def g():
    del b
try:
    g()
except UnboundLocalError as e:
    print("3", e)
def h():
    global y
    del y
h()
try:
    print(y)
except NameError as e:
    print("4", e)
try:
    del zz
except NameError as e:
    print("5", e)
p, q = 1, 2
del (p, q)
print("ok")
lst = [1, 2, 3]
del lst[0], lst
try:
    lst
except NameError as e:
    print("6", e)
counter = 0
def work():
    global counter
    counter += 1
    del counter
    counter = 5
t = threading.Thread(target=work); t.start(); t.join()
print(counter)
def k():
    def inner():
        pass
    del inner
    return 3
print(k())
