import time
t = time.localtime(0)
print(t, t.tm_hour, t[0], time.strftime("%Y", t), type(t))
x = ...
print(x, [...], type(x).__name__)
def f(): ...
print(f())
