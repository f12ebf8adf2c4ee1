import threading
total = 0
def f():
    global total
    data = [1, 5, 9, 12]
    big = [y for x in data if (y := x * 2) > 5]
    print(big, y)
    if (n := len(big)) > 2:
        print("n", n)
    total = (t := total + 1)
f()
print(total, [last := i for i in range(3)], last)
