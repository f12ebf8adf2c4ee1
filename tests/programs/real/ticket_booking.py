import logging
import random
import threading

logging.basicConfig(format="%(threadName)s: %(message)s", level=logging.WARNING)


class TicketCounter:
    def __init__(self, tickets):
        self.tickets = tickets
        self.lock = threading.Lock()

    def book(self, wanted):
        with self.lock:
            if wanted > self.tickets:
                logging.warning("only %d left, %d wanted", self.tickets, wanted)
                return 0
            self.tickets -= wanted
            return wanted


class Customer(threading.Thread):
    def __init__(self, counter, wanted, name):
        super().__init__(name=name)
        self.counter = counter
        self.wanted = wanted
        self.got = 0

    def run(self):
        self.got = self.counter.book(self.wanted)


def main():
    random.seed(8)
    counter = TicketCounter(10)
    customers = [Customer(counter, random.randint(1, 4), f"Customer-{i}") for i in range(6)]
    for c in customers:
        c.start()
    for c in customers:
        c.join()
    for c in customers:
        print(f"{c.name} wanted {c.wanted}, got {c.got}")
    print("tickets left:", counter.tickets)


if __name__ == "__main__":
    main()
