import threading


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = threading.RLock()

    def withdraw(self, amount):
        with self.lock:
            if self.balance >= amount:
                self.balance -= amount
                return True
            return False

    def transfer_all(self, other):
        with self.lock:
            amount = self.balance
            if self.withdraw(amount):
                other.deposit(amount)
            return amount

    def deposit(self, amount):
        with self.lock:
            self.balance += amount


a, b = Account(100), Account(50)
moved = a.transfer_all(b)
print(f"moved {moved}: a={a.balance} b={b.balance}")

lock = threading.RLock()
lock.acquire()
lock.acquire()
print(repr(lock).split(" at ")[0].split()[0], lock._is_owned())
lock.release()
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
