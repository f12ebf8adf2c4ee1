import threading


def work(n):
    print("work", n)


class Job:
    def run(self, n):
        print("job", n)


for call in (lambda: work(*5), lambda: work(**5), lambda: print(*5)):
    try:
        call()
    except TypeError as e:
        print(e)
# the classic slip: args=(5) is 5, not a tuple
for target in (work, Job().run):
    t = threading.Thread(target=target, args=(5))
    t.start()
    t.join()
t = threading.Thread(target=work, kwargs=[("n", 1)])
t.start()
t.join()
