import random
import threading
import time


class Greeter(threading.Thread):
    def __init__(self, greeting):
        threading.Thread.__init__(self)
        self.greeting = greeting

    def run(self):
        time.sleep(random.random() / 10)
        print("%s from %s" % (self.greeting, self.getName()))


greeters = []
for word in ["Hello", "Hola", "Bonjour"]:
    g = Greeter(word)
    g.setDaemon(True)
    greeters.append(g)
    g.start()

for g in greeters:
    g.join()
print("daemon threads:", [g.isDaemon() for g in greeters])
print("still alive:", threading.activeCount() - 1)
